data "mercato_category" "databases" {
  title = "Databases"
}

# Active database offerings on GCP tagged "sql", as the console's search finds them.
data "mercato_offerings" "sql_on_gcp" {
  category_id = data.mercato_category.databases.id
  platform    = "gcp"
  tags        = ["sql"]
  status      = "active"
}

output "sql_offerings" {
  value = { for o in data.mercato_offerings.sql_on_gcp.offerings : o.slug => o.latest_version }
}
