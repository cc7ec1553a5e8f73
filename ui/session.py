"""Which window is up: first-start setup, sign-in, or the main window of a signed-in clerk."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from clerk_desk.domain.roles import Clerk
from clerk_desk.errors import UserError
from clerk_desk.home import DeskHome
from ui.desk_worker import DeskWorker
from ui.setup_dialog import SetupDialog
from ui.sign_in import SignInWindow
from ui.sync_controller import SyncController

if TYPE_CHECKING:
    from clerk_desk.desk import Desk

W = TypeVar("W", bound=QWidget)


class Session(QObject):
    def __init__(
        self,
        home: DeskHome,
        worker: DeskWorker,
        idle_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``idle_ms`` is passed to every main window (tests shorten the idle lock)."""
        super().__init__(parent)
        self.home = home
        self.worker = worker
        self.idle_ms = idle_ms
        self.window: QWidget | None = None
        self._frozen = False
        # One sync for the whole run: it keeps going while clerks sign in and out.
        self.sync = SyncController(worker, self)
        worker.deskReady.connect(self._desk_ready)
        worker.userError.connect(self._say_error)

    def start(self) -> QWidget:
        """Show the first window and return it; it needs only the settings, not the database."""
        if not self.home.is_set_up():
            return self.show_setup()
        return self.show_sign_in()

    def show_setup(self) -> SetupDialog:
        dialog = SetupDialog(self.worker)
        dialog.accepted.connect(self.show_sign_in)
        return self._replace(dialog)

    def show_sign_in(self) -> SignInWindow:
        window = SignInWindow(self.home, self.worker)
        window.credentialsAccepted.connect(self.sync.sign_in)
        window.signedIn.connect(self._signed_in)
        window.resize(1366, 768)
        return self._replace(window)

    def _desk_ready(self, desk: Desk) -> None:
        """Sync starts; a real desk whose settings name a centre but no account needs setup."""
        self.sync.start()
        if not desk.demo_mode:
            self.worker.run(lambda opened: opened.needs_setup(), self._setup_needed)

    def _say_error(self, error: UserError) -> None:
        """Before sign-in nobody has a status bar (the main window shows its own)."""
        if not isinstance(self.window, (SignInWindow, SetupDialog)):
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not done"), error.render())
        box.setObjectName("session.error")
        box.setParent(self.window, box.windowFlags())
        box.open()

    def _setup_needed(self, needed: bool) -> None:
        if needed and isinstance(self.window, SignInWindow):
            self.show_setup()

    def _signed_in(self, clerk: Clerk) -> None:
        # Imported on first sign-in: the sign-in window must appear without it.
        from ui.main_window import MainWindow

        window = MainWindow(self.worker, clerk, self.idle_ms, sync=self.sync)
        window.signedOut.connect(self.show_sign_in)
        self._replace(window)
        if not self._frozen:
            # Modules, Qt wrappers, the catalog and its search index now live for the whole
            # run: take them out of the cyclic collector, so that a full collection during a
            # long sync on the network thread (which holds the GIL while it runs) scans only
            # what was made since, not everything (128 ms stalls of the window measured
            # without, 10 ms with: benchmarks/bench_sync_gui.py).
            gc.freeze()
            self._frozen = True

    def _replace(self, window: W) -> W:
        """Show the new window before closing the old, so the application does not quit."""
        previous = self.window
        self.window = window
        if isinstance(window, QMainWindow):
            # Hall PCs run the desk full screen; every sign-in opens it so again.
            window.showMaximized()
        else:
            window.show()
        if previous is not None:
            previous.close()
            previous.deleteLater()
        return window
