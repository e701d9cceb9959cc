"""marketguard: a trust & safety engine for freelance marketplaces.

from marketguard import Screener, Message, Context, Phase
result = Screener().screen("jdoe at gmail dot com")
result.decision, result.rule, result.signals, result.nudge
"""

from marketguard.core.engine import Screener, ScreenerConfig
from marketguard.core.model import Context, Decision, Kind, Message, Phase, ScreenResult, Signal
from marketguard.errors import ConfigError, MarketguardError, RecordError

__all__ = [
    "ConfigError",
    "Context",
    "Decision",
    "Kind",
    "MarketguardError",
    "Message",
    "Phase",
    "RecordError",
    "ScreenResult",
    "Screener",
    "ScreenerConfig",
    "Signal",
]
__version__ = "0.1.0"
