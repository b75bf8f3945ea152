output "image_id" {
  value = alicloud_image.default.id
}

output "disk_device_mapping" {
  value = alicloud_image.default.disk_device_mapping
}
