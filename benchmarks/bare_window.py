"""Start-up baseline for bench_startup: a bare QMainWindow that quits once it is exposed.

Prints the milliseconds from interpreter start-up of this script to the first expose.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import sys  # noqa: E402

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtGui import QWindow  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


class QuitWhenExposed(QObject):
    def __init__(self, window: QWindow, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        self.done = False
        window.installEventFilter(self)
        self.check()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose:
            self.check()
        return False

    def check(self) -> None:
        if self.window.isExposed() and not self.done:
            self.done = True
            print(f"exposed after {(time.perf_counter() - STARTED) * 1000:.0f} ms", flush=True)
            QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(800, 600)
    window.show()
    handle = window.windowHandle()
    assert handle is not None, "a shown top-level widget has a native window"
    QuitWhenExposed(handle, parent=app)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
