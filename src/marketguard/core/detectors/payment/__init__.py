"""Detectors of the `payment` family: paying or being paid outside the platform."""
