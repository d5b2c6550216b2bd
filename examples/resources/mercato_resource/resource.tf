variable "orders_db_admin_password" {
  type      = string
  sensitive = true
}

data "mercato_offering" "pg" {
  slug = "postgresql"
}

resource "mercato_resource" "orders_db" {
  project_id  = mercato_project.genomics.id
  offering_id = data.mercato_offering.pg.id
  plan_id     = data.mercato_offering.pg.plans["db-small"].id
  version     = "2.0.0"
  name        = "orders-db"

  # Checked at plan time against the offering version's options schema.
  attributes = {
    postgres_version  = "17"
    database_name     = "orders"
    storage_gb        = 50
    high_availability = false
    backup = {
      schedule       = "0 3 * * *"
      retention_days = 14
    }
    extensions = ["pgcrypto", "pg_stat_statements"]
  }

  # Properties the schema marks writeOnly or format "password": sensitive in plans and state,
  # never returned by the server (so drift on them is not detected).
  secret_attributes = {
    admin_password = var.orders_db_admin_password
  }

  limits = {
    storage = 50
  }

  # true places a pause order (false a resume order) when the offering's plugin supports them.
  paused = false

  timeouts {
    create = "30m"
    delete = "15m"
  }
}

output "orders_db_outputs" {
  value = mercato_resource.orders_db.outputs
}

output "orders_db_backend_state" {
  value = mercato_resource.orders_db.backend_state
}
