"""The review decisions at the foot of 审批, each with its function key on the button.

The keys avoid the main window's (F5 syncs, Ctrl+1… switch tabs, Ctrl+L locks) and mirror
受理 where the meaning matches: F9 says yes (受理 / 准予), F11 asks the applicant for more
(一次性告知 / 补正), F12 says no (不予受理 / 不予许可). A decision that is not possible now
is disabled and says why, from ``desk.review.decision_problems`` (the rules the core and the
platform enforce): in its tooltip, and in the reason line when it is hovered, focused, or its
key is pressed anyway.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk_desk.domain.case_states import CaseEvent
from ui.intake.decision_bar import SHOWN_REASONS
from ui.naming import named


class ReviewDecision(StrEnum):
    PAUSE = "pause"
    RESUME = "resume"
    EXTEND = "extend"
    APPROVE = "approve"
    RESULT_READY = "resultReady"
    SUPPLEMENT = "requestSupplement"
    DENY = "deny"
    TERMINATE = "terminate"
    PRINT = "print"


KEYS = {
    ReviewDecision.PAUSE: "F6",
    ReviewDecision.RESUME: "F7",
    ReviewDecision.EXTEND: "F8",
    ReviewDecision.APPROVE: "F9",
    ReviewDecision.RESULT_READY: "F10",
    ReviewDecision.SUPPLEMENT: "F11",
    ReviewDecision.DENY: "F12",
    ReviewDecision.TERMINATE: "F4",
    ReviewDecision.PRINT: "Ctrl+P",
}
EVENTS = {
    ReviewDecision.PAUSE: CaseEvent.PAUSE,
    ReviewDecision.RESUME: CaseEvent.RESUME,
    ReviewDecision.EXTEND: CaseEvent.EXTEND,
    ReviewDecision.APPROVE: CaseEvent.APPROVE,
    ReviewDecision.RESULT_READY: CaseEvent.RESULT_READY,
    ReviewDecision.SUPPLEMENT: CaseEvent.REQUEST_SUPPLEMENT,
    ReviewDecision.DENY: CaseEvent.DENY,
    ReviewDecision.TERMINATE: CaseEvent.TERMINATE,
}


class ReviewDecisionBar(QWidget):
    decided = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review.decisions")
        # Nine keys in one row at 150 % text on 1366 pixels: less padding than the theme's.
        self.setStyleSheet("QPushButton { padding-left: 8px; padding-right: 8px; }")
        self.labels = {
            ReviewDecision.PAUSE: self.tr("Special procedure"),
            ReviewDecision.RESUME: self.tr("Resume"),
            ReviewDecision.EXTEND: self.tr("Extend"),
            ReviewDecision.APPROVE: self.tr("Approve"),
            ReviewDecision.RESULT_READY: self.tr("Result made"),
            ReviewDecision.SUPPLEMENT: self.tr("Supplement"),
            ReviewDecision.DENY: self.tr("Deny"),
            ReviewDecision.TERMINATE: self.tr("Terminate"),
            ReviewDecision.PRINT: self.tr("Print notice"),
        }
        self.problems: dict[ReviewDecision, list[str]] = {d: [] for d in ReviewDecision}
        self.buttons: dict[ReviewDecision, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(6)
        for decision in ReviewDecision:
            if decision is ReviewDecision.TERMINATE:
                row.addStretch(1)
            label = self.labels[decision]
            button = named(
                QPushButton(f"{KEYS[decision]} {label}"), f"review.{decision.value}", label
            )
            button.setAutoDefault(False)
            button.setProperty("primary", decision is ReviewDecision.APPROVE)
            button.setProperty("decision", decision.value)
            button.clicked.connect(self._clicked)
            button.installEventFilter(self)
            row.addWidget(button)
            self.buttons[decision] = button
        self.reasons = named(QLabel(), "review.decisionReasons", self.tr("Why not now"))
        self.reasons.setProperty("role", "muted")
        self.reasons.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.reasons)
        self.reasons.hide()

    def _clicked(self) -> None:
        self.decided.emit(self.sender().property("decision"))

    def set_problems(self, problems: dict[ReviewDecision, list[str]]) -> None:
        """Enable each decision whose list is empty; the others tell their lists."""
        self.problems.update(problems)
        for decision, button in self.buttons.items():
            reasons = self.problems[decision]
            button.setEnabled(not reasons)
            button.setToolTip(self._why(decision) if reasons else KEYS[decision])
        self._say("")

    def trigger(self, decision: ReviewDecision) -> None:
        """The decision's key was pressed: take it, or say why it cannot be taken."""
        if self.problems[decision]:
            self.explain(decision)
        else:
            self.decided.emit(decision.value)

    def explain(self, decision: ReviewDecision) -> None:
        self._say(self._why(decision, SHOWN_REASONS) if self.problems[decision] else "")

    def _say(self, text: str) -> None:
        """The reason line takes room only while it says something (150 % text on 768
        pixels needs every line for the case)."""
        self.reasons.setText(text)
        self.reasons.setVisible(bool(text))

    def _why(self, decision: ReviewDecision, limit: int | None = None) -> str:
        reasons = self.problems[decision]
        shown = "；".join(reasons[:limit])
        if limit is not None and len(reasons) > limit:
            shown += self.tr(" … and {count} more").format(count=len(reasons) - limit)
        return self.tr("{decision} not possible now: {reasons}").format(
            decision=self.labels[decision], reasons=shown
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Enter, QEvent.Type.FocusIn):
            decision = next((d for d, b in self.buttons.items() if b is watched), None)
            if decision is not None:
                self.explain(decision)
        return super().eventFilter(watched, event)
