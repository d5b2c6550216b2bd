resource "mercato_organization" "acme" {
  name = "ACME Research"
}

resource "mercato_project" "genomics" {
  organization_id = mercato_organization.acme.id
  name            = "Genomics pipeline"
  description     = "Sequencing data processing; databases and buckets of the pipeline are ordered here."
}
