"""A message line under a field: where a refusal of that field is said, in words."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.naming import named
from ui.theme import set_role


class FieldMessage(QLabel):
    """Hidden while empty; ``say`` shows a problem (red) or a note (quiet)."""

    def __init__(self, name: str, accessible: str) -> None:
        super().__init__()
        named(self, name, accessible)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.hide()

    def say(self, text: str, error: bool = True) -> None:
        set_role(self, "error" if error else "muted")
        self.setText(("⚠ " + text) if text and error else text)
        self.setVisible(bool(text))


def stacked(field: QWidget, message: QLabel) -> QWidget:
    """``field`` over its message line, as one form row."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(message)
    return holder


def row_of(layout: QHBoxLayout) -> QWidget:
    """A row of widgets as one form field."""
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder
