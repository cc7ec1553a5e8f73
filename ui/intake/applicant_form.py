"""The middle column's applicant: a person or an organisation, and an optional agent (代理人).

Every field is checked as it is typed (see ``checked_field``). A complete, valid ID number or
credit code asks the workspace to look the applicant up (``lookupWanted``); a person found
there is offered in a small bar, filled in with Enter or its button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.case import Agent, Applicant, ApplicantKind
from clerk_desk.domain.identity import (
    DEFAULT_DOCUMENT_KIND,
    DocumentKind,
    mask_phone,
    validate_phone,
)
from clerk_desk.domain.limits import ADDRESS_MAX, NAME_MAX
from ui.intake.checked_field import CheckedField, credit_code_check, document_check, phone_check
from ui.naming import described, named


class ApplicantForm(QWidget):
    changed = Signal()
    agentToggled = Signal(bool)
    lookupWanted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake.applicant")
        self._loading = False
        self._offered: Applicant | None = None

        self.kind = named(QComboBox(), "applicant.kind", self.tr("Applicant kind"))
        self.kind.addItem(self.tr("Individual"), ApplicantKind.INDIVIDUAL.value)
        self.kind.addItem(self.tr("Organisation"), ApplicantKind.ORGANISATION.value)
        self.name = named(QLineEdit(), "applicant.name", self.tr("Applicant's name"))
        self.id_kind = self._document_kinds("applicant.idKind", self.tr("Applicant's document"))
        self.id_number = CheckedField(
            "applicant.idNumber",
            self.tr("Applicant's ID number"),
            document_check(lambda: DocumentKind(self.id_kind.currentData())),
        )
        self.org_name = named(QLineEdit(), "applicant.orgName", self.tr("Organisation's name"))
        self.credit_code = CheckedField(
            "applicant.creditCode", self.tr("Unified social credit code"), credit_code_check()
        )
        self.legal_rep = named(QLineEdit(), "applicant.legalRep", self.tr("Legal representative"))
        self.phone = CheckedField("applicant.phone", self.tr("Phone"), phone_check())
        self.address = named(QLineEdit(), "applicant.address", self.tr("Address"))
        self.returning = self._returning_bar()

        self.has_agent = named(
            QCheckBox(self.tr("Applied for by an agent (代办)")),
            "applicant.hasAgent",
            self.tr("Applied for by an agent"),
        )
        self.agent_name = named(QLineEdit(), "agent.name", self.tr("Agent's name"))
        self.agent_id_kind = self._document_kinds("agent.idKind", self.tr("Agent's document"))
        self.agent_id = CheckedField(
            "agent.idNumber",
            self.tr("Agent's ID number"),
            document_check(lambda: DocumentKind(self.agent_id_kind.currentData())),
        )
        self.agent_phone = CheckedField("agent.phone", self.tr("Agent's phone"), phone_check())

        for line_edit, most in (
            (self.name, NAME_MAX),
            (self.org_name, NAME_MAX),
            (self.legal_rep, NAME_MAX),
            (self.address, ADDRESS_MAX),
            (self.agent_name, NAME_MAX),
        ):
            line_edit.setMaxLength(most)  # the platform's limits (clerk_desk.domain.limits)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(10)
        self.form.setVerticalSpacing(6)
        self.rows: dict[str, QWidget] = {}
        for key, text, field in (
            ("kind", self.tr("&Applicant"), self.kind),
            ("name", self.tr("&Name"), self.name),
            ("idKind", self.tr("Document"), self.id_kind),
            ("idNumber", self.tr("ID numbe&r"), self.id_number),
            ("orgName", self.tr("Organisation"), self.org_name),
            ("creditCode", self.tr("Credit &code"), self.credit_code),
            ("legalRep", self.tr("Legal rep."), self.legal_rep),
            ("returning", "", self.returning),
            ("phone", self.tr("&Phone"), self.phone),
            ("address", self.tr("A&ddress"), self.address),
            ("hasAgent", "", self.has_agent),
            ("agentName", self.tr("Agent"), self.agent_name),
            ("agentIdKind", self.tr("Agent's document"), self.agent_id_kind),
            ("agentId", self.tr("Agent's ID no."), self.agent_id),
            ("agentPhone", self.tr("Agent's phone"), self.agent_phone),
        ):
            caption = QLabel(text)
            focus = field.edit if isinstance(field, CheckedField) else field
            caption.setBuddy(focus)
            self.form.addRow(caption, field)
            self.rows[key] = field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)

        for edit in (self.name, self.org_name, self.legal_rep, self.address, self.agent_name):
            edit.textChanged.connect(self._changed)
        for checked in (self.id_number, self.credit_code, self.phone, self.agent_id):
            checked.edit.textChanged.connect(self._changed)
        self.agent_phone.edit.textChanged.connect(self._changed)
        for combo in (self.kind, self.id_kind, self.agent_id_kind):
            combo.currentIndexChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._show_rows)
        self.id_kind.currentIndexChanged.connect(self.id_number.show_full)
        self.agent_id_kind.currentIndexChanged.connect(self.agent_id.show_full)
        self.has_agent.toggled.connect(self._agent_toggled)
        self.id_number.valid.connect(self._look_up)
        self.credit_code.valid.connect(self._look_up)
        self.id_number.edit.installEventFilter(self)
        self.credit_code.edit.installEventFilter(self)
        self._show_rows()

    def _document_kinds(self, name: str, accessible: str) -> QComboBox:
        combo = named(QComboBox(), name, accessible)
        for kind in DocumentKind:
            combo.addItem(kind.label, kind.value)
        return combo

    def _returning_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("applicant.returning")
        bar.setProperty("role", "banner")
        self.returning_text = named(
            QLabel(), "applicant.returningText", self.tr("Returning applicant")
        )
        self.returning_text.setProperty("role", "banner")
        # Wraps within the column rather than widening the form past the column's edge.
        self.returning_text.setWordWrap(True)
        self.returning_text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.returning_fill = named(
            QPushButton(self.tr("Enter Fill in")),
            "applicant.returningFill",
            self.tr("Fill in the returning applicant"),
        )
        described(self.returning_fill, self.tr("Fill in the returning applicant"))
        self.returning_fill.setAutoDefault(False)
        self.returning_fill.clicked.connect(self.fill_returning)
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.returning_text, 1)
        layout.addWidget(self.returning_fill)
        bar.hide()
        return bar

    @property
    def organisation(self) -> bool:
        return bool(self.kind.currentData() == ApplicantKind.ORGANISATION.value)

    def _show_rows(self) -> None:
        organisation = self.organisation
        for key in ("name", "idKind", "idNumber"):
            self.form.setRowVisible(self.rows[key], not organisation)
        for key in ("orgName", "creditCode", "legalRep"):
            self.form.setRowVisible(self.rows[key], organisation)
        for key in ("agentName", "agentIdKind", "agentId", "agentPhone"):
            self.form.setRowVisible(self.rows[key], self.has_agent.isChecked())
        self.form.setRowVisible(self.rows["returning"], self._offered is not None)

    def _agent_toggled(self, checked: bool) -> None:
        self._show_rows()
        if not self._loading:
            self.agentToggled.emit(checked)
            self.changed.emit()

    def _changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    # The returning applicant ------------------------------------------------------------

    def _look_up(self, number: str) -> None:
        if not self._loading:
            self.lookupWanted.emit(number)

    def offer_returning(self, applicant: Applicant | None) -> None:
        """Offer ``applicant`` (found by the number just typed) unless it is already filled."""
        current = self.to_applicant()
        same = applicant is not None and (
            applicant.name == current.name
            and (not applicant.phone or _phone(applicant.phone) == _phone(current.phone))
        )
        self._offered = None if applicant is None or same else applicant
        if self._offered is not None:
            phone = mask_phone(self._offered.phone) if self._offered.phone else ""
            self.returning_text.setText(
                self.tr("This number has applied before: {name} {phone}").format(
                    name=self._offered.name, phone=phone
                )
            )
        self._show_rows()

    def fill_found(self, applicant: Applicant) -> None:
        """Fill in a returning applicant found by the number typed, phone as clerks write it."""
        self.load(applicant, None)
        self.phone.set_text(validate_phone(applicant.phone).written or applicant.phone)

    def fill_returning(self) -> None:
        offered = self._offered
        if offered is None:
            return
        if offered.kind is ApplicantKind.ORGANISATION:
            self.org_name.setText(offered.name)
            self.legal_rep.setText(offered.legal_representative)
        else:
            self.name.setText(offered.name)
        self.phone.set_text(validate_phone(offered.phone).written or offered.phone)
        self.address.setText(offered.address)
        self._offered = None
        self._show_rows()
        self.phone.edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self._offered is not None
        ):
            self.fill_returning()
            return True
        return super().eventFilter(watched, event)

    # To and from the case ---------------------------------------------------------------

    def to_applicant(self) -> Applicant:
        if self.organisation:
            return Applicant(
                kind=ApplicantKind.ORGANISATION,
                name=self.org_name.text().strip(),
                credit_code=self.credit_code.text().strip(),
                legal_representative=self.legal_rep.text().strip(),
                phone=self.phone.text().strip(),
                address=self.address.text().strip(),
            )
        return Applicant(
            kind=ApplicantKind.INDIVIDUAL,
            name=self.name.text().strip(),
            id_kind=DocumentKind(self.id_kind.currentData()),
            id_number=self.id_number.text().strip(),
            phone=self.phone.text().strip(),
            address=self.address.text().strip(),
        )

    def to_agent(self) -> Agent | None:
        if not self.has_agent.isChecked():
            return None
        return Agent(
            name=self.agent_name.text().strip(),
            id_kind=DocumentKind(self.agent_id_kind.currentData()),
            id_number=self.agent_id.text().strip(),
            phone=self.agent_phone.text().strip(),
        )

    def load(self, applicant: Applicant, agent: Agent | None) -> None:
        """Show a stored draft's applicant and agent (no change signals while loading)."""
        self._loading = True
        try:
            organisation = applicant.kind is ApplicantKind.ORGANISATION
            self.kind.setCurrentIndex(self.kind.findData(applicant.kind.value))
            self.name.setText("" if organisation else applicant.name)
            self.org_name.setText(applicant.name if organisation else "")
            self.id_kind.setCurrentIndex(self.id_kind.findData(applicant.id_kind.value))
            self.id_number.set_text(applicant.id_number)
            self.credit_code.set_text(applicant.credit_code)
            self.legal_rep.setText(applicant.legal_representative)
            self.phone.set_text(applicant.phone)
            self.address.setText(applicant.address)
            self.has_agent.setChecked(agent is not None)
            agent = agent or Agent()
            self.agent_name.setText(agent.name)
            kind = agent.id_kind or DEFAULT_DOCUMENT_KIND
            self.agent_id_kind.setCurrentIndex(self.agent_id_kind.findData(kind.value))
            self.agent_id.set_text(agent.id_number)
            self.agent_phone.set_text(agent.phone)
            self._offered = None
        finally:
            self._loading = False
        self._show_rows()

    def clear(self) -> None:
        self.load(Applicant(), None)
        for field in (self.id_number, self.credit_code, self.phone, self.agent_id):
            field.message.hide()


def _phone(text: str) -> str:
    """A phone in its stored form, so a number filled in compares equal to the one found."""
    check = validate_phone(text)
    return check.value if check.ok else text.strip()
