variable "name" {
  description = "Name of every resource the example creates."
  type        = string
  default     = "image-from-snapshot"
}
