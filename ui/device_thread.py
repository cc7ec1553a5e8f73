"""The desk's device thread: scanners, and turning camera frames into stored-page images.

A third single-worker executor beside the database and network threads
(:mod:`ui.desk_worker`, :mod:`ui.network_thread`): a scanner that takes seconds per page, or
hangs, never holds up the database or the GUI. A job gets a :class:`JobControl`: ``report``
sends a value (a page that has just arrived) to the GUI thread at once through a queued signal,
and ``cancelled`` tells the job the clerk pressed Cancel. The final result or error comes back
the same way; progress and results whose owner has been deleted meanwhile are dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from clerk_desk.errors import UserError
from ui.job_results import SingleWorkerThread

T = TypeVar("T")


class JobControl:
    """What a device job holds: a way to report progress and to see a cancel."""

    def __init__(self, report: Callable[[Any], None]) -> None:
        self._report = report
        self._cancel = threading.Event()

    def report(self, value: Any) -> None:
        """Send ``value`` to the job's ``on_progress`` on the GUI thread (queued, in order)."""
        self._report(value)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class DeviceThread(SingleWorkerThread):
    _progress = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__("desk-device", parent)
        self._controls: set[JobControl] = set()
        self._progress.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        job: Callable[[JobControl], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[UserError], None] | None = None,
        owner: QObject | None = None,
        on_progress: Callable[[Any], None] | None = None,
        after: Callable[[], None] | None = None,
    ) -> JobControl:
        """Run ``job(control)`` on the device thread; every callback runs on the GUI thread.

        A :class:`UserError` goes to ``on_failure``, anything else to the crash handler;
        ``after`` runs in every case (after the last ``on_progress``). The returned control
        cancels the job.
        """
        control = JobControl(lambda value: self._progress.emit(value, on_progress, owner))
        self._controls.add(control)

        def run_job() -> T:
            try:
                return job(control)
            finally:
                self._controls.discard(control)

        self._submit(run_job, on_success, on_failure, owner, after)
        return control

    @Slot(object, object, object)
    def _show_progress(
        self, value: Any, on_progress: Callable[[Any], None] | None, owner: QObject | None
    ) -> None:
        if on_progress is None or (owner is not None and not shiboken6.isValid(owner)):
            return
        on_progress(value)

    def wait_idle(self) -> None:
        """Block until every submitted job has run (tests only)."""
        self._executor.submit(lambda: None).result()

    def shutdown(self) -> None:
        """Cancel the capture under way and drop the queued ones, without waiting: a scanner
        that hangs must not hang the closing window (the interpreter joins the thread at exit).
        """
        for control in list(self._controls):
            control.cancel()
        self._executor.shutdown(wait=False, cancel_futures=True)
