"""好差评 as those who handle a 差评 meet it: the follow-ups of their department with the
rater, overdue ones flagged in words and colour, every step taken from the keyboard, a strike
kept as 已撤销, the day's ratings with levels in words and the day's counts, the counts in the
tab title, every control named; nothing here makes or changes a rating."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from case_factory import CLERK, Clock, make_case
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QPushButton,
)
from pytestqt.qtbot import QtBot
from test_accessibility import unnamed_controls
from ui_test_helpers import find, settle, type_text

from clerk_desk.desk import Desk
from clerk_desk.domain.followups import FollowUpState, StepKind
from clerk_desk.domain.ratings import Rating, RatingLevel
from clerk_desk.domain.roles import Workspace
from ui.app import apply_appearance
from ui.desk_worker import DeskWorker
from ui.main_window import MainWindow
from ui.ratings.dialogs import StepDialog
from ui.ratings.models import F_DEADLINE, F_RATER, F_STATE, R_LEVEL, R_RATER, R_STRUCK
from ui.ratings.workspace import DAY_TAB, FOLLOWUPS_TAB, RatingsWorkspace
from ui.translations import Translators

OpenWindow = Callable[..., MainWindow]
# A 1366×768 screen less a 40 px taskbar and a 30 px title bar.
HALL_SCREEN = (1366, 768 - 40 - 30)
RATINGS_UI = Path(__file__).resolve().parents[2] / "ui" / "ratings"


@pytest.fixture
def english(translators: Translators) -> None:
    """The English source texts: the Chinese of this workspace comes with the next .ts."""
    translators.install("en")


def rate(
    desk: Desk, level: RatingLevel, reasons: tuple[str, ...] = (), comment: str = ""
) -> Rating:
    """A case accepted at the window, then rated on the customer display."""
    make_case(desk, accept_by=CLERK)
    contact = desk.ratings.waiting_contact()
    assert contact is not None
    desk.ratings.press(contact.uuid, level)
    return desk.ratings.submit(contact.uuid, reasons, comment)


def settled(qtbot: QtBot, workspace: RatingsWorkspace) -> None:
    def answered() -> bool:
        settle(workspace.worker)
        return not workspace.loading

    qtbot.waitUntil(answered)


def ratings_of(qtbot: QtBot, window: MainWindow) -> RatingsWorkspace:
    window.show_workspace(Workspace.RATINGS)
    workspace = window.findChild(RatingsWorkspace, "workspace.ratings")
    assert workspace is not None
    settled(qtbot, workspace)
    return workspace


def press_key(qtbot: QtBot, workspace: RatingsWorkspace, key: Qt.Key) -> None:
    """A step's key in the list, the window active again after a form closed."""
    window = workspace.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(workspace.followups.list.table, key)


def dialog_of(qtbot: QtBot, workspace: RatingsWorkspace, kind: StepKind) -> StepDialog:
    dialog = workspace.dialog
    assert isinstance(dialog, StepDialog), dialog
    assert dialog.kind is kind
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def record(qtbot: QtBot, workspace: RatingsWorkspace, dialog: StepDialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, workspace)


def followup_texts(workspace: RatingsWorkspace, column: int) -> list[str]:
    table = workspace.followups.list.table
    model = table.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def day_texts(workspace: RatingsWorkspace, column: int) -> list[str]:
    table = workspace.ratings.list.table
    model = table.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def choose_first(qtbot: QtBot, workspace: RatingsWorkspace) -> None:
    """Ctrl+F, Down: the first 差评 of the list is chosen."""
    qtbot.keyClick(workspace, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(workspace.followups.list.search, Qt.Key.Key_Down)
    assert workspace.followups.current() is not None


@pytest.mark.parametrize(
    ("username", "password"), [("reviewer", "demo-review"), ("supervisor", "demo-super")]
)
def test_the_handlers_see_the_poor_rating_and_its_rater(
    qtbot: QtBot,
    main_window: OpenWindow,
    demo_desk: Desk,
    english: None,
    username: str,
    password: str,
) -> None:
    poor = rate(demo_desk, RatingLevel.DISSATISFIED, ("P01",), "等了很久")
    rate(demo_desk, RatingLevel.VERY_SATISFIED, ("G01",))
    assert poor.rater_name
    window = main_window(username, password)
    workspace = ratings_of(qtbot, window)
    assert workspace.tabs.currentIndex() == FOLLOWUPS_TAB
    assert followup_texts(workspace, F_STATE) == ["To verify"]
    rater = followup_texts(workspace, F_RATER)[0]
    assert rater.startswith(poor.rater_name)
    choose_first(qtbot, workspace)
    assert poor.rater_name in find(workspace, QLabel, "ratings.followupFacts").text()
    # In the day's list the rater shows beside the 差评 only, never beside a good rating.
    assert sorted(day_texts(workspace, R_RATER)) == ["", rater]
    assert find(window, QPushButton, "main.tab.ratings").text() == (
        "Ratings (to follow up 1 · overdue 0)"
    )


def test_a_reviewer_of_another_department_sees_neither(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk, english: None
) -> None:
    poor = rate(demo_desk, RatingLevel.VERY_DISSATISFIED, ("P02",))
    window = main_window("police", "demo-review")
    workspace = ratings_of(qtbot, window)
    assert workspace.followups.model.rows == []
    assert workspace.ratings.model.rows == []
    texts = " ".join(label.text() for label in workspace.findChildren(QLabel))
    assert poor.rater_name not in texts
    assert find(window, QPushButton, "main.tab.ratings").text() == "Ratings"
    # Every step says why it cannot be taken: there is nothing of theirs to follow up.
    assert not any(button.isEnabled() for button in workspace.steps.buttons.values())


def test_a_poor_rating_walks_through_every_step_by_keyboard(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk, english: None
) -> None:
    rate(demo_desk, RatingLevel.DISSATISFIED, ("P01",))
    window = main_window("supervisor", "demo-super")
    workspace = ratings_of(qtbot, window)
    choose_first(qtbot, workspace)
    steps = workspace.steps.buttons
    assert [kind for kind, button in steps.items() if button.isEnabled()] == [StepKind.VERIFY]
    assert "F6" in steps[StepKind.VERIFY].text()

    # Enter on the chosen 差评 opens the step it needs: 回访核实.
    qtbot.keyClick(workspace.followups.list.table, Qt.Key.Key_Return)
    dialog = dialog_of(qtbot, workspace, StepKind.VERIFY)
    qtbot.keyClick(dialog.fields["finding"], Qt.Key.Key_Down)  # 合理
    qtbot.keyClick(dialog.fields["finding"], Qt.Key.Key_Up)  # 属实
    type_text(qtbot, dialog.fields["notes"], "核实：等候四十分钟")
    record(qtbot, workspace, dialog)
    assert workspace.dialog is None
    assert followup_texts(workspace, F_STATE) == ["To rectify"]

    press_key(qtbot, workspace, Qt.Key.Key_F7)
    dialog = dialog_of(qtbot, workspace, StepKind.APPEAL)
    qtbot.keyClick(dialog.fields["decision"], Qt.Key.Key_Down)  # 维持
    type_text(qtbot, dialog.fields["reason"], "差评属实，维持")
    record(qtbot, workspace, dialog)

    press_key(qtbot, workspace, Qt.Key.Key_F8)
    dialog = dialog_of(qtbot, workspace, StepKind.RECTIFY)
    record(qtbot, workspace, dialog)  # nothing written: refused beside the field
    message = dialog.messages["notes"]
    assert message.isVisible() and "notes" in message.text()
    assert workspace.dialog is dialog
    type_text(qtbot, dialog.fields["notes"], "增开午间窗口")
    record(qtbot, workspace, dialog)
    assert workspace.dialog is None

    press_key(qtbot, workspace, Qt.Key.Key_F9)
    dialog = dialog_of(qtbot, workspace, StepKind.REPLY)
    type_text(qtbot, dialog.fields["text"], "已增开午间窗口，感谢监督")
    record(qtbot, workspace, dialog)

    press_key(qtbot, workspace, Qt.Key.Key_F10)
    dialog = dialog_of(qtbot, workspace, StepKind.CALLBACK)
    type_text(qtbot, dialog.fields["notes"], "回访满意")
    record(qtbot, workspace, dialog)

    assert followup_texts(workspace, F_STATE) == ["Follow-up closed"]
    (followup,) = demo_desk.ratings.followups(workspace.clerk)
    assert followup.state is FollowUpState.CLOSED
    assert [(s.kind, s.by) for s in followup.steps] == [
        (kind, "supervisor")
        for kind in (
            StepKind.VERIFY,
            StepKind.APPEAL,
            StepKind.RECTIFY,
            StepKind.REPLY,
            StepKind.CALLBACK,
        )
    ]
    assert followup.steps[0].payload == {"finding": "true", "notes": "核实：等候四十分钟"}
    assert followup.steps[1].payload["decision"] == "uphold"
    assert followup.steps[4].payload["outcome"] == "satisfied"
    history = workspace.followups.history
    assert history.count() == 5 and "增开午间窗口" in history.item(2).text()
    assert not any(button.isEnabled() for button in steps.values())
    assert find(window, QPushButton, "main.tab.ratings").text() == "Ratings"
    # A closed step's key says why, it opens nothing.
    press_key(qtbot, workspace, Qt.Key.Key_F6)
    assert workspace.dialog is None
    assert "not possible now" in find(workspace, QLabel, "ratings.stepReasons").text()


def test_only_a_supervisor_reviews_an_appeal(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk, english: None
) -> None:
    poor = rate(demo_desk, RatingLevel.DISSATISFIED)
    demo_desk.ratings.add_step(
        poor.uuid,
        StepKind.VERIFY,
        {"finding": "malicious"},
        demo_desk.accounts.sign_in("reviewer", "demo-review"),
    )
    window = main_window("reviewer", "demo-review")
    workspace = ratings_of(qtbot, window)
    choose_first(qtbot, workspace)
    appeal = workspace.steps.buttons[StepKind.APPEAL]
    assert not appeal.isEnabled()
    assert "Appeal review" in appeal.toolTip()
    press_key(qtbot, workspace, Qt.Key.Key_F7)
    assert workspace.dialog is None
    reasons = find(workspace, QLabel, "ratings.stepReasons")
    assert reasons.isVisible() and "may not record" in reasons.text()
    assert workspace.steps.buttons[StepKind.RECTIFY].isEnabled()


def test_a_struck_rating_stays_listed_as_struck(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk, english: None
) -> None:
    rate(demo_desk, RatingLevel.VERY_DISSATISFIED, ("P02",), "乱写的")
    window = main_window("supervisor", "demo-super")
    workspace = ratings_of(qtbot, window)
    choose_first(qtbot, workspace)
    press_key(qtbot, workspace, Qt.Key.Key_F6)
    dialog = dialog_of(qtbot, workspace, StepKind.VERIFY)
    finding = dialog.fields["finding"]
    assert isinstance(finding, QComboBox)
    qtbot.keyClick(finding, Qt.Key.Key_End)  # 恶意
    assert finding.currentData() == "malicious"
    record(qtbot, workspace, dialog)
    press_key(qtbot, workspace, Qt.Key.Key_F7)
    dialog = dialog_of(qtbot, workspace, StepKind.APPEAL)
    type_text(qtbot, dialog.fields["reason"], "与办件无关的恶意评价")
    record(qtbot, workspace, dialog)

    assert followup_texts(workspace, F_STATE) == ["Struck"]
    assert "Struck" in find(workspace, QLabel, "ratings.followupFacts").text()
    workspace.tabs.setCurrentIndex(DAY_TAB)
    assert day_texts(workspace, R_STRUCK) == ["Struck"]
    assert day_texts(workspace, R_LEVEL) == ["非常不满意"]
    assert "struck 1" in find(workspace, QLabel, "ratings.dayCounts").text()
    assert find(window, QPushButton, "main.tab.ratings").text() == "Ratings"


def test_an_overdue_follow_up_is_flagged_in_words_and_colour(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk, english: None
) -> None:
    rate(demo_desk, RatingLevel.DISSATISFIED)
    rate(demo_desk, RatingLevel.VERY_DISSATISFIED)
    (first, _) = demo_desk.ratings.followups(demo_desk.accounts.sign_in("supervisor", "demo-super"))
    # Two weeks later, nothing done: past the 5 working days.
    later = Clock(datetime.now() + timedelta(days=14))
    demo_desk.ratings.clock = later
    window = main_window("supervisor", "demo-super")
    workspace = ratings_of(qtbot, window)
    deadlines = followup_texts(workspace, F_DEADLINE)
    assert deadlines == [f"{first.deadline.isoformat()} Overdue"] * 2
    index = workspace.followups.list.table.model().index(0, F_DEADLINE)
    assert index.data(Qt.ItemDataRole.ForegroundRole) == QColor("#b42318")
    assert find(window, QPushButton, "main.tab.ratings").text() == (
        "Ratings (to follow up 2 · overdue 2)"
    )
    choose_first(qtbot, workspace)
    assert "Overdue" in find(workspace, QLabel, "ratings.followupFacts").text()


def test_the_day_lists_its_ratings_with_levels_in_words_and_counts(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk, english: None
) -> None:
    rate(demo_desk, RatingLevel.VERY_SATISFIED, ("G01", "G02"), "很快")
    rate(demo_desk, RatingLevel.BASIC, ("F01",))
    make_case(demo_desk, accept_by=CLERK)  # this visitor walks away: unrated
    rate(demo_desk, RatingLevel.DISSATISFIED, ("P01",))
    window = main_window("supervisor", "demo-super")
    workspace = ratings_of(qtbot, window)
    qtbot.keyClick(workspace, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert workspace.tabs.currentIndex() == DAY_TAB
    assert day_texts(workspace, R_LEVEL) == ["非常满意", "基本满意", "不满意"]
    level = workspace.ratings.list.table.model().index(2, R_LEVEL)
    assert level.data(Qt.ItemDataRole.ForegroundRole) == QColor("#b42318")
    counts = find(workspace, QLabel, "ratings.dayCounts").text()
    assert "3 ratings" in counts and "unrated 1" in counts and "default 0" in counts
    assert "非常满意</span> 1" in counts and "满意</span> 0" in counts
    assert "办事效率高、服务态度好" in day_texts(workspace, 7)
    # A click on a column's title sorts by it: the levels worst first, then best first.
    header = workspace.ratings.list.table.horizontalHeader()
    header.setSortIndicator(R_LEVEL, Qt.SortOrder.DescendingOrder)
    assert day_texts(workspace, R_LEVEL) == ["不满意", "基本满意", "非常满意"]
    header.setSortIndicator(R_LEVEL, Qt.SortOrder.AscendingOrder)
    assert day_texts(workspace, R_LEVEL) == ["非常满意", "基本满意", "不满意"]

    # The search filters as one types; Enter on the 差评 opens its follow-up.
    qtbot.keyClick(workspace, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, workspace.ratings.list.search, "不满意")
    assert day_texts(workspace, R_LEVEL) == ["不满意"]
    qtbot.keyClick(workspace.ratings.list.search, Qt.Key.Key_Return)
    qtbot.keyClick(workspace.ratings.list.table, Qt.Key.Key_Return)
    assert workspace.tabs.currentIndex() == FOLLOWUPS_TAB
    assert workspace.followups.current() is not None

    # Another day has none of them.
    workspace.tabs.setCurrentIndex(DAY_TAB)
    workspace.ratings.list.search.clear()
    day = find(workspace, QDateEdit, "ratings.date")
    day.setDate(day.date().addDays(-1))
    settled(qtbot, workspace)
    assert workspace.ratings.model.rows == []
    qtbot.mouseClick(find(workspace, QPushButton, "ratings.today"), Qt.MouseButton.LeftButton)
    settled(qtbot, workspace)
    assert len(workspace.ratings.model.rows) == 3


def test_a_rating_made_elsewhere_shows_without_asking(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk, demo_worker: DeskWorker, english: None
) -> None:
    window = main_window("reviewer", "demo-review")
    workspace = ratings_of(qtbot, window)
    assert workspace.followups.model.rows == []
    # A rating recorded through the desk's database thread (as the display or a pull does).
    demo_worker.run(lambda desk: rate(desk, RatingLevel.DISSATISFIED))
    qtbot.waitUntil(lambda: len(workspace.followups.model.rows) == 1)
    settled(qtbot, workspace)
    assert (
        find(window, QPushButton, "main.tab.ratings").text().startswith("Ratings (to follow up 1")
    )


def test_every_control_is_named_and_none_makes_a_rating(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk, english: None
) -> None:
    rate(demo_desk, RatingLevel.DISSATISFIED)
    window = main_window("supervisor", "demo-super")
    workspace = ratings_of(qtbot, window)
    assert unnamed_controls(workspace) == []
    choose_first(qtbot, workspace)
    for kind in (StepKind.VERIFY,):
        workspace.take(kind)
        dialog = dialog_of(qtbot, workspace, kind)
        assert unnamed_controls(dialog) == []
        dialog.reject()
    # No button of the workspace carries a level: it reads ratings, it never makes one.
    texts = [button.text() for button in workspace.findChildren(QPushButton)]
    assert not any(str(level) in text for text in texts for level in RatingLevel)
    source = "".join(path.read_text() for path in RATINGS_UI.glob("*.py"))
    for call in (".press(", ".submit(", ".walk_away(", "add_rating", "waiting_contact"):
        assert call not in source


@pytest.fixture
def text_scale(qapp: QApplication) -> Iterator[Callable[[float], None]]:
    """Apply the desk's appearance at a text size; the test application's is put back."""
    font, style = qapp.font(), qapp.style().name()
    yield lambda value: apply_appearance(qapp, value)
    qapp.setStyleSheet("")
    qapp.setStyle(style)
    qapp.setFont(font)


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_the_workspace_fits_a_hall_screen(
    qtbot: QtBot,
    main_window: OpenWindow,
    demo_desk: Desk,
    text_scale: Callable[[float], None],
    scale: float,
) -> None:
    rate(demo_desk, RatingLevel.VERY_DISSATISFIED, ("P02", "P03"), "态度冷淡")
    text_scale(scale)
    window = main_window("supervisor", "demo-super")
    workspace = ratings_of(qtbot, window)
    assert window.minimumSizeHint().width() <= HALL_SCREEN[0]
    assert window.minimumSizeHint().height() <= HALL_SCREEN[1]
    window.resize(*HALL_SCREEN)
    qtbot.waitExposed(window)
    choose_first(qtbot, workspace)
    settled(qtbot, workspace)
    for button in [*workspace.steps.buttons.values(), find(window, QPushButton, "main.lock")]:
        corner = button.mapTo(window, QPoint(button.width(), button.height()))
        assert corner.x() <= window.width() and corner.y() <= window.height(), button.objectName()
    tab = find(window, QPushButton, "main.tab.ratings")
    assert tab.width() >= tab.fontMetrics().horizontalAdvance(tab.text())
