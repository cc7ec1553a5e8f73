"""The decisions at the foot of 受理, each with its function key on the button.

A decision that is not possible yet is disabled and says why: in its tooltip, and in the
reason line under the buttons while the pointer or the focus is on it, or when its key is
pressed anyway. The reasons are the service's problem lists (``intake_rules``).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.naming import named


class Decision(StrEnum):
    ACCEPT = "accept"
    ACCEPT_WITH_GAPS = "acceptWithGaps"
    NOTIFY_MISSING = "notifyMissing"
    REJECT = "reject"
    PRINT = "print"


SHOWN_REASONS = 3
KEYS = {
    Decision.ACCEPT: "F9",
    Decision.ACCEPT_WITH_GAPS: "F10",
    Decision.NOTIFY_MISSING: "F11",
    Decision.REJECT: "F12",
    Decision.PRINT: "Ctrl+P",
}


class DecisionBar(QWidget):
    decided = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake.decisions")
        labels = {
            Decision.ACCEPT: self.tr("Accept"),
            Decision.ACCEPT_WITH_GAPS: self.tr("Accept with gaps"),
            Decision.NOTIFY_MISSING: self.tr("Notify what is missing"),
            Decision.REJECT: self.tr("Do not accept"),
            Decision.PRINT: self.tr("Print"),
        }
        self.labels = labels
        self.problems: dict[Decision, list[str]] = {decision: [] for decision in Decision}
        self.buttons: dict[Decision, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(8)
        for decision in Decision:
            if decision is Decision.PRINT:
                row.addStretch(1)
            button = named(
                QPushButton(f"{KEYS[decision]} {labels[decision]}"),
                f"intake.{decision.value}",
                labels[decision],
            )
            button.setAutoDefault(False)
            button.setProperty("primary", decision is Decision.ACCEPT)
            button.setProperty("decision", decision.value)
            button.clicked.connect(self._clicked)
            button.installEventFilter(self)
            row.addWidget(button)
            self.buttons[decision] = button
        self.reasons = named(QLabel(), "intake.decisionReasons", self.tr("Why not yet"))
        self.reasons.setProperty("role", "muted")
        self.reasons.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.reasons)

    def _clicked(self) -> None:
        self.decided.emit(self.sender().property("decision"))

    def set_problems(self, problems: dict[Decision, list[str]]) -> None:
        """Enable each decision whose list is empty; the others tell their lists."""
        self.problems.update(problems)
        for decision, button in self.buttons.items():
            reasons = self.problems[decision]
            button.setEnabled(not reasons)
            button.setToolTip(self._why(decision) if reasons else KEYS[decision])
        self.explain(Decision.ACCEPT)

    def trigger(self, decision: Decision) -> None:
        """The decision's key was pressed: take it, or say why it cannot be taken."""
        if self.problems[decision]:
            self.explain(decision)
        else:
            self.decided.emit(decision.value)

    def explain(self, decision: Decision) -> None:
        """Say in the reason line why ``decision`` waits (the first few reasons)."""
        self.reasons.setText(self._why(decision, SHOWN_REASONS) if self.problems[decision] else "")

    def _why(self, decision: Decision, limit: int | None = None) -> str:
        reasons = self.problems[decision]
        shown = "；".join(reasons[:limit])
        if limit is not None and len(reasons) > limit:
            shown += self.tr(" … and {count} more").format(count=len(reasons) - limit)
        return self.tr("{decision} not possible yet: {reasons}").format(
            decision=self.labels[decision], reasons=shown
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Enter, QEvent.Type.FocusIn):
            decision = next((d for d, b in self.buttons.items() if b is watched), None)
            if decision is not None:
                self.explain(decision)
        return super().eventFilter(watched, event)
