"""Detectors: plugins behind `Detector`, listed in `marketguard.core.registry`."""
