"""IP intelligence for account integrity: offline country, network and network type for an address.

from marketguard.adapters.ipintel import default_ipintel, GeoIp2FastIntel, MaxMindIntel
AccountMonitor(ipintel=GeoIp2FastIntel())                       # bundled data, the default
AccountMonitor(ipintel=MaxMindIntel("GeoLite2-Country.mmdb", "GeoLite2-ASN.mmdb"))
"""

from __future__ import annotations

from functools import lru_cache

from marketguard.adapters.ipintel.classify import classify_network
from marketguard.adapters.ipintel.data import country_centroids, known_networks
from marketguard.adapters.ipintel.geoip import GeoIp2FastIntel, network_of
from marketguard.adapters.ipintel.maxmind import MaxMindIntel


@lru_cache(maxsize=1)
def default_ipintel() -> GeoIp2FastIntel:
    """One shared geoip2fast-backed instance (its tables are process-wide anyway)."""
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
