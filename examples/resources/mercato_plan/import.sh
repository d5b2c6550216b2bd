# A plan is imported by its server ID.
terraform import mercato_plan.clickhouse_standard 01a1fd12-7f60-7000-a1b8-3c4d5e6f7a82
