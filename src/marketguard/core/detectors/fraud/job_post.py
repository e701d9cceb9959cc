"""Fake job posts: what the post says, weighed by who posts it.

Honest new clients often have $0 spend and no verified payment, so client facts alone never flag a post.
They raise the weight of the marks that fake jobs share: apply or interview on Telegram/WhatsApp, pay far
above the market for trivial work, "no experience, immediate start", a company that writes from a personal
mailbox. One finding per post: its score grows with the marks found, its span is the strongest mark (or the
title, when only the figures speak), and its reason lists every mark, with the client facts that weighed.

Text offsets: a job post is screened as `title`, a blank line, `description` (see `records.job_text`), so a
span in the description starts at `len(title) + 2`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marketguard.core.detectors.base import Detector, DetectorInfo, Finding
from marketguard.core.model import JobPost
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.normalize import WEBMAIL_STRICT, Document

_OFFPLATFORM = lazy_compile(
    r"(?<!\w)(?:apply|send\s(?:your\s)?(?:cv|resume)|contact|message|text|dm|add|reach|write|interview\w*|hr)\W{1,3}"
    r"(?:\w{1,20}\W{1,3}){0,5}(?:telegram|whats\s?app|signal|wechat|viber|google\schat|hangouts|t\.me/|wa\.me/)(?!\w)"
)
_NO_EXPERIENCE = lazy_compile(
    r"(?<!\w)(?:no\s(?:prior\s)?experience(?:\s(?:needed|required|necessary))?|without\sexperience|"
    r"sin\sexperiencia|sem\sexperi[êe]ncia|sans\sexp[ée]rience|keine\serfahrung|без\sопыта)(?!\w)"
)
_IMMEDIATE = lazy_compile(
    r"(?<!\w)(?:immediate(?:ly)?\s(?:start|hire|hiring|payment)|start\s(?:today|immediately|right\saway|now)|"
    r"hiring\s(?:immediately|now|urgently)|urgent(?:ly)?\shiring|inicio\sinmediato|início\simediato|"
    r"d[ée]but\simm[ée]diat|sofortiger\sstart|сразу)(?!\w)"
)
_TRIVIAL = lazy_compile(
    r"(?<!\w)(?:data\sentry|copy\s(?:and\s|&\s)?paste|copy-paste|typing|type\stext|like\s(?:posts|videos)|"
    r"rate\s(?:products|apps)|write\sreviews|simple\stask\w*|easy\stask\w*|easy\sjob|simple\sjob|"
    r"product\sreviews?|survey\w*|captcha|click\w*\sads|watch\w*\svideos|online\sassistant|"
    r"digitaci[óo]n|digita[çc][ãa]o|saisie|dateneingabe|набор\sтекста)(?!\w)"
)
_HOURLY = lazy_compile(
    r"(?:\$|usd\s?)(\d{2,4})(?:\.\d{1,2})?\s?(?:/|per\s|an\s|a\s)?\s?(?:hr|hour|h)\b|(\d{2,4})\s?(?:usd|\$)\s?(?:/|per\s)\s?(?:hr|hour)"
)
_DAILY = lazy_compile(r"(?:\$|usd\s?)(\d{3,5})\s?(?:/|per\s|a\s)\s?(?:day|daily)\b")
_EMAIL = lazy_compile(r"[\w.+\-]{1,64}@(?P<provider>[a-z0-9\-]{1,63})\.[a-z]{2,24}")
_COMPANY_WORDS = lazy_compile(r"(?<!\w)(?:inc|llc|ltd|gmbh|corp|corporation|company|agency|s\.a|group|co\.)(?!\w)")
_OFFPLATFORM_WORDS = ("telegram", "whats", "signal", "chat", "viber", "hangouts", ".me/")
_NO_EXPERIENCE_WORDS = ("exp", "erfahrung", "опыта")
_IMMEDIATE_WORDS = ("diat", "start", "hiring", "mediato", "сразу")
_MONEY_WORDS = ("$", "usd")
"""Substrings that every match of the pattern above holds (`_MONEY_WORDS`: of `_HOURLY` and `_DAILY`): a post
without any of them skips that `re` search, which tries its branches at every word and cost most of the
detector's time. Checked in `test_job_post`; keep them in step with the patterns."""
_TRIVIAL_RATE = 30.0
"""Dollars an hour above which "data entry" or "typing" is far above what the market pays."""


@dataclass(frozen=True, slots=True)
class Mark:
    name: str
    weight: float
    start: int
    end: int
    kind: str = "scam.fake_job"


class JobPostDetector(Detector):
    info = DetectorInfo(
        id="fraud.job_post",
        family="scam",
        kinds=("scam.fake_job", "scam.offplatform_interview"),
        version="1.0.0",
        description="Fake job posts: off-platform applications, pay far above the market for trivial work, "
        "'no experience, immediate start', personal mailboxes for a company; weighted by the client's history.",
    )

    def detect(self, doc: Document) -> list[Finding]:
        job = doc.job
        if job is None:
            return []
        text = doc.plain.text
        marks = self._marks(doc, text, job)
        if not marks:
            return []
        risky, facts = _client_risk(job)
        score = 1.0
        for mark in marks:
            score *= 1.0 - mark.weight * (1.0 + 0.5 * risky)
        score = min(1.0 - score, 0.97)
        best = max(marks, key=lambda m: m.weight)
        start, end = (best.start, best.end) if best.end > best.start else (0, len(job.title) or len(doc.text))
        if end > len(doc.text):
            start, end = 0, len(doc.text)
        reason = "job post with " + ", ".join(m.name for m in marks) + (f" (client: {facts})" if facts else "")
        # the kind of the strongest mark: a post whose worst sign is "apply on Telegram" is an off-platform interview
        return [Finding(best.kind, round(score, 3), start, end, None, reason)]

    def _marks(self, doc: Document, text: str, job: JobPost) -> list[Mark]:
        view = doc.plain
        marks: list[Mark] = []

        def add(name: str, weight: float, m: re.Match[str] | None, kind: str = "scam.fake_job") -> None:
            s, e = view.span(m.start(), m.end()) if m is not None else (0, 0)
            marks.append(Mark(name, weight, s, e, kind))

        if _holds(text, _OFFPLATFORM_WORDS) and (m := _OFFPLATFORM.search(text)) is not None:
            add("applications or interviews on an outside messenger", 0.55, m, "scam.offplatform_interview")
        trivial = _TRIVIAL.search(text)
        rate = _hourly_rate(text, job)
        if trivial is not None and rate is not None and rate >= _TRIVIAL_RATE:
            add(f"${rate:.0f}/hour for trivial work", 0.4, trivial)
        elif trivial is not None and _holds(text, _MONEY_WORDS) and (d := _DAILY.search(text)) is not None:
            add("a daily rate far above the market for trivial work", 0.4, d)
        no_exp = _NO_EXPERIENCE.search(text) if _holds(text, _NO_EXPERIENCE_WORDS) else None
        immediate = _IMMEDIATE.search(text) if _holds(text, _IMMEDIATE_WORDS) else None
        if no_exp is not None and immediate is not None:
            add("'no experience, immediate start'", 0.3, no_exp)
        elif no_exp is not None or immediate is not None:
            add("'no experience' or 'immediate start'", 0.12, no_exp or immediate)
        for m in _EMAIL.finditer(text) if "@" in text else ():
            if m.group("provider") in WEBMAIL_STRICT and (job.company or _COMPANY_WORDS.search(text)):
                add(f"a company that writes from a personal {m.group('provider')} mailbox", 0.3, m)
                break
        return marks


def _hourly_rate(text: str, job: JobPost) -> float | None:
    if job.budget is not None and job.budget_type == "hourly":
        return job.budget
    m = _HOURLY.search(text) if _holds(text, _MONEY_WORDS) else None
    if m is None:
        return None
    return float(m.group(1) or m.group(2))


def _holds(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def _client_risk(job: JobPost) -> tuple[float, str]:
    """0..1: how much the client's history adds to the marks, and the facts that said so."""
    c = job.client
    facts: list[str] = []
    risk = 0.0
    if c.spend is not None and c.spend == 0:
        risk += 0.4
        facts.append("$0 spent")
    if c.payment_verified is False:
        risk += 0.3
        facts.append("payment not verified")
    if c.account_age_days is not None and c.account_age_days < 30:
        risk += 0.3
        facts.append(f"account {c.account_age_days} days old")
    return min(risk, 1.0), ", ".join(facts)
