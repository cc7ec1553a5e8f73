"""今日: the hall today at a glance, refreshed on every change notice and each minute.

Figures come from ``desk.reports.report(today, today, made_by)`` and ``desk.reports.hall()``
computed on the database lane (:class:`~ui.stats.loader.Loader` coalesces bursts); the GUI
thread only sets the charts' data. The counters of open, due-soon and overdue cases open the list
of those cases; Enter or a double-click on one opens its case view, as in the case list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.ratings import RatingLevel
from clerk_desk.domain.report import (
    CASE_COLUMNS,
    DIMENSION_TITLES,
    RATING_COLUMNS,
    ClockedCase,
    Dimension,
    HallNow,
    Report,
    Row,
)
from clerk_desk.domain.roles import Clerk
from clerk_desk.errors import UserError
from ui.case_detail import CaseDetailDialog, CaseWithHistory, case_with_history
from ui.desk_worker import DeskWorker
from ui.naming import described, named
from ui.shortcuts import local_shortcut
from ui.stats.charts import BarChart
from ui.stats.loader import Loader
from ui.theme import set_role

if TYPE_CHECKING:
    from clerk_desk.changes import Changes
    from clerk_desk.desk import Desk

CLOCK_MS = 60_000  # the clock: overdue and due-soon move with the day, the hours with the time
FIRST_HOUR, LAST_HOUR = 8, 18  # the hours always shown; others when something happened in them
OUTCOME_KEYS = ("accepted", "notified_missing", "accepted_with_gaps", "rejected")
RATING_KEYS = (*(str(level) for level in RatingLevel), "unrated")
BREAKDOWN_CASE_KEYS = (
    "received",
    "accepted",
    "accepted_with_gaps",
    "notified_missing",
    "rejected",
    "decided",
)
# The 差评 of each group; the rest of the ratings are on the 日报 (a 1366 px screen shows
# these columns whole beside the ratings chart).
BREAKDOWN_RATING_KEYS = ("bad",)
CASE_TITLES = {key: title for key, title, _unit in CASE_COLUMNS}
RATING_TITLES = {key: title for key, title, _unit in RATING_COLUMNS}


@dataclass(frozen=True)
class TodayLoad:
    report: Report
    hall: HallNow


def load_today(desk: Desk, made_by: str) -> TodayLoad:
    """Today's report and the hall now, in one job on the database lane."""
    today = desk.clock().date()
    report = desk.reports.report(today, today, made_by, compare=False)
    return TodayLoad(report, desk.reports.hall(today))


def shown_hours(by_hour: list[int]) -> range:
    """The office hours, widened to any hour with cases in it."""
    busy = [hour for hour, count in enumerate(by_hour) if count]
    first = min([FIRST_HOUR, *busy])
    last = max([LAST_HOUR, *busy])
    return range(first, last + 1)


def rate_text(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def figure_cell(row: Row, key: str) -> QStandardItem:
    """A table cell of a row's figure, sorted by its number and written as printed."""
    figures = row.cases if key in BREAKDOWN_CASE_KEYS else row.ratings
    value = figures.to_json()[key]
    item = QStandardItem()
    if isinstance(value, float) or value is None:
        item.setText(rate_text(value))
        item.setData(-1.0 if value is None else value, Qt.ItemDataRole.UserRole)
    else:
        item.setData(int(value), Qt.ItemDataRole.DisplayRole)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def read_only(table: QTableView, stretch: int = 0) -> QTableView:
    """A read-only list; column ``stretch`` (the names) takes the room the figures leave."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    table.setProperty("stretch", stretch)
    return table


def fit_columns(table: QTableView) -> None:
    """After the rows changed: the figures as wide as they need, the names the rest."""
    header = table.horizontalHeader()
    stretch = int(table.property("stretch") or 0)
    for column in range(header.count()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    # Never narrower than its headings (the names' too): at 200 % text the page scrolls instead.
    headings = sum(header.sectionSizeHint(column) for column in range(header.count()))
    scroll_bar = table.verticalScrollBar().sizeHint().width()
    table.setMinimumWidth(headings + scroll_bar + 2 * table.frameWidth())


class ClockedList(QWidget):
    """The cases behind a counter (due soon or overdue); Enter opens one, Esc goes back."""

    back = Signal()
    opened = Signal(str)  # the case's uuid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats.today.cases")
        self.cases: list[ClockedCase] = []
        self.heading = named(QLabel(), "stats.today.casesHeading", self.tr("Cases listed"))
        self.heading.setProperty("role", "title")
        self.back_button = named(
            QPushButton(self.tr("&Back to today (Esc)")), "stats.today.back", self.tr("Back")
        )
        described(self.back_button, self.tr("Back"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.model = QStandardItemModel(self)
        self.table = read_only(
            named(QTableView(), "stats.today.caseTable", self.tr("Cases")), stretch=1
        )
        self.table.setModel(self.model)
        self.table.activated.connect(self._activated)
        local_shortcut(self, Qt.Key.Key_Escape, self.back.emit)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def show_cases(self, heading: str, cases: list[ClockedCase]) -> None:
        self.heading.setText(heading)
        self.cases = list(cases)
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Case number"),
                self.tr("Item"),
                self.tr("Department"),
                self.tr("Window"),
                self.tr("Committed deadline"),
                self.tr("Working days"),
            ]
        )
        for case in self.cases:
            days = (
                self.tr("{days} over").format(days=case.working_days_over)
                if case.working_days_left < 0
                else self.tr("{days} left").format(days=case.working_days_left)
            )
            window = "" if case.window_number is None else str(case.window_number)
            cells = [
                display_case_no(case.case_no),
                case.item_name,
                case.department,
                window,
                case.committed_deadline.isoformat(),
                days,
            ]
            self.model.appendRow([QStandardItem(text) for text in cells])
        fit_columns(self.table)

    def case_numbers(self) -> list[str]:
        return [case.case_no for case in self.cases]

    def focus_first(self) -> None:
        self.table.setFocus()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.selectRow(0)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit(self.cases[index.row()].uuid)


class TodayPage(QWidget):
    """Today's counters, charts and breakdown; ``refreshed`` follows each update shown."""

    refreshed = Signal()

    def __init__(self, worker: DeskWorker, clerk: Clerk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats.today")
        self.worker = worker
        self.clerk = clerk
        self.load: TodayLoad | None = None
        self._stale = False
        self.detail: CaseDetailDialog | None = None
        self.loader = Loader(worker, self)
        self.loader.arrived.connect(self.show_load)
        self.loader.failed.connect(self._refused)
        self.heading = named(QLabel(), "stats.today.heading", self.tr("Today"))
        self.heading.setProperty("role", "subtitle")
        self.status = named(QLabel(), "stats.today.status", self.tr("Statistics messages"))
        self.status.hide()
        self.tiles: dict[str, QLabel] = {}
        self.open_list = self._counter("open", self.tr("Ope&n"))
        self.due_soon = self._counter("dueSoon", self.tr("Due &soon"))
        self.overdue = self._counter("overdue", self.tr("&Overdue"))
        self.hours = BarChart(
            "stats.today.hours",
            self.tr("Cases received per hour"),
            self.tr("Hour"),
            self.tr("Cases (件)"),
            "件",
            [CASE_TITLES["received"]],
        )
        self.outcomes = BarChart(
            "stats.today.outcomes",
            self.tr("Intake decisions"),
            self.tr("Decision"),
            self.tr("Cases (件)"),
            "件",
            [self.tr("Cases")],
        )
        self.ratings = BarChart(
            "stats.today.ratings",
            self.tr("Ratings by level"),
            self.tr("Level"),
            self.tr("Contacts (次)"),
            "次",
            [self.tr("Service contacts")],
        )
        self.dimension = named(QComboBox(), "stats.today.dimension", self.tr("Break down by"))
        for dimension, title in DIMENSION_TITLES.items():
            self.dimension.addItem(title, dimension)
        self.dimension.currentIndexChanged.connect(self._show_breakdown)
        self.breakdown_model = QStandardItemModel(self)
        self.breakdown = read_only(
            named(QTableView(), "stats.today.breakdown", self.tr("Today's figures by group"))
        )
        self.breakdown.setModel(self.breakdown_model)
        self.cases = ClockedList()
        self.cases.back.connect(self.show_overview)
        self.cases.opened.connect(self.open_case)
        self.stack = named(QStackedWidget(), "stats.today.stack", self.tr("Today"))
        self.stack.addWidget(self._overview())
        self.stack.addWidget(self.cases)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.status)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(CLOCK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        worker.changed.connect(self._changed)

    def _counter(self, key: str, caption: str) -> QPushButton:
        button = named(QPushButton(caption), f"stats.today.{key}", caption.replace("&", ""))
        described(button, self.tr("List these cases"))
        button.setAutoDefault(False)
        button.setProperty("caption", caption)
        button.clicked.connect(lambda: self.show_cases(key))
        return button

    def _tile(self, key: str, caption: str) -> QLabel:
        label = named(QLabel(), f"stats.today.{key}", caption)
        label.setProperty("caption", caption)
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = label.font()
        font.setPixelSize(max(16, round(font.pixelSize() * 1.3)))
        font.setBold(True)
        label.setFont(font)
        self.tiles[key] = label
        return label

    def _overview(self) -> QWidget:
        page = QWidget()
        page.setObjectName("stats.today.overview")
        tiles = QHBoxLayout()
        tiles.setSpacing(16)
        for key, caption in (
            ("received", CASE_TITLES["received"]),
            ("accepted", CASE_TITLES["accepted"]),
            ("decided", CASE_TITLES["decided"]),
            ("delivered", CASE_TITLES["delivered"]),
            ("followups", self.tr("Poor ratings to follow up")),
        ):
            tiles.addWidget(self._tile(key, caption))
        tiles.addStretch(1)
        tiles.addWidget(self.open_list)
        tiles.addWidget(self.due_soon)
        tiles.addWidget(self.overdue)
        by_group = QVBoxLayout()
        by_label = QLabel(self.tr("&By"))
        by_label.setBuddy(self.dimension)
        chooser = QHBoxLayout()
        chooser.addWidget(by_label)
        chooser.addWidget(self.dimension)
        chooser.addStretch(1)
        by_group.addLayout(chooser)
        by_group.addWidget(self.breakdown, 1)
        grid = QGridLayout()
        grid.setSpacing(8)
        grid.addWidget(self.hours, 0, 0)
        grid.addWidget(self.outcomes, 0, 1)
        grid.addLayout(by_group, 1, 0)
        grid.addWidget(self.ratings, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tiles)
        layout.addLayout(grid, 1)
        return page

    # Loading ------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self.loader.busy

    def refresh(self) -> None:
        """Today's figures again, off the GUI thread (a burst gives one more load, not many)."""
        made_by = self.clerk.display_name
        self._stale = False
        self.loader.request(lambda desk: load_today(desk, made_by))

    def _changed(self, changes: Changes) -> None:
        """Cases or ratings changed: the figures again while they are shown; when hidden
        (the supervisor at another workspace), once they are shown again, so the database
        lane the windows write on is not kept busy for nobody."""
        if self.load is not None and (changes.cases or changes.ratings or changes.settings):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def _refused(self, error: UserError) -> None:
        set_role(self.status, "error")
        self.status.setText(error.render())
        self.status.show()
        self.refreshed.emit()

    def show_load(self, load: TodayLoad) -> None:
        """Set every figure of today (small: data into the charts, a few table rows)."""
        self.load = load
        report, hall = load.report, load.hall
        self.status.hide()
        self.heading.setText(
            self.tr("Today {day} · updated {time}").format(
                day=report.start.isoformat(), time=f"{report.made_at:%H:%M}"
            )
        )
        cases = report.totals.cases.to_json()
        for key in ("received", "accepted", "decided", "delivered"):
            self._set_tile(key, cases[key])
        self._set_tile("followups", hall.open_followups)
        for button, count in (
            (self.open_list, len(hall.open)),
            (self.due_soon, len(hall.due_soon)),
            (self.overdue, len(hall.overdue)),
        ):
            button.setText(f"{button.property('caption')} {count}")
        hours = shown_hours(report.received_by_hour)
        self.hours.set_data(
            [self.tr("{hour}h").format(hour=hour) for hour in hours],
            [[float(report.received_by_hour[hour]) for hour in hours]],
        )
        self.outcomes.set_data(
            [CASE_TITLES[key] for key in OUTCOME_KEYS],
            [[float(cases[key]) for key in OUTCOME_KEYS]],
        )
        ratings = report.totals.ratings.to_json()
        self.ratings.set_data(
            [RATING_TITLES[key] for key in RATING_KEYS],
            [[float(ratings[key]) for key in RATING_KEYS]],
        )
        self._show_breakdown()
        if self.stack.currentWidget() is self.cases:
            self.show_cases(self._listed, focus=False)
        self.refreshed.emit()

    def _set_tile(self, key: str, value: int) -> None:
        label = self.tiles[key]
        label.setText(f"{label.property('caption')} {value}")

    def _show_breakdown(self) -> None:
        if self.load is None:
            return
        dimension = Dimension(self.dimension.currentData())
        rows = sorted(
            self.load.report.breakdowns.get(dimension, []),
            key=lambda row: (-row.cases.received, row.label),
        )
        keys = (*BREAKDOWN_CASE_KEYS, *BREAKDOWN_RATING_KEYS)
        model = self.breakdown_model
        model.clear()
        model.setHorizontalHeaderLabels(
            [
                DIMENSION_TITLES[dimension],
                *(CASE_TITLES[key] for key in BREAKDOWN_CASE_KEYS),
                *(RATING_TITLES[key] for key in BREAKDOWN_RATING_KEYS),
            ]
        )
        for row in rows:
            model.appendRow([QStandardItem(row.label), *(figure_cell(row, key) for key in keys)])
        fit_columns(self.breakdown)

    def breakdown_rows(self) -> list[list[str]]:
        """The breakdown table as shown (tests read it)."""
        model = self.breakdown_model
        return [
            [model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]

    # The cases behind a counter -----------------------------------------------------------

    _listed = "overdue"

    def show_cases(self, which: str, focus: bool = True) -> None:
        """The list of the cases open, due soon (``dueSoon``) or overdue, in place of the
        charts."""
        if self.load is None:
            return
        self._listed = which
        hall = self.load.hall
        if which == "overdue":
            cases = hall.overdue
            heading = self.tr("Overdue cases: {count}").format(count=len(cases))
        elif which == "open":
            cases = hall.open
            heading = self.tr("Open cases: {count}").format(count=len(cases))
        else:
            cases = hall.due_soon
            heading = self.tr("Cases due soon: {count}").format(count=len(cases))
        self.cases.show_cases(heading, cases)
        self.stack.setCurrentWidget(self.cases)
        if focus:
            self.cases.focus_first()

    def show_overview(self) -> None:
        self.stack.setCurrentIndex(0)
        buttons = {"overdue": self.overdue, "open": self.open_list, "dueSoon": self.due_soon}
        buttons[self._listed].setFocus()

    def open_case(self, uuid: str) -> None:
        """Load the case and its history on the database thread, then show them."""
        self.worker.run(lambda desk: case_with_history(desk, uuid), self._show_case, owner=self)

    def _show_case(self, loaded: CaseWithHistory) -> None:
        case, events, names = loaded
        if case is None:
            return
        self.detail = CaseDetailDialog(case, events, self.clerk, self, names)
        self.detail.open()
