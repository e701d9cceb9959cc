"""Outside messaging apps: a handle on one, or an invitation to move there.

An app named in passing ("I built a WhatsApp clone") is work talk; an app with a cue is not: a handle
("Telegram @jd_dev", "live:jdoe", "jd#4821"), an invitation ("let's continue on Telegram", "add me on
Skype", "me chama no zap"), a question ("do you have WhatsApp?"). A disguised name (Wh@tsapp, skipe,
"the green app", ｔｅｌｅｇｒａｍ) is a cue by itself: nobody disguises a word they mean innocently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from marketguard.core.detectors.base import Detector, DetectorInfo, Finding
from marketguard.core.detectors.contact.apps_cues import (
    _BARE_QUESTION,
    _CLAUSE_END,
    _COLON_DOTTED,
    _COLON_USERNAME,
    _CUE_AFTER,
    _CUE_BEFORE,
    _CUE_BEFORE_HINT,
    _DISC_NAME,
    _DISCORD_TAG,
    _DISCORD_TAG_HINT,
    _ENDS_CLAUSE,
    _FIND_ME_AFTER,
    _GENERIC_HANDLE,
    _GENERIC_HANDLE_HINT,
    _HANDLE_AFTER,
    _HANDLE_BEFORE,
    _HANDLE_MARKED,
    _HAVE_AFTER,
    _ID_AFTER,
    _IS_USERNAME,
    _MEETING_HINT,
    _MEETING_ID,
    _MODEL_ENDS,
    _MODELLED_ON,
    _NAME_THERE,
    _NEARBY_HANDLE,
    _PAY_APP_HANDLE,
    _PAY_APP_WORDS,
    _POSSESSIVE_ONLY,
    _SAME_AFTER,
    _SKYPE_LIVE,
    _TECH_AFTER,
    _TOOL_KEYWORDS,
    _USERNAME_LIKE,
    _WORK_TOOLS,
    _WORK_USE_AFTER,
)
from marketguard.core.detectors.contact.lexicon import APPS, EUPHEMISMS, WEAK_EUPHEMISMS, App
from marketguard.core.text.gate import PLAIN
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.normalize import LEET, Document

_LEET = LEET
_INNER_SEPARATORS = lazy_compile(r"[.\-_*~·']")
_TOKEN = lazy_compile(r"[^\s,;!?()\[\]{}\"«»<>:/\-]{1,40}")
_TOKEN_BANG = lazy_compile(r"(?:[^\s,;!?()\[\]{}\"«»<>:/\-]|(?<=[\w@$])!(?=[\w@$])){1,40}")
"""`_TOKEN` where a "!" sits inside a word: leetspeak for "i" ("5!gn@l"); at a word's end it is punctuation. The
slower pattern runs only on texts that have such a "!"."""
_BANG_IN_WORD = lazy_compile(r"[\w@$]![\w@$]")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_TRAILING = lazy_compile(r"(?:'s|[.'’!?,;:]+)$")


def _one_edit(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    inserts = {a + c + b for a, b in splits for c in _ALPHABET}
    return deletes | transposes | replaces | inserts


@lru_cache(maxsize=1)
def _spellings() -> dict[str, tuple[App, bool]]:
    """Every written form -> (app, is_misspelling)."""
    table: dict[str, tuple[App, bool]] = {}
    for app in APPS:
        for s in app.spellings:
            table[_INNER_SEPARATORS.sub("", s.replace(" ", ""))] = (app, False)
    for app in APPS:
        if app.fuzzy:
            for written in app.spellings:
                flat = written.replace(" ", "")
                if len(flat) >= 5 and flat.isascii():  # "wattsap", "telegramm": one letter doubled
                    for i, c in enumerate(flat):
                        table.setdefault(flat[:i] + c + flat[i:], (app, True))
            name = app.name.replace(" ", "")
            inflections = {name + "s", name + "d", name + "ed", name + "r"}  # "we skyped" is the app, not a disguise
            for variant in _one_edit(name):
                if len(variant) >= 5 and variant not in inflections:
                    table.setdefault(variant, (app, True))
    return table


_APP_BY_NAME = {a.name: a for a in APPS}
_MAX_MENTIONS = 64
"""A message naming apps more often than this is abuse of the screener, not chat; the first ones suffice."""
_SQUASH = lazy_compile(r"[._*~·']")
_COMMON_WORDS = frozenset(
    {
        "what",
        "face",
        "line",
        "link",
        "sign",
        "snap",
        "disc",
        "inst",
        "team",
        "teams",
        "three",
        "mess",
        "google",
        "micro",
        "linked",
        "kakao",
        "vibe",
        "disco",
        "slack",
        "signal",
        "imo",
        "tele",
        "threem",
        "wass",
        "x",
    }
)


@lru_cache(maxsize=1)
def _precheck_keys() -> frozenset[str]:
    """Every written form, and the first halves of forms split in two ("whats app", "kakao talk"), so a
    message whose words meet none of them skips the per-word scan."""
    keys = {k for k, (app, _) in _spellings().items() if not (app.ambiguous and k in _COMMON_WORDS)}
    for app in APPS:
        flat = app.name.replace(" ", "")
        keys.update(flat[:k] for k in range(4, len(flat)) if flat[:k] not in _COMMON_WORDS)
    keys.add("sky")
    # the first word of a spelling written in two: "wats app", "whats app"
    keys.update(s[:-3] for app in APPS if not app.ambiguous for s in app.spellings if s.endswith("app") and len(s) >= 7)
    return frozenset(keys - _COMMON_WORDS)


_KEY_TABLE = str.maketrans({**{chr(k): v for k, v in _LEET.items()}, **dict.fromkeys(".-_*~·'")})
# Leetspeak "1" is "l" in "te1egram" and "i" in "s1gnal": a key is tried the second way when the first misses.
"""A token as a key of `_spellings()`: leetspeak read as letters, `_INNER_SEPARATORS` dropped, in one pass."""
_TOKEN_SEPARATORS = ',;?()[]{}"«»<>:/-'  # as in `_TOKEN`, but "!" is leetspeak for "i" by then
_PRECHECK_TABLE = str.maketrans(
    {**{chr(k): v for k, v in _LEET.items()}, **dict.fromkeys("._*~·'"), **dict.fromkeys(_TOKEN_SEPARATORS, " ")}
)
"""Leetspeak read as letters, `_SQUASH` characters dropped and `_TOKEN` separators made spaces, in one pass."""


_ACCENTED = lazy_compile("[\u00c0-\u024f]")


@lru_cache(maxsize=1)
def _common_keys() -> frozenset[str]:
    """App spellings that are also common words ("signal", "slack"): left out of the precheck keys."""
    return frozenset(k for k in _spellings() if k in _COMMON_WORDS)


def _leet_common_word(text: str, tokens: list[str]) -> bool:
    """An app name that is also a common word, written in leetspeak ("$ign@l"): read as letters it is a token,
    but the word itself is not in the text, so it was disguised, and the disguise is the cue."""
    return any(word not in text for word in _common_keys().intersection(tokens))


def _accents_folded(text: str) -> str:
    """`text` in ASCII, accents dropped ("Télégram" -> "Telegram"); other scripts are lost, which a precheck may
    afford (it may only say yes too often, and the per-word scan reads the real text)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


_TO_CYRILLIC = str.maketrans(
    {"3": "е", "0": "о", "4": "а", "6": "б", "e": "е", "a": "а", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у",
     "k": "к", "m": "м", "t": "т", "h": "н", "b": "в", "r": "г", "u": "и", "n": "п"}
)
"""Digits and Latin look-alikes read back as the Cyrillic letters they stand for, in a word that has Cyrillic in it:
"т3л3грам" (3 for е), and spaced letters joined then half made Latin by the confusables table ("втeлerpaм")."""
_CYRILLIC_MIXED = lazy_compile("[\u0400-\u04ff][0-9a-z]|[0-9a-z][\u0400-\u04ff]")
"""A Cyrillic letter beside a digit or a Latin letter: the only words `_cyrillic_hit` can read differently."""
_GLUED_PREPOSITION = ("в", "во", "на", "и")
"""A one- or two-letter preposition written before spaced letters is joined with them: "в т е л е г р а м"."""


def _cyrillic_hit(raw: str, table: dict[str, tuple[App, bool]]) -> tuple[App, bool] | None:
    """The app a Cyrillic word names once its digits and Latin look-alikes are read as Cyrillic, or None."""
    if not _CYRILLIC_MIXED.search(raw):
        return None
    key = _TRAILING.sub("", raw).translate(_TO_CYRILLIC)
    if key == raw:
        return None  # plain Cyrillic: the ordinary lookup has answered
    hit = table.get(key)
    for glued in _GLUED_PREPOSITION if hit is None else ():
        if key.startswith(glued) and (hit := table.get(key[len(glued) :])) is not None:
            break
    return None if hit is None else (hit[0], True)


def _names_a_key(text: str) -> bool:
    """Whether a `_TOKEN` of the text, read through leetspeak and without inner dots, is a precheck key.

    One `str.translate` and a `split`: the same tokens as `_TOKEN.findall` over the squashed text, which
    cuts runs longer than 40 characters into pieces (kept here too, for the rare long run)."""
    tokens = text.translate(_PRECHECK_TABLE).split()
    if "1" in text and ("@" in text or "$" in text or "|" in text):  # "$1gn4l": a common word in disguise
        tokens += text.replace("1", "i").translate(_PRECHECK_TABLE).split()
    keys = _precheck_keys()
    if not keys.isdisjoint(tokens):
        return True
    if (
        not text.isascii()
        and _ACCENTED.search(text)
        and not keys.isdisjoint(_accents_folded(text).translate(_PRECHECK_TABLE).split())
    ):
        return True  # "Télégram"
    if ("@" in text or "$" in text or "|" in text) and _leet_common_word(text, tokens):
        return True
    if (
        not text.isascii()
        and _CYRILLIC_MIXED.search(text)
        and any(_cyrillic_hit(t, _spellings()) for t in text.lower().split())
    ):
        return True  # "т3л3грам"
    if max(map(len, tokens), default=0) <= 40:
        return False
    return any(not keys.isdisjoint(_TOKEN.findall(t)) for t in tokens if len(t) > 40)


_AMBIGUOUS_CUE = lazy_compile(
    r"\b(?:on|via|in|my|your|ur|add|text|message|dm|ping|id|handle|username|join|invite|move|moving|continue|switch|"
    r"switching|hop|hopping|migrate|migrating|"
    r"have|use|using|chat|talk|call|reach|contact|find|me|us|name|tag|nick)\b|@|\?"
)
_AMBIGUOUS_WORDS = lazy_compile(
    r"\b(?:teams|slack|signal|line|imo|x|snap|google\schat|ms\steams|microsoft\steams|linked\sin|kakao(?:\stalk)?|disc)\b"
)
"""Spellings that are also everyday words: they reach the per-word scan only beside a cue (see _mentions)."""
_AMBIGUOUS_WORDS_HINT = PLAIN.hint(_AMBIGUOUS_WORDS.pattern)
_AMBIGUOUS_CUE_HINT = PLAIN.hint(_AMBIGUOUS_CUE.pattern)


_EUPHEMISM = lazy_compile("|".join(f"(?:{p})" for p, _ in EUPHEMISMS))
_EUPHEMISM_HINT = PLAIN.hint(_EUPHEMISM.pattern)
_EUPHEMISM_WORDS = (
    # "the gram", "the green one", "the purple messenger" name no app word: without these, never looked at
    *(" app", "bird", "network", "plane", "gram", "green", "purple", "violet", "site", "zuck"),
    *("papi", "papel", "carta", "flieger", "самол", "samolot", "uçak", "ucak", "мессендж", "месседж", "uygulama"),
    *("verde", "verdinha", "verte", "grüne", "grune", "zielon", "apli"),
)
"""One of these is in every euphemism (`lexicon.EUPHEMISMS`): a substring test before the pattern runs."""
_EUPHEMISM_APPS = [(re.compile(p), app, p in WEAK_EUPHEMISMS) for p, app in EUPHEMISMS]

_Judgement = tuple[str, float, str | None, str, tuple[int, int] | None]


def _handle(app: App, m: re.Match[str], offset: int, score: float, what: str) -> _Judgement:
    """A handle found by `m` in a window that starts at `offset` in the text."""
    start = offset + m.start("handle")
    handle = m.group("handle")
    return "contact.handle", score, f"{app.name}:{handle}", f"a {app.name} {what}", (start, start + len(handle))


def _strip_accents(token: str) -> str:
    """ "Sïgnäl", "Télégrâm": accents are a cheap disguise; Cyrillic and other scripts are left alone."""
    if token.isascii():
        return token
    out = unicodedata.normalize("NFD", token)
    return unicodedata.normalize("NFC", "".join(c for c in out if not unicodedata.combining(c) or c == "\u0306"))


def _looks_like_handle(m: re.Match[str]) -> bool:
    """After a bare ':' the word must look like a username ("jd_dev", "maya.lind"), not prose ("short")."""
    handle = m.group("handle")
    named = m.group().lstrip()[:1] not in ":=–"
    return named or any(c.isdigit() or c in "_." for c in handle)


@dataclass(frozen=True, slots=True)
class _Mention:
    app: App
    start: int
    end: int
    disguised: bool


class AppDetector(Detector):
    info = DetectorInfo(
        id="contact.app",
        family="contact",
        kinds=("contact.handle", "contact.request"),  # meeting ids come out as contact.handle "meeting:<id>"
        version="1.0.0",
        description="Messaging apps named with a handle, an invitation or a disguise; Skype live: and Discord tags.",
    )

    def detect(self, doc: Document) -> list[Finding]:
        view = doc.plain
        text = view.text
        out: list[Finding] = []
        handled: list[tuple[int, int]] = []
        for mention in self._mentions(doc):
            found = self._judge(text, mention)
            if found is None:
                continue
            kind, score, value, reason, hspan = found
            s, e = (
                (mention.start, mention.end)
                if hspan is None
                else (min(mention.start, hspan[0]), max(mention.end, hspan[1]))
            )
            start, end = view.span(s, e)
            if kind == "contact.handle":
                handled.append((s, e))
            out.append(Finding(kind, score, start, end, value, reason, soft=kind == "contact.request"))
        for m in _GENERIC_HANDLE.finditer(text) if "@" in text and _GENERIC_HANDLE_HINT(doc) else ():
            if any(s <= m.start("handle") < e for s, e in handled):
                continue
            start, end = view.span(m.start(), m.end())
            out.append(
                Finding(
                    "contact.handle",
                    0.85,
                    start,
                    end,
                    f"handle:{m.group('handle')}",
                    "gives a social or messaging handle",
                )
            )
        if ("@" in text or "$" in text) and any(w in text for w in _PAY_APP_WORDS):
            for m in _PAY_APP_HANDLE.finditer(text):
                which = "handle" if m.group("handle") is not None else "handle2"
                start, end = view.span(m.start(which), m.end(which))
                named = m.group("app") or m.group("app2")
                app = named.replace(" ", "").replace("revtag", "revolut").replace("cashtag", "cashapp")
                value, why = f"{app}:{m.group(which)}", "a payment app's username, which also reaches the person"
                out.append(Finding("contact.handle", 0.85, start, end, value, why))
        for m in _MEETING_ID.finditer(text) if _MEETING_HINT(doc) else ():
            start, end = view.span(m.start(), m.end())
            digits = "".join(c for c in m.group("id") if c.isdigit())
            out.append(
                Finding(
                    "contact.handle", 0.85, start, end, f"meeting:{digits}", "a meeting room id outside the platform"
                )
            )
        tagged = []
        if "live:" in text:
            tagged.append((_SKYPE_LIVE, "skype", 0.95))
        if "#" in text and _DISCORD_TAG_HINT(doc):
            tagged.append((_DISCORD_TAG, "discord", 0.8))
        for pattern, app, score in tagged:
            for m in pattern.finditer(text):
                if any(s <= m.start() < e for s, e in handled):
                    continue
                start, end = view.span(m.start(), m.end())
                out.append(
                    Finding(
                        "contact.handle",
                        score,
                        start,
                        end,
                        f"{app}:{m.group()}",
                        f"a {app} handle ({'live: id' if app == 'skype' else 'name#1234 tag'})",
                    )
                )
        return out

    def _mentions(self, doc: Document) -> list[_Mention]:
        view = doc.plain
        text = view.text
        table = _spellings()
        mentions: list[_Mention] = []
        # a colon may introduce a username ("kakao: hyunwoo_dev"); asked of the text, not the shared gate, whose
        # automaton a branch after every colon would grow for every message
        maybe = _names_a_key(text) or (_AMBIGUOUS_WORDS_HINT(doc) and (":" in text or _AMBIGUOUS_CUE_HINT(doc)))
        pattern = _TOKEN_BANG if "!" in text and _BANG_IN_WORD.search(text) else _TOKEN
        tokens = list(pattern.finditer(text)) if maybe else []
        for i, m in enumerate(tokens):
            raw = m.group()
            key = _strip_accents(raw).translate(_KEY_TABLE)
            hit = table.get(key)
            if hit is None and "1" in raw:
                key = _strip_accents(raw).replace("1", "i").translate(_KEY_TABLE)
                hit = table.get(key)
            end = m.end()
            if (hit is None or hit[0].ambiguous) and i + 1 < len(tokens) and tokens[i + 1].start() - end <= 1:
                pair = key + tokens[i + 1].group().translate(_KEY_TABLE)
                whole = table.get(pair)
                if (
                    whole is not None
                    and (hit is None or whole[0] is not hit[0])
                    and (not whole[0].fuzzy or not whole[1])
                ):
                    hit, end = whole, tokens[i + 1].end()  # "kakao talk": the two words name the app outright
                elif hit is not None and hit[0].ambiguous:
                    pass
                elif whole is not None:
                    hit = None
            elif (
                hit is not None
                and i + 1 < len(tokens)
                and tokens[i + 1].start() - end <= 1
                and tokens[i + 1].group().lower() in ("app", "ap")
            ):
                whole = table.get(key + tokens[i + 1].group().translate(_KEY_TABLE))
                if whole is not None and whole[0] is hit[0]:
                    hit, end = whole, tokens[i + 1].end()  # "wats app", "wats ap" (not Polish "whatsappem")
            if hit is None and not raw.isascii():
                hit = _cyrillic_hit(raw.lower(), table)  # "т3л3грам", "в т е л е г р а м" joined as "втeлerpaм"
            if hit is None:
                # a trailing possessive or punctuation: "WhatsApp's", "telegram."
                trimmed = key.rstrip(".'s") if key.endswith("'s") else key.rstrip(".")
                hit = table.get(trimmed) if trimmed != key else None
            if hit is None:
                continue
            app, misspelled = hit
            if len(raw) == 1 and not doc.text[view.origin(m.start())].isupper():
                continue  # a lone "x" is a letter; "X" may be the app
            start, stop = view.span(m.start(), end)
            original = _TRAILING.sub("", doc.text[start:stop].lower())
            disguised = misspelled or original not in app.spellings
            mentions.append(_Mention(app, m.start(), end, disguised))
            if len(mentions) >= _MAX_MENTIONS:
                break
        if _EUPHEMISM_HINT(doc) and any(w in text for w in _EUPHEMISM_WORDS):
            for m in _EUPHEMISM.finditer(text):
                for pattern, name, weak in _EUPHEMISM_APPS:
                    if pattern.fullmatch(m.group()):
                        app = _APP_BY_NAME.get(name) or App(name, (name,))
                        if weak:  # "the green one looks better": a word, unless a cue says otherwise
                            app = replace(app, ambiguous=True)
                        mentions.append(_Mention(app, m.start(), m.end(), not weak))
                        break
        return mentions

    @staticmethod
    def _judge(text: str, mention: _Mention) -> _Judgement | None:
        app = mention.app
        before = text[max(0, mention.start - 60) : mention.start]
        after = text[mention.end : mention.end + 48]
        h = _HANDLE_AFTER.match(after)
        if h is not None:
            return _handle(app, h, mention.end, 0.95, "handle")
        h = _HANDLE_MARKED.match(after)
        if (
            h is not None
            and not _TECH_AFTER.match(after)
            and _looks_like_handle(h)
            and not app.ambiguous
            and after[h.end() : h.end() + 1] != "/"  # "LinkedIn: linkedin.com/in/x" is a link, read by contact.url
        ):
            return _handle(app, h, mention.end, 0.9, "username")
        id_word_then_prose = False
        if app.ambiguous:
            h = _ID_AFTER.match(after)
            if h is None and app.name == "discord":
                h = _DISC_NAME.match(after) or _COLON_DOTTED.match(after)
            if h is None:
                h = _COLON_USERNAME.match(after)
            if h is None and before.endswith(("my ", "mi ", "meu ", "mon ", "mein ")):
                h = _IS_USERNAME.match(after)  # "my kakao is softpeach_design"
            if h is not None and (_USERNAME_LIKE.search(h.group("handle")) or _ENDS_CLAUSE.match(after, h.end())):
                return _handle(app, h, mention.end, 0.9, "username")
            id_word_then_prose = h is not None  # "a signal id pattern in the logs": an id word, then prose
        h = _HANDLE_BEFORE.search(before)
        if h is not None and h.group("handle").lstrip("@").lower() not in _TOOL_KEYWORDS:
            return _handle(app, h, mention.start - len(before), 0.95, "handle")
        nearby = _NEARBY_HANDLE.search(text, mention.end, min(len(text), mention.end + 92))  # room for the whole handle
        if (
            nearby is not None
            and nearby.group().lstrip("@") not in _TOOL_KEYWORDS
            and nearby.start() <= mention.end + 60
            and not _CLAUSE_END.search(text, mention.end, nearby.start())
        ):
            return (
                "contact.handle",
                0.9,
                f"{app.name}:{nearby.group()}",
                f"a {app.name} handle in the same sentence",
                nearby.span(),
            )
        if _TECH_AFTER.match(after):
            return None
        if before.endswith(_MODEL_ENDS) and _MODELLED_ON.search(before):
            return None  # "a chat app modelled on WhatsApp": the app as the model of the work
        if app.name in _WORK_TOOLS and _WORK_USE_AFTER.match(after):
            return None  # "do you use Slack for the team updates?": the tool the work runs on, asked about
        cue = _CUE_BEFORE.search(before) if _CUE_BEFORE_HINT(before) else None
        if (
            cue is not None
            and _POSSESSIVE_ONLY.search(cue.group())
            and app.ambiguous
            and not _FIND_ME_AFTER.match(text, mention.end)
        ):
            cue = None
        after_cue = _CUE_AFTER.match(after)
        if after_cue is not None and app.ambiguous and (not after_cue.group().startswith(" ") or id_word_then_prose):
            after_cue = None  # "line me", "signal me" read as English
        if after_cue is None and not app.ambiguous:
            after_cue = _HAVE_AFTER.match(after) or _NAME_THERE.match(text, mention.end)
        if after_cue is None and _BARE_QUESTION.match(after) and len(before.strip().split()) <= 2:
            after_cue = _BARE_QUESTION.match(after)  # a bare "whatsapp?" or "zap?"
        if cue is not None or after_cue is not None:
            score = 0.85 if cue is not None and not _POSSESSIVE_ONLY.search(cue.group()) else 0.65
            why = f"an invitation to continue on {app.name}" if cue is not None else f"asks for {app.name} contact"
            if mention.disguised:
                score, why = 0.9, why + " (name disguised)"
            span = None
            same = _SAME_AFTER.match(after) if after_cue is not None else None
            if same is not None:
                span = (
                    mention.end,
                    mention.end + same.end(),
                )  # "insta" + "handle is the same as here": the whole pointer
            return "contact.request", score, app.name, why, span
        if mention.disguised:
            return "contact.request", 0.75, app.name, f"{app.name} named in disguise", None
        return None
