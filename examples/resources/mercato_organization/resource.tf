resource "mercato_organization" "acme" {
  name        = "ACME Research"
  description = "Research computing for the ACME labs: consumer of the catalog and provider of analytics services."
}
