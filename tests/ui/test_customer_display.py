"""The customer display, driven through the clerk's window and the visitor's buttons.

The clerk takes an application in on the main window; the display (a window of its own) shows
the items, the checklist ticking over and the deadline, then asks for the rating; the visitor
presses on the display (or the evaluator) and the rating is recorded once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from intake_helpers import FOOD_LICENCE_NAME, VALID_ID, Keyboard, choose_item, intake_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from test_intake_decisions import answer_in_person_general, fill_applicant, mark_all
from ui_test_helpers import find, settle

from clerk_desk.desk import Desk
from clerk_desk.documents.formatting import cn_date
from clerk_desk.domain.case import MaterialMark
from clerk_desk.domain.ratings import ContactState, RatingLevel
from clerk_desk.services.visitor_view import MaterialState
from ui.display.window import CustomerDisplay
from ui.intake.workspace import IntakeWorkspace
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]
WAIT_MS = 5000


@pytest.fixture
def window(main_window: OpenWindow) -> Iterator[MainWindow]:
    yield main_window("clerk", "demo-clerk")


def display_of(window: MainWindow) -> CustomerDisplay:
    display = window.display
    assert display.objectName() == "display"
    assert display.parent() is None and display.isWindow()
    display.back_ms = 50
    return display


def texts(display: QWidget) -> list[str]:
    return [label.text() for label in display.findChildren(QLabel) if label.text()]


def wait_page(qtbot: QtBot, display: CustomerDisplay, page: str) -> None:
    qtbot.waitUntil(lambda: display.page() == page, timeout=WAIT_MS)


def taken_in(qtbot: QtBot, window: MainWindow) -> tuple[IntakeWorkspace, Keyboard]:
    """Item chosen, situations answered, applicant typed: the draft saved."""
    workspace = intake_of(window)
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    answer_in_person_general(keys, workspace)
    fill_applicant(keys, workspace)
    workspace.save_draft()
    settle(workspace.worker)
    return workspace, keys


def accepted(qtbot: QtBot, window: MainWindow) -> tuple[IntakeWorkspace, CustomerDisplay]:
    display = display_of(window)
    workspace, keys = taken_in(qtbot, window)
    mark_all(keys, workspace)
    keys.key(workspace.table, Qt.Key.Key_F9)
    settle(workspace.worker)
    wait_page(qtbot, display, "rating")
    return workspace, display


def test_intake_shows_on_the_display_as_it_happens_then_the_rating_is_recorded(
    qtbot: QtBot, window: MainWindow, demo_desk: Desk
) -> None:
    display = display_of(window)
    assert display.isVisible()
    assert display.page() == "idle"
    idle = " ".join(texts(display.idle_page))
    assert "窗口" in idle or "Window" in idle
    qtbot.waitUntil(lambda: display.idle_page.clerk.text() != "", timeout=WAIT_MS)

    workspace, keys = taken_in(qtbot, window)
    wait_page(qtbot, display, "intake")
    page = display.intake_page
    qtbot.waitUntil(lambda: "陈**" in page.applicant.text(), timeout=WAIT_MS)
    assert FOOD_LICENCE_NAME in page.items.text()
    materials = [m.name for m in workspace.table.materials.materials]
    first = materials[0]
    assert page.state_of(first) == page.state_text(MaterialState.PENDING)

    # The clerk marks the first material; the autosave carries it to the display.
    table = workspace.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 1))
    keys.key(table, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: page.state_of(first) == page.state_text(MaterialState.RECEIVED),
        timeout=WAIT_MS,
    )
    keys.key(table, Qt.Key.Key_Down)
    keys.key(table, Qt.Key.Key_M)
    qtbot.waitUntil(
        lambda: page.state_of(materials[1]) == page.state_text(MaterialState.MISSING),
        timeout=WAIT_MS,
    )
    assert page.deadline.isHidden()

    # The rest received (M again takes the mark back), then 受理.
    keys.key(table, Qt.Key.Key_M)
    for row in range(1, len(materials)):
        table.set_mark(row, MaterialMark.RECEIVED)
    keys.key(workspace.table, Qt.Key.Key_F9)
    settle(workspace.worker)
    wait_page(qtbot, display, "rating")
    case = demo_desk.intake.case_by_number(find(workspace, QLabel, "intake.caseNo").text())
    assert case is not None and case.committed_deadline is not None
    day = cn_date(case.committed_deadline)
    assert day in page.deadline.text()
    assert day in display.rating_page.summary.text()

    # The visitor: 满意, two reasons, a comment, 提交.
    level = find(display, QPushButton, "display.level.2")
    assert level.text() == "满意" and level.height() >= 60
    qtbot.mouseClick(level, Qt.MouseButton.LeftButton)
    wait_page(qtbot, display, "reasons")
    for code in ("G01", "G02"):
        qtbot.mouseClick(find(display, QPushButton, f"display.reason.{code}"), Qt.MouseButton.LeftButton)
    display.reasons_page.comment.setPlainText("很快")
    qtbot.mouseClick(find(display, QPushButton, "display.reasons.submit"), Qt.MouseButton.LeftButton)
    wait_page(qtbot, display, "thanks")
    settle(workspace.worker)
    ratings = demo_desk.ratings.ratings_on()
    assert len(ratings) == 1
    rating = ratings[0]
    assert rating.case_uuid == case.uuid and rating.level is RatingLevel.SATISFIED
    assert [r.code for r in rating.reasons] == ["G01", "G02"]
    assert rating.comment == "很快" and rating.staff == "clerk"
    wait_page(qtbot, display, "idle")


def test_masking_nothing_full_of_the_visitor_on_any_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    workspace, display = accepted(qtbot, window)
    shown = " ".join(
        texts(display.intake_page) + texts(display.rating_page) + texts(display.idle_page)
    )
    assert "陈晓梅" not in shown and "陈**" in shown
    assert VALID_ID not in shown
    assert "13912345678" not in shown and "5678" not in shown
    assert re.search(r"340104\*+\d{3}[\dX]", shown)
