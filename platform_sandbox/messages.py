"""The platform speaks Chinese: messages of the desk's core are rendered in this language."""

from __future__ import annotations

from clerk_desk.domain.case_states import STATE_LABELS, CaseState, event_label
from clerk_desk.i18n import CORE_CONTEXT, translate

PLATFORM_LANGUAGE = "zh_CN"


def state_label(state: CaseState) -> str:
    return translate(CORE_CONTEXT, STATE_LABELS[state], PLATFORM_LANGUAGE)


def event_name(name: str) -> str:
    """An event's label in the platform's language (an unknown name as it is)."""
    return translate(CORE_CONTEXT, event_label(name), PLATFORM_LANGUAGE)
