data "mercato_offering" "vm" {
  slug = "virtual-machine"
}

# What the "small" plan costs each month with 4 cores, before ordering.
data "mercato_cost_estimate" "small" {
  offering_id = data.mercato_offering.vm.id
  plan_id     = data.mercato_offering.vm.plans["small"].id
  limits      = { cpu = 4 }
}

output "monthly" {
  value = "${data.mercato_cost_estimate.small.monthly_total} ${data.mercato_cost_estimate.small.currency}"
}
