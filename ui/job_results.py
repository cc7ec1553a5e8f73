"""Handing a background job's outcome to its callbacks on the GUI thread.

Shared by the database thread (:mod:`ui.desk_worker`) and the network thread
(:mod:`ui.network_thread`): a result goes to ``on_success``, a :class:`UserError` (something
the person can act on) to ``on_failure``, and anything else is a bug for the crash dialog.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from clerk_desk.errors import UserError


def deliver(
    future: Future[Any],
    on_success: Callable[[Any], None] | None,
    on_failure: Callable[[UserError], None] | None,
) -> None:
    error = future.exception()
    if error is None:
        if on_success is not None:
            on_success(future.result())
    elif isinstance(error, UserError) and on_failure is not None:
        on_failure(error)
    else:
        sys.excepthook(type(error), error, error.__traceback__)
