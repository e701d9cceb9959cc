"""marketguard's exceptions, one tree so callers can catch what they mean.

MarketguardError
├── RecordError        an input record is malformed (bad JSON, no text, wrong types)
├── PolicyError        the policy table is malformed (marketguard.core.policy)
└── ConfigError        a configuration file or value is wrong
"""

from __future__ import annotations


class MarketguardError(Exception):
    """Base of every error marketguard raises on purpose."""


class RecordError(MarketguardError):
    """An input record cannot be screened; the message says which field and why."""


class ConfigError(MarketguardError):
    """Configuration is invalid; the message names the file or key."""
