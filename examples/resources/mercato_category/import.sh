# A category is imported by its server ID.
terraform import mercato_category.analytics 01a1fd02-33c1-7000-8a51-6f0e2b9c4d10
