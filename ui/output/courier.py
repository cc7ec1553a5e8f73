"""邮寄: the courier record of GB/T 39046-2020 table 15, and 签收 when the parcel arrived.

Offered only where every item of the case may go by courier; each field says beside it what
the service refused, and what was typed stays.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from clerk_desk.domain.case import Case
from clerk_desk.domain.identity import validate_phone
from clerk_desk.domain.limits import ADDRESS_MAX, NAME_MAX
from ui.intake.checked_field import CheckedField, phone_check
from ui.naming import named
from ui.output.fields import FieldMessage, stacked


class CourierForm(QWidget):
    """收件人, 地址, 电话, 快递公司, 物流单号; ``submitted`` on Enter in a field."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("output.courier")
        self.recipient = named(QLineEdit(), "output.recipient", self.tr("Recipient"))
        self.address = named(QLineEdit(), "output.address", self.tr("Delivery address"))
        self.phone = CheckedField("output.phone", self.tr("Recipient's phone"), phone_check())
        self.company = named(QLineEdit(), "output.company", self.tr("Courier company"))
        self.tracking = named(QLineEdit(), "output.tracking", self.tr("Tracking number"))
        self.company.setText(self.tr("China Post EMS"))
        for edit, most in (
            (self.recipient, NAME_MAX),
            (self.address, ADDRESS_MAX),
            (self.company, NAME_MAX),
            (self.tracking, NAME_MAX),
        ):
            edit.setMaxLength(most)
        self.messages = {
            key: FieldMessage(f"output.{name}Error", self.tr("{field} message").format(field=label))
            for key, name, label in (
                ("recipient", "recipient", self.tr("Recipient")),
                ("address", "address", self.tr("Delivery address")),
                ("company", "company", self.tr("Courier company")),
                ("tracking_number", "tracking", self.tr("Tracking number")),
            )
        }
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)
        rows: tuple[tuple[str, QLineEdit, QWidget], ...] = (
            (self.tr("Re&cipient"), self.recipient, self._with("recipient", self.recipient)),
            (self.tr("A&ddress"), self.address, self._with("address", self.address)),
            (self.tr("&Phone"), self.phone.edit, self.phone),
            (self.tr("Co&mpany"), self.company, self._with("company", self.company)),
            (self.tr("&Tracking no."), self.tracking, self._with("tracking_number", self.tracking)),
        )
        for text, edit, field in rows:
            caption = QLabel(text)
            caption.setBuddy(edit)
            form.addRow(caption, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        for line in (self.recipient, self.address, self.phone.edit, self.company, self.tracking):
            line.returnPressed.connect(self.submitted)
            line.textChanged.connect(self._clear_messages)

    def _with(self, key: str, edit: QLineEdit) -> QWidget:
        return stacked(edit, self.messages[key])

    def load(self, case: Case) -> None:
        """The applicant's name, address and phone as the first guess; the rest empty."""
        applicant = case.applicant
        self.recipient.setText(applicant.name)
        self.address.setText(applicant.address)
        self.phone.set_text(validate_phone(applicant.phone).written or applicant.phone)
        self.tracking.clear()
        self._clear_messages()

    def _clear_messages(self) -> None:
        for message in self.messages.values():
            message.say("")

    def show_refusal(self, key: str, text: str) -> bool:
        if key == "phone":
            self.phone.refuse(text)
            self.phone.edit.setFocus()
            return True
        message = self.messages.get(key)
        if message is None:
            return False
        message.say(text)
        return True

    def start(self) -> None:
        self.tracking.setFocus()


class DeliveredForm(QWidget):
    """签收: who signed for the parcel, for a shipped case."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("output.delivered")
        self.shipped = named(QLabel(), "output.shippedAs", self.tr("Courier record"))
        self.shipped.setWordWrap(True)
        self.signed_by = named(QLineEdit(), "output.signedBy", self.tr("Signed for by"))
        self.signed_by.setMaxLength(NAME_MAX)
        self.message = FieldMessage("output.signedByError", self.tr("Signed for by message"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(10)
        caption = QLabel(self.tr("&Signed by"))
        caption.setBuddy(self.signed_by)
        form.addRow(self.tr("Shipped"), self.shipped)
        form.addRow(caption, stacked(self.signed_by, self.message))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        self.signed_by.returnPressed.connect(self.submitted)
        self.signed_by.textChanged.connect(lambda _: self.message.say(""))

    def load(self, case: Case) -> None:
        delivery = case.delivery
        if delivery is not None:
            self.shipped.setText(
                self.tr("{company} {number} · to {recipient} · {at}").format(
                    company=delivery.company,
                    number=delivery.tracking_number,
                    recipient=delivery.recipient,
                    at=f"{delivery.at:%Y-%m-%d %H:%M}",
                )
            )
        self.signed_by.clear()
        self.message.say("")

    def show_refusal(self, key: str, text: str) -> bool:
        if key != "signed_by":
            return False
        self.message.say(text)
        return True

    def start(self) -> None:
        self.signed_by.setFocus()
