"""Small questions a decision or a mark needs: the supplement deadline, a written reason,
which attached files to take off a material, a yes-or-no confirmation.

Opened with ``open()`` (window-modal, not blocking), so the caller continues in ``chosen``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.case import MaterialFile
from ui.naming import described, named


def ok_cancel_buttons(
    dialog: QDialog, name: str, ok_text: str
) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (named ``{name}.ok``, saying ``ok_text``) and Cancel, which rejects ``dialog``."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = named(buttons.button(QDialogButtonBox.StandardButton.Ok), f"{name}.ok", ok_text)
    ok.setText(ok_text)
    described(ok, QCoreApplication.translate("Dialogs", "{action} (Enter)").format(action=ok_text))
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    # One context for every dialog: ``dialog.tr`` would look under each dialog's class name.
    cancel_text = QCoreApplication.translate("Dialogs", "Cancel")
    named(cancel, f"{name}.cancel", cancel_text)
    cancel.setText(cancel_text)
    described(cancel, QCoreApplication.translate("Dialogs", "Close without doing it (Esc)"))
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


class SupplementDeadlineDialog(QDialog):
    """容缺受理: by when the missing materials come; never later than the committed deadline.
    ``offered`` (the core's default, from the setting) is the date shown first."""

    chosen = Signal(object)

    def __init__(
        self, today: date, offered: date, committed: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intake.gapDialog")
        self.setWindowTitle(self.tr("Accept with gaps"))
        question = QLabel(
            self.tr("Supply the missing materials by (at the latest {committed}):").format(
                committed=committed.isoformat()
            )
        )
        question.setWordWrap(True)
        self.deadline = named(
            QDateEdit(), "intake.supplementDeadline", self.tr("Supplement deadline")
        )
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setDateRange(_qdate(today), _qdate(committed))
        self.deadline.setDate(_qdate(offered))
        buttons, self.ok = ok_cancel_buttons(self, "intake.gapDialog", self.tr("Accept with gaps"))
        buttons.accepted.connect(self._accept)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.deadline)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        self.chosen.emit(self.deadline.date().toPython())
        self.accept()


class ReasonDialog(QDialog):
    """A reason that must be written (不予受理, a defective material). OK (or Ctrl+Enter) with
    nothing written says so beside the box and keeps the dialog open."""

    chosen = Signal(str)

    def __init__(self, name: str, title: str, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        caption = QLabel(question)
        caption.setWordWrap(True)
        self.reason = named(QPlainTextEdit(), f"{name}.reason", question)
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumWidth(420)
        self.reason.setMaximumHeight(120)
        self.message = named(
            QLabel(), f"{name}.message", QCoreApplication.translate("Dialogs", "Reason message")
        )
        self.message.setProperty("role", "error")
        buttons, self.ok = ok_cancel_buttons(self, name, title)
        self.reason.textChanged.connect(self.message.clear)
        buttons.accepted.connect(self._accept)
        send = QShortcut(QKeySequence("Ctrl+Return"), self)
        send.activated.connect(self._accept)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        text = self.reason.toPlainText().strip()
        if not text:
            self.message.setText(QCoreApplication.translate("Dialogs", "Please write the reason"))
            self.reason.setFocus()
            return
        self.chosen.emit(text)
        self.accept()


class TickListDialog(QDialog):
    """A caption over lines to tick: Space ticks the current line, Enter (OK, only with a line
    ticked) gives the ticked lines' values to ``chosen``."""

    chosen = Signal(list)

    def __init__(
        self,
        name: str,
        title: str,
        caption: str,
        list_name: str,
        ok_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        label = QLabel(caption)
        label.setWordWrap(True)
        self.list = named(QListWidget(), list_name, caption)
        self.list.setMinimumWidth(420)
        self._values: list[Any] = []
        buttons, self.ok = ok_cancel_buttons(self, name, ok_text)
        self.ok.setEnabled(False)
        self.list.itemChanged.connect(lambda _: self.ok.setEnabled(bool(self.ticked())))
        buttons.accepted.connect(self._accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def add_line(self, text: str, value: Any, ticked: bool = False) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, len(self._values))
        self._values.append(value)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.list.addItem(item)
        self.ok.setEnabled(bool(self.ticked()))
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)

    def ticked(self) -> list[Any]:
        items = (self.list.item(row) for row in range(self.list.count()))
        return [
            self._values[int(item.data(Qt.ItemDataRole.UserRole))]
            for item in items
            if item.checkState() is Qt.CheckState.Checked
        ]

    def _accept(self) -> None:
        ticked = self.ticked()
        if ticked:
            self.chosen.emit(ticked)
            self.accept()


class DetachFilesDialog(TickListDialog):
    """Take attached files off a material (``chosen`` gets their sha256s). The stored copies
    stay until the start-up sweep finds them unused."""

    def __init__(
        self, material_name: str, files: tuple[MaterialFile, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "materials.detachDialog",
            self.tr("Remove files"),
            self.tr("Tick the files to take off “{name}”:").format(name=material_name),
            "materials.detachFiles",
            self.tr("Remove"),
            parent,
        )
        for file in files:
            self.add_line(f"{file.name}  ({file.size // 1024 + 1} KB)", file.sha256)


class ConfirmDialog(QDialog):
    """A yes-or-no question in one line; Enter says yes, Esc no."""

    def __init__(
        self, name: str, title: str, question: str, yes_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        buttons, self.ok = ok_cancel_buttons(self, name, yes_text)
        self.ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        text = QLabel(question)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
