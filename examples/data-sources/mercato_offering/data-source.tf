data "mercato_offering" "pg" {
  slug = "postgresql"
}

output "postgresql" {
  value = {
    latest_version = data.mercato_offering.pg.latest_version
    versions       = data.mercato_offering.pg.versions
    small_plan_id  = data.mercato_offering.pg.plans["db-small"].id
  }
}
