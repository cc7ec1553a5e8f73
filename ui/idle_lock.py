"""Idle lock: after some minutes without input the window hides its work behind a lock screen.

The watcher filters input events application-wide. The lock screen only covers the work: the
workspace widgets stay alive underneath, so a half-typed draft is there after unlocking.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.roles import Clerk
from clerk_desk.errors import UserError
from clerk_desk.services.accounts import SignInError
from ui.desk_worker import DeskWorker
from ui.naming import described, named

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


def minutes_to_ms(minutes: int) -> int:
    return max(0, minutes) * 60_000


class IdleWatcher(QObject):
    """Emits ``idle`` after ``timeout_ms`` without keyboard or mouse input; 0 means never."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._timeout_ms = timeout_ms
        self._running = False
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_timeout(self, timeout_ms: int) -> None:
        self._timeout_ms = timeout_ms
        if self._running:
            self.start()

    def start(self) -> None:
        self._running = True
        if self._timeout_ms > 0:
            self._timer.start(self._timeout_ms)
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._running and self._timeout_ms > 0 and event.type() in INPUT_EVENTS:
            self._timer.start(self._timeout_ms)
        return False


class LockScreen(QWidget):
    """Shown instead of the work; only the signed-in clerk's password opens it again."""

    unlocked = Signal()
    switchUser = Signal()
    # The accepted user name and password, for the platform sign-in (not kept anywhere).
    credentialsAccepted = Signal(str, str)

    def __init__(self, worker: DeskWorker, clerk: Clerk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.clerk = clerk
        self.setObjectName("lock")
        title = QLabel(self.tr("This window is locked"))
        title.setProperty("role", "title")
        who = QLabel(
            self.tr("Locked for {name} ({user}). Enter the password to continue.").format(
                name=clerk.display_name, user=clerk.username
            )
        )
        who.setWordWrap(True)
        self.password = named(QLineEdit(), "lock.password", self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.unlock_button = named(QPushButton(self.tr("Unlock")), "lock.unlock", self.tr("Unlock"))
        self.unlock_button.setProperty("primary", True)
        self.switch_button = named(
            QPushButton(self.tr("Switch user")), "lock.switchUser", self.tr("Switch user")
        )
        described(self.unlock_button, self.tr("Unlock"))
        described(self.switch_button, self.tr("Switch user"))
        self.error = named(QLabel(), "lock.error", self.tr("Unlock message"))
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)

        entry = QHBoxLayout()
        entry.addWidget(self.password, 1)
        entry.addWidget(self.unlock_button)
        card = QFrame()
        card.setProperty("role", "card")
        card.setFixedWidth(460)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(who)
        inner.addLayout(entry)
        inner.addWidget(self.error)
        inner.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self.password.returnPressed.connect(self.try_unlock)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button.clicked.connect(self.switchUser)

    def prepare(self) -> None:
        self.password.clear()
        self.error.clear()
        self.password.setFocus()

    def try_unlock(self) -> None:
        """Same check and throttle as signing in, so the lock screen cannot be brute-forced."""
        if not self.unlock_button.isEnabled():
            return
        self.unlock_button.setEnabled(False)
        username, password = self.clerk.username, self.password.text()
        self.worker.run(
            lambda desk: desk.accounts.sign_in(username, password),
            lambda clerk: self._accepted(clerk, password),
            self._refused,
            owner=self,
        )

    def _accepted(self, clerk: Clerk, password: str) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.error.clear()
        self.credentialsAccepted.emit(clerk.username, password)
        self.unlocked.emit()

    def _refused(self, error: UserError) -> None:
        """Only the password is asked for here, so only the password is said to be wrong."""
        self.unlock_button.setEnabled(True)
        if isinstance(error, SignInError) and error.wrong_credentials:
            self.error.setText(self.tr("Wrong password; try again"))
        else:
            self.error.setText(error.render())
        self.password.clear()
        self.password.setFocus()
