# A team orders the demo's `web-service` offering (`npm start` seeds it): a Terraform module from
# Mercato's registry that the server applies for the order. The attributes are the module's
# inputs, checked at plan time against the schema Mercato generated from them; the module's
# outputs come back as the resource's outputs.

resource "mercato_organization" "team" {
  name = var.organization_name
}

resource "mercato_project" "web" {
  organization_id = mercato_organization.team.id
  name            = "web-${var.environment}"
}

data "mercato_offering" "web_service" {
  slug = "web-service"
}

resource "mercato_resource" "site" {
  project_id  = mercato_project.web.id
  offering_id = data.mercato_offering.web_service.id
  plan_id     = data.mercato_offering.web_service.plans["standard"].id
  version     = data.mercato_offering.web_service.latest_version
  name        = "shop-${var.environment}"

  attributes = {
    name     = "shop-${var.environment}"
    replicas = var.replicas
    size     = "medium"
    ports    = [{ port = 443 }, { port = 80, protocol = "tcp" }]
    tags     = { team = "shop", environment = var.environment }
  }

  # The module's sensitive input: kept out of plans and never answered back.
  secret_attributes = {
    admin_password = var.admin_password
  }

  timeouts {
    create = "10m"
    update = "10m"
    delete = "10m"
  }
}
