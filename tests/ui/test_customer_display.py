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
from case_factory import MONDAY, Clock
from intake_helpers import FOOD_LICENCE_NAME, VALID_ID, Keyboard, choose_item, intake_of
from output_helpers import ready_case
from output_ui_helpers import output_window, someone
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_intake_decisions import answer_in_person_general, fill_applicant, mark_all
from ui_test_helpers import find, settle

from clerk_desk.desk import Desk
from clerk_desk.documents.formatting import cn_date
from clerk_desk.domain.case import MaterialMark
from clerk_desk.domain.ratings import ContactKind, ContactState, RatingLevel
from clerk_desk.domain.roles import Workspace
from clerk_desk.services.visitor_view import MaterialState
from ui.desk_worker import DeskWorker
from ui.display.evaluator import EvaluatorKeysError, parse_keys
from ui.display.window import CustomerDisplay
from ui.intake.workspace import IntakeWorkspace
from ui.main_window import MainWindow
from ui.translations import Translators

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
        qtbot.mouseClick(
            find(display, QPushButton, f"display.reason.{code}"), Qt.MouseButton.LeftButton
        )
    display.reasons_page.comment.setPlainText("很快")
    qtbot.mouseClick(
        find(display, QPushButton, "display.reasons.submit"), Qt.MouseButton.LeftButton
    )
    wait_page(qtbot, display, "thanks")
    settle(workspace.worker)
    ratings = demo_desk.ratings.ratings_on()
    assert len(ratings) == 1
    rating = ratings[0]
    assert rating.case_uuid == case.uuid and rating.level is RatingLevel.SATISFIED
    assert [r.code for r in rating.reasons] == ["G01", "G02"]
    assert rating.comment == "很快" and rating.staff == "clerk"
    wait_page(qtbot, display, "idle")


def test_masking_nothing_full_of_the_visitor_on_any_page(qtbot: QtBot, window: MainWindow) -> None:
    _workspace, display = accepted(qtbot, window)
    shown = " ".join(
        texts(display.intake_page) + texts(display.rating_page) + texts(display.idle_page)
    )
    assert "陈晓梅" not in shown and "陈**" in shown
    assert VALID_ID not in shown
    assert "13912345678" not in shown and "5678" not in shown
    assert re.search(r"340104\*+\d{3}[\dX]", shown)


def test_the_evaluator_keys_rate_and_a_double_press_counts_once(
    qtbot: QtBot, window: MainWindow, demo_desk: Desk
) -> None:
    workspace, display = accepted(qtbot, window)
    assert display.evaluator.listening
    reached = []
    clerk_key = QShortcut(QKeySequence("F14"), window)
    clerk_key.activated.connect(lambda: reached.append("F14"))
    # Two presses on the device (F14 = 满意), then a third key: one press is taken.
    target = workspace.table
    qtbot.keyClick(target, Qt.Key.Key_F14)
    qtbot.keyClick(target, Qt.Key.Key_F13)
    settle(workspace.worker)
    wait_page(qtbot, display, "reasons")
    assert workspace.case is not None and workspace.case.state.value != "draft"
    contact = demo_desk.ratings.contacts_of(workspace.case.uuid)[0]
    # The device's keys never reached the clerk's window meanwhile, and the buttons are off.
    assert reached == []
    assert not find(display, QPushButton, "display.level.1").isEnabled()
    display.press(RatingLevel.VERY_SATISFIED)  # a late click on the first page: ignored
    qtbot.mouseClick(
        find(display, QPushButton, "display.reasons.submit"), Qt.MouseButton.LeftButton
    )
    qtbot.mouseClick(
        find(display, QPushButton, "display.reasons.submit"), Qt.MouseButton.LeftButton
    )
    wait_page(qtbot, display, "thanks")
    settle(workspace.worker)
    ratings = demo_desk.ratings.ratings_on()
    assert [(r.contact_uuid, r.level) for r in ratings] == [(contact.uuid, RatingLevel.SATISFIED)]
    assert not display.evaluator.listening
    # Off the rating page the keys are the clerk's again (nothing pressed).
    qtbot.keyClick(target, Qt.Key.Key_F14)
    settle(workspace.worker)
    assert reached == ["F14"]
    assert len(demo_desk.ratings.ratings_on()) == 1


def test_every_control_of_the_display_is_named(qtbot: QtBot, window: MainWindow) -> None:
    _workspace, display = accepted(qtbot, window)
    find(display, QPushButton, "display.level.1").click()
    wait_page(qtbot, display, "reasons")
    controls = [
        widget
        for widget in display.findChildren(QWidget)
        if isinstance(widget, QAbstractButton | QPlainTextEdit | QLineEdit)
    ]
    assert len(controls) >= 8
    assert [w for w in controls if not (w.objectName() and w.accessibleName())] == []


def test_two_quick_clicks_on_a_level_count_once(
    qtbot: QtBot, window: MainWindow, demo_desk: Desk
) -> None:
    workspace, display = accepted(qtbot, window)
    worst = find(display, QPushButton, "display.level.5")
    qtbot.mouseClick(worst, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(worst, Qt.MouseButton.LeftButton)
    display.press(RatingLevel.SATISFIED)
    wait_page(qtbot, display, "reasons")
    assert display.reasons_page.chosen.text().endswith("非常不满意")
    find(display, QPushButton, "display.reason.P01").click()
    # The visitor walks away before 提交: the level stands with the reason chosen.
    display.time_up()
    settle(workspace.worker)
    assert display.page() == "idle"
    ratings = demo_desk.ratings.ratings_on()
    assert len(ratings) == 1 and ratings[0].level is RatingLevel.VERY_DISSATISFIED
    assert [r.code for r in ratings[0].reasons] == ["P01"]


def test_a_visitor_who_walks_away_leaves_an_unrated_contact(
    qtbot: QtBot, window: MainWindow, demo_desk: Desk
) -> None:
    demo_desk.settings.set("rating_timeout_seconds", 1)
    workspace, display = accepted(qtbot, window)
    assert workspace.case is not None
    wait_page(qtbot, display, "idle")
    settle(workspace.worker)
    contacts = demo_desk.ratings.contacts_of(workspace.case.uuid)
    assert [c.state for c in contacts] == [ContactState.UNRATED]
    assert demo_desk.ratings.ratings_on() == []
    assert not display.evaluator.listening


def test_a_press_after_the_contact_timed_out_is_said_kindly(
    qtbot: QtBot, window: MainWindow, demo_desk: Desk
) -> None:
    _workspace, display = accepted(qtbot, window)
    # The desk's clock has passed the contact's time, the display's timer not yet.
    later = demo_desk.ratings.clock() + timedelta(hours=1)
    demo_desk.ratings.clock = lambda: later
    find(display, QPushButton, "display.level.1").click()
    wait_page(qtbot, display, "ended")
    assert display.ended_page.title.text() in ("本次评价已结束", "This rating has ended")
    wait_page(qtbot, display, "idle")
    assert demo_desk.ratings.ratings_on() == []


def test_a_new_case_or_the_lock_brings_the_idle_page_at_once(
    qtbot: QtBot, window: MainWindow, demo_desk: Desk
) -> None:
    workspace, display = accepted(qtbot, window)
    find(display, QPushButton, "display.level.3").click()
    wait_page(qtbot, display, "reasons")
    case_uuid = workspace.case.uuid if workspace.case else ""
    # F2: the next visitor; the level pressed is kept, nothing of the last visitor shows.
    Keyboard(qtbot).key(workspace, Qt.Key.Key_F2)
    assert display.page() == "idle"
    settle(workspace.worker)
    assert [r.level for r in demo_desk.ratings.ratings_on()] == [RatingLevel.BASIC]
    assert demo_desk.ratings.contacts_of(case_uuid)[0].state is ContactState.RATED

    # A new case shows; the lock hides it at once, and the display survives the lock.
    taken_in(qtbot, window)
    wait_page(qtbot, display, "intake")
    window.lock()
    assert window.locked and display.page() == "idle" and display.isVisible()
    settle(workspace.worker)
    assert display.page() == "idle"
    # Unlocked (the password checked by the lock screen): the same visitor's case again.
    window.unlock()
    wait_page(qtbot, display, "intake")


def test_the_lock_during_a_rating_closes_it_unrated(
    qtbot: QtBot, window: MainWindow, demo_desk: Desk
) -> None:
    workspace, display = accepted(qtbot, window)
    window.lock()
    assert display.page() == "idle" and not display.asking
    settle(workspace.worker)
    assert workspace.case is not None
    contacts = demo_desk.ratings.contacts_of(workspace.case.uuid)
    assert [c.state for c in contacts] == [ContactState.UNRATED]


def test_the_toggle_shows_and_hides_the_display(qtbot: QtBot, window: MainWindow) -> None:
    display = display_of(window)
    action = window.display_action
    assert action.shortcut().toString() == "Ctrl+Shift+D"
    assert display.isVisible() and action.isChecked()
    assert action.text() == "顾客屏：开"  # said in words, not by the pressed look alone
    action.trigger()
    assert not display.isVisible() and not action.isChecked()
    assert action.text() == "顾客屏：关"
    action.trigger()
    assert display.isVisible() and action.isChecked()
    window.switch_user()
    assert not display.isVisible()


def test_a_hand_over_shows_what_is_handed_over_then_asks_for_the_rating(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, translators: Translators
) -> None:
    applicant = someone(41)
    case = ready_case(demo_desk, Clock(MONDAY), applicant=applicant)
    with output_window(qtbot, demo_desk, demo_worker, translators) as output:
        window = output.window()
        assert isinstance(window, MainWindow)
        display = display_of(window)
        box = output.search.box
        box.setFocus()
        assert case.case_no is not None
        qtbot.keyClicks(box, case.case_no)
        qtbot.keyClick(box, Qt.Key.Key_Return)
        settle(demo_worker)
        wait_page(qtbot, display, "handover")
        page = display.handover_page
        shown = texts(page)
        assert any("准予" in text or "许可证" in text for text in shown), shown
        assert applicant.id_number not in " ".join(shown)
        field = find(output, QLineEdit, "output.collectorId")
        qtbot.keyClicks(field, applicant.id_number)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        settle(demo_worker)
        wait_page(qtbot, display, "rating")
        assert display.contact is not None and display.contact.kind is ContactKind.HANDOVER
        find(display, QPushButton, "display.level.1").click()
        wait_page(qtbot, display, "reasons")
        find(display, QPushButton, "display.reasons.submit").click()
        wait_page(qtbot, display, "thanks")
        settle(demo_worker)
        ratings = demo_desk.ratings.ratings_on()
        assert [(r.case_uuid, r.contact_kind, r.staff) for r in ratings] == [
            (case.uuid, ContactKind.HANDOVER, "output")
        ]


def test_on_its_screen_full_screen_and_an_unplug_mid_rating_keeps_the_visitors_choice(
    qtbot: QtBot, window: MainWindow, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace, display = accepted(qtbot, window)
    find(display, QPushButton, "display.level.2").click()
    wait_page(qtbot, display, "reasons")
    find(display, QPushButton, "display.reason.G03").click()

    # The offscreen platform's one screen has no name: it stands in for "HDMI-2".
    screen = QGuiApplication.primaryScreen()
    monkeypatch.setattr(
        "ui.display.window.find_screen", lambda name: screen if name == "HDMI-2" else None
    )
    demo_desk.settings.set("display_screen", "HDMI-2")
    display.place()
    qtbot.waitUntil(lambda: display.full_screen, timeout=WAIT_MS)
    assert display.screen() is screen and display.isVisible()

    display.screen_removed(screen)
    assert not display.full_screen and display.isVisible()
    assert display.page() == "reasons"
    assert find(display, QPushButton, "display.reason.G03").isChecked()
    find(display, QPushButton, "display.reasons.submit").click()
    wait_page(qtbot, display, "thanks")
    settle(workspace.worker)
    (rating,) = demo_desk.ratings.ratings_on()
    assert [r.code for r in rating.reasons] == ["G03"]

    # Without the setting: a movable window.
    demo_desk.settings.set("display_screen", "")
    display.place()
    assert not display.full_screen and display.isVisible()


def test_the_settings_choose_the_screen_and_check_the_evaluator_keys(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    demo_desk.settings.set("display_screen", "HDMI-9")
    window = main_window("admin", "demo-admin")
    page = window.workspaces[Workspace.SETTINGS]
    screens = find(page, QComboBox, "settings.displayScreen")
    labels = [screens.itemText(i) for i in range(screens.count())]
    assert screens.itemData(0) == "" and len(labels) == 2
    assert screens.currentData() == "HDMI-9" and "HDMI-9" in labels[1]

    keys = find(page, QLineEdit, "settings.evaluatorKeys")
    error = find(page, QLabel, "settings.evaluatorKeysError")
    keys.clear()
    qtbot.keyClicks(keys, "F13,F14")
    assert error.isVisibleTo(page) and "2" in error.text()
    find(page, QPushButton, "settings.save").click()
    assert find(page, QLabel, "settings.status").property("role") == "error"
    assert demo_desk.settings.get("evaluator_keys") == "F13,F14,F15,F16,F17"
    keys.clear()
    qtbot.keyClicks(keys, "F1,F2,F1,F4")
    assert error.isVisibleTo(page) and "F1" in error.text()
    keys.clear()
    qtbot.keyClicks(keys, "F1, F2, F3, F4")
    assert not error.isVisibleTo(page)

    screens.setCurrentIndex(0)
    order = find(page, QComboBox, "settings.ratingCodeOrder")
    order.setCurrentIndex(order.findData("reversed"))
    find(page, QSpinBox, "settings.ratingTimeout").setValue(60)
    find(page, QSpinBox, "settings.followupDays").setValue(7)
    find(page, QPushButton, "settings.save").click()
    settle(window.worker)
    settings = demo_desk.settings
    assert settings.get("evaluator_keys") == "F1,F2,F3,F4"
    assert settings.get("display_screen") == ""
    assert settings.get("rating_code_order") == "reversed"
    assert (settings.get("rating_timeout_seconds"), settings.get("followup_days")) == (60, 7)
    # The display takes the new keys at once: four keys, 非常满意 to 不满意.
    assert (
        sorted(window.display.evaluator.keys.values(), key=list(RatingLevel).index)
        == list(RatingLevel)[:4]
    )


def test_the_evaluator_setting_is_parsed_best_level_first() -> None:
    keys = parse_keys("F13,F14,F15,F16,F17")
    assert list(keys.values()) == list(RatingLevel)
    assert keys[int(Qt.Key.Key_F13.value)] is RatingLevel.VERY_SATISFIED
    four = parse_keys(" 1, 2 ,3,4")
    assert four[int(Qt.Key.Key_4.value)] is RatingLevel.DISSATISFIED
    for bad in (
        "",
        "F1,F2,F3",
        "F1,F2,F3,F4,F5,F6",
        "Ctrl+A,F2,F3,F4",
        "F1,F1,F2,F3",
        "F1,Nope,F3,F4",
    ):
        with pytest.raises(EvaluatorKeysError):
            parse_keys(bad)
