# A platform team offers a module it published to Mercato's registry: an offering of type
# `terraform` names the module, and its versions are made from the module's versions, each with
# a configuration schema generated from the module's inputs. Publish the module first:
#
#   npx mercato module publish server/src/demo/modules/web-service \
#     --namespace <your organization's slug> --name web-service --system demo --version 1.0.0
#
# The server runs a module's code (Terraform, its provisioners and providers) only for
# organizations staff allowed: `terraform_runs_allowed = true` on the organization, set by staff.

variable "organization_slug" {
  description = "Slug of your organization: the module's namespace."
  type        = string
}

data "mercato_organization" "platform" {
  slug = var.organization_slug
}

data "mercato_category" "compute" {
  title = "Compute"
}

resource "mercato_offering" "web_service" {
  organization_id = data.mercato_organization.platform.id
  category_id     = data.mercato_category.compute.id
  name            = "Team Web Service"
  slug            = "${var.organization_slug}-web-service"
  description     = "A load-balanced web service, made by our Terraform module."
  type            = "terraform"
  platform        = "other"
  tags            = ["web", "terraform-module"]
  status          = "active"
  auto_approve    = false # an approver sees the plan summary first

  plugin_options = {
    module = "${var.organization_slug}/web-service/demo"
  }

  component {
    type          = "instance"
    name          = "Instance"
    measured_unit = "instance"
    billing_type  = "fixed"
  }
}

resource "mercato_plan" "standard" {
  offering_id = mercato_offering.web_service.id
  name        = "standard"
  unit        = "month"
  prices      = { instance = 12 }
}
