output "url" {
  value       = "https://${var.name}.web.demo.mercato.example"
  description = "Where the service answers."
}

output "instance_ids" {
  value       = terraform_data.instance[*].id
  description = "IDs of the instances."
}

output "admin_connection" {
  value       = "https://admin:${var.admin_password}@${var.name}.web.demo.mercato.example/admin"
  sensitive   = true
  description = "The admin console's address with the admin's credentials."
}
