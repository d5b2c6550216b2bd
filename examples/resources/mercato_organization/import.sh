# An organization is imported by its server ID.
terraform import mercato_organization.acme 01a1fc94-9e6a-7000-9e71-902a1e7340bb
