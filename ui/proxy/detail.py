"""The chosen 代办 beside the list: the record in words, its history and its cases.

Enter (or a double-click) on a case asks to open it in 受理 (``caseOpened``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.naming import named
from ui.proxy.lines import ProxyLine
from ui.proxy.words import (
    applicant_text,
    callback_word,
    case_text,
    due_text,
    next_step_word,
    state_word,
    step_text,
)

UUID_ROLE = Qt.ItemDataRole.UserRole


class ProxyDetail(QWidget):
    caseOpened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proxy.detail")
        self.facts = named(QLabel(), "proxy.facts", self.tr("The proxy service"))
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        cases_title = QLabel(self.tr("&Cases"))
        cases_title.setProperty("role", "subtitle")
        self.cases = named(QListWidget(), "proxy.cases", self.tr("Cases of the proxy service"))
        self.cases.setToolTip(self.tr("Enter opens the case in intake"))
        self.cases.setMaximumHeight(120)
        cases_title.setBuddy(self.cases)
        history_title = QLabel(self.tr("&History"))
        history_title.setProperty("role", "subtitle")
        self.history = named(QListWidget(), "proxy.history", self.tr("Steps taken"))
        self.history.setWordWrap(True)
        history_title.setBuddy(self.history)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.facts)
        layout.addWidget(cases_title)
        layout.addWidget(self.cases)
        layout.addWidget(history_title)
        layout.addWidget(self.history, 1)
        self.cases.itemActivated.connect(lambda item: self.caseOpened.emit(item.data(UUID_ROLE)))
        self.show_line(None)

    def show_line(self, line: ProxyLine | None) -> None:
        self.cases.clear()
        self.history.clear()
        if line is None:
            self.facts.setText(self.tr("Choose a proxy service in the list, or F2 for a new one."))
            return
        self.facts.setText(self._facts(line))
        for case in line.cases:
            item = QListWidgetItem(case_text(case))
            item.setData(UUID_ROLE, case.uuid)
            self.cases.addItem(item)
        if self.cases.count():
            self.cases.setCurrentRow(0)
        for step in reversed(line.record.steps):
            self.history.addItem(step_text(step))

    def _facts(self, line: ProxyLine) -> str:
        record = line.record
        rows = [
            (self.tr("Number"), record.number),
            (self.tr("State"), state_word(record)),
            (self.tr("Applicant"), applicant_text(record.applicant, with_number=True)),
            (self.tr("Matters"), record.matters),
            (self.tr("Proxy staff"), record.staff_name or record.staff),
            (self.tr("Promised by"), record.due_on.isoformat()),
            (
                self.tr("Authorisation"),
                record.authorisation.name if record.authorisation else self.tr("not yet imported"),
            ),
        ]
        if record.pause_reason:
            resume = record.resume_on.isoformat() if record.resume_on else self.tr("not set")
            rows.append((self.tr("Paused"), f"{record.pause_reason}（{resume}）"))
        if record.end_note:
            rows.append((self.tr("End note"), record.end_note))
        if record.callback is not None:
            note = f"：{record.callback.note}" if record.callback.note else ""
            rows.append((self.tr("Call-back"), f"{callback_word(record)}{note}"))
        rows.append((self.tr("Next step"), f"{next_step_word(line)} {due_text(line)}".strip()))
        cells = "".join(
            f"<tr><td style='padding-right:10px'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<table>{cells}</table>"
