"""Unexpected errors: log them, keep a report file, and show a crash dialog on the GUI thread.

After qutebrowser's misc/crashsignal.py and Electrum's exception_window.py: the hooks may run
on any thread, so they only format, log and write the report, then emit a Qt signal; the
dialog is built by the slot, which Qt runs on the thread the handler lives on (the GUI thread).
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_desk import __version__
from ui.naming import named

log = logging.getLogger("clerk_desk.crash")


def build_report(
    exc_type: type[BaseException],
    value: BaseException,
    tb: TracebackType | None,
    log_path: Path | None,
) -> str:
    lines = [
        f"clerk_desk {__version__}",
        f"time: {datetime.now().isoformat(timespec='seconds')}",
        f"platform: {platform.platform()}",
        f"python: {sys.version.split()[0]}",
        f"qt: {qVersion()} (PySide6 {pyside_version})",
        f"thread: {threading.current_thread().name}",
        f"log: {log_path if log_path else '-'}",
        "",
        "".join(traceback.format_exception(exc_type, value, tb)).rstrip(),
    ]
    return "\n".join(lines) + "\n"


class CrashDialog(QDialog):
    def __init__(self, report: str, report_file: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crash")
        self.setWindowTitle(self.tr("clerk_desk: unexpected error"))
        self.resize(760, 520)
        intro = QLabel(
            self.tr(
                "Something went wrong inside clerk_desk. Work that was already saved is safe. "
                "Copy the report below and give it to your administrator."
            )
        )
        intro.setWordWrap(True)
        where = QLabel(
            self.tr("The report was also saved to {path}").format(path=report_file)
            if report_file
            else self.tr("The report could not be saved to a file.")
        )
        where.setWordWrap(True)
        where.setProperty("role", "muted")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report = named(QPlainTextEdit(report), "crash.report", self.tr("Crash report"))
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        copy = named(QPushButton(self.tr("Copy report")), "crash.copy", self.tr("Copy report"))
        copy.clicked.connect(self.copy_report)
        close = named(QPushButton(self.tr("Close")), "crash.close", self.tr("Close"))
        close.setProperty("primary", True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(copy)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)
        close.setFocus()

    def copy_report(self) -> None:
        QApplication.clipboard().setText(self.report.toPlainText())


class CrashHandler(QObject):
    """Installs ``sys.excepthook`` and ``threading.excepthook``; create it on the GUI thread."""

    crashed = Signal(str, str)

    def __init__(self, crash_dir: Path, log_path: Path | None, parent: QObject | None = None):
        super().__init__(parent)
        self.crash_dir = crash_dir
        self.log_path = log_path
        self.dialogs: list[CrashDialog] = []
        self._previous: tuple[object, object] | None = None
        self.crashed.connect(self._show_dialog)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def excepthook(
        self, exc_type: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.exit(130)
            return
        log.error("unexpected error", exc_info=(exc_type, value, tb))
        report = build_report(exc_type, value, tb, self.log_path)
        report_file = self._write(report)
        self.crashed.emit(report, str(report_file) if report_file else "")

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        value = args.exc_value if args.exc_value is not None else args.exc_type()
        self.excepthook(args.exc_type, value, args.exc_traceback)

    def _write(self, report: str) -> Path | None:
        try:
            self.crash_dir.mkdir(parents=True, exist_ok=True)
            path = self.crash_dir / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.txt"
            path.write_text(report, encoding="utf-8")
        except OSError:
            log.exception("could not write the crash report")
            return None
        return path

    def _show_dialog(self, report: str, report_file: str) -> None:
        dialog = CrashDialog(report, Path(report_file) if report_file else None)
        dialog.finished.connect(self._forget_dialog)
        self.dialogs.append(dialog)
        dialog.show()
        dialog.activateWindow()

    def _forget_dialog(self) -> None:
        dialog = self.sender()
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
            dialog.deleteLater()
