"""Which window is up: first-start setup, sign-in, or the main window of a signed-in clerk."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from clerk_desk.desk import Desk
from clerk_desk.domain.roles import Clerk
from ui.main_window import MainWindow
from ui.setup_dialog import SetupDialog
from ui.sign_in import SignInWindow

W = TypeVar("W", bound=QWidget)


class Session(QObject):
    def __init__(self, desk: Desk, idle_ms: int | None = None, parent: QObject | None = None):
        """``idle_ms`` is passed to every main window (tests shorten the idle lock)."""
        super().__init__(parent)
        self.desk = desk
        self.idle_ms = idle_ms
        self.window: QWidget | None = None

    def start(self) -> QWidget:
        """Show the first window and return it."""
        if self.desk.needs_setup() and not self.desk.demo_mode:
            dialog = SetupDialog(self.desk)
            dialog.accepted.connect(self.show_sign_in)
            return self._replace(dialog)
        return self.show_sign_in()

    def show_sign_in(self) -> SignInWindow:
        window = SignInWindow(self.desk)
        window.signedIn.connect(self._signed_in)
        window.resize(1366, 768)
        return self._replace(window)

    def _signed_in(self, clerk: Clerk) -> None:
        window = MainWindow(self.desk, clerk, self.idle_ms)
        window.signedOut.connect(self.show_sign_in)
        self._replace(window)

    def _replace(self, window: W) -> W:
        """Show the new window before closing the old, so the application does not quit."""
        previous = self.window
        self.window = window
        window.show()
        if previous is not None:
            previous.close()
            previous.deleteLater()
        return window
