output "offering_id" {
  description = "ID of the published offering."
  value       = mercato_offering.clickhouse.id
}

output "offering_slug" {
  description = "Slug consumers look the offering up by (`data \"mercato_offering\"`)."
  value       = mercato_offering.clickhouse.slug
}

output "plan_ids" {
  description = "Plan IDs by name."
  value       = { for p in [mercato_plan.standard, mercato_plan.premium] : p.name => p.id }
}

output "versions" {
  description = "Published versions and their status."
  value       = { for v in [mercato_offering_version.v1, mercato_offering_version.v2] : v.version => v.status }
}
