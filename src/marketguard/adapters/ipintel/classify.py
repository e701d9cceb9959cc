"""Consumer, mobile, hosting or VPN, from the ASN number (when the source has it) and the organisation name.

The maintained list (`data/geo/hosting_asns.csv`) decides first; then words in the organisation's name.
Residential proxies sit on consumer networks and are indistinguishable here by design: the core catches
them from behaviour (rotating networks, a new operator), not from the address.
"""

from __future__ import annotations

import re

from marketguard.adapters.ipintel.data import known_networks
from marketguard.core.accounts.geo import NetworkType

MAX_ORG_CHARS = 200

# Plain alternations of literals: no nested quantifiers, so matching stays linear on any name.
_VPN = re.compile(r"\bvpn|vpn\b|\bproxy|\btor\b|anonymi[sz]|private internet access|mullvad|nordvpn|expressvpn")
_HOSTING = re.compile(
    r"hosting|\bhost\b|hostinger|\bservers?\b|data ?cent(?:er|re)|\bcloud|\bcolo|\bvps\b|dedicated|"
    r"amazon|\baws\b|digitalocean|\bovh|hetzner|linode|akamai|vultr|choopa|leaseweb|contabo|scaleway|"
    r"\bm247\b|datacamp|alibaba|tencent|oracle|azure|softlayer|rackspace"
)
_MOBILE = re.compile(
    r"mobil|m[oó]vil|wireless|cellular|\blte\b|\b[345]g\b|\bgsm\b|t-mobile|verizon wireless|vodafone|"
    r"airtel|reliance jio|\bjio\b|telkomsel|safaricom|\bmtn\b|globe telecom|smart communications|"
    r"\btim\b|claro|telcel|orange polska|play\b|turkcell|kyivstar|viettel|grameenphone|jazz"
)


def classify_network(org: str, asn: int | None = None) -> NetworkType:
    """The type of a network from what offline data knows about it."""
    known = known_networks()
    if asn is not None and asn in known.by_asn:
        return known.by_asn[asn]
    name = org[:MAX_ORG_CHARS].strip().lower()
    if not name or name == "<unknown>":
        return NetworkType.UNKNOWN
    listed = known.by_org.get(name)
    if listed is not None:
        return listed
    if _VPN.search(name):
        return NetworkType.VPN
    if _HOSTING.search(name):
        return NetworkType.HOSTING
    if _MOBILE.search(name):
        return NetworkType.MOBILE
    return NetworkType.CONSUMER
