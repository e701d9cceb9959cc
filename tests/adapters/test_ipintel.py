"""IP intelligence: bundled geoip2fast data, network classification, the hosting list, centroids."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard.adapters.ipintel import classify_network, country_centroids, default_ipintel, known_networks
from marketguard.core.accounts import NetworkType, great_circle_km


@pytest.mark.parametrize(
    ("org", "asn", "kind"),
    [
        ("Hetzner Online GmbH", None, NetworkType.HOSTING),
        ("AMAZON-02", None, NetworkType.HOSTING),
        ("Some Small Hosting Ltd", None, NetworkType.HOSTING),
        ("M247 Europe SRL", None, NetworkType.VPN),
        ("Mullvad VPN AB", None, NetworkType.VPN),
        ("", 9009, NetworkType.VPN),
        ("Whatever Name", 16509, NetworkType.HOSTING),
        ("Vodafone GmbH", None, NetworkType.MOBILE),
        ("T-Mobile USA, Inc.", None, NetworkType.MOBILE),
        ("Andrews & Arnold Ltd", None, NetworkType.CONSUMER),
        ("Deutsche Telekom AG", None, NetworkType.CONSUMER),
        ("<unknown>", None, NetworkType.UNKNOWN),
    ],
)
def test_classification(org: str, asn: int | None, kind: NetworkType) -> None:
    assert classify_network(org, asn) is kind


def test_hosting_list_is_loaded_with_both_kinds() -> None:
    known = known_networks()
    assert known.by_asn[24940] is NetworkType.HOSTING and known.by_asn[9009] is NetworkType.VPN


def test_lookups_from_bundled_data() -> None:
    intel = default_ipintel()
    google = intel.lookup("8.8.8.8")
    assert google.country == "US" and google.type is NetworkType.HOSTING and google.network == "8.8.8.0/24"
    home = intel.lookup("81.2.69.160")
    assert home.country == "GB" and home.type is NetworkType.CONSUMER and home.lat is not None
    assert intel.lookup("10.1.2.3").type is NetworkType.PRIVATE
    assert intel.lookup("2a02:c207::1").network == "2a02:c207::/48"


@settings(max_examples=200, deadline=None)
@given(st.ip_addresses())
def test_any_address_gets_an_answer(address: object) -> None:
    info = default_ipintel().lookup(str(address))
    assert info.country is None or len(info.country) == 2
    assert isinstance(info.type, NetworkType)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.integers(0, 2**32)))
def test_any_org_name_classifies(org: str, asn: int | None) -> None:
    assert isinstance(classify_network(org, asn), NetworkType)


def test_centroids_and_distance() -> None:
    c = country_centroids()
    assert len(c) > 100
    km = great_circle_km(*c["GB"], *c["US"])
    assert 6000 < km < 8000
    assert great_circle_km(10, 10, 10, 10) == 0


class FakeReader:
    """Records shaped like MaxMind's GeoLite2 Country and ASN answers."""

    def __init__(self, table: dict[str, dict[str, object]]) -> None:
        self.table = table

    def get(self, ip: str) -> dict[str, object] | None:
        return self.table.get(ip)


def test_maxmind_records_are_read_and_classified_by_asn() -> None:
    from marketguard.adapters.ipintel import MaxMindIntel

    intel = MaxMindIntel(
        FakeReader({"88.198.10.20": {"country": {"iso_code": "DE"}}}),
        FakeReader({"88.198.10.20": {"autonomous_system_number": 24940, "autonomous_system_organization": "X"}}),
    )
    info = intel.lookup("88.198.10.20")
    assert (info.country, info.asn, info.type) == ("DE", 24940, NetworkType.HOSTING)
    assert info.lat is not None


def test_maxmind_refuses_a_file_that_is_not_a_database(tmp_path: object) -> None:
    from pathlib import Path

    from marketguard.adapters.ipintel import MaxMindIntel
    from marketguard.errors import ConfigError

    bogus = Path(str(tmp_path)) / "x.mmdb"
    bogus.write_bytes(b"not a database")
    with pytest.raises(ConfigError, match="not a readable MaxMind database"):
        MaxMindIntel(str(bogus))
    with pytest.raises(ConfigError, match="needs a country database"):
        MaxMindIntel()
