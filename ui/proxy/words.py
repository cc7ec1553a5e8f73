"""How the 代办 workspace says a state, a step, a due date: in words, a colour beside them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_desk.domain.calendar.legal_clock import LEVEL_LABELS
from clerk_desk.domain.case import Applicant, ApplicantKind, CaseSummary
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.case_states import STATE_LABELS
from clerk_desk.domain.followups import CALLBACK_LABELS
from clerk_desk.domain.identity import mask_id_number, mask_name
from clerk_desk.domain.proxy import (
    NEXT_STEP_LABELS,
    PROXY_STATE_LABELS,
    STEP_LABELS,
    ProxyRecord,
    ProxyStep,
    ProxyStepKind,
)
from clerk_desk.i18n import translate
from ui.proxy.lines import ProxyLine


def state_word(record: ProxyRecord) -> str:
    return translate("core", PROXY_STATE_LABELS[record.state])


def next_step_word(line: ProxyLine) -> str:
    return translate("core", NEXT_STEP_LABELS[line.step])


def due_text(line: ProxyLine) -> str:
    """``2026-12-09 临期``: the date of the next step with its light in words."""
    if line.due is None or line.light is None:
        return ""
    return f"{line.due.isoformat()} {translate('core', LEVEL_LABELS[line.light.level])}"


def applicant_text(applicant: Applicant, with_number: bool = False) -> str:
    """An organisation's name (and code) are public; a person's are masked, as on lists."""
    if applicant.kind is ApplicantKind.ORGANISATION:
        parts = [applicant.name, applicant.credit_code if with_number else ""]
    else:
        number = mask_id_number(applicant.id_number) if applicant.id_number else ""
        parts = [mask_name(applicant.name), number if with_number else ""]
    return " ".join(part for part in parts if part)


def case_text(case: CaseSummary) -> str:
    """One linked case: number, items, state; a draft (no number yet) says 草稿 once."""
    items = "、".join(case.item_names)
    state = translate("core", STATE_LABELS[case.state])
    if not case.case_no:
        return f"{state} · {items}"
    return f"{display_case_no(case.case_no)} · {items} · {state}"


def step_text(step: ProxyStep) -> str:
    """One line of the history: when, what, by whom, and its note."""
    said = translate("core", STEP_LABELS[step.kind])
    if (
        step.note and step.kind is not ProxyStepKind.CASE_STARTED
    ):  # a started case's note is its uuid
        said = f"{said}：{step.note}"
    return QCoreApplication.translate("ProxyWords", "{at} {said} ({by})").format(
        at=f"{step.at:%Y-%m-%d %H:%M}", said=said, by=step.by
    )


def callback_word(record: ProxyRecord) -> str:
    if record.callback is None:
        return ""
    return translate("core", CALLBACK_LABELS[record.callback.outcome])
