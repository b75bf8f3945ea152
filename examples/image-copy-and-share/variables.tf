variable "source_region" {
  description = "Where the image is built."
  type        = string
  default     = "cn-hangzhou"
}

variable "copy_region" {
  description = "Where the copy is made (through the aliased provider alicloud.copy)."
  type        = string
  default     = "cn-shanghai"
}

variable "share_with_account_id" {
  description = "The account the copy is shared with; null shares it with nobody."
  type        = string
  default     = null
}

variable "ssh_cidr" {
  description = "Who may reach the build instance on port 22."
  type        = string
  default     = "10.0.0.0/8"
}

variable "image_version" {
  description = "Part of the image names."
  type        = string
  default     = "1-0-0"
}
