"""Capped exponential back-off with jitter, after consecutive failed passes.

The delay after the n-th failure in a row is drawn from [d/2, d] with d = min(cap, base·2ⁿ⁻¹):
it doubles, never exceeds the cap, and desks that failed together do not retry together.
"""

from __future__ import annotations

import random

BASE_SECONDS = 1.0
CAP_SECONDS = 300.0


def delay(
    failures: int, rng: random.Random, base: float = BASE_SECONDS, cap: float = CAP_SECONDS
) -> float:
    """Seconds to wait after ``failures`` (≥ 1) failures in a row."""
    ceiling = min(cap, base * 2 ** min(failures - 1, 32))
    return rng.uniform(ceiling / 2, ceiling)
