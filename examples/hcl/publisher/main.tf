# A service provider publishes a managed ClickHouse service: its own organization, a catalog
# category, the offering with its priced components, two versions with their configuration
# schemas and two plans. Consumers then order it like any demo offering (see ../consumer).

resource "mercato_organization" "provider" {
  name        = var.provider_name
  description = "Analytics services run by the ACME data platform team."
}

# Categories are managed by staff: run this with the admin token.
resource "mercato_category" "analytics" {
  title       = "Analytics"
  description = "Column stores, notebooks and dashboards."
}

# `status = "active"` below is what the provider asks for: the server activates the offering once
# it has a plan and a version, which the resources after it add in the same apply.
resource "mercato_offering" "clickhouse" {
  organization_id   = mercato_organization.provider.id
  category_id       = mercato_category.analytics.id
  name              = "Managed ClickHouse"
  slug              = var.slug
  description       = "A ClickHouse cluster for analytical queries, with daily backups and a web SQL console."
  type              = "allocation" # granted at once; `manual` waits for the provider to complete orders
  platform          = "on-premises"
  tags              = ["analytics", "olap", "sql", "clickhouse"]
  status            = "active"
  auto_approve      = true
  documentation_url = "https://docs.acme.example/analytics/clickhouse"
  requirements      = "Clients connect over TLS on port 9440."

  # Options of the `allocation` plugin: backend IDs given out look like `clickhouse-<id>`.
  plugin_options = {
    backend_id_prefix = "clickhouse"
  }

  component {
    type          = "vcpu"
    name          = "vCPU"
    measured_unit = "core"
    billing_type  = "limit"
  }

  component {
    type          = "storage"
    name          = "Storage"
    measured_unit = "GB"
    billing_type  = "usage"
  }

  component {
    type          = "support"
    name          = "Support fee"
    measured_unit = "month"
    billing_type  = "fixed"
  }
}

locals {
  # Shared by both versions' configuration schemas (snake_case, as HCL writes `attributes`).
  database_name = {
    type        = "string"
    description = "Name of the first database."
    pattern     = "^[a-z_][a-z0-9_]*$"
    maxLength   = 63
  }
  shards = {
    type        = "integer"
    description = "Number of shards."
    minimum     = 1
    maximum     = 8
    default     = 1
  }
}

resource "mercato_offering_version" "v1" {
  offering_id = mercato_offering.clickhouse.id
  version     = "1.0.0"
  status      = "available"
  changelog   = "First release: ClickHouse 24.3, one to eight shards."

  options_schema = jsonencode({
    type                 = "object"
    additionalProperties = false
    required             = ["database_name"]
    properties = {
      database_name = local.database_name
      shards        = local.shards
    }
  })
}

resource "mercato_offering_version" "v2" {
  offering_id = mercato_offering.clickhouse.id
  version     = "2.0.0"
  status      = "beta"
  changelog   = "ClickHouse 24.8; adds `replicas` and the `clickhouse_version` choice."

  options_schema = jsonencode({
    type                 = "object"
    additionalProperties = false
    required             = ["database_name"]
    properties = {
      database_name = local.database_name
      shards        = local.shards
      replicas = {
        type        = "integer"
        description = "Replicas of each shard."
        minimum     = 1
        maximum     = 3
        default     = 2
      }
      clickhouse_version = {
        type        = "string"
        description = "ClickHouse release."
        enum        = ["24.3", "24.8"]
        default     = "24.8"
      }
    }
  })
}

resource "mercato_plan" "standard" {
  offering_id = mercato_offering.clickhouse.id
  name        = "standard"
  description = "Shared nodes, business-hours support."
  unit        = "month"
  prices = {
    vcpu    = 22
    storage = 0.09
    support = 0
  }
}

resource "mercato_plan" "premium" {
  offering_id = mercato_offering.clickhouse.id
  name        = "premium"
  description = "Dedicated nodes, 24/7 support."
  unit        = "month"
  prices = {
    vcpu    = 35
    storage = 0.09
    support = 250
  }
}
