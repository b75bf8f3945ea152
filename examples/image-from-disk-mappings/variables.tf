variable "name" {
  description = "Name of every resource the example creates."
  type        = string
  default     = "image-from-disk-mappings"
}

variable "data_disk_size" {
  description = "Size of the data disk (and of its disk in the image), GiB."
  type        = number
  default     = 40
}
