# A consumer team orders services from the demo catalog (`npm start` seeds it) into its project:
# a PostgreSQL database looked up by slug, and a Redis cache found by searching the catalog.

resource "mercato_organization" "team" {
  name        = var.organization_name
  description = "Research computing for the ACME labs."
}

resource "mercato_project" "app" {
  organization_id = mercato_organization.team.id
  name            = "orders-${var.environment}"
  description     = "The orders service and its backing services (${var.environment})."
}

# Catalog lookups

data "mercato_offering" "pg" {
  slug = "postgresql"
}

data "mercato_category" "databases" {
  title = "Databases"
}

# Search as the console does: active database offerings tagged "cache".
data "mercato_offerings" "caches" {
  category_id = data.mercato_category.databases.id
  tags        = ["cache"]
  status      = "active"
}

data "mercato_offering" "cache" {
  id = data.mercato_offerings.caches.ids[0]
}

# Orders: both offerings are auto-approved, so apply returns once they are OK. The PostgreSQL one
# creates a real database (the `postgresql` plugin, on the server of MERCATO_DEMO_POSTGRES_URL);
# the Redis one is an `allocation`, a record only.

resource "mercato_resource" "db" {
  project_id  = mercato_project.app.id
  offering_id = data.mercato_offering.pg.id
  plan_id     = data.mercato_offering.pg.plans["db-small"].id
  version     = data.mercato_offering.pg.latest_version
  name        = "orders-db-${var.environment}"

  # Validated at plan time against the version's options schema.
  attributes = {
    postgres_version  = "17"
    database_name     = "orders"
    connection_limit  = 10
    storage_gb        = 20
    high_availability = false
    backup = {
      schedule       = "0 3 * * *"
      retention_days = 14
    }
    extensions = ["pgcrypto", "pg_stat_statements"]
  }

  limits = {
    storage = 20
  }

  timeouts {
    create = "10m"
    delete = "10m"
  }
}

resource "mercato_resource" "cache" {
  project_id  = mercato_project.app.id
  offering_id = data.mercato_offering.cache.id
  plan_id     = data.mercato_offering.cache.plans["cache-basic"].id
  name        = "orders-cache-${var.environment}"

  attributes = {
    memory_gb       = 2
    eviction_policy = "allkeys-lru"
    persistence     = "none"
  }

  limits = {
    memory = 2
  }
}
