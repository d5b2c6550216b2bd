# The genomics project may hold at most 64 vCPUs across its resources.
resource "mercato_quota" "genomics_cpu" {
  organization_id = mercato_organization.acme.id
  project_id      = mercato_project.genomics.id
  component       = "cpu"
  limit           = 64
}

# The whole organization may hold at most 5 resources of the managed PostgreSQL offering.
resource "mercato_quota" "acme_postgres" {
  organization_id = mercato_organization.acme.id
  offering_id     = data.mercato_offering.postgres.id
  limit           = 5
}
