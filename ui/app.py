"""Starting the window: Qt application, font, theme, language, the desk, crash handling."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from clerk_desk import __version__, logging_setup
from clerk_desk.errors import UserError
from clerk_desk.home import DeskHome, open_home
from ui import fonts, theme
from ui.crash import CrashHandler
from ui.desk_worker import DeskWorker
from ui.embedded_platform import start_in_background, training_platform
from ui.session import Session
from ui.stop_signals import StopOnSignal
from ui.translations import Translators, effective_language

# For the start-up benchmark: "shown" quits once the first window is on screen, "ready" once
# the desk behind it is open.
QUIT_WHEN_ENV = "CLERK_DESK_QUIT_WHEN"

# The application must outlive every widget: held here, not as a local of run_app, so the
# windows (locals) are destroyed first when run_app returns.
_app: QApplication | None = None
log = logging.getLogger("clerk_desk.app")


class _OnFirstExpose(QObject):
    def __init__(self, callback: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._callback: Callable[[], object] | None = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._callback is not None
            and event.type() == QEvent.Type.Expose
            and getattr(watched, "isExposed", lambda: False)()
        ):
            callback, self._callback = self._callback, None
            callback()
        return False


def when_exposed(window: QWidget, callback: Callable[[], object]) -> None:
    """Run ``callback`` once, when ``window`` is first on screen."""
    window.winId()
    handle = window.windowHandle()
    target: QObject = handle if handle is not None else window
    target.installEventFilter(_OnFirstExpose(callback, target))


def apply_appearance(app: QApplication, scale: float, high_contrast: bool = False) -> str | None:
    """Fusion everywhere, so the desk looks the same on every platform the theme is tried on.

    Called again when the settings are saved: the font and the style sheet change at once in
    every open window (the font first, so the style sheet's repolish lays out the new size).
    """
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    family = fonts.apply_font(app, scale)
    app.setStyleSheet(theme.stylesheet(scale, high_contrast))
    return family


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
    try:
        home = open_home(args.data_dir, demo_mode=bool(args.demo))
    except UserError as error:
        translators.install(effective_language(args.lang, None))
        apply_appearance(app, 1.0)
        return _refuse_to_start(error, args.self_test)
    translators.install(effective_language(args.lang, home.settings.get("language")))
    apply_appearance(
        app, float(home.settings.get("font_scale")), bool(home.settings.get("high_contrast"))
    )
    log_path = logging_setup.configure(home.data_dir.logs)
    logging.getLogger("ui.app").info("clerk-desk %s on %s", __version__, home.data_dir.root)
    crash = CrashHandler(home.data_dir.crash_reports, log_path, app)
    crash.install()
    try:
        if args.self_test:
            return _self_test(app, home)
        return _run_session(app, home)
    finally:
        crash.uninstall()


def _refuse_to_start(error: UserError, headless: bool) -> int:
    title = QCoreApplication.translate("App", "The desk cannot start")
    if headless:
        print(f"FAIL  {title}: {error.render()}", file=sys.stderr)
    else:
        QMessageBox.critical(None, title, error.render())
    return 2


def _self_test(app: QApplication, home: DeskHome) -> int:
    from clerk_desk.desk import Desk
    from ui import self_test

    try:
        desk = Desk.from_home(home)
    except UserError as error:
        return _refuse_to_start(error, headless=True)
    try:
        return self_test.run(app, DeskWorker.for_desk(desk, app))
    finally:
        desk.close()


def _run_session(app: QApplication, home: DeskHome) -> int:
    """Show the first window at once; open the database behind it once it is on screen."""
    worker = DeskWorker(app)
    failure: list[UserError] = []

    def desk_failed(error: UserError) -> None:
        failure.append(error)
        _refuse_to_start(error, headless=False)
        app.quit()

    worker.deskFailed.connect(desk_failed)
    session = Session(home, worker)
    training = training_platform(home)
    if training is not None:
        # Once the desk is open, so the sandbox does not slow the first window down.
        worker.deskReady.connect(
            lambda _desk: start_in_background(training, home.settings, session.sync)
        )
    first = session.start()
    quit_when = os.environ.get(QUIT_WHEN_ENV)
    if quit_when == "shown":
        when_exposed(first, app.quit)
    else:
        when_exposed(first, lambda: worker.open(home))
        if quit_when == "ready":
            worker.deskReady.connect(app.quit)
    # Ctrl+C in the terminal, or SIGTERM, closes the windows as the clerk would.
    stopper = StopOnSignal(app)
    stopper.received.connect(lambda signum: log.info("stopping on %s", signal.Signals(signum).name))
    try:
        code = int(app.exec())
    finally:
        stopper.uninstall()
        # The platform first: a start or a pass waiting on it then ends at once.
        if training is not None:
            training.stop()
        session.sync.shutdown()
        worker.shutdown()
    return 2 if failure else code
