output "image_id" {
  value = alicloud_image.default.id
}

output "snapshot_id" {
  value = alicloud_ecs_snapshot.system.id
}
