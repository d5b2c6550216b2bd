variable "provider_name" {
  description = "Name of the service provider organization that publishes the offering."
  type        = string
  default     = "ACME Analytics Services"
}

variable "slug" {
  description = "Slug of the offering in the catalog (unique)."
  type        = string
  default     = "clickhouse"
}
