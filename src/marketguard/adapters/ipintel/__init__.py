"""IP intelligence for account integrity: offline country, network and network type for an address.

from marketguard.adapters.ipintel import default_ipintel, GeoIp2FastIntel, MaxMindIntel
AccountMonitor(ipintel=GeoIp2FastIntel())                       # bundled data, the default
AccountMonitor(ipintel=MaxMindIntel("GeoLite2-Country.mmdb", "GeoLite2-ASN.mmdb"))

`scan` and `serve` build their monitor with `default_ipintel()`: an operator points it at MaxMind-format files
with MARKETGUARD_MAXMIND_COUNTRY_DB and/or MARKETGUARD_MAXMIND_ASN_DB (either may be omitted; the other part
then comes from the bundled geoip2fast data).
"""

from __future__ import annotations

import os
from functools import lru_cache

from marketguard.adapters.ipintel.classify import classify_network
from marketguard.adapters.ipintel.data import country_centroids, known_networks
from marketguard.adapters.ipintel.geoip import GeoIp2FastIntel, network_of
from marketguard.adapters.ipintel.maxmind import MaxMindIntel

COUNTRY_DB_ENV, ASN_DB_ENV = "MARKETGUARD_MAXMIND_COUNTRY_DB", "MARKETGUARD_MAXMIND_ASN_DB"


@lru_cache(maxsize=1)
def default_ipintel() -> GeoIp2FastIntel | MaxMindIntel:
    """One shared instance per process: MaxMind files when the operator named them, else the bundled data."""
    country, asn = os.environ.get(COUNTRY_DB_ENV) or None, os.environ.get(ASN_DB_ENV) or None
    if country or asn:
        return MaxMindIntel(country, asn)
    return GeoIp2FastIntel()


__all__ = [
    "GeoIp2FastIntel",
    "MaxMindIntel",
    "classify_network",
    "country_centroids",
    "default_ipintel",
    "known_networks",
    "network_of",
]
