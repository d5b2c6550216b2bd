data "mercato_organization" "acme" {
  name = "ACME Research"
}

data "mercato_project" "genomics" {
  organization_id = data.mercato_organization.acme.id
  name            = "Genomics pipeline"
}

output "genomics_project_id" {
  value = data.mercato_project.genomics.id
}
