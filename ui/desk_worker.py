"""The one way the window runs work in the background: database, network and device jobs.

Anki's pattern (aqt/operations over aqt/taskman): three single-worker lanes, each a thread of
its own, so a slow platform or a hanging scanner never holds up the database, and the GUI
thread never waits on any of them.

- The **database** lane is the desk's one writer: every call that reads or writes the desk runs
  there, in order (:meth:`DeskWorker.run`); the sync engine hands its writes over to it
  (:meth:`DeskWorker.write`). The first job opens the desk.
- The **network** lane runs sync passes, platform sign-ins, the training platform's start
  (:meth:`DeskWorker.run_network`).
- The **device** lane runs scanners, camera frames and printing
  (:meth:`DeskWorker.run_device`); its jobs get a :class:`JobControl` to report progress and
  see a cancel, and are cancelled when their owner goes.

Every job ends the same way, on the GUI thread: the result goes to ``on_success``; a
:class:`UserError` to ``on_failure``, or, when the job has none, to :attr:`userError`
(shown to the clerk, never the crash dialog); anything else is a bug for ``sys.excepthook``.
Nothing is delivered when ``owner`` (by default the object of a bound-method ``on_success``)
was deleted meanwhile; ``after`` runs in every other case, even after a bug. After every job
that changed something, :attr:`changed` carries one :class:`~clerk_desk.changes.Changes`
(Anki's ``operation_did_execute``): subscribers refresh, nobody polls.
"""

from __future__ import annotations

import dataclasses
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from clerk_desk.errors import UserError
from clerk_desk.home import DeskHome

if TYPE_CHECKING:
    from clerk_desk.desk import Desk

T = TypeVar("T")
DATABASE_THREAD = "desk-db"


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


@dataclasses.dataclass(frozen=True)
class _Handlers:
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[UserError], None] | None
    owner: QObject | None
    after: Callable[[], None] | None
    control: JobControl | None = None  # a device job's, cancelled if the owner goes first

    def gone(self) -> bool:
        return self.owner is not None and not shiboken6.isValid(self.owner)

    def watch_owner(self) -> None:
        if self.owner is not None and self.control is not None:
            self.owner.destroyed.connect(self.control.cancel)

    def unwatch_owner(self) -> None:
        if self.owner is not None and self.control is not None and not self.gone():
            self.owner.destroyed.disconnect(self.control.cancel)


class DeskWorker(QObject):
    deskReady = Signal(object)
    deskFailed = Signal(object)
    changed = Signal(object)  # clerk_desk.changes.Changes
    userError = Signal(object)  # a UserError from a job without on_failure
    _finished = Signal(object, object)
    _announced = Signal(object)
    _progress = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = ThreadPoolExecutor(max_workers=1, thread_name_prefix=DATABASE_THREAD)
        self._network = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-net")
        self._devices = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-device")
        self._controls: set[JobControl] = set()
        self._desk: Desk | None = None
        self.desk: Desk | None = None
        self._closed = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._announced.connect(self.changed, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    @classmethod
    def for_desk(cls, desk: Desk, parent: QObject | None = None) -> DeskWorker:
        """A worker for a desk that is already open (the self-test and the tests)."""
        worker = cls(parent)
        worker._adopt(desk)
        worker.desk = desk
        return worker

    def open(self, home: DeskHome) -> None:
        """Open the desk in the background; ``deskReady`` or ``deskFailed`` follows."""

        def open_desk() -> Desk:
            # Imported here, on the database thread: SQLAlchemy and Alembic load off the GUI.
            from clerk_desk.desk import Desk

            desk = Desk.from_home(home)
            self._adopt(desk)
            return desk

        self._submit(
            self._database, open_desk, _Handlers(self._opened, self.deskFailed.emit, None, None)
        )
        # Files left by a crash between storing and saving; after the desk is announced, so
        # the window never waits for it (later jobs queue behind it on this thread).
        self.run(lambda desk: desk.intake.sweep_orphan_files())

    def _adopt(self, desk: Desk) -> None:
        """Run jobs on ``desk``; its sync engine hands its writes to the database thread."""
        self._desk = desk
        desk.sync.writer = self.write

    # The three lanes ----------------------------------------------------------------------

    def run(
        self,
        job: Callable[[Desk], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[UserError], None] | None = None,
        owner: QObject | None = None,
        after: Callable[[], None] | None = None,
    ) -> None:
        """Run ``job(desk)`` on the database thread."""

        def with_desk() -> T:
            if self._desk is None:
                raise RuntimeError("the desk failed to open; no job can run")
            return job(self._desk)

        self._submit(self._database, with_desk, _handlers(on_success, on_failure, owner, after))

    def run_network(
        self,
        job: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[UserError], None] | None = None,
        owner: QObject | None = None,
        after: Callable[[], None] | None = None,
    ) -> None:
        """Run ``job()`` on the network thread."""
        self._submit(self._network, job, _handlers(on_success, on_failure, owner, after))

    def run_device(
        self,
        job: Callable[[JobControl], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[UserError], None] | None = None,
        owner: QObject | None = None,
        on_progress: Callable[[Any], None] | None = None,
        after: Callable[[], None] | None = None,
    ) -> JobControl:
        """Run ``job(control)`` on the device thread; ``on_progress`` gets what the job
        reports, before ``on_success``. The returned control cancels the job, as does the
        deletion of ``owner``."""
        control = JobControl(lambda value: self._progress.emit(value, on_progress, handlers))
        handlers = dataclasses.replace(
            _handlers(on_success, on_failure, owner, after), control=control
        )
        self._controls.add(control)
        handlers.watch_owner()

        def run_job() -> T:
            try:
                return job(control)
            finally:
                self._controls.discard(control)

        self._submit(self._devices, run_job, handlers)
        return control

    def write(self, job: Callable[[], T]) -> T:
        """Run ``job()`` on the database thread and wait for its result, from another thread
        (the sync engine's writes from the network thread); inline on the database thread."""
        if threading.current_thread().name.startswith(DATABASE_THREAD):
            return job()
        return self._database.submit(self._noticed, job).result()

    def announce(self) -> None:
        """Announce at once what changed outside any job (a settings save on the GUI thread)."""
        changes = self._desk.take_changes() if self._desk is not None else None
        if changes:
            self.changed.emit(changes)

    # One hand-over onto the GUI thread ------------------------------------------------------

    def _submit(
        self, lane: ThreadPoolExecutor, job: Callable[[], Any], handlers: _Handlers
    ) -> None:
        if self._closed:
            # A result delivered while the session closes may ask for more; nobody waits.
            return
        future = lane.submit(self._noticed, job)
        future.add_done_callback(lambda done: self._finished.emit(done, handlers))

    def _noticed(self, job: Callable[[], T]) -> T:
        """Run ``job`` and announce what it changed, whether it succeeded or not."""
        try:
            return job()
        finally:
            if self._desk is not None:
                changes = self._desk.take_changes()
                if changes:
                    self._announced.emit(changes)

    @Slot(object, object)
    def _deliver(self, future: Future[Any], handlers: _Handlers) -> None:
        handlers.unwatch_owner()
        if future.cancelled() or handlers.gone():
            return
        try:
            error = future.exception()
            if error is None:
                if handlers.on_success is not None:
                    handlers.on_success(future.result())
            elif isinstance(error, UserError):
                if handlers.on_failure is not None:
                    handlers.on_failure(error)
                else:
                    self.userError.emit(error)
            else:
                sys.excepthook(type(error), error, error.__traceback__)
        finally:
            if handlers.after is not None:
                handlers.after()

    @Slot(object, object, object)
    def _show_progress(
        self, value: Any, on_progress: Callable[[Any], None] | None, handlers: _Handlers
    ) -> None:
        if on_progress is not None and not handlers.gone():
            on_progress(value)

    def _opened(self, desk: Desk) -> None:
        self.desk = desk
        self.deskReady.emit(desk)

    def wait_idle(self) -> None:
        """Block until every database job submitted so far has run (shutdown and tests)."""
        self._database.submit(lambda: None).result()

    def wait_devices(self) -> None:
        """Block until every device job submitted so far has run (tests)."""
        self._devices.submit(lambda: None).result()

    def wait_network(self) -> None:
        """Block until every network job submitted so far has run (tests)."""
        self._network.submit(lambda: None).result()

    def shutdown(self) -> None:
        """Cancel the capture under way without waiting (a hanging scanner must not hang the
        closing window); let the network job under way end (every request has a timeout; its
        writes still reach the database thread); then finish the database jobs."""
        self._closed = True
        for control in list(self._controls):
            control.cancel()
        self._devices.shutdown(wait=False, cancel_futures=True)
        self._network.shutdown(wait=True, cancel_futures=True)
        self._database.shutdown(wait=True)
        if self._desk is not None:
            self._desk.close()


def _handlers(
    on_success: Callable[[Any], None] | None,
    on_failure: Callable[[UserError], None] | None,
    owner: QObject | None,
    after: Callable[[], None] | None,
) -> _Handlers:
    if owner is None and isinstance(getattr(on_success, "__self__", None), QObject):
        owner = on_success.__self__  # type: ignore[union-attr]
    return _Handlers(on_success, on_failure, owner, after)
