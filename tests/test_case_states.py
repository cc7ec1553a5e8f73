"""The case life cycle of shared/domain.md: every drawn transition works, nothing else does."""

from __future__ import annotations

from collections import deque
from datetime import datetime

import pytest
from case_factory import FOOD_LICENCE, Clock, intake_service, make_case

from clerk_desk.desk import Desk
from clerk_desk.domain.case_states import (
    OPEN_STATES,
    PAYABLE_STATES,
    TRANSFER_SHEET_STATES,
    TRANSITIONS,
    WITHDRAWABLE_STATES,
    CaseEvent,
    CaseState,
    TransitionRefused,
    allowed_events,
    next_state,
)
from clerk_desk.services.case_log import DeskPlace, record

S, E = CaseState, CaseEvent
REASON = "申请人书面申请"

# The diagram of shared/domain.md, edge by edge.
DIAGRAM = {
    (S.DRAFT, E.SUBMIT): S.RECEIVED,
    (S.RECEIVED, E.ACCEPT): S.ACCEPTED,
    (S.ACCEPTED, E.ROUTE): S.IN_REVIEW,
    (S.IN_REVIEW, E.APPROVE): S.DECIDED,
    (S.IN_REVIEW, E.DENY): S.DECIDED,
    (S.RECEIVED, E.NOTIFY_MISSING): S.AWAITING_SUPPLEMENT,
    (S.AWAITING_SUPPLEMENT, E.SUPPLEMENT): S.RECEIVED,
    (S.RECEIVED, E.ACCEPT_WITH_GAPS): S.ACCEPTED,
    (S.RECEIVED, E.REJECT): S.REJECTED,
    (S.IN_REVIEW, E.PAUSE): S.PAUSED,
    (S.PAUSED, E.RESUME): S.IN_REVIEW,
    (S.IN_REVIEW, E.EXTEND): S.IN_REVIEW,
    (S.IN_REVIEW, E.REQUEST_SUPPLEMENT): S.AWAITING_SUPPLEMENT,
    (S.DECIDED, E.RESULT_READY): S.READY_FOR_PICKUP,
    (S.READY_FOR_PICKUP, E.HAND_OVER): S.DELIVERED,
    (S.READY_FOR_PICKUP, E.SHIP): S.SHIPPED,
    (S.SHIPPED, E.DELIVER): S.DELIVERED,
    **{(state, E.WITHDRAW): S.CLOSED for state in WITHDRAWABLE_STATES},
    **{(state, E.TERMINATE): S.CLOSED for state in WITHDRAWABLE_STATES},
    **{(state, E.PAY): state for state in PAYABLE_STATES},
    **{(state, E.ATTACH_TRANSFER_SHEET): state for state in TRANSFER_SHEET_STATES},
}


def test_the_table_is_the_diagram() -> None:
    assert TRANSITIONS == DIAGRAM
    assert set(S) - {S.DRAFT, S.REJECTED, S.DELIVERED, S.CLOSED} == OPEN_STATES
    assert {S.SHIPPED} == OPEN_STATES - WITHDRAWABLE_STATES


@pytest.mark.parametrize(("state", "event"), sorted(DIAGRAM), ids=lambda v: str(v))
def test_every_drawn_transition_is_allowed(state: CaseState, event: CaseEvent) -> None:
    assert next_state(state, event, reason=REASON) is DIAGRAM[(state, event)]
    assert event in allowed_events(state)


@pytest.mark.parametrize(
    ("state", "event", "state_label", "event_label"),
    [
        (S.DRAFT, E.ACCEPT, "Draft", "Accept"),
        (S.ACCEPTED, E.REJECT, "Accepted", "Do not accept"),
        (S.ACCEPTED, E.ACCEPT, "Accepted", "Accept"),
        (S.REJECTED, E.SUPPLEMENT, "Not accepted", "Supplement"),
        (S.IN_REVIEW, E.HAND_OVER, "In review", "Hand over"),
        (S.PAUSED, E.APPROVE, "Paused (special procedure)", "Approve"),
        (S.DELIVERED, E.WITHDRAW, "Delivered", "Withdraw"),
        (S.CLOSED, E.RESUME, "Closed", "Resume"),
        (S.DRAFT, E.WITHDRAW, "Draft", "Withdraw"),
        (S.RECEIVED, E.ROUTE, "Received", "Hand to the department"),
    ],
)
def test_other_transitions_are_refused_naming_state_and_event(
    state: CaseState, event: CaseEvent, state_label: str, event_label: str
) -> None:
    assert (state, event) not in TRANSITIONS
    with pytest.raises(TransitionRefused) as refused:
        next_state(state, event, reason=REASON)
    assert refused.value.render("en") == (
        f"The case is “{state_label}”; “{event_label}” is not possible now"
    )


def test_every_pair_outside_the_diagram_is_refused() -> None:
    refused = 0
    for state in S:
        for event in E:
            if (state, event) in DIAGRAM:
                continue
            with pytest.raises(TransitionRefused):
                next_state(state, event, reason=REASON)
            refused += 1
    assert refused == len(S) * len(E) - len(DIAGRAM)


@pytest.mark.parametrize(
    ("state", "event", "label"),
    [
        (S.RECEIVED, E.REJECT, "Do not accept"),
        (S.RECEIVED, E.NOTIFY_MISSING, "Notify what is missing"),
        (S.IN_REVIEW, E.PAUSE, "Pause (special procedure)"),
        (S.ACCEPTED, E.WITHDRAW, "Withdraw"),
        (S.AWAITING_SUPPLEMENT, E.TERMINATE, "Terminate"),
    ],
)
def test_events_that_need_a_reason_refuse_without_one(
    state: CaseState, event: CaseEvent, label: str
) -> None:
    for blank in ("", "   "):
        with pytest.raises(TransitionRefused) as refused:
            next_state(state, event, reason=blank)
        assert refused.value.render("en") == f"“{label}” needs a reason; enter it first"


def test_no_case_event_rates_a_case() -> None:
    """A rating is the visitor's record of a contact (clerk_desk.domain.ratings), never a step
    a clerk could post on the case."""
    assert "rate" not in {str(event) for event in E}
    assert allowed_events(S.DELIVERED) == ()


def _path_to(target: CaseState) -> list[CaseEvent]:
    """The shortest list of events leading from a submitted draft to ``target``."""
    paths: dict[CaseState, list[CaseEvent]] = {S.DRAFT: []}
    queue = deque([S.DRAFT])
    while queue:
        state = queue.popleft()
        for (source, event), after in DIAGRAM.items():
            if source is state and after not in paths:
                paths[after] = [*paths[state], event]
                queue.append(after)
    return paths[target]


def test_every_drawn_transition_is_stored_on_a_real_desk(demo_desk: Desk) -> None:
    """Each edge, reached by its shortest path, recorded through the same code as decisions."""
    clock = Clock(datetime(2026, 9, 28, 9, 30))
    service = intake_service(demo_desk, clock)
    place = DeskPlace.from_settings(demo_desk.settings)
    for (state, event), target in sorted(DIAGRAM.items()):
        case = make_case(service, (FOOD_LICENCE,))
        with demo_desk.database.write() as session:
            for step in [*_path_to(state), event]:
                record(session, case, step, by="clerk", at=clock(), place=place, reason=REASON)
        stored = service.case(case.uuid)
        assert stored is not None
        assert stored.state is target
        events = service.events(case.uuid)
        assert [e.event for e in events] == [*_path_to(state), event]
        assert [e.seq for e in events] == list(range(1, len(events) + 1))
        assert stored.case_no is not None
