"""Pulling the platform's changes into a desk: by the platform's cursor, never the desk's clock."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from case_factory import CLERK, FORM, Clock, make_case, person, write_pdf
from platform_fixtures import SandboxProcess
from sync_helpers import FOOD_APPROVAL, PlatformView, platform_desk

from clerk_desk.desk import Desk
from clerk_desk.domain.case_states import CaseState
from local_cache.repositories import sync_repo


def _cursor(desk: Desk) -> int:
    with desk.database.read() as session:
        return int(sync_repo.get_state(session, "cursor") or 0)


def test_events_recorded_elsewhere_reach_the_desk_s_history_and_state(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    desk = platform_desk(tmp_path / "desk", demo_template, sandbox_server.url)
    case = make_case(
        desk,
        clock=Clock(datetime.now()),
        attach=write_pdf(tmp_path / "files"),
        attach_to=FORM,
        accept_by=CLERK,
    )
    desk.sync.run_once()
    cursor = _cursor(desk)
    platform = PlatformView(sandbox_server.url)
    platform.post_event(case.uuid, "approve", "decided", "reviewer", FOOD_APPROVAL)
    last = platform.post_event(case.uuid, "result_ready", "ready_for_pickup", "reviewer")

    report = desk.sync.run_pass()

    assert report.pulled == 2
    stored = desk.intake.case(case.uuid)
    assert stored is not None and stored.state is CaseState.READY_FOR_PICKUP
    history = desk.intake.events(case.uuid)
    assert [(e.seq, e.event, e.by) for e in history] == [
        (1, "submit", "clerk"),
        (2, "accept", "clerk"),
        (3, "route", "clerk"),
        (4, "approve", "reviewer"),
        (5, "result_ready", "reviewer"),
    ]
    assert history[-1].to_state is CaseState.READY_FOR_PICKUP
    (part,) = stored.parts
    assert (part.state, part.result_number) == ("decided", FOOD_APPROVAL["result_number"])
    assert _cursor(desk) == last["seq"] > cursor
    assert desk.sync.run_pass().pulled == 0
    desk.close()


def test_a_desk_whose_clock_is_a_day_wrong_still_gets_every_change(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    now = datetime.now()
    window = platform_desk(tmp_path / "window", demo_template, sandbox_server.url)
    cases = [
        make_case(window, clock=Clock(now), applicant=person(sequence=number), accept_by=CLERK)
        for number in (21, 22)
    ]
    window.sync.run_once()
    platform = PlatformView(sandbox_server.url)
    platform.post_event(cases[0].uuid, "approve", "decided", "reviewer", FOOD_APPROVAL)
    window.close()

    late = Clock(now - timedelta(days=1))
    desk = platform_desk(tmp_path / "late-desk", demo_template, sandbox_server.url, late)
    report = desk.sync.run_pass()

    assert report.pulled == 7  # two cases created, accepted and routed; one approval
    first, second = (desk.intake.case(case.uuid) for case in cases)
    assert first is not None and first.state is CaseState.DECIDED
    assert second is not None and second.state is CaseState.IN_REVIEW
    assert [e.event for e in desk.intake.events(cases[0].uuid)] == [
        "submit",
        "accept",
        "route",
        "approve",
    ]
    late.now = now + timedelta(days=1)
    platform.post_event(cases[1].uuid, "approve", "decided", "reviewer", FOOD_APPROVAL)
    assert desk.sync.run_pass().pulled == 1
    again = desk.intake.case(cases[1].uuid)
    assert again is not None and again.state is CaseState.DECIDED
    desk.close()
