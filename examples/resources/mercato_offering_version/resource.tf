resource "mercato_offering_version" "clickhouse_v1" {
  offering_id = mercato_offering.clickhouse.id
  version     = "1.0.0"
  status      = "available"
  changelog   = "First release: ClickHouse 24.8, one to three shards."

  # The JSON Schema of the `attributes` of resources ordered with this version.
  options_schema = jsonencode({
    type                 = "object"
    additionalProperties = false
    required             = ["database_name"]
    properties = {
      database_name = {
        type        = "string"
        description = "Name of the first database."
        pattern     = "^[a-z_][a-z0-9_]*$"
      }
      shards = {
        type        = "integer"
        description = "Number of shards."
        minimum     = 1
        maximum     = 3
        default     = 1
      }
    }
  })
}
