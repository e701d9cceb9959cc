"""Labelled simulators for evaluating detectors on streams nobody could label by hand."""
