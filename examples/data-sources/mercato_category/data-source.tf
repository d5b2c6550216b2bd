data "mercato_category" "databases" {
  title = "Databases"
}

output "databases_category_id" {
  value = data.mercato_category.databases.id
}
