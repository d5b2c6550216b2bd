terraform {
  required_version = ">= 1.5"

  required_providers {
    mercato = {
      source  = "mercato/mercato"
      version = "~> 0.1"
    }
  }
}

# Endpoint and token come from MERCATO_ENDPOINT and MERCATO_TOKEN.
provider "mercato" {}
