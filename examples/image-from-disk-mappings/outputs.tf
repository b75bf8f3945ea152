output "image_id" {
  value = alicloud_image.default.id
}

output "disk_device_mapping" {
  description = "The image's disks as ECS reports them: device, size, format, snapshot of each."
  value       = alicloud_image.default.disk_device_mapping
}
