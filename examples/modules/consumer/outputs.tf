output "url" {
  value = mercato_resource.site.outputs.url
}

output "instance_ids" {
  value = mercato_resource.site.outputs.instance_ids
}

output "admin_connection" {
  value     = mercato_resource.site.secret_outputs.admin_connection
  sensitive = true
}
