"""Country fields of a record as ISO 3166-1 alpha-2 codes, whether a platform sends a code or a name.

Platforms store a client's country in whatever their own schema says: "DE", "DEU" or "Germany". Rejecting a
job post because its country is spelled out would lose the whole screening over a fact the rules only
compare, so names are resolved through `pycountry` (the ISO 3166 tables, imported on first use: most
traffic sends codes and never pays for it) plus the short English names and abbreviations ISO does not
list ("Russia", "UK", "UAE"). A value that resolves to no single country is still an error, with the field
named, so a typo is not silently dropped.
"""

from __future__ import annotations

from functools import lru_cache

_ALIASES = {
    "america": "US",
    "burma": "MM",
    "cape verde": "CV",
    "dr congo": "CD",
    "england": "GB",
    "great britain": "GB",
    "holland": "NL",
    "ivory coast": "CI",
    "kosovo": "XK",
    "macedonia": "MK",
    "micronesia": "FM",
    "palestine": "PS",
    "russia": "RU",
    "scotland": "GB",
    "swaziland": "SZ",
    "turkey": "TR",
    "uae": "AE",
    "uk": "GB",
    "usa": "US",
    "vatican": "VA",
    "wales": "GB",
}
"""Names in everyday English use that ISO 3166's own names (`pycountry`'s lookup) do not match."""

_RESERVED = {"UK": "GB", "EL": "GR"}
"""ISO 3166's exceptionally reserved codes that mean an assigned country (the EU's own usage)."""


def country_code(value: object, field: str) -> str:
    """The alpha-2 code for `value` (a code or a name); `ValueError` naming `field` when there is none."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"field '{field}' must be a country code or name")
    text = value.strip()
    if len(text) == 2 and text.isascii() and text.isalpha():
        return _RESERVED.get(text.upper(), text.upper())
    code = _by_name(text.casefold())
    if code is None:
        raise ValueError(f"field '{field}' must be a country code or name, got {value[:60]!r}")
    return code


@lru_cache(maxsize=1024)
def _by_name(name: str) -> str | None:
    key = " ".join(name.replace(".", "").split())
    key = key.removeprefix("the ")
    if key in _ALIASES:
        return _ALIASES[key]
    import pycountry  # on first use only: ~0.05 s of tables that most traffic (codes) never needs

    try:
        return str(pycountry.countries.lookup(key).alpha_2)
    except LookupError:
        return None
