"""What the core needs to know about an IP address, and the one interface that answers it.

The core never reads a database: an adapter (`marketguard.adapters.ipintel`) implements `IpIntel` from
geoip2fast or a MaxMind file and is injected into `AccountMonitor`. Tests inject a plain dictionary.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol


class NetworkType(str, Enum):
    """How a network reaches the internet; VPN and hosting exits hide where the person is."""

    CONSUMER = "consumer"
    MOBILE = "mobile"
    HOSTING = "hosting"
    VPN = "vpn"
    PRIVATE = "private"
    UNKNOWN = "unknown"

    @property
    def anonymising(self) -> bool:
        """True when the country of the address says little about where the person sits."""
        return self in (NetworkType.HOSTING, NetworkType.VPN)


@dataclass(frozen=True, slots=True)
class NetInfo:
    """One address, as far as offline data can tell: country, network (ASN, organisation), its type.

    `network` is the smallest stable unit a household keeps (the IPv4 /24 or IPv6 /48) and `lat`/`lon`
    the centre of the country, used for great-circle distances and a rough local hour. Adapters may share
    one answer across a network, so `ip` is an address of that network, not necessarily the one asked.
    `anonymising` and `utc_offset` are derived once here (adapters cache answers per network), not per login.
    """

    ip: str
    country: str | None
    asn: int | None
    org: str
    network: str
    type: NetworkType
    lat: float | None = None
    lon: float | None = None
    anonymising: bool = field(init=False, repr=False, compare=False)
    """`type.anonymising`: the country of the address says little about where the person sits."""
    utc_offset: int | None = field(init=False, repr=False, compare=False)
    """The country's rough time zone from its longitude (15 degrees an hour); None when unknown."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "anonymising", self.type.anonymising)
        object.__setattr__(self, "utc_offset", None if self.lon is None else round(self.lon / 15.0))

    @property
    def utc_offset_hours(self) -> int | None:
        """The country's rough time zone from its longitude (15 degrees an hour); None when unknown."""
        return self.utc_offset


class IpIntel(Protocol):
    """Offline IP intelligence: never raises for a well-formed address, answers UNKNOWN when it cannot tell."""

    def lookup(self, ip: str) -> NetInfo: ...


EARTH_RADIUS_KM = 6371.0088


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance: accurate to well under a percent, which country centres never are anyway."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


class StaticIpIntel:
    """An `IpIntel` from a dictionary: for tests, and for callers that already know their addresses."""

    def __init__(self, table: dict[str, NetInfo], default: NetInfo | None = None) -> None:
        self._table = table
        self._default = default

    def lookup(self, ip: str) -> NetInfo:
        found = self._table.get(ip)
        if found is not None:
            return found
        if self._default is not None:
            return self._default
        return NetInfo(ip=ip, country=None, asn=None, org="", network=ip, type=NetworkType.UNKNOWN)
