"""The guided (帮办) intake on the customer display: each page as the feed tells it, in the
display's large type, until the guided intake ends or the next visitor comes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from case_factory import make_case
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui_test_helpers import settle

from clerk_desk.desk import Desk
from clerk_desk.domain.ratings import ContactKind
from ui.desk_worker import DeskWorker
from ui.display.feed import CounterFeed, GuidedScreen
from ui.display.window import CustomerDisplay

WAIT_MS = 5000
WHO = GuidedScreen(
    step=3,
    steps=6,
    question="请问您是谁？",
    hint="请把身份证交给工作人员",
    answers=(
        ("申请事项", "食品经营许可（新办）"),
        ("申请人", "李*"),
        ("证件号码", "340104********0129"),
    ),
)


@pytest.fixture
def display(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker
) -> Iterator[tuple[CustomerDisplay, CounterFeed]]:
    clerk = demo_desk.accounts.sign_in("clerk", "demo-clerk")
    feed = CounterFeed()
    shown = CustomerDisplay(demo_worker, clerk, feed)
    qtbot.addWidget(shown)
    shown.present()
    qtbot.waitExposed(shown)
    settle(demo_worker)
    yield shown, feed
    shown.shut()


def font_px(widget: QLabel) -> int:
    return widget.fontInfo().pixelSize()


def test_each_guided_page_shows_large_until_the_intake_ends(
    qtbot: QtBot, display: tuple[CustomerDisplay, CounterFeed]
) -> None:
    shown, feed = display
    page = shown.guided_page
    assert shown.page() == "idle"

    feed.guide(WHO)
    assert shown.page() == "guided"
    assert "3" in page.progress.text() and "6" in page.progress.text()
    assert page.question.text() == WHO.question and page.hint.text() == WHO.hint
    assert page.shown_answers() == list(WHO.answers)
    # At least the display's own large type: the question as large as a deadline, the
    # answers as the checklist's lines, the step as the items.
    case_page = shown.intake_page
    assert font_px(page.question) >= font_px(case_page.deadline)
    assert font_px(page.progress) >= font_px(case_page.items)
    value = page.findChild(QLabel, "display.guided.value.0")
    assert value is not None and font_px(value) >= font_px(case_page.count) >= 22

    fewer = GuidedScreen(1, 6, "您要办理什么事项？")
    feed.guide(fewer)
    assert page.shown_answers() == [] and not page.hint.isVisibleTo(page)
    assert "1" in page.progress.text()

    feed.guide(None)
    assert shown.page() == "idle"


def test_the_case_at_the_counter_waits_behind_the_guide_and_nothing_stays_for_the_next(
    qtbot: QtBot,
    display: tuple[CustomerDisplay, CounterFeed],
    demo_desk: Desk,
    demo_worker: DeskWorker,
) -> None:
    shown, feed = display
    case = make_case(demo_desk)
    demo_desk.intake.save_draft(case)

    feed.guide(WHO)
    feed.serve(case.uuid, ContactKind.INTAKE)
    qtbot.waitUntil(lambda: shown.view is not None, timeout=WAIT_MS)
    settle(demo_worker)
    assert shown.page() == "guided"  # the draft's autosave does not pull the page away

    shown.lock(True)
    assert shown.page() == "idle"
    shown.lock(False)
    assert shown.page() == "guided" and page_question(shown) == WHO.question

    feed.guide(None)  # the case at the counter again, once loaded
    qtbot.waitUntil(lambda: shown.page() == "intake", timeout=WAIT_MS)

    feed.guide(WHO)
    feed.next_visitor()
    assert shown.page() == "idle" and feed.screen is None
    shown.lock(True)
    shown.lock(False)
    assert shown.page() == "idle"


def page_question(shown: CustomerDisplay) -> str:
    return shown.guided_page.question.text()
