"""综合窗口统一出件 on a real desk: payment, hand-over, courier; each step one transaction, each
bad input refused with what to fix and nothing stored."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from case_factory import CLERK, FOOD_LICENCE, MONDAY, Clock, make_case, person, write_pdf
from output_helpers import (
    HOUSE_TRANSFER,
    OUTPUT_CLERK,
    SOCIAL_SECURITY_CARD,
    advance,
    decided_case,
    output_service,
    ready_case,
)
from sqlalchemy import func, select

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case, DeliveryMethod, PaymentMethod
from clerk_desk.domain.case_states import CaseEvent, CaseState, TransitionRefused
from clerk_desk.domain.identity import DocumentKind, make_id_number
from clerk_desk.domain.ratings import ContactKind
from clerk_desk.domain.review_rules import EventRefused, route_payload
from clerk_desk.services.output import OutputRefused, OutputService
from clerk_desk.services.ratings import OUTBOX_KINDS as RATING_OUTBOX_KINDS
from clerk_desk.sync.outbox_payload import referenced_blobs
from local_cache.repositories.file_refs import referenced_files
from local_cache.schema import CaseEventRow, OutboxRow

AGENT_ID = make_id_number("340104", date(1985, 3, 2), 31)
COURIER = {
    "recipient": "李娜",
    "address": "合肥市蜀山区长江西路100号",
    "phone": "13812345678",
    "company": "中国邮政EMS",
    "tracking_number": "1234567890123",
}


@pytest.fixture
def clock() -> Clock:
    return Clock(MONDAY)


@pytest.fixture
def output(demo_desk: Desk, clock: Clock) -> OutputService:
    return output_service(demo_desk, clock)


def counts(desk: Desk) -> tuple[int, int]:
    """Events and outbox rows of events stored (a hand-over's service contact apart)."""
    with desk.database.read() as session:
        events = session.scalar(select(func.count()).select_from(CaseEventRow)) or 0
        outbox = (
            session.scalar(
                select(func.count())
                .select_from(OutboxRow)
                .where(OutboxRow.kind.not_in(RATING_OUTBOX_KINDS))
            )
            or 0
        )
    return events, outbox


def stored(desk: Desk, case: Case) -> Case:
    found = desk.intake.case(case.uuid)
    assert found is not None
    return found


def last_event(desk: Desk, case: Case) -> tuple[str, dict[str, object]]:
    history = desk.intake.events(case.uuid)
    return history[-1].event, history[-1].payload


def outbox_kinds(desk: Desk, case: Case) -> list[str]:
    with desk.database.read() as session:
        rows = session.scalars(
            select(OutboxRow.kind).where(OutboxRow.case_uuid == case.uuid).order_by(OutboxRow.id)
        )
        return list(rows)


# Handing over at the window ------------------------------------------------------------------


def test_the_applicant_collects_the_result_with_their_id_number(
    demo_desk: Desk, output: OutputService, clock: Clock
) -> None:
    case = ready_case(demo_desk, clock)
    assert output.release_problems(case) == []
    assert output.collector_problems(case, case.applicant.id_number) == []
    before = counts(demo_desk)
    handed = output.hand_over(
        case,
        OUTPUT_CLERK,
        collector_name="李娜",
        collector_id_number=case.applicant.id_number.lower(),
        e_licence_number="DZZZ-2026-0001",
    )
    assert handed.state is CaseState.DELIVERED
    assert counts(demo_desk) == (before[0] + 1, before[1] + 1)
    again = stored(demo_desk, case)
    assert again == handed
    assert again.delivery is not None
    assert again.delivery.method is DeliveryMethod.WINDOW
    assert again.delivery.collector_id_number == case.applicant.id_number
    assert again.delivery.e_licence_number == "DZZZ-2026-0001"
    assert again.delivery.by == OUTPUT_CLERK
    event, payload = last_event(demo_desk, case)
    assert event == "hand_over"
    assert payload["collector_name"] == "李娜"
    # The hand-over ends a service contact: the visitor is asked for a rating of it.
    assert outbox_kinds(demo_desk, case)[-2:] == ["hand_over", "contact"]
    (*_, contact) = demo_desk.ratings.contacts_of(case.uuid)
    assert (contact.kind, contact.staff) == (ContactKind.HANDOVER, OUTPUT_CLERK)


def test_a_collector_whose_id_number_is_not_the_applicants_is_refused_and_nothing_stored(
    demo_desk: Desk, output: OutputService, clock: Clock
) -> None:
    case = ready_case(demo_desk, clock)
    before = counts(demo_desk)
    other = make_id_number("340104", date(1990, 5, 1), 99)
    [problem] = output.collector_problems(case, other)
    assert "not the applicant's" in problem.render("en")
    with pytest.raises(EventRefused) as refusal:
        output.hand_over(case, OUTPUT_CLERK, collector_name="王强", collector_id_number=other)
    assert refusal.value.key == "collector_id_number"
    assert refusal.value.render("en") == (
        "The collector's ID number is not the applicant's; an agent must bring a letter of "
        "authorisation"
    )
    assert counts(demo_desk) == before
    assert stored(demo_desk, case) == case


def test_an_invalid_id_number_is_refused_naming_the_field(
    demo_desk: Desk, output: OutputService, clock: Clock
) -> None:
    case = ready_case(demo_desk, clock)
    before = counts(demo_desk)
    typo = case.applicant.id_number[:-1] + ("0" if case.applicant.id_number[-1] != "0" else "1")
    assert output.collector_problems(case, typo) != []
    with pytest.raises(EventRefused) as refusal:
        output.hand_over(case, OUTPUT_CLERK, collector_name="李娜", collector_id_number=typo)
    assert refusal.value.key == "collector_id_number"
    assert counts(demo_desk) == before


def test_an_agent_needs_a_letter_of_authorisation_and_the_scan_is_kept(
    demo_desk: Desk, output: OutputService, clock: Clock, tmp_path: Path
) -> None:
    case = ready_case(demo_desk, clock)
    before = counts(demo_desk)
    [problem] = output.collector_problems(case, AGENT_ID, collector_is_agent=True)
    assert "letter of authorisation" in problem.render("en")
    with pytest.raises(EventRefused) as refusal:
        output.hand_over(
            case,
            OUTPUT_CLERK,
            collector_name="王强",
            collector_id_number=AGENT_ID,
            collector_is_agent=True,
        )
    assert refusal.value.key == "authorisation"
    assert refusal.value.render("en") == (
        "An agent needs a letter of authorisation; scan it before handing over"
    )
    assert counts(demo_desk) == before

    assert (
        output.collector_problems(case, AGENT_ID, collector_is_agent=True, has_authorisation=True)
        == []
    )
    scan = write_pdf(tmp_path, "授权委托书.pdf")
    handed = output.hand_over(
        case,
        OUTPUT_CLERK,
        collector_name="王强",
        collector_id_number=AGENT_ID,
        collector_is_agent=True,
        authorisation=scan,
    )
    assert handed.state is CaseState.DELIVERED
    delivery = stored(demo_desk, case).delivery
    assert delivery is not None
    assert delivery.collector_is_agent
    assert delivery.collector_id_number == AGENT_ID
    sha256 = delivery.authorisation_sha256
    assert demo_desk.intake.files.path_for(sha256).read_bytes() == scan.read_bytes()
    _, payload = last_event(demo_desk, case)
    assert payload["authorisation"] == {
        **handed.transfer_sheets[-1].to_dict(),
        "name": "授权委托书.pdf",
    }
    with demo_desk.database.read() as session:
        assert sha256 in referenced_files(session)  # kept by the start-up sweep
        sent = session.scalars(
            select(OutboxRow.payload)
            .where(OutboxRow.kind == "hand_over")
            .order_by(OutboxRow.id.desc())
        ).first()
    assert sent is not None
    assert sha256 in referenced_blobs(sent["case"])  # uploaded to the platform with the event


def test_a_scan_that_is_not_a_pdf_or_image_is_refused_before_anything_is_stored(
    demo_desk: Desk, output: OutputService, clock: Clock, tmp_path: Path
) -> None:
    case = ready_case(demo_desk, clock)
    before = counts(demo_desk)
    fake = tmp_path / "授权委托书.pdf"
    fake.write_text("not a pdf", encoding="utf-8")
    with pytest.raises(Exception, match="not really a PDF file"):
        output.hand_over(
            case,
            OUTPUT_CLERK,
            collector_name="王强",
            collector_id_number=AGENT_ID,
            collector_id_kind=DocumentKind.RESIDENT_ID,
            collector_is_agent=True,
            authorisation=fake,
        )
    assert counts(demo_desk) == before
    assert demo_desk.intake.files.is_empty()


def test_a_result_handed_over_is_not_handed_over_again(
    demo_desk: Desk, output: OutputService, clock: Clock
) -> None:
    case = ready_case(demo_desk, clock)
    number = case.applicant.id_number
    output.hand_over(case, OUTPUT_CLERK, collector_name="李娜", collector_id_number=number)
    before = counts(demo_desk)
    with pytest.raises(OutputRefused) as refusal:
        output.hand_over(case, OUTPUT_CLERK, collector_name="李娜", collector_id_number=number)
    assert refusal.value.render("en") == (
        f"The result of case {case.case_no} was handed over to 李娜 at 2026-09-28 09:30; it "
        "is not handed over again"
    )
    with pytest.raises(OutputRefused, match="handed over to 李娜"):
        output.ship(case, OUTPUT_CLERK, **COURIER)
    assert counts(demo_desk) == before
    assert outbox_kinds(demo_desk, case).count("hand_over") == 1


def test_a_stale_copy_is_refused_and_the_stored_case_kept(
    demo_desk: Desk, output: OutputService, clock: Clock
) -> None:
    case = ready_case(demo_desk, clock, (HOUSE_TRANSFER,))
    paid = output.pay(case, "output2", method=PaymentMethod.CARD, amount="80.00", payer="李娜")
    before = counts(demo_desk)
    with pytest.raises(OutputRefused) as refusal:
        output.hand_over(
            case, OUTPUT_CLERK, collector_name="李娜", collector_id_number=case.applicant.id_number
        )
    assert refusal.value.render("en") == (
        f"Case {case.case_no} was changed meanwhile (it is now “Ready for pick-up”); open it "
        "again and repeat “Hand over”"
    )
    assert counts(demo_desk) == before
    assert stored(demo_desk, case) == paid


def test_a_case_not_stored_on_this_desk_is_refused(
    demo_desk: Desk, output: OutputService, clock: Clock
) -> None:
    case = ready_case(demo_desk, clock)
    elsewhere = Case.from_dict({**case.to_dict(), "uuid": "7d0c5c1e-0000-4000-8000-000000000001"})
    with pytest.raises(OutputRefused) as refusal:
        output.hand_over(
            elsewhere,
            OUTPUT_CLERK,
            collector_name="李娜",
            collector_id_number=case.applicant.id_number,
        )
    assert refusal.value.render("en") == f"Case {case.case_no} is not on this desk"


def test_a_case_not_yet_ready_is_not_released(
    demo_desk: Desk, output: OutputService, clock: Clock
) -> None:
    case = decided_case(demo_desk, clock)
    [problem] = output.release_problems(case)
    assert problem.render("en") == (
        "The case is “Decided”; the result is released once it is ready for pick-up"
    )
    before = counts(demo_desk)
    with pytest.raises(TransitionRefused):
        output.hand_over(
            case, OUTPUT_CLERK, collector_name="李娜", collector_id_number=case.applicant.id_number
        )
    assert counts(demo_desk) == before


# Fees -----------------------------------------------------------------------------------------


def test_the_result_is_not_released_unpaid(
    demo_desk: Desk, output: OutputService, clock: Clock
) -> None:
    case = ready_case(demo_desk, clock, (HOUSE_TRANSFER,))
    assert case.fee_due == "80.00"
    assert [p.render("en") for p in output.release_problems(case)] == [
        "80.00 yuan are still unpaid; the result is released once paid"
    ]
    before = counts(demo_desk)
    with pytest.raises(EventRefused) as refusal:
        output.hand_over(
            case, OUTPUT_CLERK, collector_name="李娜", collector_id_number=case.applicant.id_number
        )
    assert refusal.value.key == "payment"
    with pytest.raises(EventRefused) as refusal:
        output.ship(case, OUTPUT_CLERK, **COURIER)
    assert refusal.value.key == "payment"
    assert counts(demo_desk) == before

    paid = output.pay(case, OUTPUT_CLERK, method=PaymentMethod.CODE, amount="80.00", payer="李娜")
    [payment] = paid.payments
    assert payment.number == f"JK{case.case_no}-1"  # the payment code and a counter
    assert (payment.method, payment.amount, payment.payer) == (PaymentMethod.CODE, "80.00", "李娜")
    assert (payment.paid_at, payment.collected_by) == (MONDAY, OUTPUT_CLERK)
    assert paid.state is CaseState.READY_FOR_PICKUP
    assert output.release_problems(paid) == []
    assert outbox_kinds(demo_desk, case)[-1] == "pay"
    handed = output.hand_over(
        paid, OUTPUT_CLERK, collector_name="李娜", collector_id_number=case.applicant.id_number
    )
    assert handed.state is CaseState.DELIVERED


@pytest.mark.parametrize("amount", ["20.00", "80", "160.00", "八十元"])
def test_a_payment_of_the_wrong_amount_is_refused_saying_the_amount_due(
    demo_desk: Desk, output: OutputService, clock: Clock, amount: str
) -> None:
    case = ready_case(demo_desk, clock, (HOUSE_TRANSFER,))
    before = counts(demo_desk)
    with pytest.raises(EventRefused) as refusal:
        output.pay(case, OUTPUT_CLERK, method=PaymentMethod.CASH, amount=amount, payer="李娜")
    assert refusal.value.key == "amount"
    assert refusal.value.render("en") == "The amount paid must be 80.00 yuan"
    assert counts(demo_desk) == before
    assert stored(demo_desk, case).payments == []


def test_a_payment_is_taken_at_acceptance_with_the_number_on_the_receipt(
    demo_desk: Desk, clock: Clock, output: OutputService
) -> None:
    case = decided_case(demo_desk, clock, (HOUSE_TRANSFER,))
    paid = output.pay(
        case,
        OUTPUT_CLERK,
        method=PaymentMethod.CASH,
        amount="80.00",
        payer="李娜",
        number=" 3401-0001 ",
    )
    assert paid.payments[0].number == "3401-0001"
    assert paid.state is CaseState.DECIDED
    with pytest.raises(EventRefused, match="Nothing is due"):
        output.pay(paid, OUTPUT_CLERK, method=PaymentMethod.CASH, amount="80.00", payer="李娜")


# Courier --------------------------------------------------------------------------------------


def test_ship_then_deliver_keeps_the_courier_record(
    demo_desk: Desk, output: OutputService, clock: Clock
) -> None:
    case = ready_case(demo_desk, clock)
    assert output.release_problems(case, DeliveryMethod.COURIER) == []
    shipped = output.ship(case, OUTPUT_CLERK, **COURIER)
    assert shipped.state is CaseState.SHIPPED
    clock.now = datetime(2026, 9, 30, 15, 0)
    delivered = output.deliver(shipped, OUTPUT_CLERK, signed_by="李娜")
    assert delivered.state is CaseState.DELIVERED
    delivery = stored(demo_desk, case).delivery
    assert delivery is not None
    assert delivery.method is DeliveryMethod.COURIER
    assert (delivery.recipient, delivery.address, delivery.company, delivery.tracking_number) == (
        COURIER["recipient"],
        COURIER["address"],
        COURIER["company"],
        COURIER["tracking_number"],
    )
    assert delivery.phone.endswith("13812345678")
    assert (delivery.at, delivery.by) == (MONDAY, OUTPUT_CLERK)
    assert (delivery.signed_by, delivery.delivered_at) == ("李娜", datetime(2026, 9, 30, 15, 0))
    assert outbox_kinds(demo_desk, case)[-2:] == ["ship", "deliver"]


def test_a_shipped_result_is_not_released_again(
    demo_desk: Desk, output: OutputService, clock: Clock
) -> None:
    case = ready_case(demo_desk, clock)
    shipped = output.ship(case, OUTPUT_CLERK, **COURIER)
    before = counts(demo_desk)
    message = (
        f"The result of case {case.case_no} was sent by courier at 2026-09-28 09:30 (tracking "
        "number 1234567890123); it is not released again"
    )
    with pytest.raises(OutputRefused) as refusal:
        output.ship(shipped, OUTPUT_CLERK, **COURIER)
    assert refusal.value.render("en") == message
    with pytest.raises(OutputRefused) as refusal:
        output.hand_over(
            shipped,
            OUTPUT_CLERK,
            collector_name="李娜",
            collector_id_number=case.applicant.id_number,
        )
    assert refusal.value.render("en") == message
    assert counts(demo_desk) == before


def test_a_courier_record_without_a_phone_is_refused_and_nothing_stored(
    demo_desk: Desk, output: OutputService, clock: Clock
) -> None:
    case = ready_case(demo_desk, clock)
    before = counts(demo_desk)
    with pytest.raises(EventRefused) as refusal:
        output.ship(case, OUTPUT_CLERK, **{**COURIER, "phone": " "})
    assert refusal.value.key == "phone"
    assert counts(demo_desk) == before
    assert stored(demo_desk, case).state is CaseState.READY_FOR_PICKUP


def test_an_item_not_sent_by_courier_is_not_shipped(
    demo_desk: Desk, output: OutputService, clock: Clock
) -> None:
    case = ready_case(demo_desk, clock, (SOCIAL_SECURITY_CARD,), answers={"applicant": "self"})
    assert [p.render("en") for p in output.release_problems(case, DeliveryMethod.COURIER)] == [
        "20.00 yuan are still unpaid; the result is released once paid",
        "An item of this case is not delivered by courier; ask the applicant to collect it "
        "at the window",
    ]
    before = counts(demo_desk)
    with pytest.raises(EventRefused) as refusal:
        output.ship(case, OUTPUT_CLERK, **COURIER)
    assert refusal.value.key == "method"
    assert counts(demo_desk) == before


def test_delivery_is_recorded_only_for_a_shipped_case(
    demo_desk: Desk, output: OutputService, clock: Clock
) -> None:
    case = ready_case(demo_desk, clock)
    with pytest.raises(TransitionRefused):
        output.deliver(case, OUTPUT_CLERK, signed_by="李娜")


# §44 --------------------------------------------------------------------------------------------


def test_the_result_is_due_ten_working_days_after_the_case_was_concluded(
    demo_desk: Desk, clock: Clock, output: OutputService
) -> None:
    clock.now = datetime(2026, 11, 2, 10, 0)  # a Monday with no holiday in the next weeks
    case = decided_case(demo_desk, clock, applicant=person(sequence=44))
    assert case.concluded_at == clock.now
    assert output.output_deadline(case) == date(2026, 11, 16)


def test_a_denied_case_has_no_output_deadline(
    demo_desk: Desk, clock: Clock, output: OutputService
) -> None:
    case = make_case(demo_desk, (FOOD_LICENCE,), clock=clock, accept_by=CLERK)
    if case.state is CaseState.ACCEPTED:
        case = advance(
            demo_desk,
            case,
            CaseEvent.ROUTE,
            route_payload(case, demo_desk.intake.work_calendar()),
            clock,
        )
    department = case.parts[0].department
    case = advance(
        demo_desk,
        case,
        CaseEvent.DENY,
        {"department": department, "remedies": "可在60日内申请行政复议"},
        clock,
        reason="经营场所不符合要求",
    )
    assert case.state is CaseState.DECIDED
    assert output.output_deadline(case) is None


# kill -9 ------------------------------------------------------------------------------------

_HAND_OVER_CHILD = """
import os, signal, sys
from pathlib import Path

import clerk_desk.services.output as output_module
from clerk_desk.desk import Desk

root, case_uuid, scan, agent_id, point = sys.argv[1:]
desk = Desk.open(root, demo_mode=True)
case = desk.intake.case(case_uuid)


def die():
    os.kill(os.getpid(), signal.SIGKILL)


if point == "stored":  # the scan is in the file store, the transaction not yet begun
    put = desk.output.files.put

    def put_then_die(source):
        put(source)
        die()

    desk.output.files.put = put_then_die
if point == "written":  # case, event and outbox row written, not committed
    record = output_module.record

    def record_then_die(session, *args, **kwargs):
        record(session, *args, **kwargs)
        session.flush()
        die()

    output_module.record = record_then_die
print("started", flush=True)
handed = desk.output.hand_over(
    case,
    "output",
    collector_name="王强",
    collector_id_number=agent_id,
    collector_is_agent=True,
    authorisation=Path(scan),
)
print("returned", handed.state, flush=True)
sys.stdin.read()
"""


def _hand_over_killed(root: Path, case: Case, scan: Path, point: str) -> None:
    """Run the hand-over in a process of its own and kill it (-9) at ``point``: when the
    hand-over starts or has returned (killed from here), or inside it (it kills itself)."""
    command = [sys.executable, "-c", _HAND_OVER_CHILD, str(root), case.uuid, str(scan)]
    with subprocess.Popen(
        [*command, AGENT_ID, point],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if point in ("started", "returned") and line.startswith(point):
                child.send_signal(signal.SIGKILL)
                break
        _, errors = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL, errors


@pytest.mark.parametrize("point", ["started", "stored", "written", "returned"])
def test_kill_9_during_a_hand_over_loses_nothing_and_never_hands_over_twice(
    demo_desk: Desk, clock: Clock, tmp_path: Path, point: str
) -> None:
    case = ready_case(demo_desk, clock)
    root = demo_desk.data_dir.root
    scan = write_pdf(tmp_path, "授权委托书.pdf")
    demo_desk.close()

    _hand_over_killed(root, case, scan, point)

    with Desk.open(root, demo_mode=True) as desk:
        reopened = stored(desk, case)
        handed_over = [e for e in desk.intake.events(case.uuid) if e.event == "hand_over"]
        assert len(handed_over) == outbox_kinds(desk, case).count("hand_over")
        if point in ("stored", "written"):
            assert handed_over == []
        if point == "returned":
            assert len(handed_over) == 1
        if not handed_over:
            assert reopened.state is CaseState.READY_FOR_PICKUP
            assert reopened.delivery is None
            reopened = desk.output.hand_over(
                reopened,
                OUTPUT_CLERK,
                collector_name="王强",
                collector_id_number=AGENT_ID,
                collector_is_agent=True,
                authorisation=scan,
            )
        assert reopened.state is CaseState.DELIVERED
        assert reopened.delivery is not None
        assert desk.intake.files.exists(reopened.delivery.authorisation_sha256)
        before = counts(desk)
        with pytest.raises(OutputRefused, match="it is not handed over again"):
            desk.output.hand_over(
                reopened,
                OUTPUT_CLERK,
                collector_name="王强",
                collector_id_number=AGENT_ID,
                collector_is_agent=True,
                authorisation=scan,
            )
        assert counts(desk) == before
        assert [e.event for e in desk.intake.events(case.uuid)].count("hand_over") == 1
        assert outbox_kinds(desk, case).count("hand_over") == 1


def test_a_denied_fee_case_owes_nothing_and_its_decision_is_handed_over_free(
    demo_desk: Desk, output: OutputService, clock: Clock
) -> None:
    case = make_case(demo_desk, (HOUSE_TRANSFER,), clock=clock, accept_by=CLERK)
    assert case.fee_due == "80.00"
    department = case.parts[0].department
    case = advance(
        demo_desk,
        case,
        CaseEvent.DENY,
        {"department": department, "remedies": "可在60日内申请行政复议"},
        clock,
        reason="申请材料显示该房屋已被查封",
    )
    case = advance(demo_desk, case, CaseEvent.RESULT_READY, {}, clock)
    assert output.release_problems(case) == []
    with pytest.raises(EventRefused) as refusal:
        output.pay(case, OUTPUT_CLERK, method=PaymentMethod.CASH, amount="80.00", payer="李娜")
    assert refusal.value.key == "amount"
    handed = output.hand_over(
        case, OUTPUT_CLERK, collector_name="李娜", collector_id_number=case.applicant.id_number
    )
    assert (handed.state, handed.payments) == (CaseState.DELIVERED, [])
