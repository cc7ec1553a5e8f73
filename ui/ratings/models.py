"""The two lists of 好差评 as table models, and the proxy that sorts and searches them.

Plain :class:`QAbstractTableModel` s over the loaded rows (one reset per load, never a widget
per row); a :class:`SearchProxy` sorts by a key per column (``SORT_ROLE``) and keeps the rows
whose text has every word typed (``SEARCH_ROLE``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.followups import FollowUpState
from clerk_desk.domain.identity.phone import validate_phone
from clerk_desk.domain.ratings import LEVELS
from ui.ratings.loads import FollowUpLine, RatingLine
from ui.ratings.words import (
    CLOSED_COLOUR,
    LEVEL_COLOURS,
    OVERDUE_COLOUR,
    STRUCK_COLOUR,
    contact_word,
    level_word,
    origin_word,
    overdue_word,
    state_word,
    struck_word,
)
from ui.table_headers import column_header

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
UUID_ROLE = Qt.ItemDataRole.UserRole

(
    R_TIME,
    R_CASE,
    R_CONTACT,
    R_SEQ,
    R_STAFF,
    R_WINDOW,
    R_LEVEL,
    R_REASONS,
    R_COMMENT,
    R_ORIGIN,
    R_STRUCK,
    R_RATER,
) = range(12)
F_CASE, F_LEVEL, F_DEPARTMENT, F_STATE, F_DEADLINE, F_RATED, F_STAFF, F_RATER = range(8)


def short_case_no(case_no: str) -> str:
    """The case number without the centre's code every case here carries."""
    shown = display_case_no(case_no) if case_no else ""
    return shown.split("-", 1)[1] if "-" in shown else shown


def rater_text(name: str, phone: str) -> str:
    """评价人: the name and the phone as clerks write it (13812345678, not +86…)."""
    written = validate_phone(phone).written if phone else ""
    return " ".join(part for part in (name, written or phone) if part)


class RowsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header(self.headers(), section, orientation, role)


class RatingsModel(RowsModel):
    """One day's ratings: time, case, contact, 评价次数, staff, window, level (word and colour),
    reasons, comment, origin, 已撤销, and the rater only where the clerk may see them."""

    rows: list[RatingLine]

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Time"),
            self.tr("Case number"),
            self.tr("Contact"),
            self.tr("Rating no."),
            self.tr("Staff"),
            self.tr("Window"),
            self.tr("Level"),
            self.tr("Reasons"),
            self.tr("Comment"),
            self.tr("Origin"),
            self.tr("Struck"),
            self.tr("Rater"),
        )

    def text(self, line: RatingLine, column: int) -> str:
        rating = line.rating
        texts = {
            R_TIME: f"{rating.rated_at:%H:%M:%S}",
            R_CASE: short_case_no(rating.case_no),
            R_CONTACT: contact_word(rating.contact_kind),
            R_SEQ: str(rating.seq),
            R_STAFF: rating.staff_name,
            R_WINDOW: str(rating.window_number),
            R_LEVEL: level_word(rating.level),
            R_REASONS: "、".join(reason.text for reason in rating.reasons),
            R_COMMENT: rating.comment.replace("\n", " "),
            R_ORIGIN: origin_word(rating.origin),
            R_STRUCK: struck_word() if rating.struck else "",
            R_RATER: rater_text(rating.rater_name, rating.rater_phone) if line.shows_rater else "",
        }
        return texts[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.rows[index.row()]
        rating, column = line.rating, index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(line, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == R_LEVEL:
                return QColor(LEVEL_COLOURS[rating.level])
            if column == R_STRUCK or rating.struck:
                return QColor(STRUCK_COLOUR)
        if role == Qt.ItemDataRole.FontRole and column == R_STRUCK and rating.struck:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == R_CASE:
                return display_case_no(rating.case_no) if rating.case_no else None
            if column in (R_REASONS, R_COMMENT) and self.text(line, column):
                return self.text(line, column)
        if role == SORT_ROLE:
            if column == R_TIME:
                return rating.rated_at.isoformat()
            if column in (R_SEQ, R_WINDOW):
                return int(self.text(line, column) or 0)
            if column == R_LEVEL:
                return LEVELS.index(rating.level)
            return self.text(line, column)
        if role == SEARCH_ROLE:
            return self.haystack(line)
        if role == UUID_ROLE:
            return rating.uuid
        return None

    def haystack(self, line: RatingLine) -> str:
        words = [self.text(line, column) for column in range(len(self.headers()))]
        words.append(line.rating.case_no)
        return " ".join(words).lower()


class FollowUpsModel(RowsModel):
    """The 差评 follow-ups: case, level, department, state, deadline (已超期 in words and
    colour), rated at, staff, and the rater (shown only to those handling it)."""

    rows: list[FollowUpLine]

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Case number"),
            self.tr("Level"),
            self.tr("Department"),
            self.tr("State"),
            self.tr("Deadline"),
            self.tr("Rated at"),
            self.tr("Staff"),
            self.tr("Rater"),
        )

    def row_of(self, uuid: str) -> int | None:
        return next((i for i, line in enumerate(self.rows) if line.uuid == uuid), None)

    def text(self, line: FollowUpLine, column: int) -> str:
        followup = line.followup
        rating = followup.rating
        deadline = followup.deadline.isoformat()
        texts = {
            F_CASE: short_case_no(rating.case_no),
            F_LEVEL: level_word(rating.level),
            F_DEPARTMENT: rating.department,
            F_STATE: state_word(followup.state),
            F_DEADLINE: f"{deadline} {overdue_word()}" if followup.overdue else deadline,
            F_RATED: f"{rating.rated_at:%Y-%m-%d %H:%M}",
            F_STAFF: rating.staff_name,
            F_RATER: rater_text(rating.rater_name, rating.rater_phone) if line.shows_rater else "",
        }
        return texts[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.rows[index.row()]
        followup, column = line.followup, index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(line, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == F_LEVEL:
                return QColor(LEVEL_COLOURS[followup.rating.level])
            if column in (F_DEADLINE, F_STATE) and followup.overdue:
                return QColor(OVERDUE_COLOUR)
            if column == F_STATE and followup.state is FollowUpState.STRUCK:
                return QColor(STRUCK_COLOUR)
            if column == F_STATE and followup.state is FollowUpState.CLOSED:
                return QColor(CLOSED_COLOUR)
        if role == Qt.ItemDataRole.FontRole and column == F_DEADLINE and followup.overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == F_CASE:
            return display_case_no(followup.rating.case_no) if followup.rating.case_no else None
        if role == SORT_ROLE:
            if column == F_DEADLINE:
                # Open ones first, by deadline; closed and struck ones after.
                return f"{0 if line.open else 1}{followup.deadline.isoformat()}"
            if column == F_LEVEL:
                return LEVELS.index(followup.rating.level)
            if column == F_RATED:
                return followup.rating.rated_at.isoformat()
            return self.text(line, column)
        if role == SEARCH_ROLE:
            words = [self.text(line, c) for c in range(len(self.headers()))]
            words.append(followup.rating.case_no)
            return " ".join(words).lower()
        if role == UUID_ROLE:
            return line.uuid
        return None


class SearchProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; keeps the rows whose text has every word typed (a case number
    with or without its dashes)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_words(self, text: str) -> None:
        self.words = text.lower().split()
        # Refilters (Qt 6.8 has no beginFilterChange; invalidateRowsFilter is deprecated
        # later); the words, not this string, decide in filterAcceptsRow.
        self.setFilterFixedString(text)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.words:
            return True
        model = self.sourceModel()
        haystack = str(model.index(source_row, 0, source_parent).data(SEARCH_ROLE) or "")
        compact = haystack.replace("-", "")
        return all(word in haystack or word.replace("-", "") in compact for word in self.words)
