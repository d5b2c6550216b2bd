resource "mercato_organization" "provider" {
  name = "ACME Analytics Services"
}

data "mercato_category" "databases" {
  title = "Databases"
}

# `status = "active"` is asked for at once: the catalog shows the offering active once it has a
# mercato_plan and a mercato_offering_version (declared beside it, they come in the same apply).
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

# Shown only to its provider, staff and the organizations and projects listed.
resource "mercato_offering" "private_gpu" {
  organization_id          = mercato_organization.provider.id
  category_id              = data.mercato_category.databases.id
  name                     = "Private GPU nodes"
  type                     = "manual"
  status                   = "active"
  visibility               = "restricted"
  allowed_organization_ids = [var.partner_organization_id]
  allowed_project_ids      = [var.research_project_id]
}

variable "partner_organization_id" {
  description = "An organization that may see and order the GPU nodes."
  type        = string
}

variable "research_project_id" {
  description = "A project (of any organization) that may see and order them."
  type        = string
}
