"""Ctrl+C (SIGINT) and SIGTERM end the window as closing it does.

Python runs its signal handlers only between bytecodes, and the Qt event loop is C++: left
alone, Ctrl+C does nothing until some Python slot runs, which then raises
``KeyboardInterrupt`` out of a random place. Instead, a Python handler that only returns is
installed (so the default handler neither kills the process nor raises), and the C-level
handler's wakeup byte (:func:`signal.set_wakeup_fd`) goes down a socket pair that a
:class:`QSocketNotifier` watches: the event loop wakes at once and the windows are closed as if
the clerk had closed them (drafts saved, the sync stopped), then the application quits; the
training platform stops after ``exec()`` returns, as on every quit.
"""

from __future__ import annotations

import signal
import socket
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtWidgets import QApplication

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _ignore(_signum: int, _frame: FrameType | None) -> None:
    """The work is done by the notifier; this only keeps Python from raising."""


class StopOnSignal(QObject):
    """While installed, SIGINT and SIGTERM close every window and quit ``app``."""

    received = Signal(int)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous: dict[int, Any] = {
            signum: signal.signal(signum, _ignore) for signum in STOP_SIGNALS
        }
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            data = self._reader.recv(64)
        except BlockingIOError:
            return
        stops = [signum for signum in data if signum in STOP_SIGNALS]
        if stops:
            self.received.emit(stops[0])
            self.stop()

    def stop(self) -> None:
        """Close the windows as the clerk would (a window may save first), then quit."""
        self.app.closeAllWindows()
        self.app.quit()

    def uninstall(self) -> None:
        self._notifier.setEnabled(False)
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
