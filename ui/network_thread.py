"""The desk's network thread: sync passes, platform sign-ins, starting the training platform.

A second single-worker executor beside the database thread (:mod:`ui.desk_worker`), so a
platform that answers slowly or not at all never holds up a database job, and the GUI thread
never waits on either. Results come back the same way: a queued Qt signal carries the finished
future to the GUI thread, where the callbacks run; a result whose owner has been deleted
meanwhile is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject

from clerk_desk.errors import UserError
from ui.job_results import SingleWorkerThread

T = TypeVar("T")


class NetworkThread(SingleWorkerThread):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__("desk-net", parent)

    def run(
        self,
        job: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[UserError], None] | None = None,
        owner: QObject | None = None,
        after: Callable[[], None] | None = None,
    ) -> None:
        """Run ``job()`` on the network thread; the callbacks run on the GUI thread (see
        :class:`~ui.job_results.SingleWorkerThread`)."""
        self._submit(job, on_success, on_failure, owner, after)

    def shutdown(self) -> None:
        """Wait for the job under way (every request has a timeout); drop the queued ones."""
        self._executor.shutdown(wait=True, cancel_futures=True)
