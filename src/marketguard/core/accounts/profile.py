"""Per-account state: what the account has looked like so far, bounded so that a million fit in memory.

Every collection has a cap (see `Caps`); when one is full the least useful entry goes (the rarest value,
the least recently seen device or session). The state is plain data so that stores can serialise it
(`to_dict`/`from_dict`, JSON-safe) and a Redis store gives the same answers as the in-memory one.

The layout is compact because a million accounts live in one process and because the time per event goes
mostly on reading the account's state from cold memory: the per-feature counts are a list of six small
dictionaries in `COUNTED` order holding integer counts (small integers are shared objects, floats are not).
The hour histograms stay lists: `sum()` over an `array('d')` boxes every element and costs twice as much.
The serialised form (`to_dict`) is unchanged, so profiles already stored in Redis keep loading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FEATURES = ("device", "country", "org", "network", "browser", "os", "hour")
COUNTED = FEATURES[:6]
"""The features counted per value (the hour has its own 24 bins), in the order of `Profile.counts`."""
DEVICE, COUNTRY, ORG, NETWORK, BROWSER, OS = range(6)


@dataclass(frozen=True, slots=True)
class Caps:
    """Upper bounds on every per-account collection."""

    values_per_feature: int = 24
    devices: int = 12
    sessions: int = 8
    beneficiaries: int = 6
    clusters: int = 6
    networks_per_cluster: int = 12
    devices_per_cluster: int = 8
    recent_ids: int = 64
    device_orgs: int = 8
    hour_mass: float = 48.0


@dataclass(slots=True)
class Device:
    first_ts: float
    last_ts: float
    n: int
    os: str
    cluster: int
    orgs: list[str] = field(default_factory=list)  # the organisations of its recent logins, newest last
    first_llr: float = 0.0

    def to_list(self) -> list[Any]:
        return [self.first_ts, self.last_ts, self.n, self.os, self.cluster, self.orgs, self.first_llr]

    @classmethod
    def from_list(cls, v: list[Any]) -> Device:
        return cls(v[0], v[1], v[2], v[3], v[4], list(v[5]), v[6])


@dataclass(slots=True)
class Cluster:
    """One operator as far as the data can tell: devices and home-like networks that were used together."""

    id: int
    devices: list[str]
    networks: list[str]
    n: int
    first_ts: float
    last_ts: float
    days: int = 1
    last_day: int = 0
    countries: list[str] = field(default_factory=list)
    home: bool = False  # it has a fixed consumer network of its own: a household, not just a phone on the move

    def to_list(self) -> list[Any]:
        return [
            self.id,
            self.devices,
            self.networks,
            self.n,
            self.first_ts,
            self.last_ts,
            self.days,
            self.last_day,
            self.countries,
            self.home,
        ]

    @classmethod
    def from_list(cls, v: list[Any]) -> Cluster:
        return cls(v[0], list(v[1]), list(v[2]), v[3], v[4], v[5], v[6], v[7], list(v[8]), v[9])


def _hours() -> list[float]:
    return [0.0] * 24


def _counts() -> list[dict[str, int]]:
    return [{} for _ in COUNTED]


@dataclass(slots=True)
class Profile:
    """Everything remembered about one account."""

    verified_name: str | None = None
    verified_country: str | None = None
    first_ts: float | None = None
    last_ts: float | None = None
    n_logins: int = 0
    counts: list[dict[str, int]] = field(default_factory=_counts)  # per feature of COUNTED: value -> logins
    totals: list[int] = field(default_factory=lambda: [0] * len(COUNTED))  # per feature: the sum of its counts
    hours: list[float] = field(default_factory=_hours)
    base_hours: list[float] = field(default_factory=_hours)
    devices: dict[str, Device] = field(default_factory=dict)
    sessions: dict[str, list[Any]] = field(default_factory=dict)  # session -> [device, country, cluster, ts]
    beneficiaries: list[list[Any]] = field(default_factory=list)  # [name, country, ts]
    clusters: list[Cluster] = field(default_factory=list)
    next_cluster: int = 0
    owner_cluster: int | None = None
    last_login: list[Any] | None = None  # [ts, lat, lon, country, anonymising, device]
    home_offset: int | None = None
    recent: dict[str, str] = field(default_factory=dict)  # event id -> decision, for replays
    verdicts: dict[str, float] = field(default_factory=dict)
    verdict_ts: float = 0.0
    hours_cusum: float = 0.0
    last_risky: list[Any] | None = None  # [ts, device, llr]

    def remember(self, event_id: str, decision: str, caps: Caps) -> None:
        self.recent[event_id] = decision
        if len(self.recent) > caps.recent_ids:
            del self.recent[next(iter(self.recent))]

    def to_dict(self) -> dict[str, Any]:
        return {
            "vn": self.verified_name,
            "vc": self.verified_country,
            "f": self.first_ts,
            "l": self.last_ts,
            "n": self.n_logins,
            "c": {f: table for f, table in zip(COUNTED, self.counts, strict=True) if table},
            "t": {f: total for f, total, table in zip(COUNTED, self.totals, self.counts, strict=True) if table},
            "h": self.hours,
            "bh": self.base_hours,
            "d": {k: v.to_list() for k, v in self.devices.items()},
            "s": self.sessions,
            "b": self.beneficiaries,
            "cl": [c.to_list() for c in self.clusters],
            "nc": self.next_cluster,
            "oc": self.owner_cluster,
            "ll": self.last_login,
            "ho": self.home_offset,
            "r": self.recent,
            "v": self.verdicts,
            "vt": self.verdict_ts,
            "hc": self.hours_cusum,
            "lr": self.last_risky,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Profile:
        counts, totals = d["c"], d["t"]
        return cls(
            verified_name=d["vn"],
            verified_country=d["vc"],
            first_ts=d["f"],
            last_ts=d["l"],
            n_logins=d["n"],
            # counts are whole numbers (documents written before they were integers hold floats)
            counts=[{k: int(x) for k, x in counts.get(f, {}).items()} for f in COUNTED],
            totals=[int(totals.get(f, 0)) for f in COUNTED],
            hours=d["h"],
            base_hours=d["bh"],
            devices={k: Device.from_list(v) for k, v in d["d"].items()},
            sessions=d["s"],
            beneficiaries=d["b"],
            clusters=[Cluster.from_list(c) for c in d["cl"]],
            next_cluster=d["nc"],
            owner_cluster=d["oc"],
            last_login=d["ll"],
            home_offset=d["ho"],
            recent=d["r"],
            verdicts=d["v"],
            verdict_ts=d["vt"],
            hours_cusum=d["hc"],
            last_risky=d["lr"],
        )
