"""Host names: split with the Public Suffix List that `tldextract` bundles (never fetched at run time)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _extractor() -> Any:
    """Imported on first use: tldextract pulls in `requests`, which start-up should not pay for."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


RESERVED = frozenset({"example.com", "example.org", "example.net", "localhost"})
RESERVED_SUFFIXES = ("test", "invalid", "local", "localhost", "example", "internal", "lan")

# Country-code TLDs that are also common file extensions: "main.py" is a file, not a site in Paraguay.
FILE_EXTENSIONS = frozenset(
    {
        "py",
        "md",
        "rs",
        "sh",
        "pl",
        "zip",
        "mov",
        "ai",
        "ps",
        "cs",
        "so",
        "ts",
        "js",
        "pm",
        "mk",
        "am",
        "do",
        "in",
        "it",
        "is",
        "as",
        "at",
        "be",
        "no",
        "to",
        "me",
        "us",
        "go",
        "ms",
        "sc",
        "sb",
        "ml",
        "kt",
        "lu",
        "gd",
        "cc",
        "ci",
        "cd",
        "ng",
        "mp",
        "tf",
        "pdf",
        "doc",
        "csv",
        "txt",
        "png",
        "jpg",
        "svg",
        "gif",
        "psd",
        "fig",
        "xd",
        "sql",
        "yml",
        "toml",
        "json",
        "lock",
        "css",
        "html",
        "exe",
    }
)


@dataclass(frozen=True, slots=True)
class Host:
    subdomain: str
    domain: str
    suffix: str

    @property
    def registered(self) -> str:
        return f"{self.domain}.{self.suffix}"


@lru_cache(maxsize=8192)
def parse_host(host: str) -> Host | None:
    """The host's parts when it ends in a public suffix; None otherwise (or when reserved for tests)."""
    host = host.strip(".").lower()
    if not host or len(host) > 253:
        return None
    parts = _extractor()(host)
    if not parts.suffix or not parts.domain:
        return None
    result = Host(parts.subdomain, parts.domain, parts.suffix)
    last = parts.suffix.rsplit(".", 1)[-1]
    if result.registered in RESERVED or last in RESERVED_SUFFIXES:
        return None
    return result
