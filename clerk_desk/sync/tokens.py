"""Platform tokens per user name, in memory only (never on disk), with their expiry.

Expiry is counted on the monotonic clock from when the token was received, so a desk whose
wall clock is wrong neither keeps a dead token nor drops a live one.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

# The contract's tokens last 12 hours; one is dropped a little earlier so that a row is not
# sent with a token about to expire mid-pass.
TOKEN_LIFETIME_SECONDS = 12 * 3600 - 600


@dataclass(frozen=True)
class Token:
    value: str
    username: str
    roles: frozenset[str]
    expires: float  # monotonic


class TokenBook:
    """Thread-safe: sign-in (a person waiting) and a sync pass may run on different threads."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._tokens: dict[str, Token] = {}
        self._lock = threading.Lock()

    def add(self, username: str, value: str, roles: frozenset[str]) -> None:
        token = Token(value, username, roles, self._monotonic() + TOKEN_LIFETIME_SECONDS)
        with self._lock:
            self._tokens[username] = token

    def get(self, username: str) -> Token | None:
        with self._lock:
            token = self._tokens.get(username)
            if token is not None and token.expires <= self._monotonic():
                del self._tokens[username]
                return None
            return token

    def drop(self, username: str) -> None:
        with self._lock:
            self._tokens.pop(username, None)

    def with_any_role(self, roles: frozenset[str]) -> Token | None:
        """A live token whose user holds one of ``roles``."""
        with self._lock:
            names = list(self._tokens)
        for name in names:
            token = self.get(name)
            if token is not None and token.roles & roles:
                return token
        return None

    def usernames(self) -> set[str]:
        with self._lock:
            names = list(self._tokens)
        return {name for name in names if self.get(name) is not None}
