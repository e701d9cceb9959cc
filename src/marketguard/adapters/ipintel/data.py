"""The reference files bundled under `marketguard/data/geo/`: country centres and the hosting/VPN list."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marketguard.core.accounts.geo import NetworkType


def _rows(name: str) -> list[list[str]]:
    text = resources.files("marketguard").joinpath(f"data/geo/{name}").read_text("utf-8")
    return [row for row in csv.reader(line for line in text.splitlines() if line and not line.startswith("#"))]


@lru_cache(maxsize=1)
def country_centroids() -> dict[str, tuple[float, float]]:
    """Country code -> (latitude, longitude) of its rough centre."""
    return {row[0]: (float(row[1]), float(row[2])) for row in _rows("country_centroids.csv")}


@dataclass(frozen=True, slots=True)
class KnownNetworks:
    """Hosting and VPN networks by ASN number and by organisation name (lower case)."""

    by_asn: dict[int, NetworkType]
    by_org: dict[str, NetworkType]


@lru_cache(maxsize=1)
def known_networks() -> KnownNetworks:
    by_asn: dict[int, NetworkType] = {}
    by_org: dict[str, NetworkType] = {}
    for row in _rows("hosting_asns.csv"):
        asn, kind, org = int(row[0]), NetworkType(row[1]), row[2].strip()
        by_asn.setdefault(asn, kind)
        if org:
            by_org[org.lower()] = kind
    return KnownNetworks(by_asn, by_org)
