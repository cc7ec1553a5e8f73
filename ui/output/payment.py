"""收费: the fee due, how it was paid, and the form to take a payment at the window.

The amount is prefilled with what is outstanding and checked as typed (the service takes only
the whole amount). A payment made with the payment code and reported back by the platform
arrives with a pull and shows here as paid; nothing is asked of the clerk then.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from clerk_desk.domain.case import Case, Payment, PaymentMethod
from clerk_desk.domain.limits import NAME_MAX
from ui.naming import named
from ui.output.fields import FieldMessage, stacked
from ui.theme import set_role

PLATFORM = "platform"
CENT = Decimal("0.01")


class PaymentForm(QWidget):
    """What is due and paid; method, amount and payer; ``submitted`` on Enter."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("output.payment")
        self.due = Decimal("0.00")
        self.state = named(QLabel(), "output.feeState", self.tr("Fee and payment state"))
        self.state.setWordWrap(True)
        self.method = named(QComboBox(), "output.payMethod", self.tr("Payment method"))
        for method, text in (
            (PaymentMethod.CASH, self.tr("Cash")),
            (PaymentMethod.CARD, self.tr("Bank card")),
            (PaymentMethod.CODE, self.tr("Payment code")),
        ):
            self.method.addItem(text, method.value)
        self.amount = named(QLineEdit(), "output.payAmount", self.tr("Amount paid (yuan)"))
        self.payer = named(QLineEdit(), "output.payer", self.tr("Payer"))
        self.payer.setMaxLength(NAME_MAX)
        self.messages = {
            "amount": FieldMessage("output.payAmountError", self.tr("Amount message")),
            "payer": FieldMessage("output.payerError", self.tr("Payer message")),
        }
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(10)
        self.form.setVerticalSpacing(6)
        self.form.addRow(self.tr("Fee"), self.state)
        self.fields: list[QWidget] = []
        for text, field, key in (
            (self.tr("&Method"), self.method, ""),
            (self.tr("Amou&nt"), self.amount, "amount"),
            (self.tr("Pa&yer"), self.payer, "payer"),
        ):
            caption = QLabel(text)
            caption.setBuddy(field)
            row = stacked(field, self.messages[key]) if key else field
            self.form.addRow(caption, row)
            self.fields.append(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        self.amount.textChanged.connect(self._check_amount)
        self.payer.textChanged.connect(lambda _: self.messages["payer"].say(""))
        for edit in (self.amount, self.payer):
            edit.returnPressed.connect(self.submitted)

    def load(self, case: Case, due: Decimal) -> None:
        self.due = due
        fee = Decimal(case.fee_due or "0.00")
        if fee == 0:
            text = self.tr("No fee for this case")
        elif due == 0:
            text = self.tr("{fee} yuan, paid: {payments}").format(
                fee=fee, payments="；".join(self._paid(p) for p in case.payments)
            )
        else:
            text = self.tr("{due} yuan due, not paid yet").format(due=due)
        self.state.setText(text)
        set_role(self.state, "error" if due > 0 else "")
        for row in self.fields:
            self.form.setRowVisible(row, due > 0)
        self.amount.setText(str(due) if due > 0 else "")
        self.payer.setText(case.applicant.name)
        for message in self.messages.values():
            message.say("")

    def _paid(self, payment: Payment) -> str:
        methods = {
            PaymentMethod.CASH: self.tr("cash"),
            PaymentMethod.CARD: self.tr("bank card"),
            PaymentMethod.CODE: self.tr("payment code"),
        }
        text = self.tr("{amount} yuan by {method} at {time}, No. {number}").format(
            amount=payment.amount,
            method=methods[payment.method],
            time=f"{payment.paid_at:%Y-%m-%d %H:%M}",
            number=payment.number,
        )
        if payment.collected_by == PLATFORM:
            text += self.tr(" (reported by the platform)")
        return text

    def _check_amount(self, text: str) -> None:
        """Quiet while empty or right; else the amount due, as the service would refuse."""
        if text.strip() and self.amount_paid() is None:
            self.messages["amount"].say(
                self.tr("The amount due is {due} yuan").format(due=self.due)
            )
        else:
            self.messages["amount"].say("")

    def amount_paid(self) -> str | None:
        """The amount typed as the service takes it ("80.00"), if it is the amount due."""
        try:
            typed = Decimal(self.amount.text().strip())
        except InvalidOperation:
            return None
        return str(typed.quantize(CENT)) if typed == self.due else None

    def checked_amount(self) -> str | None:
        """The amount to record; if it is wrong, say so beside it and put the cursor there."""
        amount = self.amount_paid()
        if amount is None:
            self.messages["amount"].say(
                self.tr("The amount due is {due} yuan").format(due=self.due)
            )
            self.amount.setFocus()
        return amount

    def payment_method(self) -> PaymentMethod:
        return PaymentMethod(self.method.currentData())

    def show_refusal(self, key: str, text: str) -> bool:
        message = self.messages.get(key)
        if message is None:
            return False
        message.say(text)
        return True
