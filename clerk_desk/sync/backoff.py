"""Capped exponential back-off with jitter, after consecutive failed passes; and a few quick
tries of one request within a pass.

The delay after the n-th failure in a row is drawn from [d/2, d] with d = min(cap, base·2ⁿ⁻¹):
it doubles, never exceeds the cap, and desks that failed together do not retry together.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from clerk_desk.sync.errors import TransportFailure

BASE_SECONDS = 1.0
CAP_SECONDS = 300.0


def delay(
    failures: int, rng: random.Random, base: float = BASE_SECONDS, cap: float = CAP_SECONDS
) -> float:
    """Seconds to wait after ``failures`` (≥ 1) failures in a row."""
    ceiling = min(cap, base * 2 ** min(failures - 1, 32))
    return rng.uniform(ceiling / 2, ceiling)


T = TypeVar("T")

IN_PASS_ATTEMPTS = 3
"""Tries of one request within a pass: on a flaky link most failures are single dropped
requests, and ending the pass at the first one would leave a row or two per pass."""


def retrying(action: Callable[[], T], pause: Callable[[float], None] = time.sleep) -> T:
    """``action()``, tried again up to twice after a transport failure, with a short random
    pause (every request the engine makes is idempotent, so a repeat is harmless)."""
    for attempt in range(1, IN_PASS_ATTEMPTS + 1):
        try:
            return action()
        except TransportFailure:
            if attempt == IN_PASS_ATTEMPTS:
                raise
            pause(random.uniform(0.02, 0.1) * attempt)
    raise AssertionError("unreachable")
