"""The right of 审批: the case the reviewer works on, all of it in view.

A header strip (case number, items, applicant masked by role, state, the part's deadline),
the clock of this department's part in words and colour (working days left, days paused,
the extension), the items with the situations answered and the applicant, then three pages:
the materials with their pages, the parts with the special procedures, and the history.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.case import ApplicantKind, Case, Outcome
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.case_states import STATE_LABELS
from clerk_desk.domain.identity import mask_id_number, mask_name
from clerk_desk.domain.review_rules import PART_STATE_LABELS
from clerk_desk.i18n import translate
from ui.case_detail import history_table
from ui.desk_worker import DeskWorker
from ui.naming import named
from ui.review.case_load import CaseLoad
from ui.review.clock_words import clock_words
from ui.review.levels import level_colour
from ui.review.pages_view import MaterialPages
from ui.theme import TEXT

MATERIALS, PARTS, HISTORY = range(3)


def _table(object_name: str, accessible_name: str) -> tuple[QTableView, QStandardItemModel]:
    model = QStandardItemModel()
    table = named(QTableView(), object_name, accessible_name)
    table.setModel(model)
    model.setParent(table)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table, model


def _fill(model: QStandardItemModel, headers: list[str], rows: list[list[str]]) -> None:
    model.clear()
    model.setHorizontalHeaderLabels(headers)
    for row in rows:
        items = []
        for text in row:
            item = QStandardItem(text)
            item.setToolTip(text)
            items.append(item)
        model.appendRow(items)


class CaseView(QWidget):
    def __init__(
        self,
        worker: DeskWorker,
        username: str,
        full_data: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("review.case")
        self.full_data = full_data
        self.load: CaseLoad | None = None
        self.empty = named(
            QLabel(self.tr("Choose a case in the queue (↑/↓, or type in the search box)")),
            "review.noCase",
            self.tr("No case open"),
        )
        self.empty.setProperty("role", "placeholder")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.header = named(QLabel(), "review.header", self.tr("Case"))
        self.header.setProperty("role", "subtitle")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clock = named(QLabel(), "review.clock", self.tr("Time limit"))
        self.clock.setWordWrap(True)
        self.situations = self._value("review.situations", self.tr("Situations"))
        self.applicant = self._value("review.applicant", self.tr("Applicant"))
        self.materials = MaterialPages(worker, username)
        self.parts, self.parts_model = _table("review.parts", self.tr("Parts of the case"))
        self.procedures, self.procedures_model = _table(
            "review.procedures", self.tr("Special procedures and extensions")
        )
        self.history_box = QVBoxLayout()
        self.history: QTableView | None = None
        self.tabs = named(QTabWidget(), "review.caseTabs", self.tr("Case pages"))
        self.tabs.tabBar().setObjectName("review.caseTabBar")
        self.tabs.tabBar().setAccessibleName(self.tr("Case pages"))
        self.tabs.addTab(self.materials, self.tr("Materials and pages"))
        self.tabs.addTab(self._parts_page(), self.tr("Parts and special procedures"))
        history_page = QWidget()
        history_page.setLayout(self.history_box)
        self.history_box.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(history_page, self.tr("History"))

        facts = QFormLayout()
        facts.setHorizontalSpacing(12)
        facts.setVerticalSpacing(4)
        facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for caption, value in (
            (self.tr("Applicant"), self.applicant),
            (self.tr("Situations"), self.situations),
        ):
            label = QLabel(caption)
            label.setProperty("role", "muted")
            facts.addRow(label, value)
        strip = QFrame()
        strip.setObjectName("review.headerStrip")
        strip.setProperty("role", "card")
        strip_layout = QVBoxLayout(strip)
        strip_layout.setContentsMargins(12, 6, 12, 6)
        strip_layout.setSpacing(2)
        strip_layout.addWidget(self.header)
        strip_layout.addWidget(self.clock)
        shown = QWidget()
        shown_layout = QVBoxLayout(shown)
        shown_layout.setContentsMargins(0, 0, 0, 0)
        shown_layout.setSpacing(8)
        shown_layout.addWidget(strip)
        shown_layout.addLayout(facts)
        shown_layout.addWidget(self.tabs, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _value(self, object_name: str, accessible_name: str) -> QLabel:
        label = named(QLabel(), object_name, accessible_name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _parts_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.parts, 1)
        caption = QLabel(self.tr("Special procedures and extensions"))
        caption.setProperty("role", "muted")
        layout.addWidget(caption)
        layout.addWidget(self.procedures, 1)
        return page

    # Showing ----------------------------------------------------------------------------------

    def show_load(self, load: CaseLoad | None) -> None:
        self.load = load
        if load is None:
            self.stack.setCurrentWidget(self.empty)
            self.materials.show_case(None, frozenset())
            return
        case = load.case
        self.stack.setCurrentIndex(1)
        self.header.setText(self._header(load))
        self._show_clock(load)
        self.situations.setText("；".join(load.situations) or "—")
        applicant = self._applicant(case)
        if case.received_at is not None:
            received = self.tr("received {time}").format(time=f"{case.received_at:%Y-%m-%d %H:%M}")
            applicant = f"{applicant} · {received}"
        self.applicant.setText(applicant)
        self.materials.show_case(case, load.on_desk)
        self._show_parts(case)
        self._show_history(load)

    def _header(self, load: CaseLoad) -> str:
        case = load.case
        number = display_case_no(case.case_no) if case.case_no else case.number_label
        state = translate("core", STATE_LABELS[case.state])
        part = load.clock.part if load.clock is not None else None
        deadline = part.deadline if part is not None else case.committed_deadline
        parts = [
            self.tr("Case {number}").format(number=number),
            "、".join(item.name for item in case.items),
            self.tr("Applicant {name}").format(name=self._name(case)),
            state,
        ]
        if deadline is not None:
            shown = deadline.isoformat()
            provisional = (
                part.deadline_provisional if part is not None else case.deadline_provisional
            )
            if provisional:
                shown = self.tr("{date} (provisional)").format(date=shown)
            parts.append(self.tr("Deadline {date}").format(date=shown))
        return " · ".join(parts)

    def _name(self, case: Case) -> str:
        applicant = case.applicant
        if applicant.kind is ApplicantKind.ORGANISATION or self.full_data:
            return applicant.name
        return mask_name(applicant.name)

    def _applicant(self, case: Case) -> str:
        applicant = case.applicant
        if applicant.kind is ApplicantKind.ORGANISATION:
            return f"{applicant.name} {applicant.credit_code}"
        number = applicant.id_number if self.full_data else mask_id_number(applicant.id_number)
        text = f"{self._name(case)} {number}"
        if case.agent is not None:
            agent = case.agent.name if self.full_data else mask_name(case.agent.name)
            text += " · " + self.tr("agent {name}").format(name=agent)
        return text

    def _show_clock(self, load: CaseLoad) -> None:
        if load.clock is None:
            self.clock.setText(self.tr("This department has no part in the case"))
            self.clock.setStyleSheet(f"color: {TEXT};")
            return
        text, level = clock_words(load.clock)
        self.clock.setText(text)
        colour = level_colour(level) if level is not None else TEXT
        self.clock.setStyleSheet(f"color: {colour}; font-weight: 600;")

    def _show_parts(self, case: Case) -> None:
        names = {item.basic_code: item.name for item in case.items}
        rows = []
        for part in case.parts:
            outcome = ""
            if part.outcome is Outcome.APPROVED:
                outcome = (
                    self.tr("approved: {result} {number}")
                    .format(result=part.result_name, number=part.result_number)
                    .strip()
                )
            elif part.outcome is Outcome.DENIED:
                outcome = self.tr("denied: {reasons}").format(reasons=part.reasons)
            rows.append(
                [
                    part.department
                    + (self.tr(" (lead)") if part.lead and len(case.parts) > 1 else ""),
                    "、".join(names.get(code, code) for code in part.item_codes),
                    translate("core", PART_STATE_LABELS[part.state]),
                    "" if part.deadline is None else part.deadline.isoformat(),
                    str(part.extension_days) if part.extension_days else "",
                    outcome,
                ]
            )
        _fill(
            self.parts_model,
            [
                self.tr("Department"),
                self.tr("Items"),
                self.tr("State"),
                self.tr("Deadline"),
                self.tr("Extended"),
                self.tr("Decision"),
            ],
            rows,
        )
        procedures = [
            [
                procedure.department,
                procedure.kind,
                procedure.started_on.isoformat(),
                "" if procedure.ended_on is None else procedure.ended_on.isoformat(),
                str(procedure.counted_days) if procedure.ended_on is not None else "",
                procedure.reason,
                procedure.result,
            ]
            for procedure in case.procedures
        ]
        _fill(
            self.procedures_model,
            [
                self.tr("Department"),
                self.tr("Kind"),
                self.tr("From"),
                self.tr("Until"),
                self.tr("Working days"),
                self.tr("Reason"),
                self.tr("Result"),
            ],
            procedures,
        )

    def _show_history(self, load: CaseLoad) -> None:
        if self.history is not None:
            self.history_box.removeWidget(self.history)
            self.history.deleteLater()
        self.history = history_table("review.history", load.events, load.names)
        self.history_box.addWidget(self.history)
