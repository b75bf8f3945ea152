# A custom image from a snapshot of an instance's system disk: the instance runs, its
# system disk is snapshotted, and the image is made from that snapshot. Destroying removes
# the image first (ECS refuses to delete a snapshot an image still uses), then the
# snapshot, the instance (with its system disk) and the network.

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
  cidr_block = "172.16.0.0/16"
}

resource "alicloud_vswitch" "default" {
  vswitch_name = var.name
  cidr_block   = "172.16.0.0/24"
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
  system_disk_size  = 40
}

resource "alicloud_ecs_snapshot" "system" {
  disk_id       = alicloud_instance.default.system_disk_id
  snapshot_name = "${var.name}-system"
  description   = "System disk of ${var.name}"
}

resource "alicloud_image" "default" {
  snapshot_id  = alicloud_ecs_snapshot.system.id
  image_name   = "${var.name}-from-snapshot"
  description  = "Made from the system disk snapshot ${alicloud_ecs_snapshot.system.id}"
  architecture = "x86_64"
  platform     = "Ubuntu"
  tags = {
    Source = "snapshot"
  }
}
