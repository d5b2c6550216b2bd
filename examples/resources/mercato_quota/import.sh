# A quota is imported by its server ID.
terraform import mercato_quota.genomics_cpu 01a1fc94-9e78-7000-9c12-d386b6e8741d
