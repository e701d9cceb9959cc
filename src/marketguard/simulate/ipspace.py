"""Addresses that geolocate where a scenario says: networks taken from geoip2fast's own data.

Every announced IPv4 prefix in the bundled ASN file is classified (consumer, mobile, hosting, VPN) and
filed under the country geoip2fast gives its first address, so that a simulated login from "a home in
Brazil" really looks up as Brazil, on a consumer ISP, in the monitor.
"""

from __future__ import annotations

import ipaddress
import random
from dataclasses import dataclass
from functools import lru_cache

from marketguard.adapters.ipintel.classify import classify_network
from marketguard.adapters.ipintel.geoip import IPV6_DATA, _engine
from marketguard.core.accounts.geo import NetworkType


@dataclass(frozen=True, slots=True)
class Net:
    first: int
    size: int
    org: str

    def address(self, rng: random.Random) -> str:
        return str(ipaddress.IPv4Address(self.first + rng.randrange(1, max(2, self.size - 1))))

    def subnet24(self, rng: random.Random) -> Net:
        """A stable /24 inside this network: a household's dynamic addresses stay in it."""
        if self.size <= 256:
            return self
        base = self.first + rng.randrange(self.size // 256) * 256
        return Net(base, 256, self.org)


@lru_cache(maxsize=1)
def pools() -> dict[tuple[str, NetworkType], tuple[Net, ...]]:
    """(country, type) -> networks, from every IPv4 prefix in geoip2fast's ASN data (about one second)."""
    import geoip2fast.geoip2fast as g

    engine = _engine(True)
    out: dict[tuple[str, NetworkType], list[Net]] = {}
    kinds: dict[int, NetworkType] = {}
    for root, firsts in enumerate(g.mainListFirstIPASN):
        ids, lens = g.mainListIDASN[root], g.mainListNetlengthASN[root]
        for j, first in enumerate(firsts):
            if first >= 1 << 32:
                break
            if lens[j] > 24 or lens[j] < 12:
                continue
            asn_id = ids[j]
            kind = kinds.get(asn_id)
            if kind is None:
                kind = kinds[asn_id] = classify_network(g.mainListNamesASN[asn_id])
            if kind in (NetworkType.UNKNOWN, NetworkType.PRIVATE):
                continue
            mr, mc, lo, hi, _ = engine._main_index_lookup(first)
            if not lo <= first <= hi:
                continue
            code = engine._country_lookup(mr, mc)[0]
            if not isinstance(code, str) or len(code) != 2:
                continue
            out.setdefault((code, kind), []).append(Net(first, 1 << (32 - lens[j]), g.mainListNamesASN[asn_id]))
    assert IPV6_DATA  # the loaded file holds IPv4 and IPv6; only IPv4 is sampled
    return {k: tuple(v) for k, v in out.items()}


def pick(rng: random.Random, country: str, kind: NetworkType) -> Net:
    """A network of `kind` in `country`; consumer when the country has none of that kind."""
    table = pools()
    nets = table.get((country, kind)) or table.get((country, NetworkType.CONSUMER))
    if not nets:
        raise ValueError(f"no {kind.value} network known in {country}")
    return rng.choice(nets)
