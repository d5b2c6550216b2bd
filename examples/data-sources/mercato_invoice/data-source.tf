data "mercato_organization" "team" {
  slug = "team"
}

# The team's invoice of November 2026: pending until staff close the month, then final.
data "mercato_invoice" "november" {
  organization_id = data.mercato_organization.team.id
  period          = "2026-11"
}

output "november_totals" {
  value = { for t in data.mercato_invoice.november.totals : t.currency => t.amount }
}
