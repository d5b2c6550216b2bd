# Only staff users manage categories.
resource "mercato_category" "analytics" {
  title       = "Analytics"
  description = "Data warehouses, notebooks and dashboards."
}
