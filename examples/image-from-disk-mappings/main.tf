# A custom image combining two disks: the instance's system disk and a data disk attached
# to it, each snapshotted, then put together with `disk_device_mapping` (one system disk,
# up to 16 data disks). Every instance launched from the image gets both disks.

data "alicloud_zones" "default" {
  available_resource_creation = "Instance"
}

data "alicloud_instance_types" "default" {
  availability_zone    = data.alicloud_zones.default.zones.0.id
  instance_type_family = "ecs.g7"
}

data "alicloud_images" "default" {
  name_regex  = "^ubuntu_22.*64"
  owners      = "system"
  most_recent = true
}

resource "alicloud_vpc" "default" {
  vpc_name   = var.name
  cidr_block = "192.168.0.0/16"
}

resource "alicloud_vswitch" "default" {
  vswitch_name = var.name
  cidr_block   = "192.168.1.0/24"
  vpc_id       = alicloud_vpc.default.id
  zone_id      = data.alicloud_zones.default.zones.0.id
}

resource "alicloud_security_group" "default" {
  security_group_name = var.name
  vpc_id              = alicloud_vpc.default.id
}

resource "alicloud_instance" "default" {
  availability_zone = data.alicloud_zones.default.zones.0.id
  instance_name     = var.name
  security_groups   = [alicloud_security_group.default.id]
  vswitch_id        = alicloud_vswitch.default.id
  instance_type     = data.alicloud_instance_types.default.ids[0]
  image_id          = data.alicloud_images.default.ids[0]
}

resource "alicloud_disk" "data" {
  zone_id   = data.alicloud_zones.default.zones.0.id
  disk_name = "${var.name}-data"
  category  = "cloud_essd"
  size      = var.data_disk_size
}

resource "alicloud_disk_attachment" "data" {
  disk_id     = alicloud_disk.data.id
  instance_id = alicloud_instance.default.id
}

resource "alicloud_ecs_snapshot" "system" {
  disk_id       = alicloud_instance.default.system_disk_id
  snapshot_name = "${var.name}-system"
}

resource "alicloud_ecs_snapshot" "data" {
  # Through the attachment, so the snapshot is taken once the disk is attached (and
  # deleted before it is detached).
  disk_id       = alicloud_disk_attachment.data.disk_id
  snapshot_name = "${var.name}-data"
}

resource "alicloud_image" "default" {
  image_name   = "${var.name}-combined"
  description  = "System and data disk of ${var.name}"
  architecture = "x86_64"
  platform     = "Ubuntu"

  disk_device_mapping {
    disk_type   = "system"
    snapshot_id = alicloud_ecs_snapshot.system.id
  }

  disk_device_mapping {
    disk_type   = "data"
    snapshot_id = alicloud_ecs_snapshot.data.id
    size        = var.data_disk_size
  }
}
