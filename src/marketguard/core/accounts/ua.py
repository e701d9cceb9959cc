"""User agents to browser and OS families (ua-parser's maintained regexes), cached per string."""

from __future__ import annotations

from functools import lru_cache

from ua_parser import parse_os, parse_user_agent

MOBILE_OS = frozenset({"Android", "iOS", "iPadOS"})


@lru_cache(maxsize=16384)
def families(user_agent: str) -> tuple[str, str]:
    """(browser family, OS family); 'other' for what ua-parser does not know."""
    if not user_agent:
        return "other", "other"
    ua = parse_user_agent(user_agent)
    os = parse_os(user_agent)
    return (
        ua.family if ua and ua.family != "Other" else "other",
        os.family if os and os.family != "Other" else "other",
    )
