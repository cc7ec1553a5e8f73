"""Handing a background job's outcome to its callbacks on the GUI thread.

Shared by the database thread (:mod:`ui.desk_worker`), the network thread
(:mod:`ui.network_thread`) and the device thread (:mod:`ui.device_thread`): a result goes to
``on_success``, a :class:`UserError` (something the person can act on) to ``on_failure``, and
anything else is a bug for the crash dialog.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from clerk_desk.errors import UserError

T = TypeVar("T")


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


class SingleWorkerThread(QObject):
    """One worker thread; each job's outcome comes back to the GUI thread through a queued
    signal, where the callbacks run. Nothing runs when ``owner`` has been deleted meanwhile
    or the job was dropped at shutdown; ``after`` runs in every other case, even after a bug,
    so a caller's "busy" flag never stays set."""

    _finished = Signal(object, object, object, object, object)

    def __init__(self, thread_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=thread_name)
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _submit(
        self,
        job: Callable[[], T],
        on_success: Callable[[T], None] | None,
        on_failure: Callable[[UserError], None] | None,
        owner: QObject | None,
        after: Callable[[], None] | None,
    ) -> None:
        future = self._executor.submit(job)
        future.add_done_callback(
            lambda done: self._finished.emit(done, on_success, on_failure, owner, after)
        )

    @Slot(object, object, object, object, object)
    def _deliver(
        self,
        future: Future[Any],
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[UserError], None] | None,
        owner: QObject | None,
        after: Callable[[], None] | None,
    ) -> None:
        if future.cancelled() or (owner is not None and not shiboken6.isValid(owner)):
            return
        try:
            deliver(future, on_success, on_failure)
        finally:
            if after is not None:
                after()
