"""Tab alone reaches every input of the 受理 workspace, in the normal intake and on each page
of the guided (帮办) intake."""

from __future__ import annotations

from collections.abc import Callable

from intake_helpers import FOOD_LICENCE_NAME, Keyboard, choose_item, intake_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_test_helpers import settle

from ui.intake.workspace import IntakeWorkspace
from ui.main_window import MainWindow

INPUTS = (QLineEdit, QComboBox, QAbstractButton, QAbstractItemView)


def inputs(area: QWidget) -> set[QWidget]:
    """What a user can type into or press in ``area`` now; one radio button stands for its
    group (Tab enters a group once, the arrow keys move inside it)."""
    found: set[QWidget] = set()
    groups: set[int] = set()
    for widget in area.findChildren(QWidget):
        if not (isinstance(widget, INPUTS) and widget.isVisible() and widget.isEnabled()):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget, QRadioButton):
            group = widget.group()
            if group is not None:
                if id(group) in groups:
                    continue
                groups.add(id(group))
                found.add(group.checkedButton() or group.buttons()[0])
                continue
        found.add(widget)
    return found


def tab_round(qtbot: QtBot, start: QWidget, limit: int = 200) -> set[QWidget]:
    """Every widget the focus visits pressing Tab from ``start`` until it comes back."""
    start.setFocus()
    visited = {start}
    for _ in range(limit):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is start:
            return visited
        assert now is not None
        visited.add(now)
    raise AssertionError(f"Tab never came back to {start.objectName()}")


def names(widgets: set[QWidget]) -> list[str]:
    return sorted(w.objectName() or type(w).__name__ for w in widgets)


def test_tab_reaches_every_input_of_the_normal_and_the_guided_intake(
    qtbot: QtBot, main_window: Callable[..., MainWindow]
) -> None:
    window = main_window("clerk", "demo-clerk")
    window.resize(1366, 768)
    workspace: IntakeWorkspace = intake_of(window)
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    workspace.form.has_agent.setChecked(True)  # the agent's fields too
    settle(workspace.worker)

    wanted = inputs(workspace.columns) | inputs(workspace.decisions)
    assert workspace.form.agent_name in wanted and workspace.table in wanted
    missed = wanted - tab_round(qtbot, workspace.chooser.search)
    assert not missed, names(missed)

    qtbot.keyClick(workspace, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    for page in range(6):
        workspace.guided.go(page)
        QApplication.processEvents()
        wanted = inputs(workspace.guided)
        assert workspace.guided.back in wanted or page == 0
        start = QApplication.focusWidget()
        assert start is not None and workspace.guided.isAncestorOf(start), page
        missed = wanted - tab_round(qtbot, start)
        assert not missed, (page + 1, names(missed))
