"""Protected brands and the ways a host imitates one: homoglyphs, punycode, leetspeak, typos, extra words.

A brand is a name and the registered domains that really belong to it. A host whose registered domain is
one of those is the brand (allowed); any other host is compared through its *skeleton* (TR39 confusables
from `confusable_homoglyphs` and leetspeak digits read as letters, after punycode is decoded), so
"pаypal" (Cyrillic а), "xn--pypal-4ve", "paypa1" and "upw0rk" all read as the brand they imitate.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from marketguard.core.text.confusables import latin_lookalikes
from marketguard.core.text.plain import LEET


@dataclass(frozen=True, slots=True)
class Brand:
    name: str
    """The token a look-alike imitates, lower-case ASCII ("paypal")."""
    domains: frozenset[str]
    """Registered domains that are the brand itself."""


def _b(name: str, *domains: str) -> Brand:
    return Brand(name, frozenset(domains or (f"{name}.com",)))


DEFAULT_BRANDS: tuple[Brand, ...] = (
    _b("upwork", "upwork.com", "upwork.co", "upworkcdn.com"),
    _b("fiverr", "fiverr.com", "fiverr.co", "fiverrcdn.com"),
    _b("freelancer", "freelancer.com"),
    _b("paypal", "paypal.com", "paypal.me", "paypalobjects.com", "paypal-community.com"),
    _b("payoneer", "payoneer.com"),
    _b("wise", "wise.com", "transferwise.com"),
    # withgoogle.com: Google's own event and partner sites ("partnersdirectory.withgoogle.com", blind10 round)
    _b("google", "google.com", "gmail.com", "googleapis.com", "gstatic.com", "youtube.com", "googleusercontent.com",
       "withgoogle.com", "googleblog.com"),
    _b("gmail", "gmail.com", "google.com"),
    _b("microsoft", "microsoft.com", "microsoftonline.com", "live.com", "outlook.com", "office.com", "office365.com"),
    _b("outlook", "outlook.com", "live.com", "microsoft.com", "office.com"),
    _b("office365", "office365.com", "office.com", "microsoft.com"),
    _b("apple", "apple.com", "icloud.com", "apple.co"),
    _b("icloud", "icloud.com", "apple.com"),
    _b("chase", "chase.com", "jpmorganchase.com"),
    _b("bankofamerica", "bankofamerica.com", "bofa.com"),
    _b("wellsfargo", "wellsfargo.com", "wf.com"),
    _b("citibank", "citibank.com", "citi.com"),
    _b("hsbc", "hsbc.com", "hsbc.co.uk"),
    _b("barclays", "barclays.co.uk", "barclays.com"),
    _b("santander", "santander.com", "santander.co.uk"),
    _b("revolut", "revolut.com"),
    _b("stripe", "stripe.com"),
    _b("binance", "binance.com"),
    _b("coinbase", "coinbase.com"),
)


@dataclass(frozen=True, slots=True)
class Imitation:
    brand: Brand
    how: str
    score: float


def skeleton(text: str) -> str:
    """What `text` looks like: look-alike letters and leetspeak digits replaced by the letters they imitate."""
    table = latin_lookalikes()
    # accents off first ("ùpwork" reads as "upwork"), then look-alike letters, then leetspeak digits
    bare = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return "".join(table.get(c, c) for c in bare).translate(LEET)


def _readings(label: str) -> tuple[str, ...]:
    """A skeleton label, and when it holds a letter pair that reads as one letter in most fonts ("upvvork",
    "rnicrosoft"), that reading too: "fivver" must stay itself to be read as a doubled "fiverr"."""
    if "vv" not in label and "rn" not in label:
        return (label,)
    return label, label.replace("vv", "w").replace("rn", "m")


def _undoubled(word: str) -> str:
    """`word` with each run of a repeated letter written once: "fivver" and "fiverr" both read "fiver"."""
    return "".join(c for i, c in enumerate(word) if not i or word[i - 1] != c)


def within_distance(a: str, b: str, limit: int) -> bool:
    """Edit distance (with adjacent transpositions: "upwrok") of a and b is at most `limit`.

    Labels are at most 63 characters and brand names a dozen, so the full table is a few hundred cells.
    """
    if abs(len(a) - len(b)) > limit or len(a) > 63:
        return False
    if len(set(a) ^ set(b)) > 2 * limit:  # each edit changes at most two letters of the set difference
        return False
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1] <= limit


def imitation(registered: str, domain: str, subdomain: str, brands: tuple[Brand, ...]) -> Imitation | None:
    """How a host that is NOT the brand's imitates one; None when it imitates none.

    `registered`, `domain` and `subdomain` are the decoded (Unicode) parts of the host.
    """
    if any(registered in b.domains for b in brands):
        return None
    sub_tokens = {t for part in skeleton(subdomain).split(".") for t in part.split("-") if t}
    best: Imitation | None = None
    for label in _readings(skeleton(domain)):
        tokens = [t for t in label.replace("_", "-").split("-") if t]
        for brand in brands:
            found = _compare(brand, domain.lower(), label, tokens, sub_tokens)
            if found is not None and (best is None or found.score > best.score):
                best = found
    return best


def _compare(brand: Brand, raw: str, label: str, tokens: list[str], sub_tokens: set[str]) -> Imitation | None:
    name = brand.name
    short = len(name) < 5  # "wise", "hsbc": more often a word or another firm's name
    if label == name:
        if raw != name:
            return Imitation(brand, "written with look-alike characters", 0.95)
        # often the brand's own country domain (outlook.fr, paypal.de): reported, too weak to act on
        return Imitation(brand, "the brand's name under a domain that is not on the brand's list", 0.4)
    if name in tokens:
        return Imitation(brand, "the brand's name joined to other words", 0.7 if short else 0.9)
    if name in sub_tokens:
        return Imitation(brand, "the brand's name as a sub-domain of another domain", 0.7 if short else 0.9)
    if len(name) >= 6 and len(label) > len(name) + 2 and (label.startswith(name) or label.endswith(name)):
        return Imitation(brand, "the brand's name glued to another word", 0.85)
    limit = 2 if len(name) >= 10 else 1 if len(name) >= 6 else 0  # "icicibank" is two edits from "citibank"
    if limit and within_distance(label, name, limit):
        return Imitation(brand, "one or two letters away from the brand's name (typosquatting)", 0.9)
    if limit and any(within_distance(t, name, limit) for t in tokens if len(t) >= 5):
        return Imitation(brand, "a misspelt brand name joined to other words", 0.85)
    if not short:
        # a letter doubled or undoubled ("fivver", "payonner", "gogle") reads as the brand at a glance
        undoubled = _undoubled(name)
        if any(t != name and _undoubled(t) == undoubled for t in tokens):
            return Imitation(brand, "the brand's name with a letter doubled or dropped", 0.85)
    return None
