"""The left of 审批: the department's queue with its filters, always in view.

The queue comes from ``desk.queue`` (pulled from the platform, usable offline) on the database
thread: the rows for the filters chosen (item, state, window) and the counts per traffic light
for the tab title. The search box narrows the rows already loaded as the reviewer types (case
number, applicant, item), so it needs no round trip. A change notice about cases (a decision
here, a pull from the platform) loads the queue again, so it never needs F5.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.calendar import Level
from clerk_desk.domain.case import PartState
from clerk_desk.domain.review_rules import PART_STATE_LABELS
from clerk_desk.errors import UserError
from clerk_desk.i18n import translate
from clerk_desk.services.work_queue import QueueFilter, QueueRow
from ui.desk_worker import DeskWorker
from ui.naming import described, named
from ui.review.queue_model import APPLICANT, DAYS_LEFT, ITEMS, LIGHT, QueueModel
from ui.theme import align_spin_box, set_role

if TYPE_CHECKING:
    from clerk_desk.changes import Changes
    from clerk_desk.desk import Desk

# The states a part waits in for its department.
QUEUE_STATES = (PartState.IN_REVIEW, PartState.PAUSED)


@dataclass(frozen=True)
class QueueLoad:
    rows: list[QueueRow]
    counts: dict[Level, int]
    items: list[tuple[str, str]]


def load_queue(desk: Desk, department: str, chosen: QueueFilter) -> QueueLoad:
    """The queue, its counts and its items for the item filter (on the database thread)."""
    today = desk.clock().date()
    warn_days = int(desk.settings.get("review_warn_days"))
    queue = desk.queue
    return QueueLoad(
        rows=queue.review_queue(department, chosen, today, warn_days),
        counts=queue.review_counts(department, today, warn_days),
        items=queue.items_in_queue(department),
    )


def matches(row: QueueRow, words: Sequence[str], shown_name: str) -> bool:
    """Every word typed is in the case number (with or without its dashes), the applicant's
    name as shown, or an item's name."""
    haystack = " ".join((row.case_no or "", shown_name, *row.item_names)).lower()
    compact = haystack.replace("-", "")
    return all(word in haystack or word.replace("-", "") in compact for word in words)


class QueuePanel(QWidget):
    """``caseChosen(uuid)`` when a row becomes current; ``countsChanged`` after each load."""

    caseChosen = Signal(str)
    countsChanged = Signal(object)  # dict[Level, int]

    def __init__(self, worker: DeskWorker, full_names: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review.queuePanel")
        self.worker = worker
        self.department = ""
        self.all_rows: list[QueueRow] = []
        self._generation = 0
        self._answered = 0
        self._refilling = False
        self.model = QueueModel(full_names, self)

        self.department_box = named(QComboBox(), "review.department", self.tr("Department"))
        self.search = named(QLineEdit(), "review.search", self.tr("Search the queue"))
        self.search.setPlaceholderText(self.tr("Case number, applicant or item"))
        self.search.setClearButtonEnabled(True)
        for clear in self.search.findChildren(QToolButton):
            described(
                named(clear, "review.searchClear", self.tr("Clear the search")),
                self.tr("Clear the search"),
            )
        self.state = named(QComboBox(), "review.stateFilter", self.tr("State"))
        self.state.addItem(self.tr("All states"), None)
        for state in QUEUE_STATES:
            self.state.addItem(translate("core", PART_STATE_LABELS[state]), str(state))
        self.item = named(QComboBox(), "review.itemFilter", self.tr("Item"))
        self.item.addItem(self.tr("All items"), None)
        self.window_number = named(QSpinBox(), "review.windowFilter", self.tr("Window"))
        align_spin_box(self.window_number)
        self.window_number.setRange(0, 999)
        self.window_number.setSpecialValueText(self.tr("All windows"))
        self.window_number.setPrefix(self.tr("Window "))
        self.table = named(QTableView(), "review.queue", self.tr("Work queue"))
        self.table.setModel(self.model)
        self.count = named(QLabel(), "review.queueCount", self.tr("Cases in the queue"))
        self.count.setProperty("role", "muted")
        self._build_table()
        self._lay_out()

        self.department_box.currentIndexChanged.connect(self._department_chosen)
        self.search.textChanged.connect(self._show_rows)
        self.state.currentIndexChanged.connect(self.reload)
        self.item.currentIndexChanged.connect(self.reload)
        self.window_number.valueChanged.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.search.installEventFilter(self)
        worker.changed.connect(self._changed)

    def _build_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ITEMS, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in (LIGHT, DAYS_LEFT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _lay_out(self) -> None:
        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        filters.setVerticalSpacing(6)
        caption = QLabel(self.tr("&Department"))
        caption.setBuddy(self.department_box)
        filters.addWidget(caption, 0, 0)
        filters.addWidget(self.department_box, 0, 1, 1, 3)
        filters.addWidget(self.search, 1, 0, 1, 4)
        filters.addWidget(self.state, 2, 0, 1, 2)
        filters.addWidget(self.item, 2, 2)
        filters.addWidget(self.window_number, 2, 3)
        filters.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    # Loading ------------------------------------------------------------------------------

    def set_departments(self, departments: Sequence[str]) -> None:
        """The departments to review for: a reviewer's one, or the supervisor's choice."""
        self.department_box.blockSignals(True)
        self.department_box.clear()
        for department in departments:
            self.department_box.addItem(department, department)
        self.department_box.blockSignals(False)
        # A reviewer reviews for the account's department; only a supervisor chooses.
        self.department_box.setEnabled(len(departments) > 1)
        self._department_chosen()

    def current_filter(self) -> QueueFilter:
        return QueueFilter(
            item_code=self.item.currentData(),
            state=self.state.currentData(),
            window_number=self.window_number.value() or None,
        )

    def reload(self) -> None:
        """Ask the desk for the queue as filtered now; an answer to an older question is
        dropped."""
        if not self.department:
            self.count.setText(self.tr("This account has no department to review for"))
            return
        self._generation += 1
        generation, department, chosen = self._generation, self.department, self.current_filter()
        self.worker.run(
            lambda desk: load_queue(desk, department, chosen),
            lambda load: self._arrived(generation, load),
            self._refused,
            owner=self,
        )

    def _department_chosen(self) -> None:
        self.department = str(self.department_box.currentData() or "")
        self.item.blockSignals(True)
        self.item.setCurrentIndex(0)
        self.item.blockSignals(False)
        self.reload()

    def _changed(self, changes: Changes) -> None:
        if changes.cases or changes.settings:
            self.reload()

    def _arrived(self, generation: int, load: QueueLoad) -> None:
        if generation != self._generation:
            return
        self._answered = generation
        self.all_rows = load.rows
        self._offer_items(load.items)
        self._show_rows()
        self.countsChanged.emit(load.counts)

    def _refused(self, error: UserError) -> None:
        self._answered = self._generation
        set_role(self.count, "error")
        self.count.setText(error.render())

    @property
    def loading(self) -> bool:
        """Whether the queue asked for is still on its way."""
        return self._answered != self._generation

    def _offer_items(self, items: list[tuple[str, str]]) -> None:
        """The item filter offers the items in the queue; the one chosen stays chosen."""
        chosen = self.item.currentData()
        offered = [self.item.itemData(i) for i in range(1, self.item.count())]
        if offered == [code for code, _ in items]:
            return
        self.item.blockSignals(True)
        self.item.clear()
        self.item.addItem(self.tr("All items"), None)
        for code, name in items:
            self.item.addItem(name, code)
        self.item.setCurrentIndex(max(0, self.item.findData(chosen)))
        self.item.blockSignals(False)

    def _show_rows(self) -> None:
        """The loaded rows the search words match; the current case stays current."""
        current = self.current_uuid()
        words = self.search.text().lower().split()
        rows = self.all_rows
        if words:
            rows = [row for row in rows if matches(row, words, self.model.text(row, APPLICANT))]
        # A reload never opens another case: the case shown stays (a decided one has left
        # the queue but stays in view for 制证完成 and its paper) until the reviewer moves.
        self._refilling = True
        try:
            self.model.set_rows(list(rows))
            row = self.model.row_of(current) if current else None
            if row is None:
                self.table.setCurrentIndex(QModelIndex())
            else:
                self.table.selectRow(row)
        finally:
            self._refilling = False
        set_role(self.count, "muted")
        self.count.setText(
            self.tr("{shown} of {total} cases").format(shown=len(rows), total=len(self.all_rows))
            if words
            else self.tr("{total} cases").format(total=len(rows))
        )

    # The current case -----------------------------------------------------------------------

    def current_uuid(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()].uuid if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._refilling:
            self.caseChosen.emit(self.model.rows[current.row()].uuid)

    def choose_first(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the search box goes into the queue."""
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if not self.table.currentIndex().isValid():
                self.choose_first()
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)
