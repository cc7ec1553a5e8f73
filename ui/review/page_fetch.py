"""Fetching the pages of a case that are not on this desk, on the network lane.

The case came from the platform (another window took it in), so its pages are the platform's
blobs; :func:`clerk_desk.sync.blob_fetch.fetch_blob` downloads one, resumably, into the desk's
content-addressed file store, where it stays (a cache that never goes stale: the name is the
content's hash). The pages are fetched one after the other; progress (bytes of all the pages
asked) comes back to the GUI thread as a queued signal.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from clerk_desk.domain.case import MaterialFile
from clerk_desk.errors import UserError
from ui.desk_worker import DeskWorker


class PageFetcher(QObject):
    progressed = Signal(int, int)  # bytes so far, bytes asked
    fetched = Signal(str)
    failed = Signal(str)

    def __init__(self, worker: DeskWorker, username: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.username = username
        self._asked: dict[str, int] = {}
        self._done: dict[str, int] = {}

    def fetch(self, files: list[MaterialFile]) -> None:
        """Fetch each page not asked for yet."""
        for file in files:
            if file.sha256 in self._asked:
                continue
            self._asked[file.sha256] = file.size
            self._done[file.sha256] = 0
            self._start(file)

    def _start(self, file: MaterialFile) -> None:
        self.worker.run_network(
            lambda: self._fetch(file),
            self.fetched.emit,
            lambda error: self._failed(file.sha256, error),
            owner=self,
        )

    def _fetch(self, file: MaterialFile) -> str:
        desk = self.worker.desk
        assert desk is not None

        def report(done: int) -> None:
            self._done[file.sha256] = done
            self.progressed.emit(sum(self._done.values()), sum(self._asked.values()))

        desk.sync.fetch_blob(self.username, file.sha256, file.size, report)
        report(file.size)
        return file.sha256

    def _failed(self, sha256: str, error: UserError) -> None:
        """Asked again the next time the material is shown."""
        self._asked.pop(sha256, None)
        self._done.pop(sha256, None)
        self.failed.emit(error.render())
