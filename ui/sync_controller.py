"""Sync in the background: passes on a timer and on demand, platform sign-ins, the status.

One controller per running desk. Passes and sign-ins run on the network lane
(:meth:`ui.desk_worker.DeskWorker.run_network`), never on the database thread or the GUI
thread; the engine's status comes back through :attr:`SyncController.statusChanged`. Only one
pass runs at a time: "sync now" during a pass asks for one more right after it.

The controller listens to the change notices: a change of the outbox republishes the status
(the pending count moves the moment a decision is saved); new work in the outbox starts a
pass at once, so a case accepted online reaches the platform in seconds, not at the next tick
(once started: a window's own controller syncs only on demand); saved settings restart the
timer with the new interval.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from clerk_desk.errors import UserError
from ui.desk_worker import DeskWorker

if TYPE_CHECKING:
    from clerk_desk.changes import Changes
    from clerk_desk.sync.status import SyncStatus


class SyncController(QObject):
    statusChanged = Signal(object)  # SyncStatus
    noticeChanged = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, worker: DeskWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.status: SyncStatus | None = None
        # What the status bar says besides the engine's status: a failed platform sign-in,
        # a training platform that did not start.
        self.notice = ""
        self.busy = False
        self._again = False
        self._closed = False
        self._started = False
        self._refreshing = False
        self._refresh_again = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._timer_pass)
        worker.changed.connect(self._changed)

    def start(self) -> None:
        """Once the desk is open: a first pass now, then one every ``sync_interval_seconds``."""
        desk = self.worker.desk
        if self._closed or desk is None:
            return
        seconds = max(1, int(desk.settings.get("sync_interval_seconds")))
        self._started = True
        self._timer.start(seconds * 1000)
        self.sync_now()

    def _changed(self, changes: Changes) -> None:
        if changes.outbox:
            self.refresh()
        if self._started and changes.settings:
            self.start()
        elif self._started and changes.queued:
            # Honours the back-off: offline, a decision does not hammer a platform that is down.
            self._again = self._again or self.busy
            self._pass(force=False)

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
        self.worker.run_network(
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
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        self.worker.run(
            lambda desk: desk.sync.status(), self._publish, owner=self, after=self._refreshed
        )

    def _refreshed(self) -> None:
        self._refreshing = False
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

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

        self.worker.run_network(sign_in, self._signed_in, self._sign_in_refused, owner=self)

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
        """At exit: no new pass (the worker's shutdown lets the one under way finish)."""
        self._closed = True
        self._timer.stop()
