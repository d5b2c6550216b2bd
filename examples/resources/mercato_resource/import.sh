# A resource is imported by its server ID; `attributes` and `limits` are read from the server.
# Secrets cannot be read back: write them in `secret_attributes`; the first apply places an
# update order only if they differ from what the server holds.
terraform import mercato_resource.orders_db 01a1fd20-4a9b-7000-8e2f-9c1d0b3a5e67
