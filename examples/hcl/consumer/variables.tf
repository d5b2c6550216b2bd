variable "organization_name" {
  description = "Name of the consumer organization to create."
  type        = string
  default     = "ACME Research"
}

variable "environment" {
  description = "Suffix of the project and resource names, e.g. `staging`."
  type        = string
  default     = "dev"
}
