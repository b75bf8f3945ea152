# The Example Usage of the alibabacloudstack_image documentation: a custom image made from an
# instance, named, described and tagged. The published example takes the instance id as a
# literal; here the instance is made in the same configuration (with the alicloud provider,
# pointed at the same local cloud), so the example runs as it stands.
#
# The Apsara Stack provider carries its tenant on every call (department = organization,
# resource_group = resource set), from ALIBABACLOUDSTACK_DEPARTMENT and
# ALIBABACLOUDSTACK_RESOURCE_GROUP (`ecs-image env` exports both). The image is created in
# that resource set and only that resource set can see it.

terraform {
  required_providers {
    alicloud          = { source = "aliyun/alicloud" }
    alibabacloudstack = { source = "aliyun/alibabacloudstack" }
  }
}

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

resource "alibabacloudstack_image" "default" {
  instance_id = alicloud_instance.default.id
  image_name  = var.image_name
  description = "test-image"
  tags = {
    FinanceDept = "FinanceDeptJoshua"
  }
  # Delete the image even if an instance was launched from it in the meantime.
  force = true
}
