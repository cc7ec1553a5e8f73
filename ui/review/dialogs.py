"""The small keyboard-first forms behind the review decisions.

Each dialog lays its fields out under their captions, keyed by the payload key the rules name
(``kind``, ``reason``, ``approved_by`` …). OK (Enter on a one-line field, Ctrl+Enter anywhere)
gives the values to ``submitted``; the dialog stays open until the workspace says the decision
was taken (:meth:`DecisionDialog.done_ok`) or refused: a refusal naming a field
(:class:`~clerk_desk.domain.review_rules.EventRefused`) is shown under that field and the
cursor goes there (:meth:`DecisionDialog.refuse`), everything typed stays. Esc cancels.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.limits import WORKING_DAYS_MAX
from clerk_desk.domain.review_rules import EXTENSION_MAX_DAYS, PAUSE_KINDS, EventRefused
from clerk_desk.errors import UserError
from ui.intake.dialogs import ok_cancel_buttons
from ui.naming import named
from ui.theme import align_spin_box, set_role

Field = QLineEdit | QPlainTextEdit | QComboBox | QSpinBox | QListWidget
TEXT_HEIGHT = 90


class DecisionDialog(QDialog):
    """The frame every decision form shares: captions, fields, a message under each."""

    submitted = Signal(dict)

    def __init__(self, name: str, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.name = name
        self.fields: dict[str, Field] = {}
        self.messages: dict[str, QLabel] = {}
        self.intro = named(QLabel(intro), f"{name}.intro", title)
        self.intro.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(1, 1)
        self.general = named(QLabel(), f"{name}.message", self.tr("Why the decision was refused"))
        self.general.setWordWrap(True)
        set_role(self.general, "error")
        buttons, self.ok = ok_cancel_buttons(self, name, title)
        self.ok.setDefault(True)
        buttons.accepted.connect(self.submit)
        send = QShortcut(QKeySequence("Ctrl+Return"), self)
        send.activated.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addLayout(self.grid)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        # About 36 Chinese characters wide, at any text size.
        self.setMinimumWidth(36 * self.fontMetrics().horizontalAdvance("审"))

    def add_field(self, key: str, caption: str, field: Field) -> None:
        """A field under ``key`` with its caption (a mnemonic with &) and its message line."""
        named(field, f"{self.name}.{key}", caption.replace("&", ""))
        label = QLabel(caption)
        label.setBuddy(field)
        if isinstance(field, QPlainTextEdit | QListWidget):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        else:
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if isinstance(field, QPlainTextEdit):
            field.setTabChangesFocus(True)
            field.setFixedHeight(TEXT_HEIGHT)
            field.textChanged.connect(lambda: self._clear(key))
        elif isinstance(field, QLineEdit):
            field.textChanged.connect(lambda _: self._clear(key))
        elif isinstance(field, QSpinBox):
            align_spin_box(field)
        message = named(QLabel(), f"{self.name}.{key}Message", self.tr("Message"))
        message.setWordWrap(True)
        set_role(message, "error")
        message.hide()
        row = self.grid.rowCount()
        self.grid.addWidget(label, row, 0)
        self.grid.addWidget(field, row, 1)
        self.grid.addWidget(message, row + 1, 1)
        self.fields[key] = field
        self.messages[key] = message

    def text_field(self, key: str, caption: str, text: str = "", lines: int = 1) -> None:
        if lines > 1:
            edit = QPlainTextEdit(text)
            self.add_field(key, caption, edit)
        else:
            self.add_field(key, caption, QLineEdit(text))

    def text(self, key: str) -> str:
        field = self.fields[key]
        if isinstance(field, QPlainTextEdit):
            return field.toPlainText().strip()
        if isinstance(field, QLineEdit):
            return field.text().strip()
        if isinstance(field, QComboBox):
            return str(field.currentData() or field.currentText())
        raise TypeError(key)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def submit(self) -> None:
        """Hand the values over; the dialog stays until the workspace answers."""
        self.general.clear()
        try:
            values = self.values()
        except EventRefused as refused:
            self.refuse(refused)
            return
        self.ok.setEnabled(False)
        self.submitted.emit(values)

    def refuse(self, error: UserError) -> None:
        """Show the refusal beside its field (or above the buttons) and keep what was typed."""
        self.ok.setEnabled(True)
        key = error.key if isinstance(error, EventRefused) else self._empty_reason()
        if key in self.messages:
            message = self.messages[key]
            message.setText(error.render())
            message.show()
            self.fields[key].setFocus()
        else:
            self.general.setText(error.render())

    def _empty_reason(self) -> str | None:
        """The life cycle refuses an event without its reason before any field is read,
        naming no field: that refusal belongs beside an empty reason."""
        return "reason" if "reason" in self.fields and not self.text("reason") else None

    def done_ok(self) -> None:
        self.accept()

    def _clear(self, key: str) -> None:
        self.messages[key].clear()
        self.messages[key].hide()


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class PauseDialog(DecisionDialog):
    """特别程序 (§45): kind, reason, basis, working days expected, who approved it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "review.pauseDialog",
            self.tr("Special procedure"),
            self.tr(
                "The time of the special procedure does not count; the applicant is told in "
                "writing (特别程序告知书)."
            ),
            parent,
        )
        kind = QComboBox()
        for name in PAUSE_KINDS:
            kind.addItem(name, name)
        self.add_field("kind", self.tr("&Kind"), kind)
        self.text_field("reason", self.tr("&Reason"), lines=3)
        self.text_field("basis", self.tr("&Basis"))
        self.add_field(
            "expected_days",
            self.tr("&Working days needed"),
            _spin(1, WORKING_DAYS_MAX, 5, self.tr(" working days")),
        )
        self.text_field("approved_by", self.tr("&Approved by"))
        kind.setFocus()

    def values(self) -> dict[str, Any]:
        days = self.fields["expected_days"]
        assert isinstance(days, QSpinBox)
        return {
            "kind": self.text("kind"),
            "reason": self.text("reason"),
            "basis": self.text("basis"),
            "expected_days": days.value(),
            "approved_by": self.text("approved_by"),
        }


class ResumeDialog(DecisionDialog):
    """恢复审批: the result of the special procedure; what resuming does to the clock is said."""

    def __init__(self, facts: str, parent: QWidget | None = None) -> None:
        super().__init__("review.resumeDialog", self.tr("Resume"), facts, parent)
        self.text_field("result", self.tr("&Result of the procedure"), lines=3)
        self.fields["result"].setFocus()

    def values(self) -> dict[str, Any]:
        return {"result": self.text("result")}


class ExtendDialog(DecisionDialog):
    """延长审批 (§42): once, up to 10 working days, approved by the head of the agency."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "review.extendDialog",
            self.tr("Extend the time limit"),
            self.tr(
                "Once per case part, by at most {days} working days, approved by the head of "
                "the agency; the applicant is told in writing (延长审批告知书)."
            ).format(days=EXTENSION_MAX_DAYS),
            parent,
        )
        self.add_field(
            "days",
            self.tr("&Working days added"),
            _spin(1, EXTENSION_MAX_DAYS, EXTENSION_MAX_DAYS, self.tr(" working days")),
        )
        self.text_field("reason", self.tr("&Reason"), lines=3)
        self.text_field("approved_by", self.tr("&Approved by"))
        self.text_field("basis", self.tr("&Basis"))
        self.fields["days"].setFocus()

    def values(self) -> dict[str, Any]:
        days = self.fields["days"]
        assert isinstance(days, QSpinBox)
        return {
            "days": days.value(),
            "reason": self.text("reason"),
            "approved_by": self.text("approved_by"),
            "basis": self.text("basis"),
        }


class ApproveDialog(DecisionDialog):
    """准予许可: the result's name (the item's, prefilled), and for a licence its number and
    the date it is valid until (YYYY-MM-DD)."""

    def __init__(self, result_name: str, licence: bool, parent: QWidget | None = None) -> None:
        intro = (
            self.tr("The result is a licence: its number and validity are required.")
            if licence
            else self.tr("The decision is printed for the applicant (准予许可决定书).")
        )
        super().__init__("review.approveDialog", self.tr("Approve"), intro, parent)
        self.text_field("result_name", self.tr("Result &name"), result_name)
        self.text_field("result_number", self.tr("Result n&umber"))
        self.text_field("valid_until", self.tr("&Valid until"))
        valid_until = self.fields["valid_until"]
        assert isinstance(valid_until, QLineEdit)
        valid_until.setPlaceholderText(self.tr("YYYY-MM-DD"))
        (self.fields["result_number"] if licence else self.fields["result_name"]).setFocus()

    def values(self) -> dict[str, Any]:
        written = self.text("valid_until")
        try:
            valid_until = date.fromisoformat(written) if written else None
        except ValueError as error:
            raise EventRefused(
                "valid_until",
                # 有效期至应为日期（YYYY-MM-DD）
                self.tr("“Valid until” must be a date (YYYY-MM-DD)"),
            ) from error
        return {
            "result_name": self.text("result_name"),
            "result_number": self.text("result_number"),
            "valid_until": valid_until,
        }


class DenyDialog(DecisionDialog):
    """不予许可: the reasons and the applicant's remedies (prefilled with the 复议机关)."""

    def __init__(self, remedies: str, parent: QWidget | None = None) -> None:
        super().__init__(
            "review.denyDialog",
            self.tr("Deny"),
            self.tr("The reasons and remedies are printed on the decision (不予许可决定书)."),
            parent,
        )
        self.text_field("reason", self.tr("&Reasons"), lines=3)
        self.text_field("remedies", self.tr("Re&medies"), remedies, lines=3)
        self.fields["reason"].setFocus()

    def values(self) -> dict[str, Any]:
        return {"reasons": self.text("reason"), "remedies": self.text("remedies")}


class SupplementDialog(DecisionDialog):
    """补正: tick the materials to bring (Space ticks), the reason and its basis."""

    def __init__(self, materials: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(
            "review.supplementDialog",
            self.tr("Request a supplement"),
            self.tr(
                "The case goes back to the window; the applicant is told what to bring "
                "(补正通知书)."
            ),
            parent,
        )
        ticks = QListWidget()
        for name in materials:
            item = QListWidgetItem(name)
            item.setCheckState(Qt.CheckState.Unchecked)
            ticks.addItem(item)
        ticks.setCurrentRow(0)
        ticks.setMinimumHeight(120)
        ticks.setWordWrap(True)
        ticks.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ticks.itemChanged.connect(lambda _: self._clear("materials"))
        self.add_field("materials", self.tr("&Materials"), ticks)
        self.text_field("reason", self.tr("&Reason"), lines=2)
        self.text_field("basis", self.tr("&Basis"))
        ticks.setFocus()

    def ticked(self) -> list[str]:
        ticks = self.fields["materials"]
        assert isinstance(ticks, QListWidget)
        return [
            ticks.item(row).text()
            for row in range(ticks.count())
            if ticks.item(row).checkState() is Qt.CheckState.Checked
        ]

    def values(self) -> dict[str, Any]:
        return {
            "materials": self.ticked(),
            "reason": self.text("reason"),
            "basis": self.text("basis"),
        }


class TerminateDialog(DecisionDialog):
    """终止: the case is closed; the reason is recorded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "review.terminateDialog",
            self.tr("Terminate"),
            self.tr("The case is closed for good; write why."),
            parent,
        )
        self.text_field("reason", self.tr("&Reason"), lines=3)
        self.fields["reason"].setFocus()

    def values(self) -> dict[str, Any]:
        return {"reason": self.text("reason")}
