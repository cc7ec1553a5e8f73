"""The follow-up steps at the foot of 差评整改, each with its function key on the button.

The keys avoid the main window's (F5 syncs, Ctrl+1… switch tabs, Ctrl+L locks); the review
workspace's keys live only while it is shown, as these do. In the order a handler takes them:
F6 回访核实, F7 申诉复核, F8 整改, F9 回复, F10 回访. A step that is not possible now is
disabled and says why (the rule book's words: the role, the follow-up's state), in its
tooltip, and in the reason line when it is hovered, focused, or its key is pressed anyway.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk_desk.domain.followups import StepKind
from ui.naming import named
from ui.ratings.loads import DESK_STEPS
from ui.ratings.words import step_word

KEYS = {
    StepKind.VERIFY: "F6",
    StepKind.APPEAL: "F7",
    StepKind.RECTIFY: "F8",
    StepKind.REPLY: "F9",
    StepKind.CALLBACK: "F10",
}


class StepBar(QWidget):
    stepChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratings.steps")
        self.problems: dict[StepKind, str] = dict.fromkeys(DESK_STEPS, "")
        self.buttons: dict[StepKind, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(6)
        for kind in DESK_STEPS:
            label = step_word(kind)
            button = named(QPushButton(f"{KEYS[kind]} {label}"), f"ratings.step.{kind}", label)
            button.setAutoDefault(False)
            button.setProperty("step", str(kind))
            button.clicked.connect(self._clicked)
            button.installEventFilter(self)
            row.addWidget(button)
            self.buttons[kind] = button
        row.addStretch(1)
        self.reasons = named(QLabel(), "ratings.stepReasons", self.tr("Why not now"))
        self.reasons.setProperty("role", "muted")
        self.reasons.setWordWrap(True)
        self.reasons.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.reasons)

    def _clicked(self) -> None:
        self.stepChosen.emit(self.sender().property("step"))

    def set_problems(self, problems: dict[StepKind, str]) -> None:
        """Enable each step with no problem; the others say theirs."""
        self.problems = {kind: problems.get(kind, "") for kind in DESK_STEPS}
        for kind, button in self.buttons.items():
            problem = self.problems[kind]
            button.setEnabled(not problem)
            button.setToolTip(self._why(kind) if problem else KEYS[kind])
        self._say("")

    def trigger(self, kind: StepKind) -> None:
        """The step's key was pressed: take it, or say why it cannot be taken."""
        if self.problems[kind]:
            self.explain(kind)
        else:
            self.stepChosen.emit(str(kind))

    def explain(self, kind: StepKind) -> None:
        self._say(self._why(kind) if self.problems[kind] else "")

    def _say(self, text: str) -> None:
        self.reasons.setText(text)
        self.reasons.setVisible(bool(text))

    def _why(self, kind: StepKind) -> str:
        return self.tr("{step} not possible now: {reason}").format(
            step=step_word(kind), reason=self.problems[kind]
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Enter, QEvent.Type.FocusIn):
            kind = next((k for k, b in self.buttons.items() if b is watched), None)
            if kind is not None:
                self.explain(kind)
        return super().eventFilter(watched, event)
