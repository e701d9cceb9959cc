"""The one registry of detectors. Nothing registers itself on import: this list is the whole truth.

Plugins add classes with `Registry.register`; the same class twice is a no-op, another class under an id
already taken is an error, so two plugins cannot silently shadow each other.
"""

from __future__ import annotations

from collections.abc import Iterable

from marketguard.core.detectors.base import Detector, DetectorConfig
from marketguard.core.detectors.circ_model import ContactModelDetector, PaymentModelDetector
from marketguard.core.detectors.contact.apps import AppDetector
from marketguard.core.detectors.contact.email import EmailDetector
from marketguard.core.detectors.contact.phone import PhoneDetector
from marketguard.core.detectors.contact.request import ContactRequestDetector
from marketguard.core.detectors.contact.url import UrlDetector
from marketguard.core.detectors.fraud.job_post import JobPostDetector
from marketguard.core.detectors.fraud.links import LinkDetector
from marketguard.core.detectors.fraud.model import ScamModelDetector
from marketguard.core.detectors.fraud.rules import FraudRulesDetector
from marketguard.core.detectors.payment.offplatform import OffPlatformPaymentDetector
from marketguard.core.detectors.payment.wallet import WalletDetector
from marketguard.errors import ConfigError

BUILTIN: tuple[type[Detector], ...] = (
    EmailDetector,
    PhoneDetector,
    UrlDetector,
    AppDetector,
    ContactRequestDetector,
    OffPlatformPaymentDetector,
    WalletDetector,
    FraudRulesDetector,
    LinkDetector,
    JobPostDetector,
    ScamModelDetector,
    ContactModelDetector,
    PaymentModelDetector,
)

SPLIT_DETECTORS = frozenset(
    {"contact.email", "contact.phone", "contact.url", "contact.app", "payment.offplatform", "payment.wallet"}
)
"""Detectors re-run over a sender's recent messages joined together, to find details split between them."""


class Registry:
    def __init__(self, classes: Iterable[type[Detector]] = BUILTIN) -> None:
        self._classes: dict[str, type[Detector]] = {}
        for cls in classes:
            self.register(cls)

    def register(self, cls: type[Detector]) -> None:
        ident = cls.info.id
        existing = self._classes.get(ident)
        if existing is cls:
            return
        if existing is not None:
            raise ConfigError(
                f"detector id {ident!r} is taken by {existing.__qualname__}; cannot add {cls.__qualname__}"
            )
        self._classes[ident] = cls

    @property
    def ids(self) -> list[str]:
        return list(self._classes)

    def get(self, ident: str) -> type[Detector]:
        try:
            return self._classes[ident]
        except KeyError:
            raise ConfigError(f"unknown detector {ident!r}; known: {', '.join(self._classes)}") from None

    def build(
        self, config: DetectorConfig, disabled: Iterable[str] = (), enabled: Iterable[str] = ()
    ) -> list[Detector]:
        """Instances of every registered detector that is on by default or `enabled`, except the disabled ones
        (unknown ids are an error either way)."""
        off, on = set(disabled), set(enabled)
        for verb, ids in (("disable", off), ("enable", on)):
            unknown = ids - set(self._classes)
            if unknown:
                known = ", ".join(self._classes)
                raise ConfigError(f"cannot {verb} unknown detectors {sorted(unknown)}; known: {known}")
        return [
            cls(config)
            for ident, cls in self._classes.items()
            if ident not in off and (cls.info.default_on or ident in on)
        ]
