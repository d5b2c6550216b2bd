output "project_id" {
  value = mercato_project.app.id
}

output "database" {
  description = "The PostgreSQL resource: its state, version and what provisioning returned."
  value = {
    id      = mercato_resource.db.id
    state   = mercato_resource.db.state
    version = mercato_resource.db.version
    outputs = mercato_resource.db.outputs
  }
}

output "cache" {
  value = {
    offering = data.mercato_offering.cache.slug
    state    = mercato_resource.cache.state
    outputs  = mercato_resource.cache.outputs
  }
}

output "database_offerings_found" {
  description = "What the catalog search found."
  value       = [for o in data.mercato_offerings.caches.offerings : o.name]
}
