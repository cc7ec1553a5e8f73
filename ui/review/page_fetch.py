"""Fetching the pages of a case that are not on this desk, on the network lane.

The case came from the platform (another window took it in), so its pages are the platform's
blobs; :func:`clerk_desk.sync.blob_fetch.fetch_blob` downloads one, resumably, into the desk's
content-addressed file store, where it stays (a cache that never goes stale: the name is the
content's hash). The pages are fetched one after the other; progress (bytes of all the pages
asked) comes back to the GUI thread as a queued signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from clerk_desk.domain.case import MaterialFile
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP
from clerk_desk.sync.blob_fetch import fetch_blob
from clerk_desk.sync.client import PlatformClient
from clerk_desk.sync.connection import Connection
from clerk_desk.sync.errors import PlatformUnreachable, Refused, TransportFailure
from ui.desk_worker import DeskWorker

if TYPE_CHECKING:
    from clerk_desk.desk import Desk


class PageNotFetched(UserError):
    pass


def fetch_page(
    desk: Desk, username: str, file: MaterialFile, report: Callable[[int, int], None]
) -> None:
    """Download one page into the desk's file store with the reviewer's platform token (on
    the network thread); a failure says why in the reviewer's words."""
    token = desk.sync.tokens.get(username)
    if token is None:
        raise PageNotFetched(
            # 未登录中心平台，无法下载本办件的页面；请锁屏后重新登录
            QT_TRANSLATE_NOOP(
                "core",
                "Not signed in to the platform, so the pages of this case cannot be fetched; "
                "lock the window and sign in again",
            )
        )
    client = PlatformClient(Connection.from_settings(desk.settings))
    try:
        fetch_blob(client, token.value, desk.intake.files, file.sha256, file.size, report)
    except TransportFailure as failure:
        raise PlatformUnreachable.from_failure(failure) from failure
    except Refused as refused:
        raise PageNotFetched(
            # 中心平台拒绝提供页面“{name}”：{reason}
            QT_TRANSLATE_NOOP("core", "The platform refused the page “{name}”: {reason}"),
            name=file.name,
            reason=refused.reason,
        ) from refused
    finally:
        client.close()


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

        def report(held: int, _size: int) -> None:
            self._done[file.sha256] = held
            self.progressed.emit(sum(self._done.values()), sum(self._asked.values()))

        fetch_page(desk, self.username, file, report)
        report(file.size, file.size)
        return file.sha256

    def _failed(self, sha256: str, error: UserError) -> None:
        """Asked again the next time the material is shown."""
        self._asked.pop(sha256, None)
        self._done.pop(sha256, None)
        self.failed.emit(error.render())
