"""Every control a clerk can reach has an objectName (tests) and an accessible name (readers)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_test_helpers import settle

from clerk_desk.desk import Desk
from ui.accounts_page import PasswordDialog
from ui.crash import CrashDialog
from ui.desk_worker import DeskWorker
from ui.intake.dialogs import ConfirmDialog, ReasonDialog, SupplementDeadlineDialog
from ui.intake.reuse import ReuseDialog
from ui.main_window import MainWindow
from ui.proxy.dialogs import (
    ProxyCallBackDialog,
    ProxyConcludeDialog,
    ProxyPauseDialog,
    ProxyTerminateDialog,
)
from ui.proxy.new_dialog import NewProxyDialog
from ui.proxy.papers import ProxyPapersDialog
from ui.ratings.dialogs import (
    AppealDialog,
    CallbackDialog,
    RectifyDialog,
    ReplyDialog,
    VerifyDialog,
)
from ui.review.dialogs import (
    ApproveDialog,
    DenyDialog,
    ExtendDialog,
    PauseDialog,
    ResumeDialog,
    SupplementDialog,
    TerminateDialog,
)
from ui.setup_dialog import SetupDialog
from ui.sign_in import SignInWindow
from ui.stats.workspace import StatsWorkspace
from ui.sync_problems import SyncProblemsDialog
from ui.translations import Translators

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
)
# Parts Qt builds inside a control (a spin box's line edit, a table's header, a scroll bar).
COMPOSITE = (QAbstractSpinBox, QComboBox, QAbstractItemView)


def unnamed_controls(window: QWidget) -> list[str]:
    problems = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE):
            continue
        if any(isinstance(ancestor, COMPOSITE) for ancestor in _ancestors(widget, window)):
            continue
        if not widget.objectName() or not widget.accessibleName():
            label = getattr(widget, "text", lambda: "")()
            problems.append(
                f"{type(widget).__name__} {widget.objectName()!r} text={label!r} "
                f"accessible={widget.accessibleName()!r}"
            )
    return problems


def _ancestors(widget: QWidget, top: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        found.append(parent)
        parent = parent.parentWidget()
    return found


@pytest.mark.parametrize(
    "username,password",
    [("clerk", "demo-clerk"), ("supervisor", "demo-super"), ("admin", "demo-admin")],
)
def test_main_window_controls_are_named(
    qtbot: QtBot,
    main_window: Callable[..., MainWindow],
    username: str,
    password: str,
) -> None:
    window = main_window(username, password)
    window.lock()
    assert unnamed_controls(window) == []


def test_sign_in_setup_and_crash_controls_are_named(
    qtbot: QtBot,
    demo_desk: Desk,
    demo_worker: DeskWorker,
    fresh_worker: DeskWorker,
    translators: Translators,
) -> None:
    windows: list[QWidget] = [
        SignInWindow(demo_desk.home, demo_worker),
        SetupDialog(fresh_worker),
        CrashDialog("report", None),
    ]
    for window in windows:
        qtbot.addWidget(window)
        assert unnamed_controls(window) == [], type(window).__name__


def silent_buttons(window: QWidget) -> list[str]:
    """Buttons that act (push and tool buttons) with neither a description nor a tooltip: a
    screen reader says only their name, a sighted clerk gets no hint of the key."""
    problems = []
    for button in window.findChildren(QAbstractButton):
        if isinstance(button, QCheckBox | QRadioButton) or button.objectName().startswith("qt_"):
            continue
        parts_of = (*COMPOSITE, QTabBar)  # a tab bar's own scroll arrows
        if any(isinstance(ancestor, parts_of) for ancestor in _ancestors(button, window)):
            continue
        if not (button.accessibleDescription() or button.toolTip()):
            problems.append(f"{type(button).__name__} {button.objectName()!r} {button.text()!r}")
    return problems


def workspace_dialogs(worker: DeskWorker, window: MainWindow) -> list[QDialog]:
    """The dialogs the workspaces open, constructed as they would be."""
    today = date(2026, 12, 8)
    return [
        PauseDialog(window),
        ResumeDialog("检验", window),
        ExtendDialog(window),
        ApproveDialog("食品经营许可证", True, window),
        DenyDialog("行政复议", window),
        SupplementDialog(["营业执照"], window),
        TerminateDialog(window),
        VerifyDialog(window),
        AppealDialog(window),
        RectifyDialog(window),
        ReplyDialog(window),
        CallbackDialog(window),
        SupplementDeadlineDialog(today, today, today, window),
        ReasonDialog("test.reason", "title", "question", window),
        ConfirmDialog("test.confirm", "title", "question", "yes", window),
        ReuseDialog([], parent=window),
        PasswordDialog(worker, "clerk", "admin", window),
        SyncProblemsDialog(worker, window.sync, window.clerk, window),
        NewProxyDialog(worker, window),
        ProxyPauseDialog(window),
        ProxyConcludeDialog(window),
        ProxyTerminateDialog(window),
        ProxyCallBackDialog(window),
        ProxyPapersDialog(worker, "DB20261208-03-001", [], window),
    ]


def test_every_workspace_and_its_dialogs_name_and_describe_their_controls(
    qtbot: QtBot, main_window: Callable[..., MainWindow], demo_worker: DeskWorker
) -> None:
    """The supervisor's window has every workspace but 设置 (the admin's, above)."""
    window = main_window("supervisor", "demo-super")
    for workspace, page in window.workspaces.items():
        window.show_workspace(workspace)
        if isinstance(page, StatsWorkspace):
            page.refresh()  # its pages are built after the first paint: now
    settle(demo_worker)
    assert unnamed_controls(window) == []
    assert silent_buttons(window) == [], "\n".join(silent_buttons(window))
    for dialog in workspace_dialogs(demo_worker, window):
        assert unnamed_controls(dialog) == [], type(dialog).__name__
        assert silent_buttons(dialog) == [], type(dialog).__name__
        dialog.deleteLater()
