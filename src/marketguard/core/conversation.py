"""What the screener remembers of a conversation: recent turns (to join split details) and attempts.

The core does no I/O, so memory comes in through `ConversationStore`; `InMemoryConversations` is the
embedded implementation (and the one tests use). A Redis or SQL store implements the same two methods.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Turn:
    message_id: str | None
    sender_id: str | None
    text: str
    """The message's text, or its last part when it was long."""
    offset: int = 0
    """Where `text` starts in the message as sent (non-zero when only its tail is kept)."""
    shared: bool = False
    """Whether a contact detail, or words offering one, was found in this message."""
    paid: bool = False
    """Whether payment talk (a rail, a wallet, off-platform payment) was found in this message."""


@dataclass(slots=True)
class ConversationState:
    turns: list[Turn] = field(default_factory=list)
    attempts: int = 0
    """Messages in this conversation that the policy flagged (any decision above allow)."""


class ConversationStore(Protocol):
    def get(self, conversation_id: str) -> ConversationState | None: ...

    def put(self, conversation_id: str, state: ConversationState) -> None: ...


class InMemoryConversations:
    """A bounded LRU of conversations; the oldest conversation is forgotten first."""

    def __init__(self, max_conversations: int = 100_000) -> None:
        self._data: OrderedDict[str, ConversationState] = OrderedDict()
        self._max = max_conversations

    def get(self, conversation_id: str) -> ConversationState | None:
        state = self._data.get(conversation_id)
        if state is not None:
            self._data.move_to_end(conversation_id)
        return state

    def put(self, conversation_id: str, state: ConversationState) -> None:
        self._data[conversation_id] = state
        self._data.move_to_end(conversation_id)
        while len(self._data) > self._max:
            self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)
