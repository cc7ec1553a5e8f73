"""好差评 at the sync boundary, without the wire: the level mapped to the platform's code and
back in either order, what a pulled row must be to be stored, and what becomes a pulled sync
problem instead (shown in 同步问题, tried again once it fits)."""

from __future__ import annotations

import copy
import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
from case_factory import CLERK, Clock, make_case
from sandbox_client import outbox

from clerk_desk.desk import Desk
from clerk_desk.domain.followups import StepKind
from clerk_desk.domain.ratings import (
    DEFAULT_REASONS,
    CodeOrder,
    ContactState,
    RatingLevel,
    RatingOrigin,
)
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.services.ratings import RatingService
from clerk_desk.sync.engine import ProblemResolved
from clerk_desk.sync.ratings_pull import RATINGS_CURSOR, RatingsPuller, apply_change
from clerk_desk.sync.ratings_wire import (
    OrderMismatch,
    PulledRefused,
    ReplyMalformed,
    rating_body,
    rating_from_wire,
    reasons_from_wire,
)
from clerk_desk.sync.writer import SessionWriter, inline
from local_cache.repositories import sync_repo

MONDAY = datetime(2026, 11, 2, 9, 30)


def _rated(desk: Desk, level: RatingLevel, clock: Clock) -> dict[str, Any]:
    """A visitor's rating made on the display of ``desk``; its outbox payload."""
    make_case(desk, clock=clock, accept_by=CLERK)
    ratings = RatingService(desk.database, desk.settings, clock, desk.intake.work_calendar)
    contact = ratings.waiting_contact()
    assert contact is not None
    ratings.press(contact.uuid, level)
    codes = [reason.code for reason in DEFAULT_REASONS.for_level(level)[:1]]
    ratings.submit(contact.uuid, codes)
    return [body for body in outbox(desk) if "rating" in body][-1]


def _wire(payload: dict[str, Any], order: str, **changes: Any) -> dict[str, Any]:
    """The rating as the feed brings it: the code, not the name."""
    return {**rating_body(payload, order)["rating"], **changes}


def _contact(desk: Desk) -> dict[str, Any]:
    return dict([body for body in outbox(desk) if "contact" in body][-1]["contact"])


@pytest.mark.parametrize(
    ("order", "codes"),
    [("national", {"非常满意": 1, "不满意": 4}), ("reversed", {"非常满意": 5, "不满意": 2})],
)
def test_the_level_leaves_as_a_code_and_comes_back_as_its_name(
    demo_desk: Desk, order: str, codes: dict[str, int]
) -> None:
    clock = Clock(MONDAY)
    for name, code in codes.items():
        payload = _rated(demo_desk, RatingLevel(name), clock)
        sent = rating_body(payload, order)["rating"]
        assert sent["level_code"] == code
        assert "level" not in sent and "struck" not in sent
        assert payload["rating"]["level"] == name  # the stored row keeps the name
        assert rating_from_wire(sent, order).level is RatingLevel(name)
        clock.now += timedelta(minutes=5)


def test_a_code_outside_one_to_five_is_refused_with_its_value(demo_desk: Desk) -> None:
    payload = _rated(demo_desk, RatingLevel.SATISFIED, Clock(MONDAY))
    for bad in (0, 6, "2", None, True):
        with pytest.raises(PulledRefused) as refused:
            rating_from_wire(_wire(payload, "national", level_code=bad), "national")
        assert str(bad) in refused.value.message.render("en")
    with pytest.raises(PulledRefused, match="origin"):
        rating_from_wire(_wire(payload, "national", origin="guessed"), "national")


def test_the_reasons_list_is_read_by_level_name_in_the_desk_s_order() -> None:
    body = {
        "version": 3,
        "code_order": "reversed",
        "reasons": {
            "5": [{"code": "G01", "text": "办事效率高"}],
            "1": [{"code": "P02", "text": "x"}],
        },
    }
    reasons = reasons_from_wire(body, CodeOrder.REVERSED)
    assert reasons.version == 3
    assert [r.code for r in reasons.for_level(RatingLevel.VERY_SATISFIED)] == ["G01"]
    assert [r.code for r in reasons.for_level(RatingLevel.VERY_DISSATISFIED)] == ["P02"]
    with pytest.raises(OrderMismatch) as mismatch:
        reasons_from_wire(body, CodeOrder.NATIONAL)
    text = mismatch.value.message.render("en")
    assert "“reversed”" in text and "“national”" in text and "rating_code_order" in text
    for broken in (
        {**body, "version": "3"},
        {**body, "reasons": {"6": []}},
        {**body, "reasons": {"1": [{"code": 1}]}},
        {**body, "reasons": {"1": [{"code": "A", "text": "x"}] * 101}},
    ):
        with pytest.raises(ReplyMalformed):
            reasons_from_wire(broken, CodeOrder.REVERSED)


def _other_desk_contact(desk: Desk, case_uuid: str, seq: int) -> dict[str, Any]:
    contact = _contact(desk)
    return {**contact, "uuid": str(uuid.uuid4()), "case_uuid": case_uuid, "seq": seq}


def test_a_pulled_contact_is_closed_and_marked_rated_when_its_rating_comes(
    demo_desk: Desk,
) -> None:
    clock = Clock(MONDAY)
    own = _rated(demo_desk, RatingLevel.DISSATISFIED, clock)
    case_uuid = own["rating"]["case_uuid"]
    pulled = _other_desk_contact(demo_desk, case_uuid, 2)
    with demo_desk.database.write() as session:
        change = {"seq": 1, "kind": "contact", "contact": pulled}
        assert apply_change(session, change, "national", MONDAY) == 1
        assert apply_change(session, change, "national", MONDAY) == 0  # twice: nothing new
        own_contact = {"seq": 2, "kind": "contact", "contact": _contact(demo_desk)}
        assert apply_change(session, own_contact, "national", MONDAY) == 0
    assert demo_desk.ratings.waiting_contact() is None  # never a prompt on this desk
    states = [(c.seq, c.state) for c in demo_desk.ratings.contacts_of(case_uuid)]
    assert states == [(1, ContactState.RATED), (2, ContactState.UNRATED)]

    default = {
        **_wire(own, "reversed"),
        "uuid": str(uuid.uuid4()),
        "contact_uuid": pulled["uuid"],
        "seq": 2,
        "level_code": 3,
        "origin": "default",
        "reasons": [],
    }
    with demo_desk.database.write() as session:
        change = {"seq": 3, "kind": "rating", "rating": default}
        assert apply_change(session, change, "reversed", MONDAY) == 1
        assert apply_change(session, change, "reversed", MONDAY) == 0
    states = [(c.seq, c.state) for c in demo_desk.ratings.contacts_of(case_uuid)]
    assert states == [(1, ContactState.RATED), (2, ContactState.RATED)]
    kept = {r.seq: (r.level, r.origin) for r in demo_desk.ratings.ratings_on()}
    assert kept == {
        1: (RatingLevel.DISSATISFIED, RatingOrigin.ACTIVE),
        2: (RatingLevel.BASIC, RatingOrigin.DEFAULT),
    }


def test_rows_that_break_the_desk_s_invariants_become_pulled_problems(demo_desk: Desk) -> None:
    clock = Clock(MONDAY)
    own = _rated(demo_desk, RatingLevel.VERY_DISSATISFIED, clock)
    case_uuid = own["rating"]["case_uuid"]
    orphan_rating = str(uuid.uuid4())
    step = {
        "uuid": str(uuid.uuid4()),
        "rating_uuid": orphan_rating,
        "kind": "verify",
        "by": "reviewer",
        "at": MONDAY.isoformat(),
        "payload": {"finding": "true"},
    }
    changes = [
        {"seq": 1, "kind": "contact", "contact": _other_desk_contact(demo_desk, case_uuid, 1)},
        {"seq": 2, "kind": "rating", "rating": _wire(own, "national", level_code=9)},
        {"seq": 3, "kind": "praise", "praise": {}},
        {"seq": 4, "kind": "step", "step": step},
        {"seq": 5, "kind": "step", "step": {**step, "payload": {"finding": "maybe"}}},
    ]
    write = SessionWriter(demo_desk.database, lambda: inline)
    client: Any = None  # not reached: the page is applied as if fetched
    puller = RatingsPuller(demo_desk.database, write, client, "national", clock)
    assert write(lambda session: puller._apply_page(session, 0, copy.deepcopy(changes), 5)) == 0
    with demo_desk.database.read() as session:
        assert sync_repo.get_state(session, RATINGS_CURSOR) == "5"  # the pass went on
    problems = demo_desk.sync.problems()
    assert [(p.kind, p.pulled, p.case_uuid) for p in problems] == [
        ("contact", True, case_uuid),
        ("rating", True, case_uuid),
        ("rating", True, ""),
        ("followup_step", True, ""),
        ("followup_step", True, ""),
    ]
    reasons = [p.reason for p in problems]
    assert "9" in reasons[1] and "praise" in reasons[2]
    assert demo_desk.sync.sent_values(problems[3].id) == {}
    # Tried again while its rating is still missing: refused, the problem stays.
    with pytest.raises(ProblemResolved, match="does not hold"):
        demo_desk.sync.resend(problems[3].id, {}, "supervisor")
    assert len(demo_desk.sync.problems()) == 5
    demo_desk.sync.discard(problems[2].id, "平台测试数据", "supervisor")
    assert len(demo_desk.sync.problems()) == 4
    # Its rating arrives (a contact and a 差评 of another window): tried again, it is stored.
    contact = _other_desk_contact(demo_desk, case_uuid, 2)
    rating = {
        **_wire(own, "national"),
        "uuid": orphan_rating,
        "contact_uuid": contact["uuid"],
        "seq": 2,
    }
    with demo_desk.database.write() as session:
        apply_change(session, {"seq": 6, "kind": "contact", "contact": contact}, "national", MONDAY)
        apply_change(session, {"seq": 7, "kind": "rating", "rating": rating}, "national", MONDAY)
    demo_desk.sync.resend(problems[3].id, {}, "supervisor")
    assert [p.id for p in demo_desk.sync.problems()] == [problems[i].id for i in (0, 1, 4)]
    supervisor = Clerk("supervisor", "值班长", (Role.SUPERVISOR,), "")
    poor = [f for f in demo_desk.ratings.followups(supervisor) if f.rating.uuid == orphan_rating]
    assert [[s.kind for s in f.steps] for f in poor] == [[StepKind.VERIFY]]
