# Stand-ins for real infrastructure that need no provider and no network: each terraform_data
# resource is one thing a cloud module would create.
resource "terraform_data" "instance" {
  count = var.replicas
  input = {
    name = "${var.name}-${count.index}"
    size = var.size
    tags = var.tags
  }
}

resource "terraform_data" "load_balancer" {
  input = {
    name    = "${var.name}-lb"
    targets = terraform_data.instance[*].id
    ports   = var.ports
  }
}

resource "terraform_data" "admin_user" {
  # Replaced when the password changes, as a real admin user would be updated.
  triggers_replace = [sha256(var.admin_password)]
  input            = { name = "admin" }
}
