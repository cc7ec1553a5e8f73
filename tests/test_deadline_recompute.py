"""Loading the official calendar of a new year recomputes the deadlines of open cases.

Cases are accepted on Monday 2026-12-28 for 食品经营许可 (5 working days): 12-29, 12-30, 12-31
and, with weekends only for the unknown 2027, Fri 01-01 and Mon 01-04 → provisional 2027-01-04.
The 2027 file below is invented test data in the official format, with 元旦 on Friday 01-01:
under it the 5th working day is Tue 01-05, final.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from case_factory import CLERK, Clock, make_case, person, review_service
from sqlalchemy import func, select

from clerk_desk import cli
from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.case_states import CaseEvent, CaseState
from clerk_desk.services.calendars import CalendarStore
from clerk_desk.services.case_log import DeskPlace, record
from clerk_desk.services.intake import CaseQuery, IntakeService
from clerk_desk.services.review import ReviewService
from local_cache.schema import CaseEventRow, OutboxRow

ACCEPTED = datetime(2026, 12, 28, 9, 30)


def span(first: str, last: str) -> list[str]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


CALENDAR_2027 = {
    "year": 2027,
    "source": "测试用2027年部分节假日安排（虚构，格式同国务院办公厅通知）",
    "holidays": [
        *span("2027-01-01", "2027-01-03"),  # 元旦
        *span("2027-02-05", "2027-02-12"),  # 春节
        *span("2027-04-03", "2027-04-05"),  # 清明节
        *span("2027-05-01", "2027-05-05"),  # 劳动节
        "2027-06-09",  # 端午节
        "2027-09-15",  # 中秋节
        *span("2027-10-01", "2027-10-07"),  # 国庆节
    ],
    "workdays": ["2027-02-20", "2027-04-25", "2027-05-08", "2027-09-26", "2027-10-09"],
}


@pytest.fixture
def calendar_file(tmp_path: Path) -> Path:
    path = tmp_path / "2027.json"
    path.write_text(json.dumps(CALENDAR_2027, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@pytest.fixture
def clock() -> Clock:
    return Clock(ACCEPTED)


@pytest.fixture
def service(demo_desk: Desk, clock: Clock) -> IntakeService:
    """Intake computing with the desk's stored calendars, as ``desk.intake`` does."""
    store = CalendarStore(demo_desk.data_dir.calendars)
    return IntakeService(
        demo_desk.database, demo_desk.catalog, demo_desk.settings, clock, store.work_calendar
    )


def withdraw(desk: Desk, case: Case, at: datetime) -> None:
    """The applicant withdraws (no service records it yet)."""
    place = DeskPlace.from_settings(desk.settings)
    with desk.database.write() as session:
        record(session, case, CaseEvent.WITHDRAW, by=CLERK, at=at, place=place, reason="申请人撤回")


def pause(review: ReviewService, case: Case, clock: Clock, at: datetime) -> Case:
    clock.now = at
    return review.pause(
        case,
        "reviewer",
        department="市场监督管理局",
        kind="专家评审",
        reason="需组织专家评审",
        expected_days=2,
        approved_by="局长",
    )


def outbox(desk: Desk) -> list[OutboxRow]:
    with desk.database.read() as session:
        return list(
            session.scalars(
                select(OutboxRow)
                .where(OutboxRow.kind == "deadline_recomputed")
                .order_by(OutboxRow.id)
            )
        )


def event_count(desk: Desk) -> int:
    with desk.database.read() as session:
        return session.scalar(select(func.count()).select_from(CaseEventRow)) or 0


def stored(service: IntakeService, case: Case) -> tuple[CaseState, date | None, bool]:
    found = service.case(case.uuid)
    assert found is not None
    return found.state, found.committed_deadline, found.deadline_provisional


def test_loading_2027_makes_open_deadlines_final(
    demo_desk: Desk, service: IntakeService, clock: Clock, calendar_file: Path
) -> None:
    open_case = make_case(service, applicant=person(sequence=1), accept_by=CLERK)
    assert (open_case.committed_deadline, open_case.deadline_provisional) == (
        date(2027, 1, 4),
        True,
    )
    # Paused 12-29 to 12-30 (neither day counts), resumed on 12-31: the resume moved the
    # deadline by the two working days (12-31, 01-01, 01-04 … 01-06, provisional).
    review = review_service(demo_desk, clock)
    resumed = make_case(service, applicant=person(sequence=2), accept_by=CLERK)
    resumed = pause(review, resumed, clock, ACCEPTED + timedelta(days=1))
    clock.now = ACCEPTED + timedelta(days=3)
    resumed = review.resume(resumed, "reviewer", department="市场监督管理局", result="评审通过")
    assert resumed.committed_deadline == date(2027, 1, 6)
    # Paused since 12-29 and still paused: its deadline moves when it resumes, not before.
    clock.now = ACCEPTED
    paused = make_case(service, applicant=person(sequence=3), accept_by=CLERK)
    pause(review, paused, clock, ACCEPTED + timedelta(days=1))
    clock.now = ACCEPTED
    withdrawn = make_case(service, applicant=person(sequence=4), accept_by=CLERK)
    withdraw(demo_desk, withdrawn, ACCEPTED + timedelta(hours=2))
    rejected = service.reject(
        make_case(service, applicant=person(sequence=5)), CLERK, "不属于本机关职权"
    )
    clock.now = datetime(2026, 12, 31, 16, 0)
    # Without the 2027 calendar nothing moves: each deadline is what its events made it.
    assert service.recompute_open_deadlines(by="admin") == []
    events_before = event_count(demo_desk)

    CalendarStore(demo_desk.data_dir.calendars).import_file(calendar_file)
    changes = service.recompute_open_deadlines(by="admin")

    assert [change.to_dict() for change in changes] == [
        {
            "case_uuid": case.uuid,
            "case_no": case.case_no,
            "old_deadline": old,
            "old_provisional": True,
            "new_deadline": new,
            "provisional": False,
        }
        # 元旦 01-01 no longer counts: each deadline one working day later, and final.
        for case, old, new in (
            (open_case, "2027-01-04", "2027-01-05"),
            (resumed, "2027-01-06", "2027-01-07"),
            (paused, "2027-01-04", "2027-01-05"),
        )
    ]
    assert stored(service, open_case) == (CaseState.IN_REVIEW, date(2027, 1, 5), False)
    assert stored(service, resumed) == (CaseState.IN_REVIEW, date(2027, 1, 7), False)
    assert stored(service, paused) == (CaseState.PAUSED, date(2027, 1, 5), False)
    part = demo_desk.intake.case(resumed.uuid).parts[0]  # type: ignore[union-attr]
    assert (part.deadline, part.deadline_provisional) == (date(2027, 1, 7), False)
    assert stored(service, withdrawn) == (CaseState.CLOSED, date(2027, 1, 4), True)
    assert stored(service, rejected) == (CaseState.REJECTED, None, False)
    listed = {row.uuid: row for row in service.find_cases(CaseQuery())}[open_case.uuid]
    assert (listed.committed_deadline, listed.deadline_provisional) == (date(2027, 1, 5), False)

    # No life-cycle event; one outbox row per changed case, carrying the change and the case.
    assert event_count(demo_desk) == events_before
    rows = outbox(demo_desk)
    assert [row.case_uuid for row in rows] == [case.uuid for case in (open_case, resumed, paused)]
    sent = rows[0].payload
    assert sent["change"]["old_deadline"] == "2027-01-04"
    assert sent["change"]["new_deadline"] == "2027-01-05"
    assert sent["change"]["by"] == "admin"
    assert sent["change"]["deadline"]["calendar_source"] == (
        f"chinesecalendar 1.11.0; {CALENDAR_2027['source']}"
    )
    assert sent["case"]["committed_deadline"] == "2027-01-05"
    assert sent["case"]["deadline_provisional"] is False

    assert service.recompute_open_deadlines(by="admin") == []  # nothing moves twice
    assert len(outbox(demo_desk)) == 3


def test_calendar_import_reports_the_changed_deadlines(
    demo_desk: Desk,
    service: IntakeService,
    calendar_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    open_case = make_case(service, applicant=person(sequence=1), accept_by=CLERK)
    assert open_case.case_no is not None
    desk_args = ["--demo", "--data-dir", str(demo_desk.data_dir.root), "--lang", "en"]

    code = cli.main(["calendar", "import", str(calendar_file), *desk_args])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == [
        "Deadlines that reach 2027 are no longer provisional from now on",
        "Recomputed the committed deadline of 1 case(s)",
        f"  {display_case_no(open_case.case_no)}: 2027-01-04 → 2027-01-05",
    ]
    assert stored(service, open_case) == (CaseState.IN_REVIEW, date(2027, 1, 5), False)

    code = cli.main(["calendar", "import", str(calendar_file), "--json", *desk_args])
    result = json.loads(capsys.readouterr().out)
    assert (code, result["year"], result["replaced"], result["recomputed"]) == (0, 2027, True, [])
    assert result["holidays"] == CALENDAR_2027["holidays"]
