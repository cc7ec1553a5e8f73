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
LIGHT, DAYS_LEFT, CASE_NO, ITEMS, APPLICANT, STATE = range(6)


class QueueModel(QAbstractTableModel):
    def __init__(self, full_names: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.full_names = full_names
        self.rows: list[QueueRow] = []

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Light"),
            self.tr("Days left"),
            self.tr("Case number"),
            self.tr("Items"),
            self.tr("Applicant"),
            self.tr("State"),
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
        if role == Qt.ItemDataRole.AccessibleTextRole and column == DAYS_LEFT:
            return days_left_text(row.working_days_left)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DAYS_LEFT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and column in (LIGHT, DAYS_LEFT):
            return QColor(level_colour(row.level))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tip(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.uuid
        return None

    def text(self, row: QueueRow, column: int) -> str:
        if column == LIGHT:
            return level_word(row.level)
        if column == DAYS_LEFT:
            # A number, as the sketch has it (-1 overdue); the words are in the tooltip.
            return "" if row.working_days_left is None else str(row.working_days_left)
        if column == CASE_NO:
            # Every case on the desk carries its centre's code: the queue leaves it out.
            return display_case_no(row.case_no).split("-", 1)[1] if row.case_no else ""
        if column == ITEMS:
            return "、".join(row.item_names)
        if column == APPLICANT:
            return row.applicant_name if self.full_names else mask_name(row.applicant_name)
        return translate("core", PART_STATE_LABELS[row.part_state])

    def tip(self, row: QueueRow, column: int) -> str | None:
        """What a narrow column leaves out: the deadline, the window, every item."""
        if column == DAYS_LEFT and row.deadline is not None:
            return self.tr("{left} · deadline {date}").format(
                left=days_left_text(row.working_days_left), date=row.deadline.isoformat()
            )
        if column == CASE_NO and row.case_no:
            number = display_case_no(row.case_no)
            if not row.window_number:
                return number
            window = self.tr("Taken in at window {number}").format(number=row.window_number)
            return f"{number}\n{window}"
        if column == ITEMS:
            return "\n".join(row.item_names)
        return None
