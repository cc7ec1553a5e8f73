"""好差评 at the desk: a contact per intake decision and hand-over, the visitor's press timed by
the desk, nothing counted twice, ratings immutable, levels mapped only at the boundary, and a
差评's follow-up walked step by step."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from case_factory import CLERK, Clock, make_case
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from clerk_desk.desk import Desk
from clerk_desk.domain.followups import FollowUpState, StepKind, step_problem
from clerk_desk.domain.ratings import (
    DEFAULT_REASONS,
    LEVELS,
    CodeOrder,
    ContactKind,
    ContactState,
    RatingCodeError,
    RatingLevel,
    Reason,
    ReasonList,
    level_code,
    level_from_code,
)
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.services import rating_rows
from clerk_desk.services.ratings import RatingRefused, RatingService

MONDAY = datetime(2026, 11, 2, 9, 30)
SUPERVISOR = Clerk("supervisor", "值班长", (Role.SUPERVISOR,), "")
MARKET = Clerk("reviewer", "审批员", (Role.REVIEWER,), "市场监督管理局")
POLICE = Clerk("police", "公安审批员", (Role.REVIEWER,), "公安局")


def ratings_of(desk: Desk, clock: Clock) -> RatingService:
    return RatingService(desk.database, desk.settings, clock, desk.intake.work_calendar)


def accepted(desk: Desk, clock: Clock) -> str:
    case = make_case(desk, clock=clock, accept_by=CLERK)
    return case.uuid


def outbox_kinds(desk: Desk) -> list[str]:
    with desk.database.read() as session:
        return [row for (row,) in session.execute(text("SELECT kind FROM outbox ORDER BY id"))]


def test_levels_map_to_codes_in_either_order() -> None:
    assert [level_code(level, CodeOrder.NATIONAL) for level in LEVELS] == [1, 2, 3, 4, 5]
    assert [level_code(level, CodeOrder.REVERSED) for level in LEVELS] == [5, 4, 3, 2, 1]
    for order in CodeOrder:
        for level in LEVELS:
            assert level_from_code(level_code(level, order), order) is level
    assert level_from_code(1, "reversed") is RatingLevel.VERY_DISSATISFIED
    for bad in (0, 6, "1", True, None):
        with pytest.raises(RatingCodeError):
            level_from_code(bad, CodeOrder.NATIONAL)


def test_an_intake_decision_opens_a_contact_the_visitor_rates(demo_desk: Desk) -> None:
    clock = Clock(MONDAY)
    ratings = ratings_of(demo_desk, clock)
    case_uuid = accepted(demo_desk, clock)
    assert outbox_kinds(demo_desk) == ["submit", "accept", "contact", "route"]
    contact = ratings.waiting_contact()
    assert contact is not None
    assert (contact.case_uuid, contact.kind, contact.seq) == (case_uuid, ContactKind.INTAKE, 1)
    assert contact.staff == CLERK and contact.department == "市场监督管理局"

    clock.now = MONDAY + timedelta(seconds=20)
    ratings.press(contact.uuid, RatingLevel.SATISFIED)
    clock.now = MONDAY + timedelta(seconds=50)
    with pytest.raises(RatingRefused):
        ratings.press(contact.uuid, RatingLevel.VERY_DISSATISFIED)  # a double press
    rating = ratings.submit(contact.uuid, ["G01", "G02"], " 很快 ")
    assert rating.rated_at == MONDAY + timedelta(seconds=20)  # when the visitor pressed
    assert rating.level is RatingLevel.SATISFIED
    assert [r.text for r in rating.reasons] == ["办事效率高", "服务态度好"]
    assert rating.comment == "很快" and rating.rater_name == "李娜"
    with pytest.raises(RatingRefused):
        ratings.submit(contact.uuid, [], "")  # a second submit counts nothing
    assert ratings.waiting_contact() is None
    assert [r.uuid for r in ratings.ratings_on(MONDAY.date())] == [rating.uuid]
    assert outbox_kinds(demo_desk)[-1] == "rating"


def test_a_press_after_the_contact_timed_out_is_refused(demo_desk: Desk) -> None:
    clock = Clock(MONDAY)
    ratings = ratings_of(demo_desk, clock)
    case_uuid = accepted(demo_desk, clock)
    contact = ratings.waiting_contact()
    assert contact is not None
    clock.now = MONDAY + timedelta(seconds=181)
    with pytest.raises(RatingRefused):
        ratings.press(contact.uuid, RatingLevel.VERY_SATISFIED)
    assert ratings.waiting_contact() is None
    assert [c.state for c in ratings.contacts_of(case_uuid)] == [ContactState.UNRATED]
    assert ratings.ratings_on() == []


def test_the_next_visitor_closes_the_last_contact(demo_desk: Desk) -> None:
    clock = Clock(MONDAY)
    ratings = ratings_of(demo_desk, clock)
    first = accepted(demo_desk, clock)
    contact = ratings.waiting_contact()
    assert contact is not None
    ratings.press(contact.uuid, RatingLevel.BASIC)  # then walked off without the reasons
    clock.now = MONDAY + timedelta(minutes=1)
    accepted(demo_desk, clock)
    kept = ratings.ratings_on()
    assert [(r.case_uuid, r.level, r.reasons) for r in kept] == [(first, RatingLevel.BASIC, ())]
    waiting = ratings.waiting_contact()
    assert waiting is not None and waiting.case_uuid != first


def test_ratings_are_immutable_in_the_database(demo_desk: Desk) -> None:
    clock = Clock(MONDAY)
    ratings = ratings_of(demo_desk, clock)
    accepted(demo_desk, clock)
    contact = ratings.waiting_contact()
    assert contact is not None
    ratings.press(contact.uuid, RatingLevel.VERY_DISSATISFIED)
    ratings.submit(contact.uuid)
    for statement in ("UPDATE ratings SET level = '非常满意'", "DELETE FROM ratings"):
        with (
            pytest.raises(DatabaseError, match="immutable"),
            demo_desk.database.write() as session,
        ):
            session.execute(text(statement))
    assert [r.level for r in ratings.ratings_on()] == [RatingLevel.VERY_DISSATISFIED]


def test_a_reason_of_an_older_list_version_is_kept_with_its_version(demo_desk: Desk) -> None:
    clock = Clock(MONDAY)
    ratings = ratings_of(demo_desk, clock)
    newer = ReasonList(2, {RatingLevel.SATISFIED: (Reason("S9", "新理由"),)})
    with demo_desk.database.write() as session:
        rating_rows.store_reason_list(session, DEFAULT_REASONS, MONDAY)
        rating_rows.store_reason_list(session, newer, MONDAY)
    assert ratings.reason_list().version == 2
    accepted(demo_desk, clock)
    contact = ratings.waiting_contact()
    assert contact is not None
    ratings.press(contact.uuid, RatingLevel.SATISFIED)
    with pytest.raises(RatingRefused, match="G01"):
        ratings.submit(contact.uuid, ["G01"])  # not in version 2
    rating = ratings.submit(contact.uuid, ["G01"], reasons_version=1)  # the display showed 1
    assert (rating.reasons_version, rating.reasons[0].text) == (1, "办事效率高")


def test_a_poor_rating_walks_through_every_follow_up_step(demo_desk: Desk) -> None:
    clock = Clock(MONDAY)
    ratings = ratings_of(demo_desk, clock)
    accepted(demo_desk, clock)
    contact = ratings.waiting_contact()
    assert contact is not None
    ratings.press(contact.uuid, RatingLevel.DISSATISFIED)
    rating = ratings.submit(contact.uuid, ["P01"])
    assert ratings.followups(Clerk("clerk", "窗口", (Role.INTAKE_CLERK,), "")) == []
    assert ratings.followups(POLICE) == []
    (followup,) = ratings.followups(MARKET, date(2026, 11, 9))
    assert followup.state is FollowUpState.VERIFYING
    assert followup.deadline == date(2026, 11, 9) and not followup.overdue
    assert ratings.followups(MARKET, date(2026, 11, 10))[0].overdue
    with pytest.raises(RatingRefused, match="市场监督管理局"):
        ratings.add_step(rating.uuid, StepKind.VERIFY, {"finding": "true"}, POLICE)
    with pytest.raises(RatingRefused):
        ratings.add_step(rating.uuid, StepKind.RECTIFY, {"notes": "x"}, MARKET)  # not yet
    ratings.add_step(
        rating.uuid, StepKind.VERIFY, {"finding": "true", "notes": "等候 40 分钟"}, MARKET
    )
    with pytest.raises(RatingRefused):
        ratings.add_step(
            rating.uuid, StepKind.APPEAL, {"decision": "strike", "reason": "x"}, MARKET
        )
    ratings.add_step(
        rating.uuid, StepKind.APPEAL, {"decision": "uphold", "reason": "属实"}, SUPERVISOR
    )
    ratings.add_step(rating.uuid, StepKind.RECTIFY, {"notes": "增开窗口"}, MARKET)
    ratings.add_step(rating.uuid, StepKind.REPLY, {"text": "已增开窗口"}, MARKET)
    ratings.add_step(rating.uuid, StepKind.CALLBACK, {"outcome": "satisfied"}, MARKET)
    (followup,) = ratings.followups(SUPERVISOR, date(2026, 11, 30))
    assert followup.state is FollowUpState.CLOSED and not followup.overdue
    assert [s.kind for s in followup.steps] == [
        StepKind.VERIFY,
        StepKind.APPEAL,
        StepKind.RECTIFY,
        StepKind.REPLY,
        StepKind.CALLBACK,
    ]
    assert followup.rating.rater_name == "李娜"
    assert RatingService.sees_rater(MARKET, followup.rating)
    assert not RatingService.sees_rater(POLICE, followup.rating)
    assert step_problem(followup.steps, StepKind.APPEND, {"text": "好"}, ["supervisor"]) is not None
    assert (
        step_problem(followup.steps, StepKind.APPEND, {"text": "好"}, [], from_platform=True)
        is None
    )


def test_a_supervisor_strikes_a_malicious_rating_and_keeps_it(demo_desk: Desk) -> None:
    clock = Clock(MONDAY)
    ratings = ratings_of(demo_desk, clock)
    accepted(demo_desk, clock)
    contact = ratings.waiting_contact()
    assert contact is not None
    ratings.press(contact.uuid, RatingLevel.VERY_DISSATISFIED)
    rating = ratings.submit(contact.uuid)
    ratings.add_step(rating.uuid, StepKind.VERIFY, {"finding": "malicious"}, MARKET)
    ratings.add_step(
        rating.uuid,
        StepKind.APPEAL,
        {"decision": "strike", "reason": "与办件无关的恶意评价"},
        SUPERVISOR,
    )
    (kept,) = ratings.ratings_on()
    assert kept.struck and kept.level is RatingLevel.VERY_DISSATISFIED
    assert ratings.followups(SUPERVISOR)[0].state is FollowUpState.STRUCK
