variable "name_suffix" {
  description = "Suffix of the image name (the published example draws it with random_integer)."
  type        = number
  default     = 10000

  validation {
    condition     = var.name_suffix >= 10000 && var.name_suffix <= 99999
    error_message = "name_suffix must be between 10000 and 99999, like the random_integer it replaces."
  }
}
