"""The open 代办 as a table: number, applicant (masked), state, next step, due date with
正常 / 临期 / 超期 in words (and a colour beside the words), matters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from clerk_desk.domain.calendar.legal_clock import Level
from ui.case_list import LIGHT_COLOURS
from ui.proxy.lines import ProxyLine
from ui.proxy.words import applicant_text, due_text, next_step_word, state_word
from ui.ratings.models import SEARCH_ROLE, SORT_ROLE, UUID_ROLE, RowsModel

Index = QModelIndex | QPersistentModelIndex
# The matters last: the long free text takes the room the others leave.
NUMBER, APPLICANT, STATE, NEXT_STEP, DUE, MATTERS = range(6)


class ProxyModel(RowsModel):
    rows: list[ProxyLine]

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Number"),
            self.tr("Applicant"),
            self.tr("State"),
            self.tr("Next step"),
            self.tr("Due"),
            self.tr("Matters"),
        )

    def text(self, line: ProxyLine, column: int) -> str:
        record = line.record
        texts = {
            NUMBER: record.number,
            APPLICANT: applicant_text(record.applicant),
            MATTERS: record.matters.replace("\n", " "),
            STATE: state_word(record),
            NEXT_STEP: next_step_word(line),
            DUE: due_text(line),
        }
        return texts[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(line, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == DUE and line.light is not None:
            return QColor(LIGHT_COLOURS[line.light.level])
        if (
            role == Qt.ItemDataRole.FontRole
            and column == DUE
            and line.light is not None
            and line.light.level is Level.OVERDUE
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == MATTERS:
            return line.record.matters or None
        if role == SORT_ROLE:
            if column == DUE:
                return line.due.isoformat() if line.due is not None else "9999"
            return self.text(line, column)
        if role == SEARCH_ROLE:
            words = [self.text(line, c) for c in range(len(self.headers()))]
            return " ".join(words).lower()
        if role == UUID_ROLE:
            return line.uuid
        return None
