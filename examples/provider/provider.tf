terraform {
  required_providers {
    mercato = {
      source  = "mercato/mercato"
      version = "~> 0.1"
    }
  }
}

# Reads MERCATO_ENDPOINT and MERCATO_TOKEN from the environment when not set here.
provider "mercato" {
  endpoint = "http://127.0.0.1:8080"
  token    = var.mercato_token
}

variable "mercato_token" {
  description = "Mercato API token, e.g. the admin token in .mercato/admin-token."
  type        = string
  sensitive   = true
}
