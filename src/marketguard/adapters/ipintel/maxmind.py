"""`IpIntel` from MaxMind-format databases (GeoLite2/GeoIP2 Country and ASN) that an operator configures.

Read through `maxminddb` (memory-mapped, no network). Either file may be omitted: without a country
database the country comes from geoip2fast, without an ASN database the organisation does.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from typing import Any, Protocol

from marketguard.adapters.ipintel.classify import classify_network
from marketguard.adapters.ipintel.data import country_centroids
from marketguard.adapters.ipintel.geoip import GeoIp2FastIntel, network_of
from marketguard.core.accounts.geo import NetInfo, NetworkType
from marketguard.errors import ConfigError


class Reader(Protocol):
    """What is used of a `maxminddb.Reader`: the record for an address, or None."""

    def get(self, ip: str) -> Any: ...


def _open(path: str | Reader) -> Any:
    if not isinstance(path, str):
        return path  # an open reader (or anything with the same `get`)
    import maxminddb

    try:
        return maxminddb.open_database(path)
    except (OSError, ValueError, maxminddb.InvalidDatabaseError) as exc:
        raise ConfigError(f"{path}: not a readable MaxMind database: {exc}") from exc


class MaxMindIntel:
    """Country from a Country/City database and ASN number and organisation from an ASN database."""

    def __init__(
        self, country_db: str | Reader | None = None, asn_db: str | Reader | None = None, cache_size: int = 65536
    ) -> None:
        if country_db is None and asn_db is None:
            raise ConfigError("MaxMindIntel needs a country database, an ASN database, or both")
        self._country = _open(country_db) if country_db is not None else None
        self._asn = _open(asn_db) if asn_db is not None else None
        self._fallback = GeoIp2FastIntel() if self._country is None or self._asn is None else None
        self.lookup = lru_cache(maxsize=cache_size)(self._lookup)  # type: ignore[method-assign]

    def _lookup(self, ip: str) -> NetInfo:
        address = ipaddress.ip_address(ip)
        network = network_of(address)
        if not address.is_global:
            return NetInfo(ip=ip, country=None, asn=None, org="", network=network, type=NetworkType.PRIVATE)
        base = self._fallback.lookup(ip) if self._fallback is not None else None
        country = base.country if base else None
        if self._country is not None:
            record = self._country.get(ip) or {}
            place = record.get("country") or record.get("registered_country") or {}
            country = place.get("iso_code") or None
        asn, org = (None, base.org if base else "")
        if self._asn is not None:
            record = self._asn.get(ip) or {}
            asn = record.get("autonomous_system_number")
            org = record.get("autonomous_system_organization") or ""
        centre = country_centroids().get(country) if country else None
        return NetInfo(
            ip=ip,
            country=country,
            asn=asn,
            org=org,
            network=network,
            type=classify_network(org, asn),
            lat=centre[0] if centre else None,
            lon=centre[1] if centre else None,
        )

    def lookup(self, ip: str) -> NetInfo:  # replaced by the cached version in __init__
        return self._lookup(ip)
