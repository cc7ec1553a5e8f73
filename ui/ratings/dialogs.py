"""The forms behind the follow-up steps, on the review decisions' frame
(:class:`~ui.review.dialogs.DecisionDialog`): captions, a message under each field, Ctrl+Enter
to record, Esc to cancel. A refusal from ``desk.ratings.add_step`` that names a field (“请填写
整改的notes”) is shown under that field and the cursor goes there; what was typed stays."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from clerk_desk.domain.followups import (
    APPEAL_LABELS,
    CALLBACK_LABELS,
    FINDING_LABELS,
    StepKind,
)
from clerk_desk.errors import UserError
from clerk_desk.i18n import translate
from ui.ratings.words import step_word
from ui.review.dialogs import DecisionDialog


def _choices(labels: dict[Any, str]) -> QComboBox:
    box = QComboBox()
    for value, label in labels.items():
        box.addItem(translate("core", label), str(value))
    return box


class StepDialog(DecisionDialog):
    """One step's form; ``values()`` is the step's payload."""

    kind: StepKind

    def __init__(self, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(f"ratings.{self.kind}Dialog", step_word(self.kind), intro, parent)
        self.ok.setText(self.tr("Record"))

    def refuse(self, error: UserError) -> None:
        """Beside the field the refusal names (the rule book names the payload's key), else
        beside the one empty field, else above the buttons."""
        self.ok.setEnabled(True)
        key = str(error.message.params.get("field", ""))
        if key not in self.messages:
            empty = [k for k, f in self.fields.items() if not isinstance(f, QComboBox)]
            empty = [k for k in empty if not self.text(k)]
            key = empty[0] if len(empty) == 1 else ""
        if key in self.messages:
            message = self.messages[key]
            message.setText(error.render())
            message.show()
            self.fields[key].setFocus()
        else:
            self.general.setText(error.render())


class VerifyDialog(StepDialog):
    """回访核实: what the 差评 was found to be (属实 / 合理 / 恶意), with notes."""

    kind = StepKind.VERIFY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Call the rater back and say what the poor rating was found to be."), parent
        )
        self.add_field("finding", self.tr("&Finding"), _choices(FINDING_LABELS))
        self.text_field("notes", self.tr("&Notes"), lines=3)
        self.fields["finding"].setFocus()

    def values(self) -> dict[str, Any]:
        return {"finding": self.text("finding"), "notes": self.text("notes")}


class AppealDialog(StepDialog):
    """申诉复核 (supervisor): strike a mistaken or malicious rating, or keep it; the reason is
    kept in the record either way."""

    kind = StepKind.APPEAL

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr(
                "A struck rating stays in the record, marked struck, with your reason; "
                "it no longer counts."
            ),
            parent,
        )
        self.add_field("decision", self.tr("&Decision"), _choices(APPEAL_LABELS))
        self.text_field("reason", self.tr("&Reason"), lines=3)
        self.fields["decision"].setFocus()

    def values(self) -> dict[str, Any]:
        return {"decision": self.text("decision"), "reason": self.text("reason")}


class RectifyDialog(StepDialog):
    """整改: what was put right."""

    kind = StepKind.RECTIFY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("What was put right, and by whom."), parent)
        self.text_field("notes", self.tr("&Rectification"), lines=4)
        self.fields["notes"].setFocus()

    def values(self) -> dict[str, Any]:
        return {"notes": self.text("notes")}


class ReplyDialog(StepDialog):
    """回复: the answer the rater gets."""

    kind = StepKind.REPLY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("The answer the rater gets, in plain words."), parent)
        self.text_field("text", self.tr("&Reply"), lines=4)
        self.fields["text"].setFocus()

    def values(self) -> dict[str, Any]:
        return {"text": self.text("text")}


class CallbackDialog(StepDialog):
    """回访: whether the rater is satisfied now, with notes."""

    kind = StepKind.CALLBACK

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Call the rater back after the reply."), parent)
        self.add_field("outcome", self.tr("&Outcome"), _choices(CALLBACK_LABELS))
        self.text_field("notes", self.tr("&Notes"), lines=3)
        self.fields["outcome"].setFocus()

    def values(self) -> dict[str, Any]:
        return {"outcome": self.text("outcome"), "notes": self.text("notes")}


DIALOGS: dict[StepKind, Callable[[QWidget], StepDialog]] = {
    StepKind.VERIFY: VerifyDialog,
    StepKind.APPEAL: AppealDialog,
    StepKind.RECTIFY: RectifyDialog,
    StepKind.REPLY: ReplyDialog,
    StepKind.CALLBACK: CallbackDialog,
}
