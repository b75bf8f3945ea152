/**
 * The configuration the plan/apply figures run: `count` images from one system-disk
 * snapshot. Names carry the count, since every size applies in the same account and
 * ECS image names are unique per account and region.
 */
export function imagesConfig(count: number, snapshotId: string): string {
  return `terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

resource "alicloud_image" "bench" {
  count       = ${count}
  snapshot_id = "${snapshotId}"
  image_name  = "bench-${count}-\${count.index}"
  description = "bench:provider image \${count.index} of ${count}"
  tags = {
    bench = "provider"
  }
}
`;
}
