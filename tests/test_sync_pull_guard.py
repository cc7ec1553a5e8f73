"""A pulled change that breaks the desk's invariants is not applied: it lands in 同步问题.

The platform is made hostile by writing its change feed directly (``serve_changes``, as a
broken or compromised platform would serve it); the desk must keep its case under its own
number, take no case of another centre, move its cursor on, and keep what was pulled with
the problem.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from case_factory import CLERK, Clock, make_case
from platform_fixtures import SandboxProcess
from sqlalchemy import select
from sync_helpers import PlatformView, platform_desk, renumbered, serve_changes

from clerk_desk.desk import Desk
from clerk_desk.domain.case_number import make_case_no
from clerk_desk.i18n import Message
from clerk_desk.sync.pulled_checks import refusal
from local_cache.repositories import sync_repo
from local_cache.schema import SyncProblemRow


def _cursor(desk: Desk) -> int:
    with desk.database.read() as session:
        return int(sync_repo.get_state(session, "cursor") or 0)


def test_a_hostile_pulled_change_lands_in_sync_problems_and_the_case_keeps_its_number(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    desk = platform_desk(tmp_path / "desk", demo_template, sandbox_server.url)
    case = make_case(desk, clock=Clock(datetime.now()), accept_by=CLERK)
    assert case.case_no is not None
    desk.sync.run_once()
    assert desk.sync.problems() == []

    held = PlatformView(sandbox_server.url).case(case.uuid)
    held.pop("history")
    bad_check = case.case_no[:-1] + ("0" if case.case_no[-1] != "0" else "1")
    other_centre = make_case_no("340200", date.today(), 3, 7)
    own_valid = make_case_no("340100", date.today(), 3, 9998)
    stranger = renumbered(held, other_centre, uuid=str(uuid.uuid4()))
    stranger["document"]["uuid"] = stranger["uuid"]
    last = serve_changes(
        sandbox_server.db_url,
        [
            (renumbered(held, bad_check), "route"),
            (renumbered(held, own_valid, state="in_review"), "route"),
            (stranger, "route"),
        ],
    )

    desk.sync.run_once()

    kept = desk.intake.case(case.uuid)
    assert kept is not None and kept.case_no == case.case_no
    assert desk.intake.case_by_number(case.case_no) is not None
    assert kept.state.value == "accepted"  # nothing of the refused changes was applied
    assert desk.intake.case(stranger["uuid"]) is None
    assert _cursor(desk) == last  # the cursor moved on
    problems = desk.sync.problems()  # in the shipped language, Chinese
    assert [(p.pulled, p.kind, p.status_code) for p in problems] == [(True, "route", 0)] * 3
    assert [p.case_no for p in problems] == [case.case_no, case.case_no, other_centre]
    assert bad_check in problems[0].reason and "校验" in problems[0].reason
    assert own_valid in problems[1].reason and case.case_no in problems[1].reason
    assert "340200" in problems[2].reason
    assert desk.sync.status().refused == 3
    with desk.database.read() as session:
        rows = list(session.scalars(select(SyncProblemRow).order_by(SyncProblemRow.id)))
        assert rows[0].pulled is not None and rows[0].pulled["case"]["case_no"] == bad_check
    assert desk.sync.sent_values(problems[0].id) == {}

    # Discarded with a reason; fetched again (the platform's own case is sound).
    desk.sync.discard(problems[2].id, "不是本中心的办件", by="supervisor")
    desk.sync.discard(problems[1].id, "平台改号，已电话核实", by="supervisor")
    desk.sync.resend(problems[0].id, {}, by="supervisor")
    assert desk.sync.problems() == []
    desk.sync.run_once()
    assert desk.sync.problems() == []
    again = desk.intake.case(case.uuid)
    assert again is not None and again.case_no == case.case_no
    with desk.database.read() as session:
        resolutions = session.execute(
            select(SyncProblemRow.resolution, SyncProblemRow.resolution_reason).order_by(
                SyncProblemRow.id
            )
        ).all()
    assert [tuple(row) for row in resolutions] == [
        ("refetched", ""),
        ("discarded", "平台改号，已电话核实"),
        ("discarded", "不是本中心的办件"),
    ]
    desk.close()


def test_a_case_of_another_centre_fetched_again_is_not_found_and_not_asked_for_again(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    desk = platform_desk(tmp_path / "desk", demo_template, sandbox_server.url)
    case = make_case(desk, clock=Clock(datetime.now()), accept_by=CLERK)
    desk.sync.run_once()
    held = PlatformView(sandbox_server.url).case(case.uuid)
    held.pop("history")
    stranger = renumbered(held, make_case_no("340200", date.today(), 3, 7), uuid=str(uuid.uuid4()))
    stranger["document"]["uuid"] = stranger["uuid"]
    serve_changes(sandbox_server.db_url, [(stranger, "route")])
    desk.sync.run_once()
    (problem,) = desk.sync.problems()

    desk.sync.resend(problem.id, {}, by="supervisor")  # fetch again: the platform has no such case
    desk.sync.run_once()

    assert desk.sync.problems() == []
    assert desk.intake.case(stranger["uuid"]) is None
    with desk.database.read() as session:
        assert sync_repo.get_state(session, "deferred_cases") == "[]"
    desk.close()


def _view(state: str) -> dict[str, Any]:
    """A well-formed case of this desk's centre, as the platform's changes feed shows it."""
    case_no = make_case_no("340100", date(2026, 10, 12), 3, 1)
    case_uuid = str(uuid.uuid4())
    return {
        "uuid": case_uuid,
        "case_no": case_no,
        "state": state,
        "document": {"uuid": case_uuid, "case_no": case_no},
    }


def _step(event: str, from_state: str, to_state: str) -> Message | None:
    step = {"event": event, "from_state": from_state, "to_state": to_state}
    return refusal(_view(to_state), [step], "340100", None)


@pytest.mark.parametrize(
    ("event", "from_state", "to_state"),
    [
        ("route", "accepted", "in_review"),
        ("pause", "in_review", "paused"),
        ("pause", "in_review", "in_review"),  # another department's part is still in review
        ("resume", "paused", "in_review"),
        ("resume", "in_review", "in_review"),  # one part of two resumes
        ("extend", "in_review", "in_review"),
        ("approve", "in_review", "decided"),
        ("approve", "in_review", "in_review"),  # the other part is not decided yet
        ("deny", "in_review", "paused"),  # the other part is paused
        ("request_supplement", "in_review", "awaiting_supplement"),
        ("result_ready", "decided", "ready_for_pickup"),
        ("pay", "in_review", "in_review"),
        ("attach_transfer_sheet", "decided", "decided"),
        ("hand_over", "ready_for_pickup", "delivered"),
        ("ship", "ready_for_pickup", "shipped"),
        ("deliver", "shipped", "delivered"),
        ("deadline_recomputed", "paused", "paused"),
    ],
)
def test_the_steps_of_review_and_output_pulled_from_the_platform_are_applied(
    event: str, from_state: str, to_state: str
) -> None:
    assert _step(event, from_state, to_state) is None


@pytest.mark.parametrize(
    ("event", "from_state", "to_state"),
    [
        ("route", "received", "in_review"),
        ("pause", "paused", "paused"),  # no part left in review to pause
        ("resume", "in_review", "paused"),
        ("extend", "in_review", "paused"),
        ("approve", "paused", "decided"),  # a paused part is not decided
        ("deny", "accepted", "decided"),
        ("ship", "decided", "shipped"),  # not before the result is ready
        ("deliver", "ready_for_pickup", "delivered"),
        ("pay", "delivered", "delivered"),
        ("review", "in_review", "decided"),  # a name the life cycle does not know
    ],
)
def test_a_step_no_part_or_state_allows_is_refused(
    event: str, from_state: str, to_state: str
) -> None:
    refused = _step(event, from_state, to_state)
    assert refused is not None
    assert f"“{event}” from “{from_state}” to “{to_state}”" in refused.render("en")
