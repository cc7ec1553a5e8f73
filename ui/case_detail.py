"""The case view: the case as taken (items, applicant, checklist with marks) and its history.

The full ID number, name, phone and address are shown only to the roles that work with the
applicant in person (intake clerk, supervisor); everyone else sees them masked, as in lists
and on papers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.case import MARK_LABELS, ApplicantKind, Case, CaseEventRecord
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.case_states import (
    PROMISED_STATES,
    STATE_LABELS,
    CaseState,
    event_label,
)
from clerk_desk.domain.identity import (
    mask_address,
    mask_id_number,
    mask_name,
    mask_phone,
    validate_phone,
)
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.i18n import translate
from ui.naming import named

if TYPE_CHECKING:
    from clerk_desk.desk import Desk

FULL_DATA_ROLES = frozenset({Role.INTAKE_CLERK, Role.SUPERVISOR})
MIN_ROWS_SHOWN = 3
TITLE_BAR = 40  # a window manager's, left out of the screen's available height
ROW_PADDING = 12


CaseWithHistory = tuple[Case | None, list[CaseEventRecord], dict[str, str]]


def case_with_history(desk: Desk, uuid: str) -> CaseWithHistory:
    """What the case view shows, read on the database thread: the case (``None`` if gone),
    its history, and the staff's display names by username."""
    return (
        desk.intake.case(uuid),
        desk.intake.events(uuid),
        {account.username: account.display_name for account in desk.accounts.accounts()},
    )


def may_see_full_data(clerk: Clerk) -> bool:
    return any(clerk.has_role(role) for role in FULL_DATA_ROLES)


class _Shown:
    """The applicant's personal data as this clerk may see it."""

    def __init__(self, full: bool) -> None:
        self.full = full

    def name(self, name: str) -> str:
        return name if self.full else mask_name(name)

    def id_number(self, number: str) -> str:
        return number if self.full else mask_id_number(number)

    def phone(self, phone: str) -> str:
        if not phone:
            return ""
        return (validate_phone(phone).written or phone) if self.full else mask_phone(phone)

    def address(self, address: str) -> str:
        return address if self.full else mask_address(address)


def _minutes(value: object) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


def _read_only_table(
    object_name: str, accessible_name: str, headers: Sequence[str], rows: Sequence[Sequence[str]]
) -> QTableView:
    """A small table (a checklist, a history): a few rows, shown whole."""
    model = QStandardItemModel(len(rows), len(headers))
    model.setHorizontalHeaderLabels(list(headers))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QStandardItem(text)
            item.setToolTip(text)
            model.setItem(r, c, item)
    table = named(QTableView(), object_name, accessible_name)
    table.setModel(model)
    model.setParent(table)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    # At least a few rows in view (all of a short list), whatever the text size.
    shown = max(1, min(len(rows), MIN_ROWS_SHOWN))
    row_height = max(
        table.verticalHeader().defaultSectionSize(),
        table.fontMetrics().lineSpacing() + ROW_PADDING,
    )
    frame = 2 * table.frameWidth()
    table.setMinimumHeight(
        table.horizontalHeader().sizeHint().height() + shown * row_height + frame
    )
    return table


class CaseDetailDialog(QDialog):
    # The case number of a case awaiting a supplement, to take up again in 受理.
    takeUp = Signal(str)

    def __init__(
        self,
        case: Case,
        events: Sequence[CaseEventRecord],
        clerk: Clerk,
        parent: QWidget | None = None,
        names: Mapping[str, str] | None = None,
    ) -> None:
        """``names`` gives the person's name of the desk's user names, for the history."""
        super().__init__(parent)
        self.case = case
        self.names = dict(names or {})
        self.shown = _Shown(may_see_full_data(clerk))
        self.setObjectName("caseDetail")
        number = display_case_no(case.case_no) if case.case_no else case.number_label
        self.setWindowTitle(self.tr("Case {number}").format(number=number))
        title = self._value("caseDetail.caseNo", number)
        title.setProperty("role", "title")
        self.materials = self._materials_table()
        self.history = self._history_table(events)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = named(
            buttons.button(QDialogButtonBox.StandardButton.Close),
            "caseDetail.close",
            self.tr("Close"),
        )
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.take_up_button: QPushButton | None = None
        if case.state is CaseState.AWAITING_SUPPLEMENT and self.shown.full and case.case_no:
            # The applicant is back with the supplement: Enter takes the case up in 受理.
            text = self.tr("Take up the supplement")
            self.take_up_button = named(QPushButton(text), "caseDetail.takeUp", text)
            self.take_up_button.setDefault(True)
            buttons.addButton(self.take_up_button, QDialogButtonBox.ButtonRole.ActionRole)
            case_no = case.case_no
            self.take_up_button.clicked.connect(lambda: self._take_up(case_no))
        # The case and the applicant side by side; the whole scrolls above the buttons when
        # the screen is short for the text size.
        boxes = QHBoxLayout()
        boxes.setSpacing(12)
        boxes.addWidget(self._facts_box(), 1)
        boxes.addWidget(self._applicant_box(), 1)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addLayout(boxes)
        inner.addWidget(self._titled(self.tr("Materials"), self.materials), 1)
        inner.addWidget(self._titled(self.tr("History"), self.history), 1)
        scroll = QScrollArea()
        scroll.setObjectName("caseDetail.scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        available = self.screen().availableGeometry()
        self.resize(min(960, available.width()), min(720, available.height() - TITLE_BAR))
        (self.take_up_button or close).setFocus()

    def _take_up(self, number: str) -> None:
        self.takeUp.emit(number)
        self.accept()

    def _value(self, object_name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(object_name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def _titled(self, title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(content)
        return box

    def _form(self, title: str, rows: Sequence[tuple[str, str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for caption, object_name, text in rows:
            form.addRow(caption, self._value(object_name, text))
        return box

    def _facts_box(self) -> QGroupBox:
        case = self.case
        deadline = ""
        if case.state not in PROMISED_STATES:
            pass  # no promise before acceptance, nor for a case not accepted
        elif case.items and all(item.promised_limit_days == 0 for item in case.items):
            deadline = self.tr("On the spot")
        elif case.committed_deadline is not None:
            deadline = case.committed_deadline.isoformat()
            if case.deadline_provisional:
                deadline = self.tr("{date} (provisional)").format(date=deadline)
        rows = [
            (self.tr("State"), "caseDetail.state", translate("core", STATE_LABELS[case.state])),
            (self.tr("Items"), "caseDetail.items", "、".join(i.name for i in case.items)),
            (self.tr("Received at"), "caseDetail.receivedAt", _minutes(case.received_at)),
            (self.tr("Decided at"), "caseDetail.decidedAt", _minutes(case.decided_at)),
            (self.tr("Committed deadline"), "caseDetail.deadline", deadline),
        ]
        if case.supplement_deadline is not None:
            rows.append(
                (
                    self.tr("Supplement by"),
                    "caseDetail.supplementDeadline",
                    case.supplement_deadline.isoformat(),
                )
            )
        return self._form(self.tr("Case"), rows)

    def _applicant_box(self) -> QGroupBox:
        applicant = self.case.applicant
        shown = self.shown
        if applicant.kind is ApplicantKind.ORGANISATION:
            rows = [
                (self.tr("Organisation"), "caseDetail.applicantName", applicant.name),
                (self.tr("Credit code"), "caseDetail.idNumber", applicant.credit_code),
                (
                    self.tr("Legal representative"),
                    "caseDetail.legalRepresentative",
                    shown.name(applicant.legal_representative),
                ),
            ]
        else:
            rows = [
                (self.tr("Name"), "caseDetail.applicantName", shown.name(applicant.name)),
                (
                    applicant.id_kind.label,
                    "caseDetail.idNumber",
                    shown.id_number(applicant.id_number),
                ),
            ]
        rows.append((self.tr("Phone"), "caseDetail.phone", shown.phone(applicant.phone)))
        rows.append((self.tr("Address"), "caseDetail.address", shown.address(applicant.address)))
        agent = self.case.agent
        if agent is not None:
            text = (
                f"{shown.name(agent.name)} {agent.id_kind.label} {shown.id_number(agent.id_number)}"
            )
            rows.append((self.tr("Agent"), "caseDetail.agent", text))
        return self._form(self.tr("Applicant"), rows)

    def _materials_table(self) -> QTableView:
        rows = [
            (
                material.name,
                translate("core", MARK_LABELS[material.mark]),
                f"{material.received_form} × {material.received_copies}"
                if material.received_copies
                else "",
                material.note,
            )
            for material in self.case.materials
        ]
        headers = (self.tr("Material"), self.tr("Mark"), self.tr("Taken"), self.tr("Note"))
        return _read_only_table("caseDetail.materials", self.tr("Materials"), headers, rows)

    def _history_table(self, events: Sequence[CaseEventRecord]) -> QTableView:
        return history_table("caseDetail.history", events, self.names)


def history_table(
    object_name: str, events: Sequence[CaseEventRecord], names: Mapping[str, str]
) -> QTableView:
    """A case's history: when, which step, from which state to which, by whom, why.
    ``names`` gives the person's name of the desk's user names."""
    rows = [
        (
            _minutes(event.at),
            translate("core", event_label(event.event)),
            f"{translate('core', STATE_LABELS[event.from_state])} → "
            f"{translate('core', STATE_LABELS[event.to_state])}",
            names.get(event.by, event.by),
            event.reason,
        )
        for event in events
    ]
    headers = (
        QCoreApplication.translate("CaseDetailDialog", "Time"),
        QCoreApplication.translate("CaseDetailDialog", "Step"),
        QCoreApplication.translate("CaseDetailDialog", "State"),
        QCoreApplication.translate("CaseDetailDialog", "By"),
        QCoreApplication.translate("CaseDetailDialog", "Reason"),
    )
    history = QCoreApplication.translate("CaseDetailDialog", "History")
    return _read_only_table(object_name, history, headers, rows)
