variable "name" {
  type        = string
  description = "Name of the service: lowercase letters, digits and dashes, starting with a letter."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}$", var.name))
    error_message = "The name must be 3 to 31 lowercase letters, digits and dashes, starting with a letter."
  }
}

variable "replicas" {
  type        = number
  default     = 2
  description = "How many instances serve it."

  validation {
    condition     = var.replicas >= 1 && var.replicas <= 10
    error_message = "Between 1 and 10 replicas."
  }
}

variable "size" {
  type        = string
  default     = "small"
  description = "Instance size."

  validation {
    condition     = contains(["small", "medium", "large"], var.size)
    error_message = "The size must be small, medium or large."
  }
}

variable "ports" {
  type = list(object({
    port     = number
    protocol = optional(string, "tcp")
  }))
  default     = [{ port = 443 }]
  description = "Ports the load balancer listens on."
}

variable "tags" {
  type        = map(string)
  default     = {}
  description = "Tags set on every instance."
}

variable "admin_password" {
  type        = string
  sensitive   = true
  description = "Password of the service's admin user."
}
