"""领取人: who collects the result at the window, checked beside the fields as they type.

本人: the applicant in person; their ID number is checked against the case's as it is typed
(the same rule the service and the platform apply, ``output_rules.checked_collector``).
代理人: an agent, with name, document and the 授权委托书, shown when the case has it and
otherwise scanned (or imported) here. An 电子证照 number may be noted.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.case import ApplicantKind, Case
from clerk_desk.domain.identity import (
    DocumentKind,
    Validation,
    id_number_partial_ok,
    validate_document,
)
from clerk_desk.domain.limits import NAME_MAX
from clerk_desk.domain.output_rules import checked_collector
from clerk_desk.domain.review_rules import EventRefused
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message
from ui.intake.checked_field import ID_KINDS, CheckedField
from ui.naming import described, named
from ui.output.fields import FieldMessage, row_of, stacked

CONTEXT = "CollectorForm"
# 与申请人证件号码一致
MATCHES = QT_TRANSLATE_NOOP("CollectorForm", "Matches the applicant's ID number")
# 请先打开办件
NO_CASE = QT_TRANSLATE_NOOP("CollectorForm", "Open a case first")


class CollectorForm(QWidget):
    """The collector's fields; ``submitted`` when Enter is pressed in one of them."""

    submitted = Signal()
    scanWanted = Signal()
    importWanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("output.collector")
        self.case: Case | None = None
        self.attached = False
        self.scanned: Path | None = None
        self.in_person = named(
            QRadioButton(self.tr("&Applicant in person")),
            "output.collectorSelf",
            self.tr("Collected by the applicant in person"),
        )
        self.by_agent = named(
            QRadioButton(self.tr("A&gent")),
            "output.collectorAgent",
            self.tr("Collected by an agent"),
        )
        who = QButtonGroup(self)
        for button in (self.in_person, self.by_agent):
            who.addButton(button)
        self.in_person.setChecked(True)
        self.name = named(QLineEdit(), "output.collectorName", self.tr("Collector's name"))
        self.name.setMaxLength(NAME_MAX)
        self.id_kind = named(QComboBox(), "output.collectorIdKind", self.tr("Collector's document"))
        for kind in DocumentKind:
            self.id_kind.addItem(kind.label, kind.value)
        self.id_number = CheckedField(
            "output.collectorId", self.tr("Collector's ID number"), (self._check, self._typing)
        )
        self.authorisation = named(
            QLabel(), "output.authorisation", self.tr("Letter of authorisation")
        )
        self.authorisation.setWordWrap(True)
        self.scan_button = named(
            QPushButton(self.tr("F6 Scan")),
            "output.scanAuthorisation",
            self.tr("Scan the letter of authorisation"),
        )
        self.import_button = named(
            QPushButton(self.tr("Import…")),
            "output.importAuthorisation",
            self.tr("Import the letter of authorisation"),
        )
        for action in (self.scan_button, self.import_button):
            described(action, action.accessibleName())
            action.setAutoDefault(False)
        self.scan_button.clicked.connect(self.scanWanted)
        self.import_button.clicked.connect(self.importWanted)
        self.e_licence = named(
            QLineEdit(), "output.eLicence", self.tr("Electronic licence number (optional)")
        )
        self.e_licence.setMaxLength(NAME_MAX)
        self.messages = {
            "collector_name": FieldMessage("output.collectorNameError", self.tr("Name message")),
            "authorisation": FieldMessage(
                "output.authorisationError", self.tr("Letter of authorisation message")
            ),
            "e_licence_number": FieldMessage(
                "output.eLicenceError", self.tr("Electronic licence message")
            ),
        }
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(10)
        self.form.setVerticalSpacing(6)
        choice = QHBoxLayout()
        choice.addWidget(self.in_person)
        choice.addWidget(self.by_agent)
        choice.addStretch(1)
        authorisation = QHBoxLayout()
        authorisation.addWidget(self.authorisation, 1)
        authorisation.addWidget(self.scan_button)
        authorisation.addWidget(self.import_button)
        self.rows: dict[str, QWidget] = {}
        for key, text, field in (
            ("who", self.tr("Collector"), row_of(choice)),
            ("name", self.tr("&Name"), stacked(self.name, self.messages["collector_name"])),
            ("idKind", self.tr("Document"), self.id_kind),
            ("idNumber", self.tr("ID numbe&r"), self.id_number),
            (
                "authorisation",
                self.tr("Authorisation"),
                stacked(row_of(authorisation), self.messages["authorisation"]),
            ),
            (
                "eLicence",
                self.tr("E-licence no."),
                stacked(self.e_licence, self.messages["e_licence_number"]),
            ),
        ):
            caption = QLabel(text)
            caption.setBuddy(self._focus_of(key, field))
            self.form.addRow(caption, field)
            self.rows[key] = field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        self.in_person.toggled.connect(self._who_changed)
        self.id_kind.currentIndexChanged.connect(self.id_number.show_full)
        for edit in (self.name, self.id_number.edit, self.e_licence):
            edit.returnPressed.connect(self.submitted)
            edit.textChanged.connect(self._clear_messages)

    def _focus_of(self, key: str, field: QWidget) -> QWidget:
        return {
            "who": self.in_person,
            "name": self.name,
            "idNumber": self.id_number.edit,
            "authorisation": self.scan_button,
            "eLicence": self.e_licence,
        }.get(key, field)

    @property
    def agent(self) -> bool:
        return self.by_agent.isChecked()

    def kind(self) -> DocumentKind:
        return DocumentKind(self.id_kind.currentData())

    # The live check --------------------------------------------------------------------

    def _check(self, text: str) -> Validation:
        """The document's own check, then (for 本人) the applicant's number, by the rule."""
        if self.case is None:
            return Validation(text, (Message(NO_CASE, context=CONTEXT),))
        payload = {
            "collector_name": self.name.text().strip() or "-",
            "collector_id_kind": str(self.kind()),
            "collector_id_number": text,
            "collector_is_agent": self.agent,
            "authorisation": {"sha256": "-"},
        }
        try:
            value = checked_collector(self.case, payload, date.today())
        except EventRefused as refused:
            if refused.key != "collector_id_number":
                return Validation(text)
            return Validation(text, (refused.message,))
        notes = () if self.agent else (Message(MATCHES, context=CONTEXT),)
        return Validation(value, notes=notes)

    def _typing(self, text: str, result: Validation) -> bool:
        """Quiet while the number is incomplete; a whole number is checked at once."""
        complete = validate_document(self.kind(), text, date.today()).ok
        return not complete and self.kind() in ID_KINDS and id_number_partial_ok(text, date.today())

    # Showing a case --------------------------------------------------------------------

    def load(self, case: Case, attached: bool) -> None:
        """A new case: empty fields, 本人 unless the applicant is an organisation."""
        self.case = case
        self.attached = attached
        self.scanned = None
        organisation = case.applicant.kind is ApplicantKind.ORGANISATION
        self.in_person.setEnabled(not organisation)
        (self.by_agent if organisation else self.in_person).setChecked(True)
        self.name.setText("" if organisation else case.applicant.name)
        self.id_kind.setCurrentIndex(self.id_kind.findData(case.applicant.id_kind.value))
        self.id_number.set_text("")
        self.e_licence.clear()
        self._who_changed()

    def set_scanned(self, path: Path) -> None:
        self.scanned = path
        self._show_authorisation()
        self.messages["authorisation"].say("")

    def _who_changed(self) -> None:
        agent = self.agent
        self.form.setRowVisible(self.rows["authorisation"], agent)
        if self.case is not None and self.name.text() in ("", self.case.applicant.name):
            self.name.setText("" if agent else self.case.applicant.name)
        self._show_authorisation()
        self.id_number.show_full()
        self._clear_messages()

    def _show_authorisation(self) -> None:
        if self.scanned is not None:
            text = self.tr("Scanned here: {name}").format(name=self.scanned.name)
        elif self.attached:
            text = self.tr("Attached to the case ✓")
        else:
            text = self.tr("Not attached: scan it (F6) or import it")
        self.authorisation.setText(text)

    def _clear_messages(self) -> None:
        for message in self.messages.values():
            message.say("")

    def show_refusal(self, key: str, text: str) -> bool:
        """Say a refusal beside its field; False when it is not one of these fields."""
        if key == "collector_id_number":
            self.id_number.refuse(text)
            self.id_number.edit.setFocus()
            return True
        message = self.messages.get(key)
        if message is None:
            return False
        message.say(text)
        return True

    def start(self) -> None:
        """Focus where the clerk types first: the ID number (the name is prefilled for 本人)."""
        (self.name if self.agent else self.id_number.edit).setFocus()
