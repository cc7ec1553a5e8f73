"""How the 好差评 workspace says a level, a contact, a state: in words, with a colour beside
them, never the colour alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_desk.domain.followups import (
    APPEAL_LABELS,
    CALLBACK_LABELS,
    FINDING_LABELS,
    FOLLOWUP_STATE_LABELS,
    STEP_LABELS,
    AppealDecision,
    CallbackOutcome,
    Finding,
    FollowUpState,
    FollowUpStep,
    StepKind,
)
from clerk_desk.domain.ratings import CONTACT_LABELS, ContactKind, RatingLevel, RatingOrigin
from clerk_desk.i18n import translate

LEVEL_COLOURS = {
    RatingLevel.VERY_SATISFIED: "#1a7f37",
    RatingLevel.SATISFIED: "#2d7a3e",
    RatingLevel.BASIC: "#9a6700",
    RatingLevel.DISSATISFIED: "#b42318",
    RatingLevel.VERY_DISSATISFIED: "#8a1c12",
}
OVERDUE_COLOUR = "#b42318"
STRUCK_COLOUR = "#6b7280"
CLOSED_COLOUR = "#1a7f37"


def level_word(level: RatingLevel) -> str:
    """The national name (非常满意 … 非常不满意): the level's own word in every language."""
    return str(level)


def contact_word(kind: ContactKind) -> str:
    return translate("core", CONTACT_LABELS[kind])


def state_word(state: FollowUpState) -> str:
    return translate("core", FOLLOWUP_STATE_LABELS[state])


def struck_word() -> str:
    return state_word(FollowUpState.STRUCK)


def step_word(kind: StepKind) -> str:
    return translate("core", STEP_LABELS[kind])


def origin_word(origin: RatingOrigin) -> str:
    if origin is RatingOrigin.DEFAULT:
        return QCoreApplication.translate("RatingWords", "Default")  # 默认
    return QCoreApplication.translate("RatingWords", "Active")  # 主动


def overdue_word() -> str:
    return QCoreApplication.translate("RatingWords", "Overdue")  # 已超期


def step_summary(step: FollowUpStep) -> str:
    """One line of the history: when, what, by whom, and what was written."""
    payload = step.payload
    parts: list[str] = []
    if step.kind is StepKind.VERIFY and payload.get("finding") in set(Finding):
        parts.append(translate("core", FINDING_LABELS[Finding(payload["finding"])]))
    if step.kind is StepKind.APPEAL and payload.get("decision") in set(AppealDecision):
        parts.append(translate("core", APPEAL_LABELS[AppealDecision(payload["decision"])]))
    if step.kind is StepKind.CALLBACK and payload.get("outcome") in set(CallbackOutcome):
        parts.append(translate("core", CALLBACK_LABELS[CallbackOutcome(payload["outcome"])]))
    for key in ("reason", "notes", "text"):
        if payload.get(key):
            parts.append(str(payload[key]))
    said = "：".join((step_word(step.kind), "；".join(parts))) if parts else step_word(step.kind)
    return QCoreApplication.translate("RatingWords", "{at} {said} ({by})").format(
        at=f"{step.at:%Y-%m-%d %H:%M}", said=said, by=step.by
    )
