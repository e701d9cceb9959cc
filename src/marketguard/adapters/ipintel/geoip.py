"""`IpIntel` from geoip2fast's bundled country+ASN data (in the wheel: nothing is downloaded).

geoip2fast keeps its tables in module globals, so one loaded instance serves the whole process; loading
takes about 0.3 s and 60 MB, done once and lazily. Lookups are cached per address, since an account's
logins come from a handful of addresses.
"""

from __future__ import annotations

import ipaddress
import threading
from functools import lru_cache
from typing import Any

from marketguard.adapters.ipintel.classify import classify_network
from marketguard.adapters.ipintel.data import country_centroids
from marketguard.core.accounts.geo import NetInfo, NetworkType

_LOCK = threading.Lock()
_ENGINE: Any = None

IPV4_DATA = "geoip2fast-asn.dat.gz"
IPV6_DATA = "geoip2fast-asn-ipv6.dat.gz"


def _engine(ipv6: bool) -> Any:
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            from geoip2fast import GeoIP2Fast

            _ENGINE = GeoIP2Fast(geoip2fast_data_file=IPV6_DATA if ipv6 else IPV4_DATA)
        return _ENGINE


def network_of(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """The household-sized network of an address: its /24 (IPv4) or /48 (IPv6)."""
    prefix = 24 if address.version == 4 else 48
    return str(
        ipaddress.ip_network(
            (int(address) >> (address.max_prefixlen - prefix) << (address.max_prefixlen - prefix), prefix)
        )
    )


class GeoIp2FastIntel:
    """Country and ASN organisation from geoip2fast; `ipv6=True` loads the larger IPv4+IPv6 file."""

    def __init__(self, ipv6: bool = True, cache_size: int = 65536) -> None:
        self._ipv6 = ipv6
        self.lookup = lru_cache(maxsize=cache_size)(self._lookup)  # type: ignore[method-assign]

    def _lookup(self, ip: str) -> NetInfo:
        address = ipaddress.ip_address(ip)
        network = network_of(address)
        if not address.is_global:
            return NetInfo(ip=ip, country=None, asn=None, org="", network=network, type=NetworkType.PRIVATE)
        found = _engine(self._ipv6).lookup(ip)
        code = found.country_code if isinstance(found.country_code, str) and len(found.country_code) == 2 else None
        org = found.asn_name or ""
        centre = country_centroids().get(code) if code else None
        return NetInfo(
            ip=ip,
            country=code,
            asn=None,  # geoip2fast's data names the organisation but not the AS number
            org=org,
            network=network,
            type=classify_network(org),
            lat=centre[0] if centre else None,
            lon=centre[1] if centre else None,
        )

    def lookup(self, ip: str) -> NetInfo:  # replaced by the cached version in __init__
        return self._lookup(ip)
