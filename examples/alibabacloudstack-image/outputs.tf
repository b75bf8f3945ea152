output "image_id" {
  description = "ID of the custom image."
  value       = alibabacloudstack_image.default.id
}

output "disk_device_mapping" {
  description = "The disks of the image, as ECS reports them."
  value       = alibabacloudstack_image.default.disk_device_mapping
}
