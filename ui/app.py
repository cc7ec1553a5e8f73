"""Starting the window: Qt application, font, theme, language, the desk, crash handling."""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from clerk_desk import __version__, logging_setup
from clerk_desk.desk import Desk
from clerk_desk.errors import UserError
from ui import fonts, theme
from ui.crash import CrashHandler
from ui.session import Session
from ui.translations import Translators, effective_language

QUIT_WHEN_SHOWN_ENV = "CLERK_DESK_QUIT_WHEN_SHOWN"

# The application must outlive every widget: held here, not as a local of run_app, so the
# windows (locals) are destroyed first when run_app returns.
_app: QApplication | None = None


class _QuitWhenExposed(QObject):
    """Quits as soon as a window is on screen: the start-up benchmark measures up to here."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and getattr(watched, "isExposed", lambda: False)():
            QCoreApplication.exit(0)
        return False


def _quit_when_exposed(window: QWidget, app: QApplication) -> None:
    handle = window.windowHandle()
    watcher = _QuitWhenExposed(app)
    if handle is None:
        window.installEventFilter(watcher)
    else:
        handle.installEventFilter(watcher)


def apply_appearance(app: QApplication, scale: float) -> str | None:
    """Fusion everywhere, so the desk looks the same on every platform the theme is tried on."""
    app.setStyle("Fusion")
    family = fonts.apply_font(app, scale)
    app.setStyleSheet(theme.stylesheet(scale))
    return family


def _open_desk(args: argparse.Namespace) -> Desk | UserError:
    try:
        return Desk.open(args.data_dir, demo_mode=bool(args.demo))
    except UserError as error:
        return error


def run_app(args: argparse.Namespace) -> int:
    if args.self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    global _app
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    _app = app
    app.setApplicationName("clerk-desk")
    app.setApplicationVersion(__version__)
    translators = Translators(app)
    translators.install(effective_language(args.lang, None))
    apply_appearance(app, 1.0)

    desk = _open_desk(args)
    if isinstance(desk, UserError):
        title = QCoreApplication.translate("App", "The desk cannot start")
        if args.self_test:
            print(f"FAIL  {title}: {desk.render()}", file=sys.stderr)
        else:
            QMessageBox.critical(None, title, desk.render())
        return 2
    try:
        language = effective_language(args.lang, desk.settings.get("language"))
        translators.install(language)
        apply_appearance(app, float(desk.settings.get("font_scale")))
        log_path = logging_setup.configure(desk.data_dir.logs)
        crash = CrashHandler(desk.data_dir.crash_reports, log_path, app)
        crash.install()
        try:
            if args.self_test:
                from ui import self_test

                return self_test.run(app, desk)
            session = Session(desk)
            first = session.start()
            if os.environ.get(QUIT_WHEN_SHOWN_ENV) == "1":
                _quit_when_exposed(first, app)
            return int(app.exec())
        finally:
            crash.uninstall()
    finally:
        desk.close()
