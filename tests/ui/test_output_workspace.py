"""出件 as the output clerk uses it: find the visitor's result, take the fee, check who
collects it, hand it over or ship it, and be ready for the next visitor."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from case_factory import MONDAY, Clock, make_case
from intake_helpers import Keyboard
from output_helpers import HOUSE_TRANSFER, SOCIAL_SECURITY_CARD, advance, ready_case
from output_ui_helpers import now_clock, other_id, output_window, settle, someone
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot
from test_accessibility import unnamed_controls
from ui_test_helpers import find

from clerk_desk.desk import Desk
from clerk_desk.documents.qr import qr_payload
from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case import Applicant, ApplicantKind, Case, PaymentMethod
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.case_states import CaseEvent, CaseState
from clerk_desk.domain.review_rules import route_payload
from ui.desk_worker import DeskWorker
from ui.output.workspace import OutputWorkspace
from ui.translations import Translators

CREDIT_CODE = "91340100MA2N7QXK0H"
PROGRESS_URL = "https://zwfw.example.gov.cn/progress?no={case_no}"


@pytest.fixture
def output(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, translators: Translators
) -> Iterator[OutputWorkspace]:
    with output_window(qtbot, demo_desk, demo_worker, translators) as workspace:
        yield workspace


def calendar(desk: Desk) -> WorkCalendar:
    return desk.intake.work_calendar()


def stored(desk: Desk, case: Case) -> Case:
    found = desk.intake.case(case.uuid)
    assert found is not None
    return found


def search(qtbot: QtBot, output: OutputWorkspace, text: str) -> None:
    """Type (or scan) ``text`` into the search box and press Enter, as a scanner does."""
    box = output.search.box
    box.setFocus()
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    settle(output.worker)


def open_found(qtbot: QtBot, output: OutputWorkspace, case: Case) -> None:
    assert case.case_no is not None
    search(qtbot, output, case.case_no)
    assert output.found is not None and output.found.case.uuid == case.uuid


def text_of(output: OutputWorkspace, name: str) -> str:
    return find(output, QLabel, name).text()


def test_the_search_box_has_the_focus_when_the_workspace_opens(output: OutputWorkspace) -> None:
    assert QApplication.focusWidget() is output.search.box
    assert output.search.box.accessibleName() == "Find the result to hand over"
    assert not find(output, QPushButton, "output.handOver").isEnabled()


@pytest.mark.parametrize("grouped", [True, False])
def test_a_case_number_typed_as_printed_or_not_opens_the_case(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace, grouped: bool
) -> None:
    case = ready_case(demo_desk, Clock(MONDAY), applicant=someone(31))
    assert case.case_no is not None
    search(qtbot, output, display_case_no(case.case_no) if grouped else case.case_no)
    assert output.found is not None and output.found.case.uuid == case.uuid
    assert display_case_no(case.case_no) in text_of(output, "output.caseTitle")
    assert "Ready for pick-up" in text_of(output, "output.caseTitle")


def test_the_receipts_qr_code_read_by_a_scanner_opens_the_case(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    case = ready_case(demo_desk, Clock(MONDAY), applicant=someone(32))
    assert case.case_no is not None
    search(qtbot, output, qr_payload(PROGRESS_URL, case.case_no))
    assert output.found is not None and output.found.case.uuid == case.uuid


def test_the_last_four_of_the_id_number_find_the_case(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    applicant = someone(33)
    case = ready_case(demo_desk, Clock(MONDAY), applicant=applicant)
    search(qtbot, output, applicant.id_number[-4:])
    rows = output.search.model.rows
    assert case.uuid in [row.uuid for row in rows]
    if len(rows) > 1:  # several found: Enter went into the list, where Enter opens one
        assert QApplication.focusWidget() is output.search.table
        row = [r.uuid for r in rows].index(case.uuid)
        output.search.table.setCurrentIndex(output.search.model.index(row, 0))
        qtbot.keyClick(output.search.table, Qt.Key.Key_Return)
        settle(output.worker)
    assert output.found is not None and output.found.case.uuid == case.uuid


def test_a_collector_whose_id_number_is_not_the_applicants_is_refused_beside_the_field(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    case = ready_case(demo_desk, Clock(MONDAY), applicant=someone(34))
    open_found(qtbot, output, case)
    field = find(output, QLineEdit, "output.collectorId")
    assert QApplication.focusWidget() is field
    wrong = other_id(34)
    qtbot.keyClicks(field, wrong)
    message = find(output, QLabel, "output.collectorIdError")
    assert message.isVisible()
    assert "not the applicant's" in message.text()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    settle(output.worker)
    assert "not the applicant's" in message.text()
    assert field.text() == wrong
    assert stored(demo_desk, case).state is CaseState.READY_FOR_PICKUP
    assert output.found is not None  # still on the case, nothing handed over


def test_the_applicants_own_id_number_is_confirmed_as_typed(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    applicant = someone(35)
    case = ready_case(demo_desk, Clock(MONDAY), applicant=applicant)
    open_found(qtbot, output, case)
    field = find(output, QLineEdit, "output.collectorId")
    qtbot.keyClicks(field, applicant.id_number)
    assert text_of(output, "output.collectorIdError") == "Matches the applicant's ID number"


def test_an_agent_without_a_letter_of_authorisation_is_refused(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    case = ready_case(demo_desk, Clock(MONDAY), applicant=someone(36))
    open_found(qtbot, output, case)
    find(output, QRadioButton, "output.collectorAgent").setChecked(True)
    assert "Not attached" in text_of(output, "output.authorisation")
    name = find(output, QLineEdit, "output.collectorName")
    qtbot.keyClicks(name, "Zhao Liu")
    field = find(output, QLineEdit, "output.collectorId")
    qtbot.keyClicks(field, other_id(36))
    qtbot.keyClick(field, Qt.Key.Key_F9)
    settle(output.worker)
    message = find(output, QLabel, "output.authorisationError")
    assert message.isVisible()
    assert "letter of authorisation" in message.text()
    assert name.text() == "Zhao Liu"
    assert stored(demo_desk, case).state is CaseState.READY_FOR_PICKUP


def test_pay_then_hand_over_from_the_keyboard_prints_the_receipt_and_returns_to_the_search(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    applicant = someone(37)
    case = ready_case(demo_desk, Clock(MONDAY), (SOCIAL_SECURITY_CARD,), applicant=applicant)
    open_found(qtbot, output, case)
    hand_over = find(output, QPushButton, "output.handOver")
    assert not hand_over.isEnabled()
    assert "unpaid" in hand_over.toolTip()
    assert "20.00 yuan due" in text_of(output, "output.feeState")
    amount = find(output, QLineEdit, "output.payAmount")
    assert QApplication.focusWidget() is amount
    assert amount.text() == "20.00"
    qtbot.keyClick(amount, Qt.Key.Key_Return)  # cash, the amount as prefilled
    settle(output.worker)
    assert "paid" in text_of(output, "output.feeState")
    assert hand_over.isEnabled()
    field = find(output, QLineEdit, "output.collectorId")
    assert QApplication.focusWidget() is field
    qtbot.keyClicks(field, applicant.id_number)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    settle(output.worker)
    after = stored(demo_desk, case)
    assert after.state is CaseState.DELIVERED
    assert after.payments[0].method is PaymentMethod.CASH
    assert after.delivery is not None and after.delivery.collector_id_number == applicant.id_number
    assert QApplication.focusWidget() is output.search.box
    assert output.search.box.text() == ""
    assert [path.name for path in output.printed] == [f"{case.case_no}-送达回证.pdf"]


def test_a_wrong_amount_is_said_beside_the_field_and_nothing_is_paid(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    case = ready_case(demo_desk, Clock(MONDAY), (SOCIAL_SECURITY_CARD,), applicant=someone(38))
    open_found(qtbot, output, case)
    amount = find(output, QLineEdit, "output.payAmount")
    amount.clear()
    qtbot.keyClicks(amount, "2.00")
    assert "The amount due is 20.00 yuan" in text_of(output, "output.payAmountError")
    qtbot.keyClick(amount, Qt.Key.Key_F7)
    settle(output.worker)
    assert stored(demo_desk, case).payments == []
    assert amount.text() == "2.00"


def test_a_courier_record_without_a_phone_is_refused_beside_the_phone(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    case = ready_case(demo_desk, Clock(MONDAY), (HOUSE_TRANSFER,), applicant=someone(39))
    case = demo_desk.output.pay(
        case, "output", method=PaymentMethod.CARD, amount="80.00", payer="x"
    )
    open_found(qtbot, output, case)
    qtbot.keyClick(output.search.box, Qt.Key.Key_F10)  # F10 shows the courier form
    assert find(output, QRadioButton, "output.methodCourier").isChecked()
    phone = find(output, QLineEdit, "output.phone")
    phone.clear()
    tracking = find(output, QLineEdit, "output.tracking")
    qtbot.keyClicks(tracking, "EMS1234567890")
    qtbot.keyClick(tracking, Qt.Key.Key_Return)
    settle(output.worker)
    message = find(output, QLabel, "output.phoneError")
    assert message.isVisible() and message.text()
    assert tracking.text() == "EMS1234567890"
    assert stored(demo_desk, case).state is CaseState.READY_FOR_PICKUP


def test_a_window_only_item_cannot_be_shipped_and_says_why(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    case = ready_case(demo_desk, Clock(MONDAY), (SOCIAL_SECURITY_CARD,), applicant=someone(40))
    open_found(qtbot, output, case)
    ship = find(output, QPushButton, "output.ship")
    assert not ship.isEnabled()
    assert "not delivered by courier" in ship.toolTip()


def test_shipping_prints_the_slip_and_a_shipped_case_is_signed_for(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    case = ready_case(demo_desk, Clock(MONDAY), (HOUSE_TRANSFER,), applicant=someone(41))
    case = demo_desk.output.pay(
        case, "output", method=PaymentMethod.CODE, amount="80.00", payer="x"
    )
    open_found(qtbot, output, case)
    qtbot.keyClick(output.search.box, Qt.Key.Key_F10)
    address = find(output, QLineEdit, "output.address")
    assert address.text() == ""  # the applicant gave none
    tracking = find(output, QLineEdit, "output.tracking")
    qtbot.keyClicks(tracking, "EMS1234567890")
    qtbot.keyClick(tracking, Qt.Key.Key_Return)
    settle(output.worker)
    assert text_of(output, "output.addressError") == "⚠ Fill in “Address”"
    qtbot.keyClicks(address, "Hefei, Shushan District, 1 Changjiang Road")
    assert not find(output, QLabel, "output.addressError").isVisible()
    qtbot.keyClick(tracking, Qt.Key.Key_Return)
    settle(output.worker)
    assert stored(demo_desk, case).state is CaseState.SHIPPED
    assert [path.name for path in output.printed] == [f"{case.case_no}-邮寄单.pdf"]
    open_found(qtbot, output, case)
    signed = find(output, QLineEdit, "output.signedBy")
    assert QApplication.focusWidget() is signed
    qtbot.keyClicks(signed, "Wang")
    qtbot.keyClick(signed, Qt.Key.Key_Return)
    settle(output.worker)
    after = stored(demo_desk, case)
    assert after.state is CaseState.DELIVERED
    assert after.delivery is not None and after.delivery.signed_by == "Wang"


def test_the_section_44_clock_says_when_it_has_passed(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    late = ready_case(demo_desk, Clock(MONDAY), applicant=someone(42))
    open_found(qtbot, output, late)
    clock = find(output, QLabel, "output.clock")
    assert "the legal delivery deadline has passed" in clock.text()
    assert clock.property("role") == "error"
    row = [r.uuid for r in output.search.model.rows].index(late.uuid)
    assert "passed" in output.search.model.index(row, 4).data()

    fresh = ready_case(demo_desk, now_clock(demo_desk), applicant=someone(43))
    qtbot.keyClick(output.search.box, Qt.Key.Key_Escape)
    open_found(qtbot, output, fresh)
    assert "working day(s) left" in clock.text()
    assert clock.property("role") == "muted"


def test_a_payment_reported_by_the_platform_shows_as_paid(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    case = ready_case(demo_desk, Clock(MONDAY), (SOCIAL_SECURITY_CARD,), applicant=someone(44))
    open_found(qtbot, output, case)
    assert not find(output, QPushButton, "output.handOver").isEnabled()
    licence = find(output, QLineEdit, "output.eLicence")
    licence.setFocus()
    qtbot.keyClicks(licence, "DZZZ-0001")
    output.worker.run(
        lambda desk: desk.output.pay(
            case, "platform", method=PaymentMethod.CODE, amount="20.00", payer="x"
        )
    )
    settle(output.worker)
    assert "reported by the platform" in text_of(output, "output.feeState")
    assert find(output, QPushButton, "output.handOver").isEnabled()
    assert QApplication.focusWidget() is licence  # what the clerk was typing stays in hand
    assert licence.text() == "DZZZ-0001"


def test_escape_goes_back_to_the_search_box(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    case = ready_case(demo_desk, Clock(MONDAY), applicant=someone(45))
    open_found(qtbot, output, case)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    settle(output.worker)
    assert output.found is None
    assert QApplication.focusWidget() is output.search.box


def test_every_control_of_the_workspace_is_named(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    case = ready_case(demo_desk, Clock(MONDAY), applicant=someone(46))
    open_found(qtbot, output, case)
    assert unnamed_controls(output) == []
    assert find(output, QPushButton, "output.handOver").text() == "F9 Hand over, print receipt"


def test_f8_prints_the_payment_notice(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    case = ready_case(demo_desk, Clock(MONDAY), (SOCIAL_SECURITY_CARD,), applicant=someone(47))
    open_found(qtbot, output, case)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    settle(output.worker)
    assert [path.name for path in output.printed] == [f"{case.case_no}-缴款通知书.pdf"]
    assert stored(demo_desk, case).payments == []  # printing the notice takes no payment


def test_an_agent_hands_in_the_letter_scanned_here_and_collects(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    case = ready_case(demo_desk, Clock(MONDAY), applicant=someone(48))
    open_found(qtbot, output, case)
    find(output, QRadioButton, "output.collectorAgent").setChecked(True)
    name = find(output, QLineEdit, "output.collectorName")
    qtbot.keyClicks(name, "Zhao Liu")
    qtbot.keyClick(name, Qt.Key.Key_F6)  # SANE's test scanner of the demo desk
    qtbot.waitUntil(lambda: output.collector.scanned is not None, timeout=30_000)
    assert "Scanned here" in text_of(output, "output.authorisation")
    field = find(output, QLineEdit, "output.collectorId")
    qtbot.keyClicks(field, other_id(48))
    qtbot.keyClick(field, Qt.Key.Key_Return)
    settle(output.worker)
    delivery = stored(demo_desk, case).delivery
    assert delivery is not None and delivery.collector_is_agent
    assert delivery.authorisation_sha256


def test_a_denied_case_hands_over_the_decision(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    clock = Clock(MONDAY)
    case = make_case(demo_desk, clock=clock, applicant=someone(49), accept_by="clerk")
    if case.state is CaseState.ACCEPTED:
        case = advance(
            demo_desk, case, CaseEvent.ROUTE, route_payload(case, calendar(demo_desk)), clock
        )
    deny = {"department": case.parts[0].department, "remedies": "行政复议或行政诉讼"}
    case = advance(demo_desk, case, CaseEvent.DENY, deny, clock, reason="场所不符合要求")
    case = advance(demo_desk, case, CaseEvent.RESULT_READY, {}, clock)
    open_found(qtbot, output, case)
    assert "decision not to grant (reasons: 场所不符合要求)" in text_of(output, "output.handedOver")
    assert "No delivery deadline" in text_of(output, "output.clock")
    assert find(output, QPushButton, "output.handOver").isEnabled()


def test_an_organisation_collects_only_through_an_agent(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace
) -> None:
    firm = Applicant(
        kind=ApplicantKind.ORGANISATION,
        name="合肥某某餐饮有限公司",
        credit_code=CREDIT_CODE,
        legal_representative="张三",
        phone="13912345678",
    )
    case = ready_case(demo_desk, Clock(MONDAY), applicant=firm)
    open_found(qtbot, output, case)
    assert not find(output, QRadioButton, "output.collectorSelf").isEnabled()
    assert find(output, QRadioButton, "output.collectorAgent").isChecked()
    assert QApplication.focusWidget() is find(output, QLineEdit, "output.collectorName")


@pytest.mark.parametrize("by", ["name", "phone"])
def test_a_name_or_a_phone_finds_the_case(
    qtbot: QtBot, demo_desk: Desk, output: OutputWorkspace, by: str
) -> None:
    applicant = someone(50, "欧阳娜娜")
    case = ready_case(demo_desk, Clock(MONDAY), applicant=applicant)
    box = output.search.box
    box.setFocus()
    if by == "name":
        Keyboard(qtbot).type(box, applicant.name)  # as a pinyin input method commits it
        qtbot.keyClick(box, Qt.Key.Key_Return)
    else:
        qtbot.keyClicks(box, applicant.phone)
        qtbot.keyClick(box, Qt.Key.Key_Return)
    settle(output.worker)
    assert output.found is not None and output.found.case.uuid == case.uuid
