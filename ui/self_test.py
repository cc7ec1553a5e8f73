"""``clerk-desk --self-test``: open the main window offscreen and check what the desk needs.

The headless checks come from :mod:`clerk_desk.diagnostics` (shared with ``clerk-desk doctor``);
the checks that need Qt (translations load, the Chinese font Qt picks, the main window) are here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from clerk_desk import diagnostics
from clerk_desk.domain.roles import Clerk, Role
from ui.desk_worker import DeskWorker
from ui.fonts import installed_sc_families
from ui.main_window import MainWindow
from ui.translations import qm_path

Check = tuple[str, bool, str]


def check_translations() -> Check:
    translator = QTranslator()
    path = qm_path("zh_CN")
    if not translator.load(str(path)):
        return QCoreApplication.translate("SelfTest", "Translations load"), False, str(path)
    sample = translator.translate("MainWindow", "Intake")
    return (
        QCoreApplication.translate("SelfTest", "Translations load"),
        sample == "受理",
        f"Intake → {sample or '?'}",
    )


def check_font() -> Check:
    families = installed_sc_families()
    detail = (
        ", ".join(families)
        if families
        else QCoreApplication.translate("SelfTest", "none of the Simplified Chinese fonts")
    )
    return (
        QCoreApplication.translate("SelfTest", "Chinese (Simplified) font for Qt"),
        bool(families),
        detail,
    )


def check_main_window(app: QApplication, worker: DeskWorker) -> Check:
    """Every workspace, as a clerk holding every role would see them."""
    clerk = Clerk("self-test", QCoreApplication.translate("SelfTest", "Self-test"), tuple(Role), "")
    window = MainWindow(worker, clerk, idle_ms=0)
    try:
        window.show()
        app.processEvents()
        shown = window.isVisible() and len(window.tabs) == len(clerk.workspaces())
        return (
            QCoreApplication.translate("SelfTest", "Main window opens"),
            shown,
            QCoreApplication.translate("SelfTest", "{n} workspaces").format(n=len(window.tabs)),
        )
    finally:
        window.close()
        window.deleteLater()


def run(app: QApplication, worker: DeskWorker, print_line: Callable[[str], None] = print) -> int:
    """Checks an open desk (``worker.desk``); prints one line per check."""
    desk = worker.desk
    assert desk is not None
    checks: list[Check] = []
    for result in (
        diagnostics.check_data_dir(desk.data_dir),
        diagnostics.check_database(desk.data_dir.database),
        diagnostics.check_resources(),
    ):
        detail = result.detail.render()
        if result.remedy is not None and not result.ok:
            detail = f"{detail} ({result.remedy.render()})"
        checks.append((result.title.render(), not result.is_error, detail))
    checks.append(check_translations())
    checks.append(check_font())
    checks.append(check_main_window(app, worker))
    for title, ok, detail in checks:
        print_line(f"{'ok  ' if ok else 'FAIL'}  {title}: {detail}")
    return 0 if all(ok for _title, ok, _detail in checks) else 1
