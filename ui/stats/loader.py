"""One page's figures loaded on the desk's database lane, bursts coalesced.

A refresh asked while one is on its way does not queue another behind it: it marks the page
stale, and one more load runs when the current one is back (with the parameters asked for
last). The GUI thread only starts jobs and shows what arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from clerk_desk.errors import UserError
from ui.desk_worker import DeskWorker

if TYPE_CHECKING:
    from clerk_desk.desk import Desk

Job = Callable[["Desk"], Any]


class Loader(QObject):
    """``request(job)`` runs ``job(desk)`` on the database lane; ``arrived`` carries its
    result, ``failed`` a :class:`UserError`; ``idle`` follows once no load is running or
    waiting."""

    arrived = Signal(object)
    failed = Signal(object)
    idle = Signal()

    def __init__(self, worker: DeskWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._running = False
        self._waiting: Job | None = None
        self.loads = 0  # loads run so far (tests see a burst coalesced)

    @property
    def busy(self) -> bool:
        return self._running or self._waiting is not None

    def request(self, job: Job) -> None:
        if self._running:
            self._waiting = job
            return
        self._running = True
        self.loads += 1
        self.worker.run(job, self.arrived.emit, self._refused, owner=self, after=self._done)

    def _refused(self, error: UserError) -> None:
        self.failed.emit(error)

    def _done(self) -> None:
        self._running = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self.request(waiting)
        else:
            self.idle.emit()
