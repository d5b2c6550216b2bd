resource "mercato_organization" "provider" {
  name = "ACME Analytics Services"
}

data "mercato_category" "databases" {
  title = "Databases"
}

resource "mercato_offering" "clickhouse" {
  organization_id   = mercato_organization.provider.id
  category_id       = data.mercato_category.databases.id
  name              = "Managed ClickHouse"
  slug              = "clickhouse"
  description       = "A ClickHouse cluster for analytical queries, with backups and a web SQL console."
  type              = "allocation"
  platform          = "on-premises"
  tags              = ["analytics", "olap", "sql", "clickhouse"]
  status            = "active"
  auto_approve      = true
  documentation_url = "https://docs.acme.example/analytics/clickhouse"
  requirements      = "Clients connect over TLS on port 9440."

  plugin_options = {
    backend_id_prefix = "clickhouse"
  }
  secret_options = {
    backend_password = var.backend_password
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
}

variable "backend_password" {
  description = "Password the provisioning plugin uses on the ClickHouse backend."
  type        = string
  sensitive   = true
}
