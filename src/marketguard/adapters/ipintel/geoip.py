"""`IpIntel` from geoip2fast's bundled country+ASN data (in the wheel: nothing is downloaded).

geoip2fast keeps its tables in module globals, so one loaded instance serves the whole process; loading
takes about 0.3 s and 60 MB, done once and lazily. Lookups are cached per address, since an account's
logins come from a handful of addresses.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
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


def prefix_key(ip: str) -> bytes | None:
    """The /24 (IPv4) or /48 (IPv6) of an address as bytes, cheaply; None if it is not an address."""
    try:
        if ":" in ip:
            return socket.inet_pton(socket.AF_INET6, ip)[:6]
        return socket.inet_pton(socket.AF_INET, ip)[:3]
    except OSError:
        return None


class GeoIp2FastIntel:
    """Country and ASN organisation from geoip2fast; `ipv6=True` loads the larger IPv4+IPv6 file.

    Answers are cached per /24 (IPv6: /48): country and network operator do not change inside one, and
    people's addresses wander inside their provider's block, so a per-address cache would mostly miss.
    """

    def __init__(self, ipv6: bool = True, cache_size: int = 262144) -> None:
        self._ipv6 = ipv6
        self._cache: dict[bytes, NetInfo] = {}
        self._cache_size = cache_size

    def lookup(self, ip: str) -> NetInfo:
        key = prefix_key(ip)
        if key is None:
            return self._lookup(ip)  # raises ValueError with ipaddress's wording
        found = self._cache.get(key)
        if found is None:
            found = self._lookup(ip)
            if len(self._cache) >= self._cache_size:
                self._cache.clear()  # simple and bounded; refills from the hot prefixes at once
            self._cache[key] = found
        return found

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
