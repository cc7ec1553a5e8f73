"""Sync in the background: passes on a timer and on demand, platform sign-ins, the status.

One controller per running desk. Passes and sign-ins run on the network thread
(:class:`ui.network_thread.NetworkThread`), never on the database thread or the GUI thread;
the engine's status comes back through :attr:`SyncController.statusChanged`. Only one pass
runs at a time: "sync now" during a pass asks for one more right after it, so a case accepted
meanwhile does not wait for the timer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from clerk_desk.errors import UserError
from ui.desk_worker import DeskWorker
from ui.network_thread import NetworkThread

if TYPE_CHECKING:
    from clerk_desk.sync.status import SyncStatus


class SyncController(QObject):
    statusChanged = Signal(object)  # SyncStatus
    noticeChanged = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, worker: DeskWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.network = NetworkThread(self)
        self.status: SyncStatus | None = None
        # What the status bar says besides the engine's status: a failed platform sign-in,
        # a training platform that did not start.
        self.notice = ""
        self.busy = False
        self._again = False
        self._closed = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._timer_pass)

    def start(self) -> None:
        """Once the desk is open: a first pass now, then one every ``sync_interval_seconds``."""
        desk = self.worker.desk
        if self._closed or desk is None:
            return
        seconds = max(1, int(desk.settings.get("sync_interval_seconds")))
        self._timer.start(seconds * 1000)
        self.sync_now()

    def sync_now(self) -> None:
        self._pass(force=True)

    def _timer_pass(self) -> None:
        # The timer honours the engine's back-off after failures; "sync now" does not.
        self._pass(force=False)

    def _pass(self, force: bool) -> None:
        desk = self.worker.desk
        if self._closed or desk is None:
            return
        if self.busy:
            self._again = self._again or force
            return
        self._set_busy(True)
        engine = desk.sync
        self.network.run(
            lambda: engine.run_once(force=force), self._publish, owner=self, after=self._passed
        )

    def _passed(self) -> None:
        self._set_busy(False)
        if self._again:
            self._again = False
            self.sync_now()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busyChanged.emit(busy)

    def refresh(self) -> None:
        """Publish the status as the desk stores it (local only, on the database thread)."""
        if self._closed or self.worker.desk is None:
            return
        self.worker.run(lambda desk: desk.sync.status(), self._publish)

    def sign_in(self, username: str, password: str) -> None:
        """After the clerk's password was accepted at the desk: get their platform token.

        The password lives only in this job; a refusal is shown in the status bar. A desk
        without a platform has nobody to sign in to, which is not a failure.
        """
        desk = self.worker.desk
        if self._closed or desk is None:
            return
        engine, settings = desk.sync, desk.settings

        def sign_in() -> bool:
            # Checked on the network thread: the training platform may still be starting on
            # it, and sets the platform's address before this job runs.
            if not settings.get("platform_url"):
                return False
            engine.sign_in(username, password)
            return True

        self.network.run(sign_in, self._signed_in, self._sign_in_refused, owner=self)

    def _signed_in(self, signed_in: bool) -> None:
        if signed_in:
            self.set_notice("")
            self.sync_now()

    def _sign_in_refused(self, error: UserError) -> None:
        self.set_notice(self.tr("Platform sign-in failed: {error}").format(error=error.render()))

    def set_notice(self, text: str) -> None:
        self.notice = text
        self.noticeChanged.emit(text)

    def _publish(self, status: SyncStatus) -> None:
        self.status = status
        self.statusChanged.emit(status)

    def shutdown(self) -> None:
        """At exit: no new pass; the one under way finishes (every request has a timeout)."""
        self._closed = True
        self._timer.stop()
        self.network.shutdown()
