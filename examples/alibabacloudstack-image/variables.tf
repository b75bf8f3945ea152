variable "name" {
  description = "Name of the network and instance the image is made from."
  type        = string
  default     = "alibabacloudstack-image"
}

variable "image_name" {
  description = "Name of the image: 2 to 128 characters, starting with a letter or a Chinese character."
  type        = string
  default     = "test-image"
}
