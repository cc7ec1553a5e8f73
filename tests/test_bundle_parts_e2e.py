"""Parts and the output window end to end, with a real sandbox platform process and desks of
their own data directories.

A 一件事 case of two departments is decided only when both parts are, and each department's
desk sees only its own department's cases; a shipped result reaches ``delivered``; a fee case
is not released unpaid, and a payment recorded on the platform comes back to the window.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from case_factory import CLERK, FOOD_LICENCE, FORM, SEAL_FILING, make_case, person, write_pdf
from platform_fixtures import SandboxProcess
from service_hall import (
    MARKET,
    POLICE,
    Hall,
    assert_all_agree,
    open_hall,
    queued,
    record_payment,
    stored,
    synced,
)

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case, PartState, PaymentMethod
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.review_rules import EventRefused

SOLE_TRADER = "000142110300"  # 个体工商户设立登记 (市场监督管理局), a licence
HOUSE_TRANSFER = "000102720502"  # 不动产转移登记（二手房买卖） (自然资源和规划局), 80.00 yuan
LAND = "自然资源和规划局"
REVIEWER, POLICE_REVIEWER, OUTPUT_CLERK, SUPERVISOR = "reviewer", "police", "output", "supervisor"


@pytest.fixture
def hall(tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess) -> Iterator[Hall]:
    with open_hall(sandbox_server, demo_template, tmp_path / "desks") as hall:
        yield hall


def _states(hall: Hall, case_uuid: str, *desks: Desk) -> list[str]:
    """The case's state on the platform, then on each desk (after each pulled)."""
    for desk in desks:
        synced(desk)
    return [hall.platform.case(case_uuid)["state"]] + [
        str(stored(desk, case_uuid).state) for desk in desks
    ]


def test_a_bundle_is_decided_only_when_both_departments_are(hall: Hall) -> None:
    window = hall.desk("window", CLERK)
    market = hall.desk("market", REVIEWER)
    police = hall.desk("police", POLICE_REVIEWER)
    bundle = make_case(window, (SOLE_TRADER, SEAL_FILING), accept_by=CLERK)
    market_only = make_case(
        window,
        (FOOD_LICENCE,),
        applicant=person("周洋", sequence=34),
        attach=write_pdf(hall.root / "scans"),
        attach_to=FORM,
        accept_by=CLERK,
    )
    assert [(part.department, part.lead) for part in bundle.parts] == [
        (MARKET, True),
        (POLICE, False),
    ]
    synced(window)
    hall.at(datetime(2026, 11, 2, 11, 0))
    synced(market)
    synced(police)

    # Each department's desk holds what concerns it, and only that.
    today = date(2026, 11, 2)
    assert set(queued(market, MARKET, today)) == {bundle.case_no, market_only.case_no}
    assert queued(police, POLICE, today) == [bundle.case_no]
    assert police.intake.case(market_only.uuid) is None
    assert hall.platform.get(f"/cases/{market_only.uuid}", POLICE_REVIEWER).status_code == 403
    assert hall.platform.get(f"/cases/{bundle.uuid}", POLICE_REVIEWER).status_code == 200
    (scan,) = next(m.files for m in market_only.materials if m.name == FORM)
    assert hall.platform.get(f"/blobs/{scan.sha256}", POLICE_REVIEWER).status_code == 403
    assert hall.platform.get(f"/blobs/{scan.sha256}", REVIEWER).status_code == 200

    hall.at(datetime(2026, 11, 2, 14, 0))
    market.review.approve(
        stored(market, bundle.uuid),
        REVIEWER,
        department=MARKET,
        result_name="个体工商户营业执照",
        result_number="92340100MA2XXXXX1A",
        valid_until=date(2046, 11, 1),
    )
    synced(market)
    assert _states(hall, bundle.uuid, window, police) == ["in_review"] * 3
    at_police = stored(police, bundle.uuid)
    assert [part.state for part in at_police.parts] == [PartState.DECIDED, PartState.IN_REVIEW]
    assert at_police.concluded_at is None

    hall.at(datetime(2026, 11, 2, 15, 0))
    police.review.approve(at_police, POLICE_REVIEWER, department=POLICE, result_name="公章备案回执")
    synced(police)
    assert _states(hall, bundle.uuid, window, market) == ["decided"] * 3
    decided = stored(window, bundle.uuid)
    assert [(p.department, p.decided_by) for p in decided.parts] == [
        (MARKET, REVIEWER),
        (POLICE, POLICE_REVIEWER),
    ]
    assert decided.concluded_at == datetime(2026, 11, 2, 15, 0)
    assert_all_agree(hall, bundle.uuid, window, market, police)
    # Nothing of the other case ever reached the police desk.
    synced(police)
    assert police.intake.case(market_only.uuid) is None


def _ready(hall: Hall, window: Desk, back: Desk, case: Case, department: str, by: str) -> Case:
    """Approved and made by ``by`` on the back-office desk, then pulled at the window."""
    synced(window)
    synced(back)
    approved = back.review.approve(
        stored(back, case.uuid),
        by,
        department=department,
        result_name="审批结果",
        result_number="RESULT-2026-0001",
        valid_until=date(2031, 11, 1),
    )
    back.review.result_ready(approved, by)
    synced(back)
    synced(window)
    ready = stored(window, case.uuid)
    assert ready.state is CaseState.READY_FOR_PICKUP
    return ready


def test_a_shipped_result_reaches_delivered_everywhere(hall: Hall) -> None:
    window = hall.desk("window", CLERK, OUTPUT_CLERK)
    back = hall.desk("back-office", REVIEWER)
    taken = make_case(window, (FOOD_LICENCE,), accept_by=CLERK)
    hall.at(datetime(2026, 11, 4, 10, 0))
    ready = _ready(hall, window, back, taken, MARKET, REVIEWER)

    hall.at(datetime(2026, 11, 4, 16, 0))
    shipped = window.output.ship(
        ready,
        OUTPUT_CLERK,
        recipient=ready.applicant.name,
        address="安徽省合肥市蜀山区长江西路100号",
        phone="13812345678",
        company="中国邮政EMS",
        tracking_number="1234567890123",
    )
    assert shipped.state is CaseState.SHIPPED
    synced(window)
    assert hall.platform.case(taken.uuid)["state"] == "shipped"

    hall.at(datetime(2026, 11, 5, 11, 0))
    delivered = window.output.deliver(shipped, OUTPUT_CLERK, signed_by=ready.applicant.name)
    assert delivered.state is CaseState.DELIVERED
    assert _states(hall, taken.uuid, window, back) == ["delivered"] * 3
    events = assert_all_agree(hall, taken.uuid, window, back)
    assert [event[1] for event in events][-2:] == ["ship", "deliver"]
    delivery = stored(back, taken.uuid).delivery
    assert delivery is not None
    assert (delivery.tracking_number, delivery.signed_by, delivery.delivered_at) == (
        "1234567890123",
        ready.applicant.name,
        datetime(2026, 11, 5, 11, 0),
    )


def test_a_fee_case_is_released_only_once_the_platform_reports_it_paid(hall: Hall) -> None:
    window = hall.desk("window", CLERK, OUTPUT_CLERK)
    # The demo has no reviewer of 自然资源和规划局: the supervisor decides on every department.
    back = hall.desk("back-office", SUPERVISOR)
    taken = make_case(window, (HOUSE_TRANSFER,), accept_by=CLERK)
    assert taken.fee_due == "80.00"
    hall.at(datetime(2026, 11, 3, 10, 0))
    ready = _ready(hall, window, back, taken, LAND, SUPERVISOR)

    (unpaid,) = window.output.release_problems(ready)
    assert unpaid.render("en") == "80.00 yuan are still unpaid; the result is released once paid"
    with pytest.raises(EventRefused) as refused:
        window.output.hand_over(
            ready,
            OUTPUT_CLERK,
            collector_name=ready.applicant.name,
            collector_id_number=ready.applicant.id_number,
        )
    assert refused.value.render() == unpaid.render()
    assert stored(window, taken.uuid).state is CaseState.READY_FOR_PICKUP

    assert ready.case_no is not None
    (row,) = window.queue.ready_for_output(ready.case_no, hall.clock.now.date())
    assert row.fee_outstanding == Decimal("80.00")

    # The applicant pays by the payment code; the channel reports it to the platform.
    assert record_payment(hall, ready.case_no, "8.00").returncode == 1  # a wrong amount
    reported = record_payment(hall, ready.case_no, "80.00")
    assert reported.returncode == 0, reported.stderr
    hall.at(datetime.now().replace(microsecond=0) + timedelta(minutes=1))
    assert synced(window).pulled == 1
    paid = stored(window, taken.uuid)
    assert [(p.amount, p.method, p.collected_by) for p in paid.payments] == [
        ("80.00", PaymentMethod.CODE, "platform")
    ]
    assert window.output.release_problems(paid) == []
    handed = window.output.hand_over(
        paid,
        OUTPUT_CLERK,
        collector_name=paid.applicant.name,
        collector_id_number=paid.applicant.id_number,
    )
    assert handed.state is CaseState.DELIVERED
    synced(window)
    synced(back)
    events = assert_all_agree(hall, taken.uuid, window, back)
    assert [event[1:5] for event in events][-3:] == [
        ("result_ready", "decided", "ready_for_pickup", SUPERVISOR),
        ("pay", "ready_for_pickup", "ready_for_pickup", "platform"),
        ("hand_over", "ready_for_pickup", "delivered", OUTPUT_CLERK),
    ]
