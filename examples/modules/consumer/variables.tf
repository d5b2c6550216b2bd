variable "organization_name" {
  description = "Name of the consumer organization to create."
  type        = string
  default     = "Shop Team"
}

variable "environment" {
  description = "Suffix of the project and resource names, e.g. `staging`."
  type        = string
  default     = "dev"
}

variable "replicas" {
  description = "Instances of the web service."
  type        = number
  default     = 2
}

variable "admin_password" {
  description = "Password of the web service's admin user."
  type        = string
  sensitive   = true
}
