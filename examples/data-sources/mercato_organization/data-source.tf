data "mercato_organization" "acme" {
  name = "ACME Research"
}

output "acme_organization_id" {
  value = data.mercato_organization.acme.id
}
