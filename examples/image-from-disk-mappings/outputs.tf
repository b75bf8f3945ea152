output "image_id" {
  value = alicloud_image.default.id
}

output "snapshot_ids" {
  description = "The snapshots the image is made of, system disk first."
  value       = [for mapping in alicloud_image.default.disk_device_mapping : mapping.snapshot_id]
}
