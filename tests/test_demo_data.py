"""Demo cases: made through the intake service, realistic, valid, and the same for a seed."""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from case_factory import Clock
from platform_fixtures import start_sandbox
from sync_helpers import platform_desk

from clerk_desk import cli
from clerk_desk.desk import Desk
from clerk_desk.domain import output_rules
from clerk_desk.domain.assistance import AssistanceKind, AssistanceReason
from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case import ApplicantKind, Case, MaterialMark, Outcome
from clerk_desk.domain.case_number import is_valid_case_no
from clerk_desk.domain.case_states import CaseEvent, CaseState
from clerk_desk.domain.followups import FollowUpState, StepKind
from clerk_desk.domain.identity import validate_credit_code, validate_id_number, validate_phone
from clerk_desk.domain.proxy import NextStep, ProxyState
from clerk_desk.domain.ratings import DEFAULT_REASONS, LEVELS, ContactKind, ContactState
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.services import rating_rows
from clerk_desk.services.demo_data import DemoDataError, make_demo_cases
from clerk_desk.services.intake import CaseQuery
from clerk_desk.sync.pulled_checks import refusal

NOW = datetime(2026, 11, 20, 8, 0)  # a Friday morning, before the hall opens
SEED = 20261120
SUPERVISOR = Clerk("supervisor", "陈静", (Role.SUPERVISOR,), "")


def open_copy(template: Path, root: Path) -> Desk:
    shutil.copytree(template, root)
    return Desk.open(root, demo_mode=True, clock=Clock(NOW))


@pytest.fixture
def seeded(tmp_path: Path, demo_template: Path) -> Iterator[Desk]:
    desk = open_copy(demo_template, tmp_path / "seeded")
    make_demo_cases(desk, 50, 10, SEED)
    yield desk
    desk.close()


@pytest.fixture(scope="module")
def lived(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Iterator[Desk]:
    """120 cases over four weeks: long enough for every step of review and output."""
    desk = open_copy(demo_template, tmp_path_factory.mktemp("lived") / "desk")
    make_demo_cases(desk, 120, 20, SEED)
    yield desk
    desk.close()


def all_cases(desk: Desk) -> list[Case]:
    summaries = desk.intake.find_cases(CaseQuery(limit=1000))
    summaries += desk.intake.find_cases(CaseQuery(state=CaseState.DRAFT, limit=1000))
    cases = [desk.intake.case(summary.uuid) for summary in summaries]
    return sorted((case for case in cases if case is not None), key=lambda c: c.created_at)


def test_fifty_cases_with_a_mix_of_decisions(seeded: Desk) -> None:
    cases = all_cases(seeded)
    assert len(cases) == 50
    states = {case.state for case in cases}
    assert {
        CaseState.IN_REVIEW,
        CaseState.AWAITING_SUPPLEMENT,
        CaseState.REJECTED,
        CaseState.DRAFT,
    } <= states
    decisions = {event.event for case in cases for event in seeded.intake.events(case.uuid)}
    assert {"submit", "accept", "route", "notify_missing", "reject"} <= decisions
    rejected = [case for case in cases if case.state is CaseState.REJECTED]
    assert all(seeded.intake.events(case.uuid)[-1].reason for case in rejected)


def test_every_number_is_valid(seeded: Desk) -> None:
    cases = all_cases(seeded)
    kinds = {case.applicant.kind for case in cases}
    assert kinds == {ApplicantKind.INDIVIDUAL, ApplicantKind.ORGANISATION}
    for case in cases:
        applicant = case.applicant
        if applicant.kind is ApplicantKind.INDIVIDUAL:
            assert validate_id_number(applicant.id_number, NOW.date()).ok, applicant
        else:
            assert validate_credit_code(applicant.credit_code).ok, applicant
            assert applicant.legal_representative
        assert validate_phone(applicant.phone).ok, applicant
        if case.agent is not None:
            assert validate_id_number(case.agent.id_number, NOW.date()).ok, case.agent
    numbers = [case.case_no for case in cases if case.case_no is not None]
    assert len(numbers) == len(set(numbers)) == sum(c.state is not CaseState.DRAFT for c in cases)
    assert all(is_valid_case_no(number) for number in numbers)


def test_two_character_names_are_common(seeded: Desk) -> None:
    names = [c.applicant.name for c in all_cases(seeded) if c.applicant.kind == "individual"]
    assert any(len(name) == 2 for name in names)
    assert any(len(name) == 3 for name in names)


def test_cases_fall_in_opening_hours_of_the_working_days_before_today(seeded: Desk) -> None:
    calendar = WorkCalendar()
    for case in all_cases(seeded):
        if case.received_at is None:
            continue
        day = case.received_at.date()
        assert date(2026, 11, 10) <= day < NOW.date()
        assert calendar.is_workday(day)
        assert time(9) <= case.received_at.time() < time(17)
        assert not time(12) <= case.received_at.time() < time(13)
        assert case.decided_at == case.received_at
        assert case.created_at < case.received_at
        assert case.case_no is not None and case.case_no[6:14] == f"{day:%Y%m%d}"


def test_gaps_have_a_supplement_deadline_within_the_committed_one(seeded: Desk) -> None:
    gap_cases = [
        case
        for case in all_cases(seeded)
        if any(e.event == CaseEvent.ACCEPT_WITH_GAPS for e in seeded.intake.events(case.uuid))
    ]
    for case in gap_cases:
        assert case.supplement_deadline is not None and case.committed_deadline is not None
        assert case.accepted_on is not None
        assert case.accepted_on <= case.supplement_deadline <= case.committed_deadline


def test_the_same_seed_makes_the_same_cases(
    seeded: Desk, tmp_path: Path, demo_template: Path
) -> None:
    def facts(desk: Desk) -> list[tuple[object, ...]]:
        cases = [
            (c.case_no, c.state, c.applicant.name, c.applicant.key_number, c.item_codes)
            for c in all_cases(desk)
        ]
        ratings = [
            (r.case_no, r.seq, r.level, r.rated_at, r.reasons, r.comment, r.struck)
            for r in desk.ratings.ratings_on()
        ]
        steps = [
            (f.rating.case_no, [(s.kind, s.by, s.at, s.payload) for s in f.steps])
            for f in desk.ratings.followups(SUPERVISOR, NOW.date())
        ]
        return [*cases, *ratings, *steps]

    with open_copy(demo_template, tmp_path / "again") as again:
        make_demo_cases(again, 50, 10, SEED)
        assert facts(again) == facts(seeded)
    with open_copy(demo_template, tmp_path / "other") as other:
        make_demo_cases(other, 50, 10, SEED + 1)
        assert facts(other) != facts(seeded)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main([*argv, "--lang", "en"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_makes_cases_with_a_progress_line(
    demo_desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(demo_desk.data_dir.root)
    code, out, err = run(capsys, "demo-data", "--cases", "12", "--days", "3", "--demo",
                         "--data-dir", root)  # fmt: skip
    assert code == 0
    assert "Making demo cases: 12/12" in err
    assert out.startswith("Made 12 demo cases over 3 days: ")
    listed = demo_desk.intake.find_cases(CaseQuery())
    drafts = demo_desk.intake.find_cases(CaseQuery(state=CaseState.DRAFT))
    assert len(listed) + len(drafts) == 12
    code, out, err = run(capsys, "ratings", "list", "--json", "--demo", "--data-dir", root)
    assert (code, err) == (0, "")
    ratings = json.loads(out)
    numbers = {case.case_no for case in listed}
    assert ratings and all(rating["case_no"] in numbers for rating in ratings)
    assert all(rating["level"] in {str(level) for level in LEVELS} for rating in ratings)
    assert all(rating["staff"] and rating["rated_at"] for rating in ratings)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--cases", "-5"], "The number of cases must be from 1 to 200000"),
        (["--cases", "0"], "The number of cases must be from 1 to 200000"),
        (["--cases", "200001"], "The number of cases must be from 1 to 200000"),
        (["--cases", "10", "--days", "0"], "The number of days must be from 1 to 3650"),
        (["--cases", "10", "--days", "-1"], "The number of days must be from 1 to 3650"),
        (["--cases", "30000", "--days", "1"], "30000 cases on 1 working days are too many"),
    ],
)
def test_cli_refuses_bad_counts(
    demo_desk: Desk, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(
        capsys, "demo-data", *argv, "--demo", "--data-dir", str(demo_desk.data_dir.root)
    )
    assert (code, out) == (2, "")
    assert err.startswith("Error: " + message)


def test_cli_refuses_a_production_desk(
    fresh_desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "demo-data", "--cases", "5", "--data-dir", str(fresh_desk.data_dir.root)
    )
    assert code == 2
    assert err == "Error: Demo cases go only into a demo desk; add --demo to use one\n"


def test_the_service_refuses_a_production_desk(fresh_desk: Desk) -> None:
    with pytest.raises(DemoDataError, match="demo desk"):
        make_demo_cases(fresh_desk, 5, 3, SEED)
    assert fresh_desk.ratings.ratings_on() == []


def test_electronic_materials_come_with_a_stored_page_image(seeded: Desk) -> None:
    files = [
        (material, file)
        for case in all_cases(seeded)
        if case.state is not CaseState.DRAFT
        for material in case.materials
        for file in material.files
    ]
    assert len(files) >= 10
    for material, file in files:
        assert material.form == "电子"
        assert material.mark in (MaterialMark.ATTACHED, MaterialMark.DEFECTIVE)
        assert file.media_type == "image/png" and file.name.endswith(".png")
        stored = seeded.intake.files.path_for(file.sha256).read_bytes()
        assert hashlib.sha256(stored).hexdigest() == file.sha256
        assert len(stored) == file.size
        assert stored.startswith(b"\x89PNG\r\n\x1a\n")
        assert struct.unpack(">II", stored[16:24]) == (124, 176)  # IHDR width, height
    assert len({file.sha256 for _, file in files}) > len(files) // 2  # pages differ


def test_accepted_cases_spread_over_review_and_output(lived: Desk) -> None:
    cases = all_cases(lived)
    states = Counter(case.state for case in cases)
    for state in (
        CaseState.IN_REVIEW,
        CaseState.PAUSED,
        CaseState.DECIDED,
        CaseState.READY_FOR_PICKUP,
        CaseState.SHIPPED,
        CaseState.DELIVERED,
        CaseState.AWAITING_SUPPLEMENT,
    ):
        assert states[state] > 0, states
    assert states.most_common(1)[0][0] is CaseState.IN_REVIEW  # most are still in review
    assert CaseState.ACCEPTED not in states  # every accepted case was routed at once

    kinds = {p.kind for case in cases for p in case.procedures}
    assert "延长审批" in kinds and kinds & {"检验", "专家评审", "检测", "实地核查"}
    today = NOW.date()
    overdue = [
        case
        for case in cases
        if case.state in (CaseState.IN_REVIEW, CaseState.PAUSED)
        and case.committed_deadline is not None
        and case.committed_deadline < today
    ]
    assert overdue
    deliveries = [case.delivery for case in cases if case.state is CaseState.DELIVERED]
    assert {d.method for d in deliveries if d is not None} == {"window", "courier"}
    assert all(d.signed_by for d in deliveries if d is not None and d.method == "courier")
    outcomes = {part.outcome for case in cases for part in case.parts}
    assert outcomes == {Outcome.APPROVED, Outcome.DENIED, None}
    fee_cases = [case for case in cases if output_rules.outstanding(case) > 0]
    if any(item.fee_yuan != "0.00" for case in cases for item in case.items):
        assert any(case.state is CaseState.READY_FOR_PICKUP for case in fee_cases)  # unpaid
        assert any(case.payments for case in cases)
    assert all(case.state not in (CaseState.SHIPPED, CaseState.DELIVERED) for case in fee_cases)


def test_every_history_is_one_the_life_cycle_allows(lived: Desk) -> None:
    for case in all_cases(lived):
        events = lived.intake.events(case.uuid)
        if case.state is CaseState.DRAFT:
            assert events == []
            continue
        assert events[0].from_state is CaseState.DRAFT
        assert [e.from_state for e in events[1:]] == [e.to_state for e in events[:-1]]
        assert events[-1].to_state is case.state
        assert [e.at for e in events] == sorted(e.at for e in events)
        assert all(e.at < NOW for e in events)
        view = {
            "uuid": case.uuid,
            "case_no": case.case_no,
            "state": str(case.state),
            "document": case.to_dict(),
        }
        history = [
            {"event": e.event, "from_state": str(e.from_state), "to_state": str(e.to_state)}
            for e in events
        ]
        assert refusal(view, history, "340100", None) is None, history
        if case.parts:
            assert case.committed_deadline == max(p.deadline for p in case.parts if p.deadline)


def contacts(desk: Desk) -> list[tuple[str, ContactKind, ContactState]]:
    with desk.database.read() as session:
        found = rating_rows.contacts_between(session, datetime.min, datetime.max)
    return [(c.case_uuid, c.kind, c.state) for c in found]


def test_visitors_rate_most_contacts_mostly_well(lived: Desk) -> None:
    ratings = lived.ratings.ratings_on()
    levels = Counter(r.level for r in ratings)
    assert set(levels) == set(LEVELS), levels  # every level, a few 差评 among them
    assert levels["非常满意"] + levels["满意"] > len(ratings) * 2 // 3
    assert 0 < levels["不满意"] + levels["非常不满意"] < len(ratings) // 5
    states = Counter(state for _, _, state in contacts(lived))
    assert states[ContactState.UNRATED] > 0  # some visitors walked away
    assert states[ContactState.OPEN] == 0  # every display answered or timed out
    assert states[ContactState.RATED] == len(ratings)
    assert any(r.comment for r in ratings) and any(not r.reasons for r in ratings)
    for rating in ratings:
        assert rating.origin == "active" and rating.rated_at < NOW
        offered = DEFAULT_REASONS.for_level(rating.level)
        assert all(reason in offered for reason in rating.reasons)


def test_accepted_and_delivered_cases_have_their_contacts_rated(lived: Desk) -> None:
    by_case: dict[str, set[ContactKind]] = {}
    for case_uuid, kind, _ in contacts(lived):
        by_case.setdefault(case_uuid, set()).add(kind)
    rated = {(r.case_uuid, r.contact_kind) for r in lived.ratings.ratings_on()}
    cases = all_cases(lived)
    decided = [case for case in cases if case.state is not CaseState.DRAFT]
    assert all(by_case.get(case.uuid, set()) >= {ContactKind.INTAKE} for case in decided)
    assert all(case.uuid not in by_case for case in cases if case.state is CaseState.DRAFT)
    handed_over = [
        case for case in cases if case.delivery is not None and case.delivery.method == "window"
    ]
    assert handed_over
    assert all(ContactKind.HANDOVER in by_case[case.uuid] for case in handed_over)
    assert any((case.uuid, ContactKind.HANDOVER) in rated for case in handed_over)
    couriered = [case for case in cases if case.state in (CaseState.SHIPPED,)]
    assert all(ContactKind.HANDOVER not in by_case[case.uuid] for case in couriered)
    accepted = [case for case in decided if case.state is not CaseState.REJECTED]
    assert any((case.uuid, ContactKind.INTAKE) in rated for case in accepted)


def test_poor_ratings_are_followed_up_in_every_state(lived: Desk) -> None:
    followups = lived.ratings.followups(SUPERVISOR, NOW.date())
    states = Counter(f.state for f in followups)
    assert set(states) == set(FollowUpState), states
    assert states[FollowUpState.STRUCK] <= states[FollowUpState.CLOSED]
    accounts = {clerk.username: clerk for clerk in lived.accounts.accounts()}
    for followup in followups:
        rating = followup.rating
        at = [step.at for step in followup.steps]
        assert at == sorted(at) and all(rating.rated_at < moment < NOW for moment in at)
        for step in followup.steps:
            clerk = accounts[step.by]
            assert clerk.has_role(Role.SUPERVISOR) or clerk.department == rating.department
    (struck,) = [f for f in followups if f.state is FollowUpState.STRUCK][:1]
    assert [s.kind for s in struck.steps] == [StepKind.VERIFY, StepKind.APPEAL]
    assert struck.steps[0].payload["finding"] == "malicious"
    assert accounts[struck.steps[1].by].has_role(Role.SUPERVISOR)
    assert struck.rating.struck
    assert any(f.overdue for f in followups)  # one left too long, as in a real hall


@pytest.mark.parametrize("wait", [8, 0])
def test_visitors_answer_within_the_displays_wait(
    tmp_path: Path, demo_template: Path, wait: int
) -> None:
    with open_copy(demo_template, tmp_path / "short") as desk:
        desk.settings.set("rating_timeout_seconds", wait)
        make_demo_cases(desk, 15, 3, SEED)
        with desk.database.read() as session:
            opened = {
                c.uuid: c for c in rating_rows.contacts_between(session, datetime.min, datetime.max)
            }
        assert opened and all(c.state is not ContactState.OPEN for c in opened.values())
        ratings = desk.ratings.ratings_on()
        for rating in ratings:
            contact = opened[rating.contact_uuid]
            assert contact.opened_at < rating.rated_at < contact.expires_at
        assert bool(ratings) is (wait > 0)  # no time to press: every contact left unrated


def test_the_training_platform_takes_every_step_demo_data_records(
    tmp_path: Path, demo_template: Path
) -> None:
    """A demo desk syncs its demo data whole to its training platform: every reviewer acts
    only for their own department (the supervisor stands in for the others), and every
    contact, rating and follow-up step is taken."""
    sandbox = start_sandbox(tmp_path)
    try:
        desk = platform_desk(tmp_path / "desk", demo_template, sandbox.url)
        make_demo_cases(desk, 60, 15, SEED)
        reviewed_by = {
            event.by
            for case in all_cases(desk)
            for event in desk.intake.events(case.uuid)
            if event.event in {"approve", "deny", "pause", "result_ready"}
        }
        assert "supervisor" in reviewed_by  # for the departments without a reviewer
        report = desk.sync.run_pass()
        status = desk.sync.status()
        assert (status.pending, status.refused) == (0, 0), status
        assert report.pushed > 0
        desk.close()
    finally:
        sandbox.stop()


def test_some_cases_are_helped_and_some_come_through_a_proxy(lived: Desk) -> None:
    cases = all_cases(lived)
    staff = {clerk.username: clerk.display_name for clerk in lived.accounts.accounts()}
    assisted = [c for c in cases if c.assistance.kind is AssistanceKind.ASSISTED]
    proxied = [c for c in cases if c.assistance.kind is AssistanceKind.PROXY]
    assert 0 < len(assisted) < len(cases) / 5 and 0 < len(proxied) < len(cases) / 5
    for case in assisted:
        assert staff[case.assistance.helper] == case.assistance.helper_name
        assert case.assistance.reason in set(AssistanceReason) and not case.assistance.proxy_uuid
        if case.applicant.kind is ApplicantKind.ORGANISATION:
            assert case.assistance.reason == AssistanceReason.ENTERPRISE
    assert len({c.assistance.reason for c in assisted}) >= 3
    for case in proxied:
        record = lived.proxies.record(case.assistance.proxy_uuid)
        assert case.uuid in record.case_uuids and case.assistance.proxy_no == record.number
        assert case.applicant.key_number == record.applicant.key_number and case.agent is None
        assert (case.assistance.helper, case.created_by) == (record.staff, record.staff)
        assert record.authorisation is not None
        assert lived.intake.files.path_for(record.authorisation.sha256).exists()
    first = lived.reports.report(date(2026, 10, 1), NOW.date(), "陈静", compare=False).totals.cases
    assert first.assisted == sum(c.state is not CaseState.DRAFT for c in assisted)
    assert first.proxy == sum(c.state is not CaseState.DRAFT for c in proxied)


def test_proxy_records_stand_at_every_step(lived: Desk) -> None:
    rows = lived.proxies.recent()
    steps = {row.record.next_step()[0] for row in rows}
    assert steps == set(NextStep)
    assert {row.record.state for row in rows} == set(ProxyState)
    for row in rows:
        record = row.record
        assert [case.uuid for case in row.cases] == list(record.case_uuids)
        assert record.opened_at < NOW and all(step.at < NOW for step in record.steps)
        assert [step.at for step in record.steps] == sorted(step.at for step in record.steps)
        if record.state is ProxyState.CONCLUDED:
            assert all(case.state in {CaseState.DELIVERED, CaseState.REJECTED, CaseState.CLOSED}
                       for case in row.cases)  # fmt: skip
        if record.callback is not None:
            assert record.callback_due is not None
            assert record.callback.at.date() == record.callback_due
    waiting = [row.record for row in lived.proxies.unfinished()]
    assert [r.next_step()[1] for r in waiting] == sorted(
        (r.next_step()[1] for r in waiting), key=lambda day: (day is None, day)
    )
