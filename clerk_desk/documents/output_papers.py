"""Output (综合窗口统一出件) as its papers: the 缴款通知书 before the result is released, the
送达回证 signed at hand-over, the 邮寄单 for the courier.

Pure functions, no Qt. ID numbers are masked here; the 邮寄单 alone prints the recipient's
phone and address in full, because the courier needs them.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from clerk_desk.documents.case_papers import PaperContext, case_head
from clerk_desk.documents.formatting import yuan_in_capitals
from clerk_desk.documents.papers import (
    ApprovalDecisionPaper,
    CourierSlipPaper,
    DeliveryReceiptPaper,
    DenialDecisionPaper,
    FeeLine,
    PaymentNoticePaper,
)
from clerk_desk.domain.case import (
    ApplicantKind,
    Case,
    Delivery,
    DeliveryMethod,
    Outcome,
)
from clerk_desk.domain.identity import mask_id_number, validate_phone
from clerk_desk.domain.output_rules import outstanding, payment_code, yuan

WINDOW = "窗口领取"
COURIER = "邮寄送达"


def served_documents(case: Case, context: PaperContext) -> tuple[str, ...]:
    """What the applicant receives: each part's decision and, where approved, its result."""
    documents: list[str] = []
    for part in case.parts:
        authority = context.authority(part.department)
        if part.outcome is Outcome.APPROVED:
            documents.append(f"{ApprovalDecisionPaper.title}（{authority}）")
            if part.result_name:
                number = f"（编号：{part.result_number}）" if part.result_number else ""
                documents.append(part.result_name + number)
        elif part.outcome is Outcome.DENIED:
            documents.append(f"{DenialDecisionPaper.title}（{authority}）")
    return tuple(documents)


# 送达回证 -----------------------------------------------------------------------------------


def delivery_receipt(case: Case, context: PaperContext) -> DeliveryReceiptPaper:
    """The documents served and, once the hand-over (or the courier's delivery) is recorded,
    who received them, how and when; before that those lines are left for the pen."""
    paper = DeliveryReceiptPaper(
        header=context.header(),
        case=case_head(case),
        documents=served_documents(case, context),
        served_by=context.centre_name,
        addressee=case.applicant.name,
        method="",
        place=f"{context.centre_name}{context.window}",
        served_at=None,
    )
    delivery = case.delivery
    if delivery is None:
        return paper
    if delivery.method is DeliveryMethod.COURIER:
        return _by_courier(paper, delivery)
    return replace(
        paper,
        method=WINDOW,
        served_at=delivery.at,
        collector_name=delivery.collector_name,
        collector_id_masked=mask_id_number(delivery.collector_id_number),
        collector_relation=_relation(case, delivery),
        e_licence_number=delivery.e_licence_number,
    )


def _relation(case: Case, delivery: Delivery) -> str:
    if delivery.collector_is_agent:
        return "代理人（凭授权委托书代收）"
    if case.applicant.kind is ApplicantKind.ORGANISATION:
        return "单位经办人"
    return "本人"


def _by_courier(paper: DeliveryReceiptPaper, delivery: Delivery) -> DeliveryReceiptPaper:
    signed = delivery.signed_by
    relation = "" if not signed else "本人" if signed == paper.addressee else "代收"
    return replace(
        paper,
        method=f"{COURIER}（{delivery.company}）" if delivery.company else COURIER,
        place=delivery.address,
        served_at=delivery.delivered_at,
        collector_name=signed,
        collector_relation=relation,
        tracking_number=delivery.tracking_number,
    )


# 邮寄单 -------------------------------------------------------------------------------------


def courier_slip(case: Case, context: PaperContext) -> CourierSlipPaper:
    """GB/T 39046-2020 table 15: the centre sends, the recipient receives; the courier record
    of ``ship`` when there is one, else the applicant's own phone and address to check."""
    delivery = case.delivery
    courier = delivery if delivery and delivery.method is DeliveryMethod.COURIER else None
    applicant = case.applicant
    phone = courier.phone if courier else applicant.phone
    return CourierSlipPaper(
        header=context.header(),
        case=case_head(case),
        sender_unit=context.centre_name,
        sender_address=context.address,
        sender_phone=context.phone,
        sender=context.clerk,
        recipient=courier.recipient if courier else case.applicant.name,
        address=courier.address if courier else applicant.address,
        phone=_written_phone(phone),
        company=courier.company if courier else "",
        tracking_number=courier.tracking_number if courier else "",
        contents=served_documents(case, context),
        shipped_on=(courier.at if courier else context.printed_at).date(),
    )


def _written_phone(phone: str) -> str:
    """``+8613812345678`` → ``13812345678``: in full, as a courier dials it."""
    if not phone:
        return ""
    check = validate_phone(phone)
    return check.written if not check.problems and check.written else phone


# 缴款通知书 ---------------------------------------------------------------------------------


def payment_notice(case: Case, context: PaperContext) -> PaymentNoticePaper:
    """The fee outstanding (else the fee due), per item, in figures and capitals, with the
    payment code of :func:`output_rules.payment_code`."""
    fees = tuple(
        FeeLine(item.name, str(yuan(item.fee_yuan))) for item in case.items if yuan(item.fee_yuan)
    )
    amount = (
        outstanding(case)
        or yuan(case.fee_due)
        or sum((yuan(fee.amount) for fee in fees), Decimal("0.00"))
    )
    departments = dict.fromkeys(
        item.department for item in case.items if yuan(item.fee_yuan)
    ) or dict.fromkeys(item.department for item in case.items)
    return PaymentNoticePaper(
        header=context.header(),
        case=case_head(case),
        payer=case.applicant.name,
        payee="、".join(context.authority(department) for department in departments),
        fees=fees,
        amount=str(amount),
        amount_in_capitals=yuan_in_capitals(amount),
        payment_code=payment_code(case.case_no or ""),
        issued_on=context.printed_at.date(),
        contact=context.contact,
    )
