"""事项与缺口: what visitors ask for, and what the windows searched for and did not find.

Two lists for a chosen range (this month unless chosen): the items most requested (the
report's item breakdown, most received first) and the searches typed at the windows that
found no item (the text only, how often, when last): the catalog gaps to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QGridLayout, QLabel, QTableView, QVBoxLayout, QWidget

from clerk_desk.domain.report import Dimension, Report, Row, SearchGap
from clerk_desk.domain.roles import Clerk
from clerk_desk.errors import UserError
from ui.desk_worker import DeskWorker
from ui.naming import named
from ui.stats.loader import Loader
from ui.stats.today import CASE_TITLES, fit_columns, read_only
from ui.stats.trends import MONTH, RangeBar, quick_period
from ui.theme import set_role

if TYPE_CHECKING:
    from clerk_desk.changes import Changes
    from clerk_desk.desk import Desk

SEARCHES_SHOWN = 50
ITEM_KEYS = ("received", "accepted", "notified_missing", "rejected")


@dataclass(frozen=True)
class GapsLoad:
    report: Report
    searches: list[SearchGap]
    today: date


def load_gaps(desk: Desk, period: tuple[date, date] | None, made_by: str) -> GapsLoad:
    today = desk.clock().date()
    start, end = period or quick_period(MONTH, today)
    return GapsLoad(
        desk.reports.report(start, end, made_by),
        desk.reports.unmatched_searches(start, end, SEARCHES_SHOWN),
        today,
    )


def most_requested(report: Report) -> list[Row]:
    """The items of the period, most received first (then by name)."""
    rows = report.breakdowns.get(Dimension.ITEM, [])
    return sorted(
        (row for row in rows if row.cases.received), key=lambda r: (-r.cases.received, r.label)
    )


def _number(value: int) -> QStandardItem:
    item = QStandardItem()
    item.setData(value, Qt.ItemDataRole.DisplayRole)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class GapsPage(QWidget):
    refreshed = Signal()

    def __init__(self, worker: DeskWorker, clerk: Clerk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats.gaps")
        self.worker = worker
        self.clerk = clerk
        self.period: tuple[date, date] | None = None
        self.load: GapsLoad | None = None
        self.loader = Loader(worker, self)
        self.loader.arrived.connect(self.show_load)
        self.loader.failed.connect(self._refused)
        self.range = RangeBar("stats.gaps")
        self.range.chosen.connect(self.choose)
        self.status = named(QLabel(), "stats.gaps.status", self.tr("Statistics messages"))
        self.status.setWordWrap(True)
        self.status.hide()
        self.items_model = QStandardItemModel(self)
        self.items = read_only(
            named(QTableView(), "stats.gaps.items", self.tr("Most requested items"))
        )
        self.items.setModel(self.items_model)
        self.searches_model = QStandardItemModel(self)
        self.searches = read_only(
            named(QTableView(), "stats.gaps.searches", self.tr("Searches that found no item"))
        )
        self.searches.setModel(self.searches_model)
        grid = QGridLayout()
        grid.setSpacing(8)
        for column, (caption, note, table) in enumerate(
            (
                (
                    self.tr("Most re&quested items"),
                    self.tr("Cases received per item in the period, most first."),
                    self.items,
                ),
                (
                    self.tr("&Searches that found no item"),
                    self.tr("Typed at the windows, no item found: catalog gaps to fix."),
                    self.searches,
                ),
            )
        ):
            title = QLabel(caption)
            title.setProperty("role", "title")
            title.setBuddy(table)
            hint = QLabel(note)
            hint.setProperty("role", "muted")
            hint.setWordWrap(True)
            grid.addWidget(title, 0, column)
            grid.addWidget(hint, 1, column)
            grid.addWidget(table, 2, column)
        grid.setRowStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.range)
        layout.addWidget(self.status)
        layout.addLayout(grid, 1)
        worker.changed.connect(self._changed)

    @property
    def loading(self) -> bool:
        return self.loader.busy

    def choose(self, start: date, end: date) -> None:
        self.period = (start, end)
        self.refresh()

    def refresh(self) -> None:
        period, made_by = self.period, self.clerk.display_name
        self.loader.request(lambda desk: load_gaps(desk, period, made_by))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Every time: the unmatched searches are written without a change notice.
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        # Unmatched searches change no case: any case write may have come with one.
        if (changes.cases or changes.catalog) and self.isVisible():
            self.refresh()

    def _refused(self, error: UserError) -> None:
        set_role(self.status, "error")
        self.status.setText(error.render())
        self.status.show()
        self.refreshed.emit()

    def show_load(self, load: GapsLoad) -> None:
        self.load = load
        self.status.hide()
        self.range.show_period(load.report.start, load.report.end, load.today)
        items = self.items_model
        items.clear()
        items.setHorizontalHeaderLabels([self.tr("Item"), *(CASE_TITLES[key] for key in ITEM_KEYS)])
        for row in most_requested(load.report):
            figures = row.cases.to_json()
            items.appendRow([QStandardItem(row.label), *(_number(figures[k]) for k in ITEM_KEYS)])
        fit_columns(self.items)
        searches = self.searches_model
        searches.clear()
        searches.setHorizontalHeaderLabels(
            [self.tr("Search text"), self.tr("Times"), self.tr("Last searched")]
        )
        for gap in load.searches:
            searches.appendRow(
                [
                    QStandardItem(gap.text),
                    _number(gap.count),
                    QStandardItem(f"{gap.last_at:%Y-%m-%d %H:%M}"),
                ]
            )
        fit_columns(self.searches)
        self.refreshed.emit()

    def rows(self, model: QStandardItemModel) -> list[list[str]]:
        """A table as shown (tests read it)."""
        return [
            [str(model.index(r, c).data()) for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]
