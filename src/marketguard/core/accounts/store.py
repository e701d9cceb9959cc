"""Where per-account profiles live: a small interface, and the in-memory implementation `scan` uses.

A store hands out a profile and takes it back; the monitor does all the thinking. The Redis store
(`marketguard.adapters.state.redis_accounts`) implements the same interface for the service and for
many workers.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

from marketguard.core.accounts.profile import Profile


class AccountStore(Protocol):
    """Get and put one account's profile; `get` returns None for an account never seen."""

    def get(self, account_id: str) -> Profile | None: ...

    def put(self, account_id: str, profile: Profile) -> None: ...


class InMemoryAccounts:
    """Profiles in a dictionary, the least recently used dropped beyond `max_accounts`."""

    def __init__(self, max_accounts: int = 2_000_000) -> None:
        self._profiles: OrderedDict[str, Profile] = OrderedDict()
        self._max = max_accounts

    def get(self, account_id: str) -> Profile | None:
        profile = self._profiles.get(account_id)
        if profile is not None:
            self._profiles.move_to_end(account_id)
        return profile

    def put(self, account_id: str, profile: Profile) -> None:
        profiles = self._profiles
        if profiles.get(account_id) is profile:  # the monitor puts back what it got: `get` already moved it
            return
        profiles[account_id] = profile
        profiles.move_to_end(account_id)
        while len(profiles) > self._max:
            profiles.popitem(last=False)

    def __len__(self) -> int:
        return len(self._profiles)
