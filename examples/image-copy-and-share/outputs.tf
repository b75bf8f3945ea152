output "image_id" {
  value = alicloud_image.app.id
}

output "copy_id" {
  value = alicloud_image_copy.app.id
}

output "shared_with" {
  value = [for share in alicloud_image_share_permission.team : share.account_id]
}
