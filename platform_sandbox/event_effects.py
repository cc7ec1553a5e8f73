"""What an event does to a case: the platform derives the case after an event from the case
it holds and the event's own fields, never from the document the desk sends along.

Every event sets ``state`` (its ``to_state``) and ``updated_at`` (its ``at``). Beyond that:

- the intake decisions (``accept``, ``accept_with_gaps``, ``notify_missing``, ``reject``)
  set ``decided_at`` to the event's ``at`` and carry the clerk's checklist (``materials``,
  ``notes``), as does ``supplement`` (the applicant came back with what was missing);
- ``accept`` and ``accept_with_gaps`` set ``accepted_on``, ``committed_deadline`` and
  ``deadline_provisional`` from ``payload.deadline`` and ``fee_due`` from the items' fees;
  ``accept_with_gaps`` also sets ``supplement_deadline`` from ``payload.supplement_deadline``;
- ``deadline_recomputed`` moves ``committed_deadline`` from ``payload.old_deadline`` (which
  must be the deadline held) to ``payload.new_deadline`` (at most a month away: a loaded
  calendar shifts a deadline by holidays, not by years) and sets ``deadline_provisional``
  from ``payload.provisional``; each part's deadline may move with it, as the document sent
  says, within the same month;
- the review and output events (``route`` … ``attach_transfer_sheet``) are derived by the
  desk's own rules (:mod:`platform_sandbox.applied_events`).

Nothing else changes; the document sent with the event must equal the derived one, else 422
naming every field where it differs (``case.case_no``, ``case.applicant.name``, …).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from clerk_desk.domain.case import CaseItem
from clerk_desk.domain.case_states import DEADLINE_RECOMPUTED, CaseEvent, CaseState
from clerk_desk.domain.output_rules import fee_of
from platform_sandbox.applied_events import applied_case, is_applied
from platform_sandbox.case_models import CaseDoc
from platform_sandbox.errors import Problem, conflict, invalid
from platform_sandbox.messages import event_name

_DECISIONS = frozenset(
    {CaseEvent.ACCEPT, CaseEvent.ACCEPT_WITH_GAPS, CaseEvent.NOTIFY_MISSING, CaseEvent.REJECT}
)
_CHECKLIST_EVENTS = _DECISIONS | {CaseEvent.SUPPLEMENT}
_ACCEPTING = frozenset({CaseEvent.ACCEPT, CaseEvent.ACCEPT_WITH_GAPS})
# States whose clock runs towards the committed deadline (as the desk's recomputation has it).
_RUNNING = frozenset(
    {CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.PAUSED, CaseState.AWAITING_SUPPLEMENT}
)
MAX_DEADLINE_SHIFT = timedelta(days=31)
MAX_ACCEPTANCE_DRIFT = timedelta(days=31)


def derive(stored: dict[str, Any], event: dict[str, Any], sent: dict[str, Any]) -> dict[str, Any]:
    """The case after ``event`` (all three as JSON); 422 if ``sent`` says anything else."""
    name = str(event["event"])
    # A document stored before review and output existed gains their (empty) fields.
    held = CaseDoc.model_validate(stored).model_dump(mode="json")
    derived = applied_case(held, event) if is_applied(name) else _generic(held, event, sent)
    label = event_name(name)
    differences = [
        Problem(field=f"case.{path}", message=_refusal(label, value))
        for path, value in _differences(derived, sent)
    ]
    if differences:
        raise invalid(differences, f"“{label}”事件只能修改它自己改变的内容")
    return derived


def _generic(stored: dict[str, Any], event: dict[str, Any], sent: dict[str, Any]) -> dict[str, Any]:
    name = str(event["event"])
    derived = copy.deepcopy(stored)
    derived["state"] = event["to_state"]
    derived["updated_at"] = event["at"]
    problems: list[Problem] = []
    if name in _CHECKLIST_EVENTS:
        derived["materials"] = sent["materials"]
        derived["notes"] = sent["notes"]
    if name in _DECISIONS:
        derived["decided_at"] = event["at"]
    if name in _ACCEPTING:
        problems += _accepting(derived, event)
    if name == CaseEvent.ACCEPT_WITH_GAPS:
        problems += _supplement_deadline(derived, event["payload"])
    if name == DEADLINE_RECOMPUTED:
        problems += _recomputed(derived, event["payload"])
        problems += _parts_recomputed(derived, sent)
    if problems:
        raise invalid(problems)
    return derived


def _refusal(label: str, held: Any) -> str:
    message = f"“{label}”事件不能修改此项"
    if isinstance(held, dict | list):
        return message
    return f"{message}，应为：{'空' if held is None else held}"


def _accepting(derived: dict[str, Any], event: dict[str, Any]) -> list[Problem]:
    deadline = event["payload"].get("deadline")
    if not isinstance(deadline, dict):
        return [Problem(field="event.payload.deadline", message="必填")]
    field = "event.payload.deadline"
    accepted_on = _day(deadline.get("accepted_on"))
    committed = _day(deadline.get("deadline"))
    provisional = deadline.get("provisional")
    problems = []
    if accepted_on is None:
        problems.append(Problem(field=f"{field}.accepted_on", message="应为日期（YYYY-MM-DD）"))
    elif abs(accepted_on - datetime.fromisoformat(event["at"]).date()) > MAX_ACCEPTANCE_DRIFT:
        problems.append(Problem(field=f"{field}.accepted_on", message="与事件时间相差过远"))
    if committed is None:
        problems.append(Problem(field=f"{field}.deadline", message="应为日期（YYYY-MM-DD）"))
    elif accepted_on is not None and not (
        accepted_on <= committed <= accepted_on + _longest_span(derived)
    ):
        problems.append(Problem(field=f"{field}.deadline", message="超出办件事项的承诺时限"))
    if not isinstance(provisional, bool):
        problems.append(Problem(field=f"{field}.provisional", message="应为true或false"))
    if problems or accepted_on is None or committed is None:
        return problems
    derived["fee_due"] = fee_of([CaseItem.from_dict(item) for item in derived["items"]])
    derived["accepted_on"] = accepted_on.isoformat()
    derived["committed_deadline"] = committed.isoformat()
    derived["deadline_provisional"] = provisional
    return []


def _longest_span(case: dict[str, Any]) -> timedelta:
    """Calendar days that the longest promised limit (working days) may span at most."""
    days = max(int(item["promised_limit_days"]) for item in case["items"])
    return timedelta(days=2 * days + 31)


def _supplement_deadline(derived: dict[str, Any], payload: dict[str, Any]) -> list[Problem]:
    field = "event.payload.supplement_deadline"
    day = _day(payload.get("supplement_deadline"))
    if day is None:
        return [Problem(field=field, message="应为日期（YYYY-MM-DD）")]
    accepted_on, committed = derived["accepted_on"], derived["committed_deadline"]
    if accepted_on and committed and not accepted_on <= day.isoformat() <= committed:
        return [Problem(field=field, message="应在受理日与承诺期限之间")]
    derived["supplement_deadline"] = day.isoformat()
    return []


def _recomputed(derived: dict[str, Any], payload: dict[str, Any]) -> list[Problem]:
    held = derived["committed_deadline"]
    if CaseState(derived["state"]) not in _RUNNING or held is None:
        raise conflict("该办件的承诺期限已不再计算，不能重算")
    old, new = _day(payload.get("old_deadline")), _day(payload.get("new_deadline"))
    if old is None or old.isoformat() != held:
        raise conflict(f"平台上该办件的承诺期限为{held}，与事件所说的原期限不一致")
    provisional = payload.get("provisional")
    if new is None:
        return [Problem(field="event.payload.new_deadline", message="应为日期（YYYY-MM-DD）")]
    if abs(new - old) > MAX_DEADLINE_SHIFT:
        return [Problem(field="event.payload.new_deadline", message="与原期限相差超过一个月")]
    if not isinstance(provisional, bool):
        return [Problem(field="event.payload.provisional", message="应为true或false")]
    derived["committed_deadline"] = new.isoformat()
    derived["deadline_provisional"] = provisional
    return []


def _parts_recomputed(derived: dict[str, Any], sent: dict[str, Any]) -> list[Problem]:
    """Each part's deadline as the desk recomputed it, if it moved at most a month."""
    held, moved = derived["parts"], sent["parts"]
    if len(held) != len(moved):
        return []  # the comparison with the document sent names the difference
    problems = []
    for index, (part, sent_part) in enumerate(zip(held, moved, strict=True)):
        old, new = _day(part["deadline"]), _day(sent_part["deadline"])
        if old is None or new is None:
            continue
        if abs(new - old) > MAX_DEADLINE_SHIFT:
            field = f"case.parts[{index}].deadline"
            problems.append(Problem(field=field, message="与原期限相差超过一个月"))
            continue
        part["deadline"] = new.isoformat()
        part["deadline_provisional"] = sent_part["deadline_provisional"]
    return problems


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _differences(held: Any, sent: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """``(dotted path, held value)`` of every place where ``sent`` differs from ``held``."""
    if isinstance(held, dict) and isinstance(sent, dict):
        for key in held.keys() | sent.keys():
            yield from _differences(held.get(key), sent.get(key), f"{path}.{key}" if path else key)
    elif isinstance(held, list) and isinstance(sent, list) and len(held) == len(sent):
        for index, (mine, theirs) in enumerate(zip(held, sent, strict=True)):
            yield from _differences(mine, theirs, f"{path}[{index}]")
    elif held != sent:
        yield path, held
