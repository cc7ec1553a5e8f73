"""The forms behind the steps of a 代办, on the review decisions' frame
(:class:`~ui.review.dialogs.DecisionDialog`): captions, a message under each field, Enter or
Ctrl+Enter to record, Esc to cancel; a refusal of the service is shown in the form and what
was typed stays."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from clerk_desk.domain.followups import CALLBACK_LABELS
from clerk_desk.domain.review_rules import EventRefused
from clerk_desk.i18n import QT_TRANSLATE_NOOP, translate
from ui.proxy.steps import Step, step_label
from ui.review.dialogs import DecisionDialog


class ProxyStepDialog(DecisionDialog):
    """One step's form; ``values()`` is what the service's call takes besides the record."""

    step: Step

    def __init__(self, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(f"proxy.{self.step}Dialog", step_label(self.step), intro, parent)
        self.ok.setText(step_label(self.step))


class ProxyPauseDialog(ProxyStepDialog):
    """中止: why it waits, and when it is expected to go on (optional)."""

    step = Step.PAUSE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("The proxy service waits; the applicant gets a pause notice (中止单)."),
            parent,
        )
        self.text_field("reason", self.tr("&Reason"), lines=3)
        self.text_field("resume_on", self.tr("Resume &on"))
        resume = self.fields["resume_on"]
        resume.setPlaceholderText(self.tr("YYYY-MM-DD, or empty when not known"))  # type: ignore[union-attr]
        self.fields["reason"].setFocus()

    def values(self) -> dict[str, Any]:
        text = self.text("resume_on")
        try:
            resume_on = date.fromisoformat(text) if text else None
        except ValueError:
            raise EventRefused(
                "resume_on",
                QT_TRANSLATE_NOOP("core", "Write the date as 2026-12-14, or leave it empty"),
            ) from None
        return {"reason": self.text("reason"), "resume_on": resume_on}


class ProxyConcludeDialog(ProxyStepDialog):
    """办结: every case has reached its end; a note for the 办结单 (optional)."""

    step = Step.CONCLUDE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Every case of the proxy service has reached its end."), parent)
        self.text_field("note", self.tr("&Note"), lines=3)
        self.fields["note"].setFocus()

    def values(self) -> dict[str, Any]:
        return {"note": self.text("note")}


class ProxyTerminateDialog(ProxyStepDialog):
    """终止: why the service is given up."""

    step = Step.TERMINATE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("The proxy service is given up; the reason goes on the termination notice."),
            parent,
        )
        self.text_field("reason", self.tr("&Reason"), lines=3)
        self.fields["reason"].setFocus()

    def values(self) -> dict[str, Any]:
        return {"reason": self.text("reason")}


class ProxyCallBackDialog(ProxyStepDialog):
    """回访: how the applicant found the service."""

    step = Step.CALL_BACK

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Call the applicant and ask how they found the service."), parent)
        outcome = QComboBox()
        for value, label in CALLBACK_LABELS.items():
            outcome.addItem(translate("core", label), str(value))
        self.add_field("outcome", self.tr("&Outcome"), outcome)
        self.text_field("note", self.tr("&Note"), lines=3)
        outcome.setFocus()

    def values(self) -> dict[str, Any]:
        return {"outcome": self.text("outcome"), "note": self.text("note")}
