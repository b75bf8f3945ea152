# Real applies against the local cloud, no mocks: each run creates what main.tf declares and
# asserts on what the cloud answered. `terraform test` destroys everything at the end.

run "image_from_snapshot" {
  command = apply

  assert {
    condition     = alicloud_image.default.status == "Available"
    error_message = "the image is not Available after apply"
  }

  assert {
    condition     = alicloud_image.default.usable
    error_message = "the image is not usable"
  }

  assert {
    condition     = alicloud_image.default.disk_device_mapping[0].snapshot_id == alicloud_ecs_snapshot.system.id
    error_message = "the image's system disk is not the snapshot it was made from"
  }

  assert {
    condition     = startswith(output.image_id, "m-")
    error_message = "the image id does not look like an ECS image id"
  }
}

run "rename_in_place" {
  command = apply

  variables {
    image_name = "tftest-image-renamed"
  }

  assert {
    condition     = alicloud_image.default.image_name == "tftest-image-renamed"
    error_message = "the image was not renamed"
  }

  assert {
    condition     = output.image_id == run.image_from_snapshot.image_id
    error_message = "renaming replaced the image instead of updating it in place"
  }
}
