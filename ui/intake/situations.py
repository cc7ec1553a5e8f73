"""情形: the catalog's short questions that narrow the material list, one row of choices each.

Questions shared by several items of a bundle are asked once. 本人 / 代办 is not asked here:
naming an agent in the applicant form answers it (see ``clerk_desk.domain.materials``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.catalog import ServiceItem, Situation
from clerk_desk.domain.materials import APPLICANT_QUESTION
from ui.naming import named

# Options per row by the length of the longest label, so long labels wrap to more rows
# instead of widening the column.
_COLUMNS_BY_LENGTH = ((6, 3), (12, 2))


class SituationsPanel(QWidget):
    answered = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake.situations")
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(4)
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[tuple[str, str], QRadioButton] = {}
        self.hide()

    def set_items(self, items: Sequence[ServiceItem], answers: Mapping[str, str]) -> None:
        """Ask every question of ``items`` once, with ``answers`` already chosen.

        The rows are rebuilt; the option that had the focus gets it back, so answering by
        keyboard goes on where it was.
        """
        focused = next((key for key, button in self.buttons.items() if button.hasFocus()), None)
        while self.rows.count():
            child = self.rows.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        self.groups.clear()
        self.buttons.clear()
        questions: dict[str, Situation] = {}
        for item in items:
            for situation in item.situations:
                if situation.key != APPLICANT_QUESTION:
                    questions.setdefault(situation.key, situation)
        if questions:
            caption = QLabel(self.tr("Situation"))
            caption.setProperty("role", "subtitle")
            self.rows.addWidget(caption)
        for situation in questions.values():
            question = QLabel(situation.question)
            question.setProperty("role", "muted")
            self.rows.addWidget(question)
            self.rows.addWidget(self._choices(situation, answers.get(situation.key)))
        self.setVisible(bool(questions))
        if focused in self.buttons:
            self.buttons[focused].setFocus()

    def _toggled(self, checked: bool) -> None:
        button = self.sender()
        if checked and button is not None:
            self.answered.emit(button.property("situation"), button.property("option"))

    def _choices(self, situation: Situation, answer: str | None) -> QWidget:
        box = QWidget()
        box.setObjectName(f"situation.{situation.key}")
        layout = QGridLayout(box)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(2)
        longest = max((len(option.label) for option in situation.options), default=0)
        columns = next((n for limit, n in _COLUMNS_BY_LENGTH if longest <= limit), 1)
        group = QButtonGroup(box)
        for position, option in enumerate(situation.options):
            button = named(
                QRadioButton(option.label),
                f"situation.{situation.key}.{option.key}",
                f"{situation.question}：{option.label}",
            )
            button.setChecked(option.key == answer)
            button.setProperty("situation", situation.key)
            button.setProperty("option", option.key)
            button.toggled.connect(self._toggled)
            group.addButton(button)
            layout.addWidget(button, position // columns, position % columns)
            self.buttons[(situation.key, option.key)] = button
        layout.setColumnStretch(columns, 1)
        self.groups[situation.key] = group
        return box
