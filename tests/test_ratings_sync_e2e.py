"""好差评 end to end: a real sandbox platform process and desks of their own data directories,
each syncing through its real sync engine.

The visitor rates on the window's display (``desk.ratings``, as the display calls it); the
rating reaches the platform under the code of the configured order (national: 非常满意 = 1;
reversed: 非常满意 = 5), and comes back to the other desks under its level's name. A 差评's
follow-up steps recorded on the back office show on the supervisor's desk; the platform's
追评 and its default for an unrated contact (counted apart) come back on pull; pulling again
counts nothing twice. A desk whose order differs from the platform's refuses the reasons list
and holds its ratings back, saying so.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from case_factory import CLERK, make_case, person
from platform_fixtures import start_sandbox
from service_hall import (
    MARKET,
    Hall,
    open_hall,
    platform_ratings,
    rating_command,
    synced,
)

from clerk_desk.desk import Desk
from clerk_desk.domain.followups import FollowUpState, StepKind
from clerk_desk.domain.ratings import ContactState, RatingLevel, RatingOrigin
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.services import rating_rows
from clerk_desk.sync.engine import ProblemResolved
from local_cache.repositories import sync_repo
from local_cache.schema import OutboxRow

REVIEWER = Clerk("reviewer", "王建国", (Role.REVIEWER,), MARKET)
SUPERVISOR = Clerk("supervisor", "陈静", (Role.SUPERVISOR,), "")
RATED_LEVELS = (RatingLevel.VERY_SATISFIED, RatingLevel.DISSATISFIED)
CODES = {
    "national": {RatingLevel.VERY_SATISFIED: 1, RatingLevel.DISSATISFIED: 4, RatingLevel.BASIC: 3},
    "reversed": {RatingLevel.VERY_SATISFIED: 5, RatingLevel.DISSATISFIED: 2, RatingLevel.BASIC: 3},
}


@pytest.fixture(params=["national", "reversed"])
def order(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def hall(tmp_path: Path, demo_template: Path, order: str) -> Iterator[Hall]:
    server = start_sandbox(tmp_path, f"platform-{order}", ("--rating-code-order", order))
    try:
        with open_hall(server, demo_template, tmp_path / "desks") as hall:
            yield hall
    finally:
        server.stop()


def _desk(hall: Hall, name: str, order: str, *users: str) -> Desk:
    desk = hall.desk(name, *users)
    desk.settings.override("rating_code_order", order)
    return desk


def _visitor_rates(
    window: Desk, sequence: int, level: RatingLevel | None, codes: tuple[str, ...] = ()
) -> str:
    """A case accepted at the window; the visitor presses ``level`` on the display and submits
    (or, with ``None``, walks away). The case's uuid."""
    case = make_case(window, applicant=person(sequence=sequence), accept_by=CLERK)
    contact = window.ratings.waiting_contact()
    assert contact is not None and contact.case_uuid == case.uuid
    if level is None:
        window.ratings.walk_away(contact.uuid)
        return case.uuid
    window.ratings.press(contact.uuid, level)
    window.ratings.submit(contact.uuid, codes, "")
    return case.uuid


def test_ratings_travel_in_the_platform_s_code_and_come_back_by_name(
    hall: Hall, order: str
) -> None:
    window = _desk(hall, "window", order, CLERK)
    good = _visitor_rates(window, 31, RatingLevel.VERY_SATISFIED, ("G01", "G02"))
    hall.at(hall.clock.now + timedelta(minutes=20))
    poor = _visitor_rates(window, 32, RatingLevel.DISSATISFIED, ("P01",))
    hall.at(hall.clock.now + timedelta(minutes=20))
    unrated = _visitor_rates(window, 33, None)
    report = synced(window)
    assert report.pushed == 3 * 4 + 2  # submit, accept, contact, route; two ratings

    # The platform holds the code of the configured order, never the name.
    held = {
        change["rating"]["case_uuid"]: change["rating"]
        for change in platform_ratings(hall)
        if change["kind"] == "rating"
    }
    assert {uuid: rating["level_code"] for uuid, rating in held.items()} == {
        good: CODES[order][RatingLevel.VERY_SATISFIED],
        poor: CODES[order][RatingLevel.DISSATISFIED],
    }
    assert all("level" not in rating for rating in held.values())
    assert [r["code"] for r in held[good]["reasons"]] == ["G01", "G02"]

    # The back office (a reviewer of the case's department) pulls them by name.
    hall.at(hall.clock.now + timedelta(hours=1))
    back = _desk(hall, "back-office", order, REVIEWER.username)
    first = synced(back)
    assert first.ratings == 3 + 2  # three contacts, two ratings
    levels = {r.case_uuid: (r.level, r.origin) for r in back.ratings.ratings_on()}
    assert levels == {
        good: (RatingLevel.VERY_SATISFIED, RatingOrigin.ACTIVE),
        poor: (RatingLevel.DISSATISFIED, RatingOrigin.ACTIVE),
    }
    assert back.ratings.waiting_contact() is None  # a pulled contact never asks a visitor
    assert [c.state for c in back.ratings.contacts_of(unrated)] == [ContactState.UNRATED]
    (followup,) = back.ratings.followups(REVIEWER)
    assert followup.rating.case_uuid == poor
    assert followup.rating.rater_name == "李娜"  # the department handling it sees the rater

    # Its follow-up, by the reviewer on the back office, shows on the supervisor's desk.
    rating_uuid = followup.rating.uuid
    back.ratings.add_step(rating_uuid, StepKind.VERIFY, {"finding": "true"}, REVIEWER)
    hall.at(hall.clock.now + timedelta(hours=1))
    back.ratings.add_step(rating_uuid, StepKind.RECTIFY, {"notes": "增开窗口"}, REVIEWER)
    assert synced(back).pushed == 2
    supervisor = _desk(hall, "supervisor", order, SUPERVISOR.username)
    synced(supervisor)
    (seen,) = supervisor.ratings.followups(SUPERVISOR)
    assert [step.kind for step in seen.steps] == [StepKind.VERIFY, StepKind.RECTIFY]
    assert seen.state is FollowUpState.REPLYING

    # The rater's 追评 and the platform's default for the unrated contact come back.
    appended = rating_command(
        hall, order, "append-rating", "--rating", rating_uuid, "--text", "已改进"
    )
    assert appended.returncode == 0, appended.stderr
    later = (hall.clock.now + timedelta(days=10)).replace(microsecond=0).isoformat()
    defaults = rating_command(hall, order, "apply-default-ratings", "--days", "7", "--now", later)
    assert defaults.returncode == 0, defaults.stderr
    assert synced(supervisor).ratings == 2
    (seen,) = supervisor.ratings.followups(SUPERVISOR)
    assert [step.kind for step in seen.steps][-1] is StepKind.APPEND
    assert seen.steps[-1].payload == {"text": "已改进"}
    ratings = supervisor.ratings.ratings_on()
    by_origin = {
        origin: sorted(str(r.level) for r in ratings if r.origin is origin)
        for origin in RatingOrigin
    }
    assert by_origin == {
        RatingOrigin.ACTIVE: sorted(
            [str(RatingLevel.VERY_SATISFIED), str(RatingLevel.DISSATISFIED)]
        ),
        RatingOrigin.DEFAULT: [str(RatingLevel.BASIC)],
    }
    synced(window)
    (default,) = [r for r in window.ratings.ratings_on() if r.origin is RatingOrigin.DEFAULT]
    assert default.case_uuid == unrated and default.level is RatingLevel.BASIC
    assert [c.state for c in window.ratings.contacts_of(unrated)] == [ContactState.RATED]

    assert synced(back).ratings == 2  # the 追评 and the default (of its department)
    (followup,) = back.ratings.followups(REVIEWER)
    assert [step.kind for step in followup.steps][-1] is StepKind.APPEND

    # Pulling again counts nothing twice, on every desk.
    for desk in (window, back, supervisor):
        before = len(desk.ratings.ratings_on())
        assert synced(desk).ratings == 0
        assert len(desk.ratings.ratings_on()) == before


def test_a_desk_numbering_levels_otherwise_refuses_the_reasons_and_holds_ratings(
    hall: Hall, order: str
) -> None:
    wrong = "reversed" if order == "national" else "national"
    window = _desk(hall, "window", wrong, CLERK)
    case_uuid = _visitor_rates(window, 41, RatingLevel.VERY_SATISFIED, ("G01",))

    status = window.sync.run_once()

    assert status.pending == 1  # the rating waits; the case and its contact went
    assert f"“{order}”" in status.last_error and f"“{wrong}”" in status.last_error
    with window.database.read() as session:
        assert rating_rows.newest_reason_list(session) is None  # the list was not stored
        assert sync_repo.get_state(session, "ratings_cursor") is None  # nor ratings pulled
    assert platform_ratings(hall) and all(c["kind"] == "contact" for c in platform_ratings(hall))
    assert hall.platform.case(case_uuid)["state"] == "in_review"

    window.settings.override("rating_code_order", order)
    synced(window)
    (rating,) = [c["rating"] for c in platform_ratings(hall) if c["kind"] == "rating"]
    assert rating["level_code"] == CODES[order][RatingLevel.VERY_SATISFIED]
    with window.database.read() as session:
        reasons = rating_rows.newest_reason_list(session)
    assert reasons is not None and reasons.version == 1
    assert "G01" in [r.code for r in reasons.for_level(RatingLevel.VERY_SATISFIED)]


def test_a_refused_rating_is_a_sync_problem_and_discarding_it_keeps_it_here(
    hall: Hall, order: str
) -> None:
    window = _desk(hall, "window", order, CLERK)
    _visitor_rates(window, 51, RatingLevel.SATISFIED, ("G02",))
    with window.database.write() as session:
        (row,) = session.query(OutboxRow).filter(OutboxRow.kind == "rating").all()
        payload = dict(row.payload)
        payload["rating"] = {**payload["rating"], "reasons_version": 99}  # never published
        sync_repo.set_payload(session, row.id, payload)

    status = window.sync.run_once()

    assert (status.pending, status.refused) == (0, 1)
    (problem,) = window.sync.problems()
    assert (problem.kind, problem.status_code, problem.pulled) == ("rating", 422, False)
    assert any("reasons_version" in path for path, _ in problem.fields)
    assert window.sync.sent_values(problem.id) == {}
    with pytest.raises(ProblemResolved):
        window.sync.resend(problem.id, {"rating.reasons_version": "1"}, "supervisor")
    window.sync.discard(problem.id, "理由清单版本有误", "supervisor")
    assert window.sync.problems() == []
    assert synced(window).pushed == 0
    assert [r.level for r in window.ratings.ratings_on()] == [RatingLevel.SATISFIED]
    assert not [c for c in platform_ratings(hall) if c["kind"] == "rating"]
