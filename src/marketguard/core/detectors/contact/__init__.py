"""Detectors of the `contact` family: a means of direct contact, shared, requested or pointed to."""
