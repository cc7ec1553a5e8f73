"""The guided (帮办) intake's current page on the customer display: the step, the question,
its hint and what was answered so far (masked by the desk before it gets here), in the
display's large type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ui.display.feed import GuidedScreen
from ui.display.pages import MARGIN, card, label


class GuidedPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("display.guided")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, MARGIN // 2)
        layout.setSpacing(16)
        self.progress = label("display.guided.progress", self.tr("Progress"), "big")
        self.question = label("display.guided.question", self.tr("Question"), "huge")
        self.hint = label("display.guided.hint", self.tr("Hint"), "muted")
        self.answers_box, inner = card()
        self.answers_box.setObjectName("display.guided.answers")
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(8)
        self.grid.setColumnStretch(1, 1)
        inner.addLayout(self.grid)
        layout.addWidget(self.progress)
        layout.addWidget(self.question)
        layout.addWidget(self.hint)
        layout.addWidget(self.answers_box)
        layout.addStretch(1)
        self.lines: list[tuple[QLabel, QLabel]] = []

    def show_screen(self, screen: GuidedScreen) -> None:
        self.progress.setText(
            self.tr("Step {step} of {steps}").format(step=screen.step, steps=screen.steps)
        )
        self.question.setText(screen.question)
        self.hint.setText(screen.hint)
        self.hint.setVisible(bool(screen.hint))
        self._fill(screen.answers)
        self.answers_box.setVisible(bool(screen.answers))

    def _fill(self, answers: tuple[tuple[str, str], ...]) -> None:
        while len(self.lines) < len(answers):
            index = len(self.lines)
            name = label(f"display.guided.label.{index}", self.tr("Answered"), "muted")
            value = label(f"display.guided.value.{index}", self.tr("Answer"))
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(name, index, 0)
            self.grid.addWidget(value, index, 1)
            self.lines.append((name, value))
        for index, (name, value) in enumerate(self.lines):
            shown = index < len(answers)
            name.setVisible(shown)
            value.setVisible(shown)
            name.setText(answers[index][0] if shown else "")
            value.setText(answers[index][1] if shown else "")

    def shown_answers(self) -> list[tuple[str, str]]:
        """The (label, answer) pairs in view (tests, screen readers)."""
        return [
            (name.text(), value.text())
            for name, value in self.lines
            if name.isVisibleTo(self) and name.text()
        ]
