"""Page changes of the case being taken in, one after another on the database thread.

Every page change (pages scanned or imported, a rotation, a move, a deletion) is a function of
the desk and a copy of the case, run by ``desk.pages``. They are queued here and run one at a
time, each on a copy taken when its turn comes, so a page scanned while the previous one is
still being stored is never lost by merging two copies made at the same moment. What comes back
replaces the material's page list in the clerk's case; pages the clerk took off meanwhile (the
remove-files dialog) stay off, and the marks the clerk set meanwhile win.
"""

from __future__ import annotations

import copy
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from clerk_desk.domain.case import Case, CaseMaterial, MaterialFile, MaterialMark
from clerk_desk.errors import UserError
from ui.desk_worker import DeskWorker

if TYPE_CHECKING:
    from clerk_desk.desk import Desk

PageChange = Callable[["Desk", Case], Case]


@dataclass(frozen=True)
class _Job:
    case_uuid: str
    material: str
    change: PageChange


class PageJobs(QObject):
    """``changed(name)`` after a material's pages changed in the clerk's case;
    ``failed(error)`` when a change was refused or stopped half way (what it stored stays)."""

    changed = Signal(str)
    failed = Signal(object)

    def __init__(
        self, worker: DeskWorker, current: Callable[[], Case | None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self._current = current
        self._queue: deque[_Job] = deque()
        self._busy = False

    def submit(self, material: str, change: PageChange) -> None:
        case = self._current()
        if case is None:
            return
        self._queue.append(_Job(case.uuid, material, change))
        self._next()

    def pending(self) -> int:
        """Changes not yet back from the database thread."""
        return len(self._queue) + self._busy

    def clear(self) -> None:
        """Forget the queued changes (a new case starts); the one under way is dropped."""
        self._queue.clear()

    def _next(self) -> None:
        if self._busy or not self._queue:
            return
        job = self._queue.popleft()
        case = self._current()
        if case is None or case.uuid != job.case_uuid:
            self._next()
            return
        snapshot = copy.deepcopy(case)
        before = _material(snapshot, job.material)
        sent = tuple(before.files) if before else ()
        self._busy = True
        self.worker.run(
            lambda desk: _attempt(job.change, desk, snapshot),
            lambda outcome: self._finish(job, sent, *outcome),
            owner=self,
        )

    def _finish(
        self, job: _Job, sent: tuple[MaterialFile, ...], changed: Case, error: UserError | None
    ) -> None:
        try:
            self._arrived(job, sent, changed)
            if error is not None:
                self.failed.emit(error)
        finally:
            self._busy = False
            self._next()

    def _arrived(self, job: _Job, sent: tuple[MaterialFile, ...], changed: Case) -> None:
        case = self._current()
        if case is None or case.uuid != job.case_uuid:
            return
        material = _material(case, job.material)
        stored = _material(changed, job.material)
        if material is None or stored is None:
            return
        sent_shas = {file.sha256 for file in sent}
        kept = {file.sha256 for file in material.files}
        material.files = tuple(
            file for file in stored.files if file.sha256 in kept or file.sha256 not in sent_shas
        )
        if material.mark in (MaterialMark.UNCHECKED, MaterialMark.MISSING) or (
            material.mark is MaterialMark.ATTACHED and not material.files
        ):
            material.mark = stored.mark
        if not material.note:
            material.note = stored.note  # where reused pages came from
        self.changed.emit(job.material)


def _attempt(change: PageChange, desk: Desk, case: Case) -> tuple[Case, UserError | None]:
    """The changed case, or the case as the failed change left it and the error: the desk's
    page changes work on the case in place, so the pages a damaged file gave before the
    damage are in it and are kept."""
    try:
        return change(desk, case), None
    except UserError as error:
        return case, error


def _material(case: Case, name: str) -> CaseMaterial | None:
    return next((m for m in case.materials if m.name == name), None)
