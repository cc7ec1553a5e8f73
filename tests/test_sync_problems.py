"""Rows the platform refuses become sync problems: the platform's reason, fix and resend, or
discard with a reason; the later rows of that case wait, other cases go on."""

from __future__ import annotations

import copy
from datetime import datetime
from pathlib import Path

import pytest
from case_factory import CLERK, Clock, make_case, person
from platform_fixtures import SandboxProcess
from sqlalchemy import select
from sync_helpers import PlatformView, platform_desk

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case
from clerk_desk.domain.case_number import make_case_no
from clerk_desk.sync.engine import ProblemResolved
from local_cache.schema import OutboxRow, SyncProblemRow


def _break_id_number(desk: Desk, case: Case) -> str:
    """Give the case's outbox rows an ID number with a wrong check digit, as a desk with a
    laxer check might have sent; the valid number is returned."""
    valid = case.applicant.id_number
    wrong = valid[:-1] + ("1" if valid[-1] != "1" else "2")
    with desk.database.write() as session:
        for row in session.scalars(select(OutboxRow).where(OutboxRow.case_uuid == case.uuid)):
            if "case" not in row.payload:
                continue  # the rating contact carries no case document
            payload = copy.deepcopy(row.payload)
            payload["case"]["applicant"]["id_number"] = wrong
            row.payload = payload
    return valid


def test_a_case_number_another_window_holds_is_a_problem_until_resent_with_a_new_one(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    clock = Clock(datetime.now())
    first = platform_desk(tmp_path / "first", demo_template, sandbox_server.url)
    second = platform_desk(tmp_path / "second", demo_template, sandbox_server.url)
    theirs = make_case(first, clock=clock, accept_by=CLERK)
    ours = make_case(second, clock=clock, applicant=person(sequence=31), accept_by=CLERK)
    other = make_case(second, clock=clock, applicant=person(sequence=32), accept_by=CLERK)
    assert theirs.case_no == ours.case_no  # both desks were set up as window 3
    first.sync.run_once()

    status = second.sync.run_once()

    (problem,) = second.sync.problems()
    assert (problem.case_uuid, problem.case_no, problem.kind) == (ours.uuid, ours.case_no, "submit")
    assert problem.status_code == 409
    assert problem.reason == f"办件编号{ours.case_no}已被另一个办件使用"
    assert (status.refused, status.pending) == (1, 3)  # acceptance, contact, route wait
    platform = PlatformView(sandbox_server.url)
    assert platform.case(other.uuid)["state"] == "in_review"
    assert second.intake.case(theirs.uuid) is None  # its number is held here: later

    new_no = make_case_no("340100", clock.now.date(), 4, 1)
    second.sync.resend(problem.id, {"case.case_no": new_no}, by="supervisor")
    status = second.sync.run_once()

    assert (status.refused, status.pending) == (0, 0), second.sync.problems()
    view = platform.case(ours.uuid)
    assert (view["case_no"], view["state"]) == (new_no, "in_review")
    local = second.intake.case(ours.uuid)
    assert local is not None and local.case_no == new_no
    pulled = second.intake.case(theirs.uuid)
    assert pulled is not None and pulled.case_no == theirs.case_no
    first.close()
    second.close()


def test_an_invalid_id_number_is_named_by_the_platform_and_resent_corrected(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    clock = Clock(datetime.now())
    desk = platform_desk(tmp_path / "desk", demo_template, sandbox_server.url)
    bad = make_case(desk, clock=clock, applicant=person(sequence=41), accept_by=CLERK)
    valid = _break_id_number(desk, bad)
    good = make_case(desk, clock=clock, applicant=person(sequence=42), accept_by=CLERK)

    status = desk.sync.run_once()

    (problem,) = desk.sync.problems()
    assert (problem.case_uuid, problem.kind, problem.status_code) == (bad.uuid, "submit", 422)
    assert [path for path, _ in problem.fields] == ["case.applicant.id_number"]
    assert all(message for _, message in problem.fields)
    assert (status.refused, status.pending) == (1, 3)  # its acceptance, contact, route wait
    platform = PlatformView(sandbox_server.url)
    assert platform.case(good.uuid)["state"] == "in_review"

    desk.sync.resend(problem.id, {"case.applicant.id_number": valid}, by="clerk")
    status = desk.sync.run_once()

    assert (status.refused, status.pending) == (0, 0)
    view = platform.case(bad.uuid)
    assert view["state"] == "in_review"
    assert view["document"]["applicant"]["id_number"] == valid
    with desk.database.read() as session:
        record = session.scalars(select(SyncProblemRow)).one()
    assert (record.resolution, record.resolved_by) == ("resent", "clerk")
    desk.close()


def test_discarding_needs_a_reason_is_recorded_and_lets_the_later_rows_go(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    desk = platform_desk(tmp_path / "desk", demo_template, sandbox_server.url)
    case = make_case(
        desk, clock=Clock(datetime.now()), applicant=person(sequence=51), accept_by=CLERK
    )
    _break_id_number(desk, case)
    desk.sync.run_once()
    (problem,) = desk.sync.problems()

    with pytest.raises(ProblemResolved):
        desk.sync.discard(problem.id, "  ", by="supervisor")
    assert desk.sync.status().refused == 1

    desk.sync.discard(problem.id, "申请人身份证号码有误，已重新收件", by="supervisor")

    with desk.database.read() as session:
        record = session.get(SyncProblemRow, problem.id)
        assert record is not None
        assert (record.resolution, record.resolved_by, record.resolution_reason) == (
            "discarded",
            "supervisor",
            "申请人身份证号码有误，已重新收件",
        )
        assert record.resolved_at is not None
    with pytest.raises(ProblemResolved):
        desk.sync.discard(problem.id, "again", by="supervisor")
    # The acceptance now goes, and the platform, which never got the case, refuses it too:
    # it is listed, not dropped; the route waits behind it.
    status = desk.sync.run_once()
    (after,) = desk.sync.problems()
    assert (after.case_uuid, after.kind) == (case.uuid, "accept")
    assert (status.refused, status.pending) == (1, 2)  # its contact and route wait
    desk.close()
