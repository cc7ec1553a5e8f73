"""One realistic example of every review and output paper, for the tests and
``tools/render_papers.py``, in the world of :mod:`examples`.

The 开办餐饮店 bundle of :mod:`examples` (accepted Friday 2026-11-27, 5 working days) is
reviewed by 合肥市市场监督管理局: its food licence is paused for 检验 (a water test) from
Monday 2026-11-30 for 3 working days, resumed on Thursday 2026-12-03 (3 working days not
counted: deadline 2026-12-09), extended by 5 working days (deadline 2026-12-16) and approved
on 2026-12-15. A second-hand house transfer is charged the 80 yuan registration fee and
shipped by EMS. People, numbers and tracking numbers are invented.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from clerk_desk.documents.examples import (
    FOOD_LICENCE,
    HANDED_OVER,
    HEADER,
    HOUSE_TRANSFER,
    MARKET_REGULATION,
    RESTAURANT_CASE,
    RESTAURANT_OWNER,
)
from clerk_desk.documents.formatting import yuan_in_capitals
from clerk_desk.documents.papers import (
    Applicant,
    ApprovalDecisionPaper,
    CaseHead,
    CourierSlipPaper,
    Deadline,
    DeliveryReceiptPaper,
    DenialDecisionPaper,
    ExtensionNoticePaper,
    FeeLine,
    Paper,
    PaperHeader,
    PaymentNoticePaper,
    SpecialProcedurePaper,
    SupplementRequestPaper,
    TransferLine,
    TransferSheetPaper,
)
from clerk_desk.domain.case_number import display_case_no, make_case_no
from clerk_desk.domain.output_rules import payment_code, yuan

CONTACT = "0551-12345678（3号窗口）"
OUTPUT_CONTACT = "0551-12345670（综合出件窗口）"
FOOD_CASE = CaseHead(
    case_no=RESTAURANT_CASE.case_no,
    items=(FOOD_LICENCE,),
    applicant=RESTAURANT_OWNER,
    department=MARKET_REGULATION,
)
ACCEPTED_ON = date(2026, 11, 27)
REVIEW_HEADER = PaperHeader(
    centre_name=HEADER.centre_name,
    window="审批科室",
    clerk="李静",
    printed_at=datetime(2026, 11, 30, 9, 5),
)


def _reviewed(on: datetime) -> PaperHeader:
    """The reviewer's header, printed the day of the decision."""
    return replace(REVIEW_HEADER, printed_at=on)


OUTPUT_HEADER = PaperHeader(
    centre_name=HEADER.centre_name,
    window="综合出件窗口",
    clerk="马丽",
    printed_at=datetime(2026, 12, 17, 10, 40),
)
HOUSE_BUYER = Applicant(name="刘建国", id_number_masked="340104********1234", phone="138****2468")
HOUSE_CASE = CaseHead(
    case_no=display_case_no(make_case_no("340100", date(2026, 12, 1), 7, 32)),
    items=(HOUSE_TRANSFER,),
    applicant=HOUSE_BUYER,
    department="合肥市自然资源和规划局",
)
FOOD_RESULT = "食品经营许可证（正本、副本及电子证照）"
FOOD_LICENCE_NUMBER = "JY23401040012345"
HOUSE_RESULT = "不动产权证书"
HOUSE_CERTIFICATE = "皖（2026）合肥市不动产权第0123456号"


def transfer_sheet() -> TransferSheetPaper:
    pages = {"个体工商户登记（备案）申请书": 2, "食品经营许可申请书": 3}
    return TransferSheetPaper(
        header=HEADER,
        case=RESTAURANT_CASE,
        from_window=f"{HEADER.centre_name}{HEADER.window}",
        to_department=MARKET_REGULATION,
        lead=False,
        departments=1,
        routed_on=ACCEPTED_ON,
        deadline=Deadline(date(2026, 12, 4)),
        materials=tuple(
            TransferLine(m.name, m.form, m.copies, pages.get(m.name), m.note) for m in HANDED_OVER
        ),
    )


def supplement_request() -> SupplementRequestPaper:
    return SupplementRequestPaper(
        header=REVIEW_HEADER,
        case=FOOD_CASE,
        authority=MARKET_REGULATION,
        accepted_on=ACCEPTED_ON,
        requested_on=date(2026, 11, 30),
        materials=(
            "经营场所平面图（标明加工操作区、就餐区及面积）",
            "从业人员健康证明",
        ),
        reason="设备布局图未标明各功能区面积，无法判断加工操作场所是否与经营规模相适应。",
        basis="《食品经营许可和备案管理办法》关于申请材料的规定",
        hand_in=f"{HEADER.centre_name}综合窗口",
        contact=CONTACT,
    )


def special_procedure_notice() -> SpecialProcedurePaper:
    return SpecialProcedurePaper(
        header=REVIEW_HEADER,
        case=FOOD_CASE,
        authority=MARKET_REGULATION,
        kind="检验",
        reason="经营场所使用自备水源，需对食品加工用水进行水质检验。",
        basis="",
        approved_by="张科长",
        started_on=date(2026, 11, 30),
        expected_days=3,
        contact=CONTACT,
    )


def special_procedure_result() -> SpecialProcedurePaper:
    notice = special_procedure_notice()
    return SpecialProcedurePaper(
        header=_reviewed(datetime(2026, 12, 3, 15, 20)),
        case=notice.case,
        authority=notice.authority,
        kind=notice.kind,
        reason=notice.reason,
        basis=notice.basis,
        approved_by=notice.approved_by,
        started_on=notice.started_on,
        expected_days=notice.expected_days,
        ended_on=date(2026, 12, 3),
        result="水质检验合格（检验报告编号 SJ2026-1203-017）。",
        paused_days=3,
        deadline=Deadline(date(2026, 12, 9)),
        contact=CONTACT,
    )


def extension_notice() -> ExtensionNoticePaper:
    return ExtensionNoticePaper(
        header=_reviewed(datetime(2026, 12, 8, 11, 0)),
        case=FOOD_CASE,
        authority=MARKET_REGULATION,
        decided_on=date(2026, 12, 8),
        working_days=5,
        days=5,
        reason="经营场所涉及集中用餐配送，需组织专家对加工流程进行论证",
        basis="《中华人民共和国行政许可法》第四十二条第一款",
        approved_by="陈局长",
        deadline=Deadline(date(2026, 12, 16)),
        contact=CONTACT,
    )


def approval_decision() -> ApprovalDecisionPaper:
    return ApprovalDecisionPaper(
        header=_reviewed(datetime(2026, 12, 15, 16, 30)),
        case=FOOD_CASE,
        authority=MARKET_REGULATION,
        accepted_on=ACCEPTED_ON,
        decided_on=date(2026, 12, 15),
        result_name=FOOD_RESULT,
        result_number=FOOD_LICENCE_NUMBER,
        valid_until=date(2031, 12, 14),
        pickup=f"到{HEADER.centre_name}综合窗口领取，或申请邮寄送达",
        fee="",
        contact=CONTACT,
    )


def denial_decision() -> DenialDecisionPaper:
    return DenialDecisionPaper(
        header=_reviewed(datetime(2026, 12, 15, 16, 30)),
        case=FOOD_CASE,
        authority=MARKET_REGULATION,
        accepted_on=ACCEPTED_ON,
        decided_on=date(2026, 12, 15),
        reasons="经实地核查，经营场所距离旱厕不足25米，且无有效防护措施，不符合《食品经营"
        "许可审查通则》关于经营场所与污染源保持规定距离的要求",
        review_body="合肥市人民政府",
        court="有管辖权的人民法院",
    )


def _served() -> tuple[str, ...]:
    return (
        f"准予许可决定书（{MARKET_REGULATION}）",
        f"{FOOD_RESULT}（编号：{FOOD_LICENCE_NUMBER}）",
    )


def delivery_receipt() -> DeliveryReceiptPaper:
    return DeliveryReceiptPaper(
        header=OUTPUT_HEADER,
        case=FOOD_CASE,
        documents=_served(),
        served_by=HEADER.centre_name,
        addressee=RESTAURANT_OWNER.name,
        method="窗口领取",
        place=f"{HEADER.centre_name}综合出件窗口",
        served_at=datetime(2026, 12, 17, 10, 38),
        collector_name="陈晓梅",
        collector_id_masked=RESTAURANT_OWNER.id_number_masked,
        collector_relation="本人",
        e_licence_number="340100-SPJY-2026-0012345",
    )


def courier_slip() -> CourierSlipPaper:
    return CourierSlipPaper(
        header=OUTPUT_HEADER,
        case=HOUSE_CASE,
        sender_unit=HEADER.centre_name,
        sender_address="安徽省合肥市蜀山区怀宁路1800号",
        sender_phone="0551-12345670",
        sender="马丽",
        recipient="刘建国",
        address="安徽省合肥市包河区示例路66号3栋502室",
        phone="13812342468",
        company="中国邮政速递物流（EMS）",
        tracking_number="1100123456789",
        contents=(
            "准予许可决定书（合肥市自然资源和规划局）",
            f"{HOUSE_RESULT}（编号：{HOUSE_CERTIFICATE}）",
        ),
        shipped_on=date(2026, 12, 17),
    )


def payment_notice() -> PaymentNoticePaper:
    amount = "80.00"
    return PaymentNoticePaper(
        header=OUTPUT_HEADER,
        case=HOUSE_CASE,
        payer=HOUSE_BUYER.name,
        payee="合肥市自然资源和规划局",
        fees=(FeeLine(f"{HOUSE_TRANSFER.name}（住宅登记费）", amount),),
        amount=amount,
        amount_in_capitals=yuan_in_capitals(yuan(amount)),
        payment_code=payment_code(HOUSE_CASE.case_no.replace("-", "")),
        issued_on=date(2026, 12, 17),
        contact=OUTPUT_CONTACT,
    )


def all_examples() -> dict[str, Paper]:
    """Every review and output example paper by a file-name-friendly key."""
    return {
        "transfer_sheet": transfer_sheet(),
        "supplement_request": supplement_request(),
        "special_procedure": special_procedure_notice(),
        "special_procedure_result": special_procedure_result(),
        "extension_notice": extension_notice(),
        "approval_decision": approval_decision(),
        "denial_decision": denial_decision(),
        "delivery_receipt": delivery_receipt(),
        "courier_slip": courier_slip(),
        "payment_notice": payment_notice(),
    }
