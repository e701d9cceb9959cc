"""MaxMind-format databases on disk, written by `mmdb_writer` and read by `maxminddb` exactly as an
operator's GeoLite2/GeoIP2 files would be (IPv6 trees with IPv4 mapped in, like MaxMind's own)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import mmdb_writer
import netaddr
import pytest

from marketguard.adapters.ipintel import ASN_DB_ENV, COUNTRY_DB_ENV, MaxMindIntel, default_ipintel
from marketguard.core.accounts.geo import NetworkType


def _write(path: Path, database_type: str, records: dict[str, dict[str, object]]) -> Path:
    writer = mmdb_writer.MMDBWriter(ip_version=6, ipv4_compatible=True, database_type=database_type)
    for network, record in records.items():
        writer.insert_network(netaddr.IPSet([network]), record)
    writer.to_db_file(str(path))
    return path


@pytest.fixture()
def databases(tmp_path: Path) -> tuple[Path, Path]:
    country = _write(
        tmp_path / "country.mmdb",
        "GeoLite2-Country",
        {
            "88.198.0.0/16": {"country": {"iso_code": "DE"}},
            "2a01:4f8::/32": {"country": {"iso_code": "DE"}},
            "41.58.0.0/16": {"registered_country": {"iso_code": "NG"}},  # only the registered country is known
        },
    )
    hetzner = {"autonomous_system_number": 24940, "autonomous_system_organization": "Hetzner Online GmbH"}
    asn = _write(
        tmp_path / "asn.mmdb",
        "GeoLite2-ASN",
        {
            "88.198.0.0/16": hetzner,
            "2a01:4f8::/32": hetzner,
            "41.58.0.0/16": {"autonomous_system_number": 37148, "autonomous_system_organization": "Globacom Limited"},
        },
    )
    return country, asn


@pytest.fixture()
def fresh_default() -> Iterator[None]:
    default_ipintel.cache_clear()
    yield
    default_ipintel.cache_clear()


def test_real_files_give_country_asn_and_network_type(databases: tuple[Path, Path]) -> None:
    intel = MaxMindIntel(str(databases[0]), str(databases[1]))
    v4, v6 = intel.lookup("88.198.10.20"), intel.lookup("2a01:4f8::1")
    for info in (v4, v6):
        assert (info.country, info.asn, info.type) == ("DE", 24940, NetworkType.HOSTING)
        assert info.lat is not None and info.lon is not None
    registered = intel.lookup("41.58.1.1")
    assert (registered.country, registered.asn, registered.org) == ("NG", 37148, "Globacom Limited")


def test_an_address_missing_from_the_files_has_no_country_and_no_asn(databases: tuple[Path, Path]) -> None:
    info = MaxMindIntel(str(databases[0]), str(databases[1])).lookup("203.0.113.9")  # TEST-NET-3: not global
    assert info.type is NetworkType.PRIVATE
    unknown = MaxMindIntel(str(databases[0]), str(databases[1])).lookup("1.1.1.1")
    assert (unknown.country, unknown.asn) == (None, None)


def test_only_an_asn_file_takes_the_country_from_the_bundled_data(databases: tuple[Path, Path]) -> None:
    info = MaxMindIntel(asn_db=str(databases[1])).lookup("88.198.10.20")
    assert info.asn == 24940
    assert info.country == "DE"  # geoip2fast's answer for Hetzner's range


def test_the_operator_configures_the_files_by_environment(
    databases: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, fresh_default: None
) -> None:
    monkeypatch.setenv(COUNTRY_DB_ENV, str(databases[0]))
    monkeypatch.setenv(ASN_DB_ENV, str(databases[1]))
    intel = default_ipintel()
    assert isinstance(intel, MaxMindIntel)
    assert intel.lookup("41.58.1.1").country == "NG"


def test_without_the_environment_the_bundled_data_is_used(
    monkeypatch: pytest.MonkeyPatch, fresh_default: None
) -> None:
    monkeypatch.delenv(COUNTRY_DB_ENV, raising=False)
    monkeypatch.delenv(ASN_DB_ENV, raising=False)
    assert not isinstance(default_ipintel(), MaxMindIntel)
