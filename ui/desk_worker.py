"""The desk's database thread: every call that reads or writes the desk runs there, in order.

Anki's pattern (aqt/operations over aqt/taskman): one single-worker executor owns the
database; the GUI thread submits a function of the desk and gets the result or the error back
through a queued Qt signal, so widgets are only touched on the GUI thread and the window never
waits on SQLite, Alembic or argon2.

The first job opens the desk (migrations, demo seeding). Because the executor runs jobs one by
one, anything submitted meanwhile — a clerk pressing Enter on the sign-in form at once — simply
runs after the desk is open.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from clerk_desk.errors import UserError
from clerk_desk.home import DeskHome
from ui.job_results import deliver

if TYPE_CHECKING:
    from clerk_desk.desk import Desk

T = TypeVar("T")


class DeskWorker(QObject):
    deskReady = Signal(object)
    deskFailed = Signal(object)
    _finished = Signal(object, object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-db")
        self._desk: Desk | None = None
        self.desk: Desk | None = None
        self._closed = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @classmethod
    def for_desk(cls, desk: Desk, parent: QObject | None = None) -> DeskWorker:
        """A worker for a desk that is already open (the self-test and the tests)."""
        worker = cls(parent)
        worker._desk = desk
        worker.desk = desk
        return worker

    def open(self, home: DeskHome) -> None:
        """Open the desk in the background; ``deskReady`` or ``deskFailed`` follows."""

        def open_desk(_: Desk | None) -> Desk:
            # Imported here, on the database thread: SQLAlchemy and Alembic load off the GUI.
            from clerk_desk.desk import Desk

            self._desk = Desk.from_home(home)
            return self._desk

        self._submit(open_desk, self._opened, self.deskFailed.emit)
        # Files left by a crash between storing and saving; after the desk is announced, so
        # the window never waits for it (later jobs queue behind it on this thread).
        self.run(lambda desk: desk.intake.sweep_orphan_files())

    def run(
        self,
        job: Callable[[Desk], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[UserError], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run ``job(desk)`` on the database thread; the callbacks run on the GUI thread.

        A :class:`UserError` goes to ``on_failure``; anything else is a bug and goes to the
        crash handler (``sys.excepthook``) on the GUI thread. The result is dropped when
        ``owner`` (by default the object of a bound-method ``on_success``) has been deleted
        meanwhile, e.g. a window closed while its job ran.
        """

        def with_desk(desk: Desk | None) -> T:
            if desk is None:
                raise RuntimeError("the desk failed to open; no job can run")
            return job(desk)

        if owner is None and isinstance(getattr(on_success, "__self__", None), QObject):
            owner = on_success.__self__
        self._submit(with_desk, on_success, on_failure, owner)

    def _submit(
        self,
        job: Callable[[Desk | None], Any],
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[UserError], None] | None,
        owner: QObject | None = None,
    ) -> None:
        if self._closed:
            # A result delivered while the session closes may ask for more; nobody waits.
            return
        future = self._executor.submit(lambda: job(self._desk))
        future.add_done_callback(
            lambda done: self._finished.emit(done, on_success, on_failure, owner)
        )

    @Slot(object, object, object, object)
    def _deliver(
        self,
        future: Future[Any],
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[UserError], None] | None,
        owner: QObject | None,
    ) -> None:
        if owner is not None and not shiboken6.isValid(owner):
            return
        deliver(future, on_success, on_failure)

    def _opened(self, desk: Desk) -> None:
        self.desk = desk
        self.deskReady.emit(desk)

    def wait_idle(self) -> None:
        """Block until every submitted job has run (shutdown and tests only)."""
        self._executor.submit(lambda: None).result()

    def shutdown(self) -> None:
        self._closed = True
        self._executor.shutdown(wait=True)
        if self._desk is not None:
            self._desk.close()
