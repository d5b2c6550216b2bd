resource "mercato_plan" "clickhouse_standard" {
  offering_id = mercato_offering.clickhouse.id
  name        = "standard"
  description = "Shared nodes; storage billed by use."
  unit        = "month"

  # Keyed by the offering's component types.
  prices = {
    vcpu    = 22
    storage = 0.09
  }
}
