"""综合窗口统一出件: fees, the result handed over at the window or sent by courier.

Pure rules shared by the desk's output service and the platform (through
:mod:`clerk_desk.domain.case_effects`): the fee is the sum of the case's items' fees, paid in
full by cash, bank card or payment code before the result is released; the collector at the
window is the applicant (the same ID number) or an agent with a 授权委托书; a courier record
needs the GB/T 39046-2020 table 15 fields and an item that allows courier delivery.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case import (
    ApplicantKind,
    Case,
    CaseItem,
    Delivery,
    DeliveryMethod,
    MaterialFile,
    Outcome,
    Payment,
    PaymentMethod,
)
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.identity import (
    DEFAULT_DOCUMENT_KIND,
    DocumentKind,
    validate_document,
    validate_phone,
)
from clerk_desk.domain.limits import ADDRESS_MAX, NAME_MAX, SHORT_TEXT_MAX
from clerk_desk.domain.review_rules import EventRefused, required, text
from clerk_desk.i18n import QT_TRANSLATE_NOOP

CENT = Decimal("0.01")
OUTPUT_DAYS = 10  # §44: the certificate is issued and delivered within 10 (working) days
AUTHORISATION = "授权委托书"
_AMOUNT = re.compile(r"^\d{1,9}\.\d{2}$")


def yuan(value: str) -> Decimal:
    """A stored amount ("80.00") as a Decimal; anything else is 0."""
    try:
        return Decimal(value).quantize(CENT)
    except (InvalidOperation, ValueError):
        return Decimal("0.00")


def fee_of(items: list[CaseItem]) -> str:
    """The fee due for ``items`` (yuan, two decimals)."""
    return str(sum((yuan(item.fee_yuan) for item in items), Decimal("0.00")).quantize(CENT))


def outstanding(case: Case) -> Decimal:
    """What is still to pay. A case whose every part was denied owes nothing: the fee is for
    the registration or certificate, and a 不予许可 decision is handed over free."""
    if case.parts and all(part.outcome is Outcome.DENIED for part in case.parts):
        return Decimal("0.00")
    paid = sum((yuan(payment.amount) for payment in case.payments), Decimal("0.00"))
    return max(yuan(case.fee_due) - paid, Decimal("0.00"))


def output_deadline(case: Case, calendar: WorkCalendar) -> date | None:
    """§44: the day by which the result must reach the applicant, 10 working days after the
    case was concluded (only where a part was approved)."""
    if case.concluded_at is None or not any(p.outcome is Outcome.APPROVED for p in case.parts):
        return None
    return calendar.add_working_days(case.concluded_at.date(), OUTPUT_DAYS).deadline


def payment_code(case_no: str) -> str:
    """The code printed on the 缴款通知书 and reported back by the payment channel."""
    return f"JK{case_no}"


def _not_unpaid(case: Case) -> None:
    due = outstanding(case)
    if due > 0:
        raise EventRefused(
            "payment",
            # 尚有 {amount} 元费用未缴纳，缴清后才能发放结果
            QT_TRANSLATE_NOOP(
                "core", "{amount} yuan are still unpaid; the result is released once paid"
            ),
            amount=str(due),
        )


def pay(case: Case, payload: dict[str, Any], at: datetime, by: str) -> CaseState:
    """缴费: the whole amount outstanding, once."""
    due = outstanding(case)
    if due == 0:
        raise EventRefused(
            "amount",
            # 该办件没有待缴的费用
            QT_TRANSLATE_NOOP("core", "Nothing is due on this case"),
        )
    amount = payload.get("amount")
    if not isinstance(amount, str) or not _AMOUNT.match(amount) or yuan(amount) != due:
        raise EventRefused(
            "amount",
            # 缴费金额应为 {due} 元
            QT_TRANSLATE_NOOP("core", "The amount paid must be {due} yuan"),
            due=str(due),
        )
    method = payload.get("method")
    if method not in set(PaymentMethod):
        raise required("method")
    case.payments.append(
        Payment(
            number=text(payload, "number", most=SHORT_TEXT_MAX),
            method=PaymentMethod(method),
            amount=amount,
            paid_at=at,
            payer=text(payload, "payer", most=NAME_MAX),
            collected_by=by,
        )
    )
    return case.state


def checked_collector(case: Case, payload: dict[str, Any], today: date) -> str:
    """The collector's ID number, normalised, if they may collect the result: the applicant
    (the same ID number), or an agent with a 授权委托书 attached to the case or scanned now
    (``authorisation``); else :class:`EventRefused` saying what to fix."""
    text(payload, "collector_name", most=NAME_MAX)
    kind = payload.get("collector_id_kind", str(DEFAULT_DOCUMENT_KIND))
    if kind not in set(DocumentKind):
        raise required("collector_id_kind")
    check = validate_document(DocumentKind(kind), text(payload, "collector_id_number"), today)
    if check.problems:
        problem = check.problems[0]
        raise EventRefused("collector_id_number", problem.template, **problem.params)
    applicant = case.applicant
    if payload.get("collector_is_agent") is not True:
        if applicant.kind is ApplicantKind.ORGANISATION or check.value != applicant.id_number:
            raise EventRefused(
                "collector_id_number",
                # 领取人的证件号码与申请人不一致；代理人领取须提供授权委托书
                QT_TRANSLATE_NOOP(
                    "core",
                    "The collector's ID number is not the applicant's; an agent must bring "
                    "a letter of authorisation",
                ),
            )
    elif not (_has_authorisation(case) or payload.get("authorisation")):
        raise EventRefused(
            "authorisation",
            # 代理人领取须提供授权委托书，请扫描后再发放
            QT_TRANSLATE_NOOP(
                "core", "An agent needs a letter of authorisation; scan it before handing over"
            ),
        )
    return check.value


def _has_authorisation(case: Case) -> bool:
    return any(AUTHORISATION in material.name and material.files for material in case.materials)


def hand_over(case: Case, payload: dict[str, Any], at: datetime, by: str) -> CaseState:
    """窗口领取: the collector checked, the 送达回证 signed; an 电子证照 number may be noted."""
    _not_unpaid(case)
    number = checked_collector(case, payload, at.date())
    authorisation = payload.get("authorisation")
    file = None if not isinstance(authorisation, dict) else MaterialFile.from_dict(authorisation)
    case.delivery = Delivery(
        method=DeliveryMethod.WINDOW,
        at=at,
        by=by,
        collector_name=text(payload, "collector_name", most=NAME_MAX),
        collector_id_kind=str(payload.get("collector_id_kind", DEFAULT_DOCUMENT_KIND)),
        collector_id_number=number,
        collector_is_agent=payload.get("collector_is_agent") is True,
        authorisation_sha256="" if file is None else file.sha256,
        e_licence_number=text(payload, "e_licence_number", most=SHORT_TEXT_MAX, needed=False),
    )
    if file is not None:
        case.transfer_sheets.append(file)
    return CaseState.DELIVERED


def ship(case: Case, payload: dict[str, Any], at: datetime, by: str) -> CaseState:
    """邮寄送达: only where every item allows courier delivery; table 15's fields."""
    if not all(item.courier_allowed for item in case.items):
        raise EventRefused(
            "method",
            # 该办件的事项不支持快递送达，请通知申请人到窗口领取
            QT_TRANSLATE_NOOP(
                "core",
                "An item of this case is not delivered by courier; ask the applicant to "
                "collect it at the window",
            ),
        )
    _not_unpaid(case)
    phone = validate_phone(text(payload, "phone", most=SHORT_TEXT_MAX))
    if phone.problems:
        raise EventRefused("phone", phone.problems[0].template, **phone.problems[0].params)
    case.delivery = Delivery(
        method=DeliveryMethod.COURIER,
        at=at,
        by=by,
        recipient=text(payload, "recipient", most=NAME_MAX),
        address=text(payload, "address", most=ADDRESS_MAX),
        phone=phone.value,
        company=text(payload, "company", most=NAME_MAX),
        tracking_number=text(payload, "tracking_number", most=SHORT_TEXT_MAX),
    )
    return CaseState.SHIPPED


def deliver(case: Case, payload: dict[str, Any], at: datetime) -> CaseState:
    """快递签收: who signed for the parcel."""
    assert case.delivery is not None, "a shipped case has its courier record"
    case.delivery.signed_by = text(payload, "signed_by", most=NAME_MAX)
    case.delivery.delivered_at = at
    return CaseState.DELIVERED


def attach_transfer_sheet(case: Case, payload: dict[str, Any]) -> CaseState:
    """The signed 材料流转单 scanned back: kept with the case."""
    file = payload.get("file")
    if not isinstance(file, dict):
        raise required("file")
    try:
        case.transfer_sheets.append(MaterialFile.from_dict(file))
    except (KeyError, TypeError, ValueError) as error:
        raise required("file") from error
    return case.state
