"""The department's work queue as a table: one row per case part waiting for this department,
in the order the queue gives (fewest working days left first).

A plain :class:`QAbstractTableModel` over the queue's light rows (``QueueRow``): a filter
change replaces the rows in one reset, never a widget per row. The applicant's name is masked
unless the reviewer's role sees personal data in full (:func:`ui.case_detail.may_see_full_data`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.identity import mask_name
from clerk_desk.domain.review_rules import PART_STATE_LABELS
from clerk_desk.i18n import translate
from clerk_desk.services.work_queue import QueueRow
from ui.review.levels import days_left_text, level_colour, level_word
from ui.table_headers import column_header

Index = QModelIndex | QPersistentModelIndex
LIGHT, DAYS_LEFT, CASE_NO, ITEMS, APPLICANT, STATE, DEADLINE, WINDOW = range(8)


class QueueModel(QAbstractTableModel):
    def __init__(self, full_names: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.full_names = full_names
        self.rows: list[QueueRow] = []

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Light"),
            self.tr("Time left"),
            self.tr("Case number"),
            self.tr("Items"),
            self.tr("Applicant"),
            self.tr("State"),
            self.tr("Deadline"),
            self.tr("Window"),
        )

    def set_rows(self, rows: list[QueueRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, uuid: str) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.uuid == uuid), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers())

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
            return self.text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (LIGHT, DAYS_LEFT):
            return QColor(level_colour(row.level))
        if role == Qt.ItemDataRole.ToolTipRole and column == ITEMS:
            return "\n".join(row.item_names)
        if role == Qt.ItemDataRole.UserRole:
            return row.uuid
        return None

    def text(self, row: QueueRow, column: int) -> str:
        if column == LIGHT:
            return level_word(row.level)
        if column == DAYS_LEFT:
            return days_left_text(row.working_days_left)
        if column == CASE_NO:
            return display_case_no(row.case_no) if row.case_no else ""
        if column == ITEMS:
            return "、".join(row.item_names)
        if column == APPLICANT:
            return row.applicant_name if self.full_names else mask_name(row.applicant_name)
        if column == STATE:
            return translate("core", PART_STATE_LABELS[row.part_state])
        if column == DEADLINE:
            return "" if row.deadline is None else row.deadline.isoformat()
        return str(row.window_number) if row.window_number else ""
