"""The policy table and the pure function that applies it."""

from marketguard.core.policy.table import Policy, PolicyError, PolicyRow, Verdict, decide, parse_policy

__all__ = ["Policy", "PolicyError", "PolicyRow", "Verdict", "decide", "parse_policy"]
