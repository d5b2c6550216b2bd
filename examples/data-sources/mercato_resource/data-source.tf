data "mercato_organization" "acme" {
  name = "ACME Research"
}

data "mercato_project" "genomics" {
  organization_id = data.mercato_organization.acme.id
  name            = "Genomics pipeline"
}

# A resource ordered outside this configuration (by another team, or through the console).
data "mercato_resource" "orders_db" {
  project_id = data.mercato_project.genomics.id
  name       = "orders-db"
}

output "orders_db_host" {
  value = data.mercato_resource.orders_db.outputs.host
}

output "orders_db_paused" {
  value = data.mercato_resource.orders_db.paused
}

# What the offering's plugin last reported of it on its backend, and when.
output "orders_db_backend_state" {
  value = {
    reported = data.mercato_resource.orders_db.backend_state
    at       = data.mercato_resource.orders_db.pulled_at
  }
}
