"""The actions at the foot of 出件, each with its key on the button; one that cannot be taken
now is disabled and says why, in its tooltip and in the line under the buttons."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.naming import named


class Action(StrEnum):
    PAY = "pay"
    PAYMENT_NOTICE = "paymentNotice"
    HAND_OVER = "handOver"
    SHIP = "ship"
    DELIVER = "deliver"
    NEXT = "next"


KEYS = {
    Action.PAY: "F7",
    Action.PAYMENT_NOTICE: "F8",
    Action.HAND_OVER: "F9",
    Action.SHIP: "F10",
    Action.DELIVER: "F11",
    Action.NEXT: "Esc",
}


class OutputActionBar(QWidget):
    acted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("output.actions")
        self.labels = {
            Action.PAY: self.tr("Take payment"),
            Action.PAYMENT_NOTICE: self.tr("Payment notice"),
            Action.HAND_OVER: self.tr("Hand over, print receipt"),
            Action.SHIP: self.tr("Ship, print slip"),
            Action.DELIVER: self.tr("Signed for"),
            Action.NEXT: self.tr("Next visitor"),
        }
        self.problems: dict[Action, list[str]] = {action: [] for action in Action}
        self.buttons: dict[Action, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(8)
        for action in Action:
            if action is Action.NEXT:
                row.addStretch(1)
            button = named(
                QPushButton(f"{KEYS[action]} {self.labels[action]}"),
                f"output.{action.value}",
                self.labels[action],
            )
            button.setAutoDefault(False)
            button.setProperty("primary", action is Action.HAND_OVER)
            button.setProperty("action", action.value)
            button.clicked.connect(self._clicked)
            button.installEventFilter(self)
            row.addWidget(button)
            self.buttons[action] = button
        self.reasons = named(QLabel(), "output.reasons", self.tr("Why not yet"))
        self.reasons.setProperty("role", "muted")
        self.reasons.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.reasons)

    def _clicked(self) -> None:
        self.acted.emit(self.sender().property("action"))

    def set_problems(self, problems: dict[Action, list[str]], shown: Action) -> None:
        """Enable each action whose list is empty; the line under says why ``shown`` waits."""
        self.problems = {action: problems.get(action, []) for action in Action}
        for action, button in self.buttons.items():
            reasons = self.problems[action]
            button.setEnabled(not reasons)
            button.setToolTip(self.why(action) if reasons else KEYS[action])
        self.explain(shown)

    def trigger(self, action: Action) -> None:
        """The action's key was pressed: take it, or say why it cannot be taken."""
        if self.problems[action]:
            self.explain(action)
        else:
            self.acted.emit(action.value)

    def explain(self, action: Action) -> None:
        self.reasons.setText(self.why(action) if self.problems[action] else "")

    def why(self, action: Action) -> str:
        return self.tr("{action} not possible: {reasons}").format(
            action=self.labels[action], reasons="；".join(self.problems[action])
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Enter, QEvent.Type.FocusIn):
            action = next((a for a, b in self.buttons.items() if b is watched), None)
            if action is not None:
                self.explain(action)
        return super().eventFilter(watched, event)
