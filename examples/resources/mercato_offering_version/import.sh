# An offering version is imported by its server ID.
terraform import mercato_offering_version.clickhouse_v1 01a1fd11-02b4-7000-9d3c-5b7e8a0f6e41
