# A module under test: an image made from a snapshot of an instance's system disk.
# `terraform test` (tests/image.tftest.hcl) applies it against the local cloud and checks
# what the cloud reports, then destroys it.

variable "image_name" {
  type    = string
  default = "tftest-image"
}

data "alicloud_zones" "default" {
  available_resource_creation = "Instance"
}

data "alicloud_images" "ubuntu" {
  name_regex = "^ubuntu_22.*64"
  owners     = "system"
}

resource "alicloud_vpc" "default" {
  vpc_name   = "tftest"
  cidr_block = "10.40.0.0/16"
}

resource "alicloud_vswitch" "default" {
  vpc_id     = alicloud_vpc.default.id
  cidr_block = "10.40.1.0/24"
  zone_id    = data.alicloud_zones.default.zones.0.id
}

resource "alicloud_security_group" "default" {
  security_group_name = "tftest"
  vpc_id              = alicloud_vpc.default.id
}

resource "alicloud_instance" "default" {
  instance_name   = "tftest"
  instance_type   = "ecs.g7.large"
  image_id        = data.alicloud_images.ubuntu.ids[0]
  vswitch_id      = alicloud_vswitch.default.id
  security_groups = [alicloud_security_group.default.id]
}

resource "alicloud_ecs_snapshot" "system" {
  disk_id       = alicloud_instance.default.system_disk_id
  snapshot_name = "tftest-system"
}

resource "alicloud_image" "default" {
  snapshot_id  = alicloud_ecs_snapshot.system.id
  image_name   = var.image_name
  architecture = "x86_64"
  platform     = "Ubuntu"
  tags = {
    Purpose = "terraform-test"
  }
}

output "image_id" {
  value = alicloud_image.default.id
}
