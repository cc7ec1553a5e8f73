"""What a change pulled from the platform must keep before the desk applies it.

The desk trusts its own invariants, not the platform: a case number well formed, with its
check character right and of this desk's centre; the number of a case the desk holds never
changed; a known state; each event a step the life cycle knows. A change that breaks one is
not applied: it becomes a sync problem (see :mod:`clerk_desk.sync.pull`).
"""

from __future__ import annotations

from typing import Any

from clerk_desk.domain.assistance import Assistance, assistance_problems
from clerk_desk.domain.case_number import normalize_case_no, parse_case_no
from clerk_desk.domain.case_states import PART_EVENTS, TRANSITIONS, CaseEvent, CaseState
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg


def refusal(
    view: dict[str, Any],
    events: list[dict[str, Any]],
    centre_code: str,
    local: dict[str, Any] | None,
) -> Message | None:
    """Why the desk does not apply this change (the case view and its events), or ``None``."""
    case_no = str(view.get("case_no") or "")
    document = view["document"]
    parts = parse_case_no(case_no)
    if parts is None or normalize_case_no(case_no) != case_no:
        return msg(
            QT_TRANSLATE_NOOP(
                "core",
                "The platform sent case number “{case_no}”, which is malformed or has a wrong "
                "check character; the change was not applied",
            ),
            case_no=case_no,
        )
    if parts.centre_code != centre_code:
        return msg(
            QT_TRANSLATE_NOOP(
                "core",
                "The platform sent case {case_no} of centre {centre}, not of this desk's "
                "centre {own}; the change was not applied",
            ),
            case_no=case_no,
            centre=parts.centre_code,
            own=centre_code,
        )
    if document.get("case_no") != case_no or document.get("uuid") != view.get("uuid"):
        return msg(
            QT_TRANSLATE_NOOP(
                "core",
                "The platform sent case {case_no} whose document names another case; "
                "the change was not applied",
            ),
            case_no=case_no,
        )
    held = (local or {}).get("case_no")
    if held and held != case_no:
        return msg(
            QT_TRANSLATE_NOOP(
                "core",
                "The platform sent case {held} under the number {case_no}; the desk keeps its "
                "number and did not apply the change",
            ),
            held=held,
            case_no=case_no,
        )
    if view.get("state") not in set(CaseState):
        return msg(
            QT_TRANSLATE_NOOP(
                "core", "The platform sent case {case_no} in an unknown state “{state}”"
            ),
            case_no=case_no,
            state=str(view.get("state")),
        )
    assistance_refusal = _assistance_refusal(case_no, document.get("assistance"), local)
    if assistance_refusal is not None:
        return assistance_refusal
    for event in events:
        if not _known_step(event):
            return msg(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The platform sent a step of case {case_no} the life cycle does not know: "
                    "“{event}” from “{from_state}” to “{to_state}”",
                ),
                case_no=case_no,
                event=str(event.get("event")),
                from_state=str(event.get("from_state")),
                to_state=str(event.get("to_state")),
            )
    return None


def _assistance_refusal(case_no: str, pulled: Any, local: dict[str, Any] | None) -> Message | None:
    """帮办 / 代办 must be well formed, and once the desk holds the submitted case, unchanged."""
    problem = _assistance_problem(pulled, local)
    if problem is None:
        return None
    return msg(
        QT_TRANSLATE_NOOP(
            "core",
            "The platform sent case {case_no} with an unusable 帮办/代办 record ({problem}); "
            "the change was not applied",
        ),
        case_no=case_no,
        problem=problem,
    )


def _assistance_problem(pulled: Any, local: dict[str, Any] | None) -> Message | None:
    unreadable = msg(QT_TRANSLATE_NOOP("core", "not a record the desk can read"))
    if pulled is not None and not isinstance(pulled, dict):
        return unreadable
    try:
        assistance = Assistance.from_dict(pulled)
    except (TypeError, ValueError):
        return unreadable
    problems = assistance_problems(assistance)
    if problems:
        return problems[0]
    submitted = bool(local) and (local or {}).get("state") != CaseState.DRAFT
    if submitted and Assistance.from_dict((local or {}).get("assistance")) != assistance:
        return msg(QT_TRANSLATE_NOOP("core", "who helped cannot change after submission"))
    return None


# A part event (one department's part, :mod:`clerk_desk.domain.review_rules`) moves the case
# as its parts make it: a pause leaves it in review while another part is; a resume of one
# part finds it in review when another part was; a decision leaves it in review or paused
# while another part is not decided yet.
_PART_STEPS: dict[CaseEvent, dict[CaseState, frozenset[CaseState]]] = {
    CaseEvent.PAUSE: {CaseState.IN_REVIEW: frozenset({CaseState.IN_REVIEW, CaseState.PAUSED})},
    CaseEvent.RESUME: {
        CaseState.PAUSED: frozenset({CaseState.IN_REVIEW}),
        CaseState.IN_REVIEW: frozenset({CaseState.IN_REVIEW}),
    },
    CaseEvent.EXTEND: {CaseState.IN_REVIEW: frozenset({CaseState.IN_REVIEW})},
    **{
        decision: {
            CaseState.IN_REVIEW: frozenset(
                {CaseState.IN_REVIEW, CaseState.PAUSED, CaseState.DECIDED}
            )
        }
        for decision in (CaseEvent.APPROVE, CaseEvent.DENY)
    },
}


def _known_step(event: dict[str, Any]) -> bool:
    """A transition of the table, or a part event as the parts allow it; any other event (a
    recomputed deadline, or a name from a newer platform) only from a known state to itself."""
    name, source, target = event.get("event"), event.get("from_state"), event.get("to_state")
    states = set(CaseState)
    if source not in states or target not in states:
        return False
    if name in set(CaseEvent):
        if CaseEvent(name) in PART_EVENTS:
            allowed = _PART_STEPS[CaseEvent(name)].get(CaseState(source), frozenset())
            return CaseState(target) in allowed
        return bool(TRANSITIONS.get((CaseState(source), CaseEvent(name))) == target)
    return bool(source == target)
