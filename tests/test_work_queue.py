"""The review queue and the output finder on a real desk (real SQLite, cases taken in through
the intake service, routed and decided with the core's ``apply_event``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from case_factory import FOOD_LICENCE, MONDAY, SEAL_FILING, TAX_PACKAGE, Clock, make_case, person
from queue_helpers import apply, approve, on, pause, ready
from sqlalchemy import func, select

from clerk_desk.desk import Desk
from clerk_desk.documents.qr import qr_payload
from clerk_desk.domain.calendar import Deadline, Level, deadline_status
from clerk_desk.domain.case import Case, PartState
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.case_states import CaseEvent, CaseState
from clerk_desk.services.work_queue import QueueFilter, QueueRow
from local_cache.db import Database
from local_cache.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from local_cache.repositories import case_repo
from local_cache.schema import CasePartRow

MARKET = "市场监督管理局"
POLICE = "公安局"
TAX = "税务局"
DRUG_RETAIL = "000142130400"  # 药品经营许可（零售企业开办）, 15 days, 市场监督管理局
FOOD_NAME = "食品经营许可（新办）"
WARN = 2
PROGRESS_URL = "https://zwfw.example.gov.cn/progress?no={case_no}"
EVERYTHING = QueueFilter()


@pytest.fixture
def desk(demo_desk: Desk) -> Iterator[Desk]:
    yield demo_desk


def routed(
    desk: Desk,
    accepted: datetime = MONDAY,
    codes: tuple[str, ...] = (FOOD_LICENCE,),
    window: int | None = None,
    **applicant: str | int,
) -> Case:
    """A case accepted at ``accepted`` (at ``window``): the acceptance routes it."""
    if window is not None:
        desk.settings.update(window_number=window)
    return make_case(
        desk,
        codes,
        clock=Clock(accepted),
        applicant=person(**applicant),  # type: ignore[arg-type]
        accept_by="clerk",
    )


def queue(desk: Desk, today: date, department: str = MARKET, **filters: object) -> list[QueueRow]:
    return desk.queue.review_queue(department, QueueFilter(**filters), today, WARN)  # type: ignore[arg-type]


def numbers(rows: list[QueueRow]) -> list[str | None]:
    return [row.case_no for row in rows]


# The review queue --------------------------------------------------------------------------


def test_a_routed_case_is_in_its_departments_queue_with_its_clock(desk: Desk) -> None:
    case = routed(desk)
    part = case.part(MARKET)
    assert part is not None and part.deadline == date(2026, 10, 10)  # the 国庆 make-up Saturday

    (row,) = queue(desk, MONDAY.date())

    assert row.uuid == case.uuid and row.case_no == case.case_no
    assert row.applicant_name == "李娜"
    assert row.item_names == (FOOD_NAME,) and row.item_codes == (FOOD_LICENCE,)
    assert (row.state, row.part_state) == (CaseState.IN_REVIEW, PartState.IN_REVIEW)
    assert row.department == MARKET
    assert row.window_number == int(desk.settings.get("window_number"))
    assert row.deadline == part.deadline
    # 29th, 30th, 8th, 9th and Saturday 10th (调休): 1–7 October are the holiday.
    assert (row.working_days_left, row.level) == (5, Level.NORMAL)
    assert row.received_at == case.received_at


def test_the_queue_is_sorted_by_working_days_left(desk: Desk) -> None:
    accepted = [
        MONDAY,
        MONDAY - timedelta(days=7),
        MONDAY - timedelta(days=4),
        MONDAY + timedelta(1),
    ]
    cases = [routed(desk, day, sequence=index + 20) for index, day in enumerate(accepted)]
    seal = routed(desk, MONDAY + timedelta(days=2), (SEAL_FILING, FOOD_LICENCE), sequence=30)

    rows = queue(desk, MONDAY.date() + timedelta(days=2))

    left = [row.working_days_left for row in rows]
    assert left == sorted(left)  # type: ignore[type-var]
    assert [row.deadline for row in rows] == sorted(row.deadline for row in rows)  # type: ignore[type-var]
    assert {row.uuid for row in rows} == {case.uuid for case in (*cases, seal)}
    assert rows[0].case_no == cases[1].case_no  # accepted a week earlier: overdue
    assert rows[0].level is Level.OVERDUE and rows[0].working_days_left is not None
    assert rows[0].working_days_left < 0


@pytest.mark.parametrize(
    ("today", "left", "level"),
    [
        (date(2026, 9, 29), 4, Level.NORMAL),
        (date(2026, 9, 30), 3, Level.NORMAL),
        (date(2026, 10, 5), 3, Level.NORMAL),  # inside the holiday nothing is used up
        (date(2026, 10, 8), 2, Level.NORMAL),  # two working days after today: still green
        (date(2026, 10, 9), 1, Level.DUE_SOON),  # the working day before the deadline
        (date(2026, 10, 10), 0, Level.DUE_SOON),  # the deadline day
        (date(2026, 10, 11), 0, Level.OVERDUE),  # Sunday straight after: overdue, 0 days
        (date(2026, 10, 12), -1, Level.OVERDUE),
        (date(2026, 10, 16), -5, Level.OVERDUE),
    ],
)
def test_the_three_levels_and_their_boundaries(
    desk: Desk, today: date, left: int, level: Level
) -> None:
    routed(desk)

    (row,) = queue(desk, today)

    assert (row.working_days_left, row.level) == (left, level)
    assert desk.queue.review_counts(MARKET, today, WARN) == {
        each: int(each is level) for each in Level
    }


def test_levels_agree_with_deadline_status_on_every_day(desk: Desk) -> None:
    accepted = [MONDAY + timedelta(days=offset) for offset in range(-20, 20, 3)]
    for index, day in enumerate(accepted):
        routed(desk, day, sequence=index + 40)
    calendar = desk.intake.work_calendar()
    for today in (MONDAY.date() + timedelta(days=offset) for offset in range(-5, 40, 2)):
        for warn in (1, 2, 4):
            for row in desk.queue.review_queue(MARKET, EVERYTHING, today, warn):
                assert row.deadline is not None
                status = deadline_status(
                    Deadline(row.deadline, 0, row.deadline),
                    today,
                    calendar=calendar,
                    warn_days=warn,
                )
                assert (row.working_days_left, row.level) == (
                    status.working_days_left,
                    status.level,
                )


def test_filters_by_item_state_and_window(desk: Desk) -> None:
    food = routed(desk, window=3, sequence=21)
    drug = routed(desk, codes=(DRUG_RETAIL,), window=5, sequence=22)
    both = routed(desk, codes=(FOOD_LICENCE, DRUG_RETAIL), window=5, sequence=23)
    paused = pause(desk, routed(desk, window=3, sequence=24), MARKET, MONDAY + timedelta(hours=1))
    today = MONDAY.date()

    assert set(numbers(queue(desk, today))) == {c.case_no for c in (food, drug, both, paused)}
    assert set(numbers(queue(desk, today, item_code=DRUG_RETAIL))) == {drug.case_no, both.case_no}
    assert set(numbers(queue(desk, today, item_code=FOOD_LICENCE))) == {
        food.case_no,
        both.case_no,
        paused.case_no,
    }
    assert numbers(queue(desk, today, state="paused")) == [paused.case_no]
    (paused_row,) = queue(desk, today, state="paused")
    assert (paused_row.state, paused_row.part_state) == (CaseState.PAUSED, PartState.PAUSED)
    assert set(numbers(queue(desk, today, state="in_review"))) == {
        food.case_no,
        drug.case_no,
        both.case_no,
    }
    assert set(numbers(queue(desk, today, window_number=5))) == {drug.case_no, both.case_no}
    assert numbers(
        queue(desk, today, window_number=3, item_code=FOOD_LICENCE, state="in_review")
    ) == [food.case_no]
    assert queue(desk, today, window_number=9) == []
    assert desk.queue.items_in_queue(MARKET) == sorted(
        [(DRUG_RETAIL, "药品经营许可（零售企业开办）"), (FOOD_LICENCE, FOOD_NAME)],
        key=lambda item: item[1],
    )


def test_counts_cover_every_open_part_by_level(desk: Desk) -> None:
    for index, offset in enumerate((-14, -7, -1, 0, 3, 7)):
        routed(desk, MONDAY + timedelta(days=offset), sequence=index + 50)
    today = MONDAY.date() + timedelta(days=10)  # 8 October, the first day back

    rows = queue(desk, today)
    counts = desk.queue.review_counts(MARKET, today, WARN)

    assert counts == {level: sum(row.level is level for row in rows) for level in Level}
    assert sum(counts.values()) == 6
    assert counts[Level.OVERDUE] > 0 and counts[Level.NORMAL] > 0


def test_each_department_sees_only_its_own_parts(desk: Desk) -> None:
    market = routed(desk, sequence=21)
    tax = routed(desk, codes=(TAX_PACKAGE,), sequence=22)
    joint = routed(desk, codes=(FOOD_LICENCE, SEAL_FILING), sequence=23)
    today = MONDAY.date()

    assert set(numbers(queue(desk, today))) == {market.case_no, joint.case_no}
    assert numbers(queue(desk, today, TAX)) == [tax.case_no]
    (police_row,) = queue(desk, today, POLICE)
    assert police_row.case_no == joint.case_no
    assert police_row.item_codes == (SEAL_FILING,) and police_row.department == POLICE
    assert sum(desk.queue.review_counts(TAX, today, WARN).values()) == 1
    assert desk.queue.items_in_queue(POLICE) == [(SEAL_FILING, "公章刻制备案")]
    assert queue(desk, today, "民政局") == []

    # The police decide their part: it leaves their queue, the market's part stays open.
    approve(desk, joint, POLICE, MONDAY + timedelta(hours=2))
    assert queue(desk, today, POLICE) == []
    assert joint.case_no in numbers(queue(desk, today))


def test_decided_and_sent_back_cases_leave_the_queue(desk: Desk) -> None:
    decided = routed(desk, sequence=21)
    sent_back = routed(desk, sequence=22)
    staying = routed(desk, sequence=23)
    today = MONDAY.date()
    assert len(queue(desk, today)) == 3  # read once: the rows are kept until a write

    approve(desk, decided, MARKET, MONDAY + timedelta(hours=1))
    apply(
        desk,
        sent_back,
        CaseEvent.REQUEST_SUPPLEMENT,
        {"department": MARKET, "materials": ["营业执照"], "basis": "《食品经营许可管理办法》"},
        MONDAY + timedelta(hours=1),
        reason="营业执照复印件不清晰",
    )

    assert numbers(queue(desk, today)) == [staying.case_no]
    assert sum(desk.queue.review_counts(MARKET, today, WARN).values()) == 1


def test_a_case_pulled_from_the_platform_joins_the_queue(desk: Desk, tmp_path: Path) -> None:
    """The sync puller stores a case through ``insert_case``/``save_case`` like any service."""
    with Desk.open(tmp_path / "other-desk", demo_mode=True) as other:
        elsewhere = routed(other, sequence=61)
    document = elsewhere.to_dict()
    with desk.database.write() as session:
        case_repo.insert_case(session, document)
    assert numbers(queue(desk, MONDAY.date())) == [elsewhere.case_no]
    assert elsewhere.uuid in desk.take_changes().cases

    paused = pause(desk, elsewhere, MARKET, MONDAY + timedelta(hours=1)).to_dict()
    with desk.database.write() as session:
        case_repo.save_case(session, paused)
    (row,) = queue(desk, MONDAY.date())
    assert row.part_state is PartState.PAUSED

    # A document without parts (nothing new written to the parts) empties the queue too.
    with desk.database.write() as session:
        case_repo.save_case(session, {**paused, "parts": []})
    assert queue(desk, MONDAY.date()) == []


def test_an_upgraded_desk_fills_the_parts_of_its_stored_cases(tmp_path: Path) -> None:
    with Desk.open(tmp_path / "desk", demo_mode=True) as desk:
        cases = [routed(desk, sequence=70 + index) for index in range(3)]
        not_accepted = make_case(desk, clock=Clock(MONDAY), applicant=person(sequence=80))
        desk.intake.reject(not_accepted, "clerk", "申请事项不属于本中心受理范围")  # no parts
        path = desk.database.path
    database = Database(path)
    try:
        command.downgrade(alembic_config(database), "0008")
        assert current_revision(database) == "0008"
        upgrade_to_head(database)
        assert current_revision(database) == head_revision()
        with database.read() as session:
            assert session.scalar(select(func.count()).select_from(CasePartRow)) == 3
    finally:
        database.dispose()
    with Desk.open(tmp_path / "desk", demo_mode=True) as desk:
        assert set(numbers(queue(desk, MONDAY.date()))) == {case.case_no for case in cases}


# The output finder -------------------------------------------------------------------------


def _ready_case(desk: Desk, sequence: int = 21, **applicant: str | int) -> Case:
    case = routed(desk, sequence=sequence, **applicant)
    return ready(desk, case, MONDAY + timedelta(days=2))


def test_the_finder_takes_every_kind_of_input(desk: Desk) -> None:
    case = _ready_case(desk, name="陈静", phone="13912345678")
    other = _ready_case(desk, sequence=22, name="王强", phone="13700001111")
    assert case.case_no is not None
    typed = [
        case.case_no,
        display_case_no(case.case_no),  # as printed
        display_case_no(case.case_no).replace("-", " ").lower(),
        qr_payload(PROGRESS_URL, case.case_no),  # the scanned receipt QR: the progress address
        qr_payload("", case.case_no),  # the QR holding the number alone
        f"  {qr_payload(PROGRESS_URL, case.case_no)}\n",  # a scanner's trailing Enter
        case.applicant.id_number,
        case.applicant.id_number[-4:],
        "陈静",
        "陈",
        "13912345678",
        "+86 139 1234 5678",
    ]
    for text in typed:
        found = desk.queue.ready_for_output(text, MONDAY.date())
        assert [row.uuid for row in found] == [case.uuid], text
    assert {row.uuid for row in desk.queue.ready_for_output("", MONDAY.date())} == {
        case.uuid,
        other.uuid,
    }
    assert desk.queue.ready_for_output("赵", MONDAY.date()) == []


def test_the_finder_lists_only_results_ready_here(desk: Desk) -> None:
    in_review = routed(desk, sequence=21, name="陈静")
    waiting = _ready_case(desk, sequence=22, name="陈静")
    shipped = apply(
        desk,
        _ready_case(desk, sequence=23, name="陈静"),
        CaseEvent.SHIP,
        {
            "recipient": "陈静",
            "address": "安徽省合肥市蜀山区长江西路100号",
            "phone": "13912345678",
            "company": "中国邮政EMS",
            "tracking_number": "1234567890123",
        },
        MONDAY + timedelta(days=3),
    )
    rows = desk.queue.ready_for_output("陈静", MONDAY.date())
    assert {row.uuid: row.state for row in rows} == {
        waiting.uuid: CaseState.READY_FOR_PICKUP,
        shipped.uuid: CaseState.SHIPPED,
    }
    assert in_review.case_no is not None
    assert desk.queue.ready_for_output(in_review.case_no, MONDAY.date()) == []


def test_the_output_clock_and_the_fee(desk: Desk) -> None:
    case = ready(desk, routed(desk), on(date(2026, 9, 30)), fee_due="80.00")
    assert case.concluded_at is not None
    # 10 working days after 30 September: 8, 9, 10 (调休), 12–16, 19, 20 October.
    due = date(2026, 10, 20)

    (row,) = desk.queue.ready_for_output(case.applicant.name, due)
    assert (row.output_deadline, row.output_overdue) == (due, False)
    assert row.fee_outstanding == Decimal("80.00")
    assert row.courier_allowed and row.item_names == (FOOD_NAME,)
    assert row.applicant_number == case.applicant.id_number
    assert row.result_ready_at == case.result_ready_at

    (late,) = desk.queue.ready_for_output(case.applicant.name, due + timedelta(days=1))
    assert late.output_overdue
