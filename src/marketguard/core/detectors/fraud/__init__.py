"""Fraud detectors: scam and account-trade messages (rule pack), look-alike links, fake job posts."""
