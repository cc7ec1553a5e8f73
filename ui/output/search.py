"""The one search box of 出件 and what it finds.

It takes what the visitor brings: the case number (grouped as printed or not), the receipt's
QR code read by a keyboard-wedge barcode scanner (it types the progress address or the number
and presses Enter), an ID number or its last four characters, a name or a phone. Results come
as the clerk types; Enter searches at once and opens the case when it is the only one found,
else moves into the list, where Enter opens the current row.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.case_states import STATE_LABELS, CaseState
from clerk_desk.domain.identity import mask_name
from clerk_desk.errors import UserError
from clerk_desk.i18n import translate
from ui.desk_worker import DeskWorker
from ui.naming import described, named
from ui.output.clock import PASSED_COLOUR, OutputClock
from ui.output.found import ResultRow, find_rows
from ui.table_headers import column_header

Index = QModelIndex | QPersistentModelIndex
DEBOUNCE_MS = 250
CASE_NO, STATE, APPLICANT, ITEMS, DEADLINE, FEE = range(6)
COLUMN_PADDING = 24
OUTPUT_STATES = (CaseState.READY_FOR_PICKUP, CaseState.SHIPPED)
ROW_PADDING = 10
SHOWN_ROWS = 3
MOST_ROWS = 5


class OutputResultsModel(QAbstractTableModel):
    """The few cases a search finds (a pick-up search finds a handful, never thousands)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ResultRow] = []

    def set_rows(self, rows: list[ResultRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Case number"),
            self.tr("State"),
            self.tr("Applicant"),
            self.tr("Items"),
            self.tr("Deliver by"),
            self.tr("Fee"),
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else FEE + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header(self.headers(), section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == DEADLINE and row.clock.passed:
            return QColor(PASSED_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and column in (ITEMS, DEADLINE):
            return "\n".join(row.item_names) if column == ITEMS else row.clock.text()
        return None

    def _text(self, row: ResultRow, column: int) -> str:
        if column == CASE_NO:
            return display_case_no(row.case_no)
        if column == STATE:
            return translate("core", STATE_LABELS[row.state])
        if column == APPLICANT:
            return mask_name(row.applicant_name)
        if column == ITEMS:
            return "、".join(row.item_names)
        if column == DEADLINE:
            return row.clock.short()
        if row.outstanding > 0:
            return self.tr("{amount} yuan unpaid").format(amount=row.outstanding)
        return self.tr("Paid / none")


class OutputSearch(QWidget):
    """The search box over the list of cases found; ``opened(uuid)`` when one is chosen."""

    opened = Signal(str)

    def __init__(self, worker: DeskWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("output.searchPanel")
        self.worker = worker
        self.model = OutputResultsModel(self)
        self.box = named(QLineEdit(), "output.search", self.tr("Find the result to hand over"))
        self.box.setPlaceholderText(
            self.tr("Scan the receipt's QR code, or type the case number, ID number, name or phone")
        )
        self.box.setClearButtonEnabled(True)
        for clear in self.box.findChildren(QToolButton):
            described(
                named(clear, "output.searchClear", self.tr("Clear the search")),
                self.tr("Clear the search"),
            )
        self.table = named(QTableView(), "output.results", self.tr("Results ready"))
        self.count = named(QLabel(), "output.resultsCount", self.tr("Number of results found"))
        self.count.setProperty("role", "muted")
        self._build_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._generation = 0
        self._open_single = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.box.textChanged.connect(self._debounce.start)
        self.box.installEventFilter(self)
        self.table.activated.connect(self._activated)

    def _build_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        metrics = table.fontMetrics()
        model = self.model
        # Wide enough for what the columns hold and their titles, in the language shown.
        samples = {
            CASE_NO: ["340100-20261207-003-0001-3"],
            STATE: [translate("core", STATE_LABELS[state]) for state in OUTPUT_STATES],
            APPLICANT: ["某某某某"],
            DEADLINE: [OutputClock(date(2026, 12, 14), -1).short()],
            FEE: [model.tr("{amount} yuan unpaid").format(amount="1000.00")],
        }
        titles = model.headers()
        for column, texts in samples.items():
            widest = max(metrics.horizontalAdvance(text) for text in [*texts, titles[column]])
            header.resizeSection(column, widest + COLUMN_PADDING)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ITEMS, QHeaderView.ResizeMode.Stretch)
        # Rows sized to the text, and always a few in view, at any text size.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        row = metrics.lineSpacing() + ROW_PADDING
        chrome = header.sizeHint().height() + 2 * table.frameWidth()
        table.setMinimumHeight(chrome + SHOWN_ROWS * row)
        # The found case below gets the rest of the screen; more results scroll.
        table.setMaximumHeight(chrome + MOST_ROWS * row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the box searches now (a scanner's Enter too); Down goes into the list."""
        if watched is self.box and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                self._open_single = True
                self.run_search()
                return True
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
                self.focus_results()
                return True
        return super().eventFilter(watched, event)

    def run_search(self) -> None:
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        text = self.box.text().strip()
        self.worker.run(
            lambda desk: find_rows(desk, text),
            lambda rows: self._arrived(generation, rows),
            self._refused,
            owner=self,
        )

    def _arrived(self, generation: int, rows: list[ResultRow]) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        wanted, self._open_single = self._open_single, False
        if not rows:
            self.count.setText(self.tr("Nothing ready for pick-up found"))
            return
        self.count.setText(self.tr("{count} result(s) ready").format(count=len(rows)))
        if wanted and len(rows) == 1:
            self.opened.emit(rows[0].uuid)
        elif wanted:
            self.focus_results()

    def _refused(self, error: UserError) -> None:
        self._open_single = False
        self.count.setText(error.render())

    def focus_results(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.table.setFocus()
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.selectRow(self.table.currentIndex().row())

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit(self.model.rows[index.row()].uuid)

    def start_over(self) -> None:
        """Ready for the next visitor: the box empty and focused, the list refreshed."""
        self.box.clear()
        self.run_search()
        self.box.setFocus()
