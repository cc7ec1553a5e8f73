"""办件查询: the case list with its search box, state and date filters.

The table is a :class:`QAbstractTableModel` over light summary rows that loads page by page
(``canFetchMore`` / ``fetchMore``, as Anki's browser table does): the view asks for the next
page when it is scrolled to the bottom, so a desk with a million cases shows its first rows
at once and never builds a widget per row. Every search and every page runs on the desk's
database thread; a page that arrives after the search changed is dropped. Sorting a column
asks the database again, so the order holds over all results, not just the loaded ones.

The list masks names and ID numbers for everyone; the case view (:mod:`ui.case_detail`)
shows them in full to the roles allowed to see them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
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
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.calendar import Deadline, Level, Status, WorkCalendar, deadline_status
from clerk_desk.domain.case import CaseSummary
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.case_states import PROMISED_STATES, STATE_LABELS, CaseState
from clerk_desk.domain.identity import mask_id_number, mask_name
from clerk_desk.domain.roles import Clerk
from clerk_desk.errors import UserError
from clerk_desk.i18n import translate
from clerk_desk.services.intake import CaseOrder, CaseQuery, ListFacts
from ui.case_detail import CaseDetailDialog, CaseWithHistory, case_with_history
from ui.desk_worker import DeskWorker
from ui.naming import described, named
from ui.table_headers import column_header

if TYPE_CHECKING:
    from clerk_desk.changes import Changes
    from clerk_desk.desk import Desk

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
DEBOUNCE_MS = 250
# The legal clock runs in these states; finished or waiting cases show no traffic light.
CLOCK_STATES = frozenset({CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.PAUSED})
LIGHT_COLOURS = {Level.NORMAL: "#1a7f37", Level.DUE_SOON: "#9a6700", Level.OVERDUE: "#b42318"}
COLUMN_PADDING = 16
NO_FACTS = ListFacts(organisation=False, instant=False, gaps_pending=False)
# The earliest date a date filter offers; shown as "any date".
ANY_DATE = QDate(2000, 1, 1)
CASE_NO, STATE, APPLICANT, ID_NUMBER, ITEMS, RECEIVED, DEADLINE = range(7)
ORDERS = (
    CaseOrder.CASE_NO,
    CaseOrder.STATE,
    CaseOrder.APPLICANT_NAME,
    CaseOrder.APPLICANT_NUMBER,
    CaseOrder.ITEMS,
    CaseOrder.RECEIVED_AT,
    CaseOrder.DEADLINE,
)


@dataclass(frozen=True)
class CaseRow:
    """A list row: the summary, what else the list marks, and its traffic light (``None``
    where no clock runs)."""

    summary: CaseSummary
    facts: ListFacts
    light: Status | None


def traffic_light(
    summary: CaseSummary, facts: ListFacts, today: date, calendar: WorkCalendar
) -> Status | None:
    """The light of a running clock; a 即办件 is done on the spot and never overdue."""
    if summary.committed_deadline is None or summary.state not in CLOCK_STATES or facts.instant:
        return None
    deadline = Deadline(
        accepted_on=summary.committed_deadline,
        working_days=0,
        deadline=summary.committed_deadline,
        unknown_years=(summary.committed_deadline.year,) if summary.deadline_provisional else (),
    )
    return deadline_status(deadline, today, calendar=calendar)


def load_page(desk: Desk, query: CaseQuery) -> list[CaseRow]:
    """One page of the list, with its traffic lights (runs on the database thread)."""
    summaries = desk.intake.find_cases(query)
    facts = desk.intake.list_facts([summary.uuid for summary in summaries])
    today = desk.clock().date()
    calendar = desk.intake.work_calendar()
    rows = []
    for summary in summaries:
        known = facts.get(summary.uuid, NO_FACTS)
        rows.append(CaseRow(summary, known, traffic_light(summary, known, today, calendar)))
    return rows


class CaseListModel(QAbstractTableModel):
    """The results of one :class:`CaseQuery`, loaded :data:`PAGE_SIZE` rows at a time."""

    loaded = Signal(int)  # rows loaded so far; ``more`` says whether the query has more
    failed = Signal(str)

    def __init__(self, worker: DeskWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.query = CaseQuery(limit=PAGE_SIZE)
        self.rows: list[CaseRow] = []
        self._generation = 0
        self._loading = False
        self._exhausted = True
        worker.changed.connect(self._changed)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Case number"),
            self.tr("State"),
            self.tr("Applicant"),
            self.tr("ID number"),
            self.tr("Items"),
            self.tr("Received at"),
            self.tr("Committed deadline"),
        )

    def search(self, query: CaseQuery) -> None:
        """Run ``query`` from its first page; the rows shown stay until that page arrives."""
        self.query = dataclasses.replace(
            query,
            order=self.query.order,
            descending=self.query.descending,
            offset=0,
            limit=PAGE_SIZE,
        )
        self._request(0)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.query = dataclasses.replace(
            self.query,
            order=ORDERS[column],
            descending=order == Qt.SortOrder.DescendingOrder,
            offset=0,
        )
        self._request(0)

    def _changed(self, changes: Changes) -> None:
        """Cases changed (a decision here, a pull from the platform): load the rows shown
        again, as many as are shown (at least a page), so the list never goes stale."""
        if changes.cases:
            self._request(0, max(PAGE_SIZE, len(self.rows)))

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._loading and not self._exhausted

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._request(len(self.rows))

    def _request(self, offset: int, limit: int = PAGE_SIZE) -> None:
        if offset == 0:
            self._generation += 1
        generation = self._generation
        self._loading = True
        page = dataclasses.replace(self.query, offset=offset, limit=limit)
        self.worker.run(
            lambda desk: load_page(desk, page),
            lambda rows: self._arrived(generation, offset, limit, rows),
            lambda error: self._refused(generation, error),
            owner=self,
        )

    def _arrived(self, generation: int, offset: int, limit: int, rows: list[CaseRow]) -> None:
        if generation != self._generation:
            return
        if offset == 0:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
        elif rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self._loading = False
        self._exhausted = len(rows) < limit
        self.loaded.emit(len(self.rows))

    def _refused(self, generation: int, error: UserError) -> None:
        if generation == self._generation:
            self._loading = False
            self.failed.emit(error.render())

    @property
    def more(self) -> bool:
        return not self._exhausted

    def uuid_at(self, row: int) -> str:
        return self.rows[row].summary.uuid

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(ORDERS)

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
        if role == Qt.ItemDataRole.ForegroundRole and column == DEADLINE and row.light:
            return QColor(LIGHT_COLOURS[row.light.level])
        if role == Qt.ItemDataRole.ToolTipRole and column == ITEMS:
            return "\n".join(row.summary.item_names)
        return None

    def _text(self, row: CaseRow, column: int) -> str:
        case = row.summary
        if column == CASE_NO:
            # Grouped as on the papers, so the clerk reads the same number.
            return display_case_no(case.case_no) if case.case_no else case.number_label
        if column == STATE:
            state = translate("core", STATE_LABELS[case.state])
            if row.facts.gaps_pending:
                return self.tr("{state} (gaps to supply)").format(state=state)
            return state
        if column == APPLICANT:
            # An organisation's name and credit code are public; a person's are not.
            if row.facts.organisation:
                return case.applicant_name
            return mask_name(case.applicant_name)
        if column == ID_NUMBER:
            if row.facts.organisation:
                return case.applicant_number
            return mask_id_number(case.applicant_number)
        if column == ITEMS:
            return "、".join(case.item_names)
        if column == RECEIVED:
            return "" if case.received_at is None else f"{case.received_at:%Y-%m-%d %H:%M}"
        return self._deadline_text(row)

    def _deadline_text(self, row: CaseRow) -> str:
        """The promise where one runs: none before acceptance or without one; 即办 for an
        item done on the spot."""
        deadline = row.summary.committed_deadline
        if row.summary.state not in PROMISED_STATES:
            return ""
        if row.facts.instant:
            return self.tr("On the spot")
        if deadline is None:
            return ""
        if row.light is None:
            if row.summary.deadline_provisional:
                return self.tr("{date} (provisional)").format(date=deadline.isoformat())
            return deadline.isoformat()
        return f"{deadline.isoformat()} {row.light.label.render()}"


class DateField(QDateEdit):
    """A date filter that Tab leaves: QDateEdit's own Tab walks its year, month and day, a
    trap for a clerk moving on; the arrows and typing still edit each part."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class CaseListPanel(QWidget):
    """The search box, the filters and the lazy table; Enter or a double-click opens a case."""

    # A case awaiting a supplement to take up again (its case number).
    takeUp = Signal(str)

    def __init__(self, worker: DeskWorker, clerk: Clerk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.clerk = clerk
        self.detail: CaseDetailDialog | None = None
        self.setObjectName("caseList")
        self.model = CaseListModel(worker, self)
        self.search = named(QLineEdit(), "caseList.search", self.tr("Search cases"))
        self.search.setPlaceholderText(self.tr("Case number, ID number, name or phone"))
        self.search.setClearButtonEnabled(True)
        for clear in self.search.findChildren(QToolButton):
            described(
                named(clear, "caseList.searchClear", self.tr("Clear the search")),
                self.tr("Clear the search"),
            )
        self.state = named(QComboBox(), "caseList.state", self.tr("State"))
        self.state.addItem(self.tr("All states"), None)
        for state in CaseState:
            self.state.addItem(translate("core", STATE_LABELS[state]), state)
        self.date_from = self._date_field("caseList.dateFrom", self.tr("Received from"))
        self.date_to = self._date_field("caseList.dateTo", self.tr("Received until"))
        self.table = named(QTableView(), "caseList.table", self.tr("Cases"))
        self.count = named(QLabel(), "caseList.count", self.tr("Number of cases shown"))
        self.count.setProperty("role", "muted")
        self._build_table()
        self._lay_out()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._debounce.start)
        self.state.currentIndexChanged.connect(self.run_search)
        # A date typed digit by digit changes on every digit: wait for a pause, as for text.
        self.date_from.dateChanged.connect(self._debounce.start)
        self.date_to.dateChanged.connect(self._debounce.start)
        self.model.loaded.connect(self._show_count)
        self.model.failed.connect(self.count.setText)
        self.table.activated.connect(self.open_case)
        self._enter_results = False
        self.search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box goes into the results; Enter searches now and goes there."""
        if watched is self.search and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
                self.focus_results()
                return True
            if event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                self._enter_results = True
                self.run_search()
                return True
        return super().eventFilter(watched, event)

    def focus_results(self) -> None:
        """The first result current and the focus in the table, where Enter opens it."""
        if self.model.rowCount() == 0:
            return
        self.table.setFocus()
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.selectRow(self.table.currentIndex().row())

    def _date_field(self, object_name: str, accessible_name: str) -> QDateEdit:
        field = named(DateField(), object_name, accessible_name)
        field.setCalendarPopup(True)
        field.setDisplayFormat("yyyy-MM-dd")
        field.setMinimumDate(ANY_DATE)
        field.setSpecialValueText(self.tr("Any date"))
        field.setDate(ANY_DATE)
        return field

    def _build_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(28)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Wide enough for what the columns hold, at any text size (samples, never shown).
        metrics = table.fontMetrics()
        for column, sample in (
            (CASE_NO, "340100-20261207-003-0001-3"),
            (STATE, "已受理（容缺）"),
            (APPLICANT, "某某某某"),
            (ID_NUMBER, "340104********0129"),
            (RECEIVED, "2026-12-07 13:17"),
            (DEADLINE, "2026-12-14 (暂定) 超期"),
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + COLUMN_PADDING)
        # The items take the room left (their names are in the tooltip when cut short).
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ITEMS, QHeaderView.ResizeMode.Stretch)
        # Newest first; enabling sorting asks the model to sort, which runs the first search.
        header.setSortIndicator(RECEIVED, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 3)
        for caption, field in (
            (self.tr("&State"), self.state),
            (self.tr("&From"), self.date_from),
            (self.tr("&To"), self.date_to),
        ):
            label = QLabel(caption)
            label.setBuddy(field)
            filters.addWidget(label)
            filters.addWidget(field, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def current_query(self) -> CaseQuery:
        return CaseQuery(
            text=self.search.text(),
            state=self.state.currentData(),
            received_from=self._date_of(self.date_from),
            received_to=self._date_of(self.date_to),
        )

    def run_search(self) -> None:
        self._debounce.stop()
        self.model.search(self.current_query())

    @staticmethod
    def _date_of(field: QDateEdit) -> date | None:
        chosen = field.date()
        return None if chosen == ANY_DATE else date(chosen.year(), chosen.month(), chosen.day())

    def _show_count(self, rows: int) -> None:
        if self._enter_results:
            self._enter_results = False
            self.focus_results()
        if self.model.more:
            text = self.tr("{count} cases shown; scroll down for more").format(count=rows)
        elif rows:
            text = self.tr("{count} cases").format(count=rows)
        else:
            text = self.tr("No cases found")
        self.count.setText(text)

    def open_case(self, index: QModelIndex) -> None:
        """Load the case and its history on the database thread, then show them."""
        if not index.isValid():
            return
        uuid = self.model.uuid_at(index.row())
        self.worker.run(lambda desk: case_with_history(desk, uuid), self._show_case, owner=self)

    def _show_case(self, loaded: CaseWithHistory) -> None:
        case, events, names = loaded
        if case is None:
            self.count.setText(self.tr("This draft was discarded meanwhile"))
            return
        self.detail = CaseDetailDialog(case, events, self.clerk, self, names)
        self.detail.takeUp.connect(self.takeUp)
        self.detail.open()
