# An offering is imported by its server ID.
terraform import mercato_offering.clickhouse 01a1fd10-8c2e-7000-b4a7-0d9e3f6a1c25
