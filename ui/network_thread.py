"""The desk's network thread: sync passes, platform sign-ins, starting the training platform.

A second single-worker executor beside the database thread (:mod:`ui.desk_worker`), so a
platform that answers slowly or not at all never holds up a database job, and the GUI thread
never waits on either. Results come back the same way: a queued Qt signal carries the finished
future to the GUI thread, where the callbacks run; a result whose owner has been deleted
meanwhile is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from clerk_desk.errors import UserError
from ui.job_results import deliver

T = TypeVar("T")


class NetworkThread(QObject):
    _finished = Signal(object, object, object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-net")
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        job: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[UserError], None] | None = None,
        owner: QObject | None = None,
        after: Callable[[], None] | None = None,
    ) -> None:
        """Run ``job()`` on the network thread; the callbacks run on the GUI thread.

        A :class:`UserError` goes to ``on_failure``; anything else is a bug and goes to the
        crash handler. ``after`` runs in every case, even after a bug, so a caller's "busy"
        flag never stays set. Nothing runs when ``owner`` has been deleted meanwhile or the job
        was dropped at shutdown.
        """
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

    def shutdown(self) -> None:
        """Wait for the job under way (every request has a timeout); drop the queued ones."""
        self._executor.shutdown(wait=True, cancel_futures=True)
