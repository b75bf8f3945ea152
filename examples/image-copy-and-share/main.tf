# An image built in one region, copied to a second one through an aliased provider and
# shared there with another account; the instance it is made from logs in with a key pair
# and sits behind explicit ingress and egress rules.

provider "alicloud" {
  region = var.source_region
}

provider "alicloud" {
  alias  = "copy"
  region = var.copy_region
}

data "alicloud_zones" "default" {
  available_resource_creation = "Instance"
}

data "alicloud_instance_types" "default" {
  instance_type_family = "ecs.sn1ne"
}

data "alicloud_images" "ubuntu" {
  name_regex = "^ubuntu_18.*64"
  owners     = "system"
}

resource "alicloud_vpc" "build" {
  vpc_name   = "image-build"
  cidr_block = "172.18.0.0/16"
}

resource "alicloud_vswitch" "build" {
  vswitch_name = "image-build"
  cidr_block   = "172.18.1.0/24"
  vpc_id       = alicloud_vpc.build.id
  zone_id      = data.alicloud_zones.default.zones.0.id
}

resource "alicloud_security_group" "build" {
  security_group_name = "image-build"
  vpc_id              = alicloud_vpc.build.id
}

resource "alicloud_security_group_rule" "ssh_in" {
  security_group_id = alicloud_security_group.build.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "22/22"
  cidr_ip           = var.ssh_cidr
  priority          = 10
  description       = "ssh to the build instance"
}

resource "alicloud_security_group_rule" "all_out" {
  security_group_id = alicloud_security_group.build.id
  type              = "egress"
  ip_protocol       = "all"
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_ecs_key_pair" "build" {
  key_pair_name = "image-build"
  key_file      = "${path.module}/image-build.pem"
}

resource "alicloud_instance" "build" {
  availability_zone          = data.alicloud_zones.default.zones.0.id
  instance_name              = "image-build"
  security_groups            = [alicloud_security_group.build.id]
  vswitch_id                 = alicloud_vswitch.build.id
  instance_type              = data.alicloud_instance_types.default.ids[0]
  image_id                   = data.alicloud_images.ubuntu.ids[0]
  key_name                   = alicloud_ecs_key_pair.build.key_pair_name
  internet_max_bandwidth_out = 10

  # The rules are part of what the instance is built with.
  depends_on = [alicloud_security_group_rule.ssh_in, alicloud_security_group_rule.all_out]
}

resource "alicloud_image" "app" {
  instance_id = alicloud_instance.build.id
  image_name  = "app-${var.image_version}"
  description = "The app image, built in ${var.source_region}"
  tags = {
    app = "demo"
  }
}

resource "alicloud_image_copy" "app" {
  provider         = alicloud.copy
  source_image_id  = alicloud_image.app.id
  source_region_id = var.source_region
  image_name       = "app-${var.image_version}"
  description      = "The app image, copied from ${var.source_region}"
  tags = {
    app = "demo"
  }
}

resource "alicloud_image_share_permission" "team" {
  count      = var.share_with_account_id == null ? 0 : 1
  provider   = alicloud.copy
  image_id   = alicloud_image_copy.app.id
  account_id = var.share_with_account_id
}
