"""新建代办: the applicant (the intake's own form, without its agent part: the 代办员 is the
signed-in clerk), what they want done in their words, the catalog items meant, and the date
promised (the items' longest promised limit by default, until the clerk sets another)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.case import Applicant
from clerk_desk.errors import UserError
from clerk_desk.services.item_search import ItemSearchIndex
from ui.desk_worker import DeskWorker
from ui.intake.applicant_form import ApplicantForm
from ui.intake.dialogs import ok_cancel_buttons
from ui.intake.item_chooser import ItemChooser
from ui.naming import named
from ui.proxy.steps import Step, step_label
from ui.theme import set_role

if TYPE_CHECKING:
    from clerk_desk.desk import Desk


@dataclass(frozen=True)
class NewProxy:
    applicant: Applicant
    matters: str
    item_codes: tuple[str, ...]
    due_on: date


class NewProxyDialog(QDialog):
    submitted = Signal(object)  # NewProxy

    def __init__(self, worker: DeskWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proxy.newDialog")
        title = step_label(Step.NEW)
        self.setWindowTitle(title)
        self.worker = worker
        self.codes: list[str] = []
        self._due_set_by_clerk = False
        self._setting_due = False

        self.applicant = ApplicantForm()
        # The 代办员 acts for the applicant: no agent (代理人) on the record itself.
        self.applicant.form.setRowVisible(self.applicant.rows["hasAgent"], False)
        self.matters = named(QPlainTextEdit(), "proxy.matters", self.tr("Matters"))
        self.matters.setTabChangesFocus(True)
        self.matters.setFixedHeight(80)
        self.matters.setPlaceholderText(self.tr("What the applicant wants done, in their words"))
        self.due = named(QDateEdit(), "proxy.due", self.tr("Promised by"))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.dateChanged.connect(self._due_changed)
        self.chooser = ItemChooser(self, worker)
        self.chooser.itemsChosen.connect(lambda codes: self._set_codes([*self.codes, *codes]))
        self.chooser.itemRemoved.connect(
            lambda code: self._set_codes([c for c in self.codes if c != code])
        )
        self.message = named(QLabel(), "proxy.newDialog.message", self.tr("Why it was refused"))
        self.message.setWordWrap(True)
        set_role(self.message, "error")

        # Under the applicant's rows, aligned with them.
        matters_caption = QLabel(self.tr("&Matters"))
        matters_caption.setBuddy(self.matters)
        due_caption = QLabel(self.tr("D&ue date"))
        due_caption.setBuddy(self.due)
        self.applicant.form.addRow(matters_caption, self.matters)
        self.applicant.form.addRow(due_caption, self.due)
        left = QVBoxLayout()
        left.addWidget(self.applicant)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(self.chooser, 2)
        buttons, self.ok = ok_cancel_buttons(self, "proxy.newDialog", title)
        self.ok.setToolTip(self.tr("Open the proxy service (Ctrl+Enter)"))
        buttons.accepted.connect(self.submit)
        send = QShortcut(QKeySequence("Ctrl+Return"), self)
        send.activated.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(60 * self.fontMetrics().horizontalAdvance("审"))

        worker.run(lambda desk: ItemSearchIndex.from_catalog(desk.catalog), self._index_arrived)
        self._set_codes([])
        self.applicant.kind.setFocus()

    def _index_arrived(self, index: ItemSearchIndex) -> None:
        self.chooser.set_index(index)

    def _set_codes(self, codes: list[str]) -> None:
        """The chosen items, with their names and the date they let the service promise."""

        def job(desk: Desk) -> tuple[list[tuple[str, str]], date]:
            items = desk.intake.catalog_items(codes) if codes else []
            return [(i.basic_code, i.name) for i in items], desk.proxies.default_due(codes)

        self.worker.run(job, self._items_arrived, self.refuse)

    def _items_arrived(self, answer: tuple[list[tuple[str, str]], date]) -> None:
        items, due = answer
        self.codes = [code for code, _ in items]
        self.chooser.set_chosen(items)
        if not self._due_set_by_clerk:
            self._setting_due = True
            self.due.setDate(QDate(due.year, due.month, due.day))
            self._setting_due = False

    def _due_changed(self) -> None:
        if not self._setting_due:
            self._due_set_by_clerk = True

    def submit(self) -> None:
        self.message.clear()
        self.ok.setEnabled(False)
        self.submitted.emit(
            NewProxy(
                self.applicant.to_applicant(),
                self.matters.toPlainText().strip(),
                tuple(self.codes),
                _day(self.due.date()),
            )
        )

    def refuse(self, error: UserError) -> None:
        """The service's words above the buttons; everything typed stays."""
        self.ok.setEnabled(True)
        self.message.setText(error.render())

    def done_ok(self) -> None:
        self.accept()


def _day(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())
