"""后台分类审批: routing a case to its departments and the steps of each department's part.

A case is reviewed in *parts*, one per department that owns one of its items (流转, ``route``):
a single-department case has one part, a bundle (一件事) or 联办 case one per department, the
department of its first item leading (牵头部门). Each part has its own state and clock:

```
part in_review ──pause (§45 特别程序)──▶ paused ──resume──▶ in_review
part in_review ──extend (§42, once, ≤ 10 working days)──▶ in_review (deadline moves)
part in_review ──approve / deny──▶ decided
```

and the case's state follows (:func:`state_from_parts`). A part's deadline is counted from the
case's acceptance day over its items' longest promised limit plus its extension, skipping the
days its ended special procedures stood still (from the day it paused to the day before it
resumed); the case's committed deadline is the latest part's. With several departments (联合 /
集中办理) no part may take more than 45 working days (§42; the law's 日 are working days, §82).

Every function here is pure and used twice: by the desk's services to make an event and by the
platform to check it (:mod:`clerk_desk.domain.case_effects`). A refusal says what to fix;
:class:`EventRefused` names the payload field.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from clerk_desk.domain.calendar import Pause, WorkCalendar, committed_deadline
from clerk_desk.domain.case import (
    EXTENSION_KIND,
    Case,
    CasePart,
    Outcome,
    PartState,
    SpecialProcedure,
)
from clerk_desk.domain.case_states import (
    EVENT_LABELS,
    STATE_LABELS,
    CaseEvent,
    CaseState,
    TransitionRefused,
)
from clerk_desk.domain.limits import SHORT_TEXT_MAX, TEXT_MAX, WORKING_DAYS_MAX
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg

# §45: the procedures whose time does not count (GB/T 39046-2020 A.7 kind 2), plus 实地核查
# where the item's own rule provides it.
PAUSE_KINDS: tuple[str, ...] = (
    "听证",
    "招标",
    "拍卖",
    "检验",
    "检测",
    "检疫",
    "鉴定",
    "专家评审",
    "实地核查",
)
EXTENSION_MAX_DAYS = 10  # §42: 延长十日, once, approved by the agency head
JOINT_LIMIT_DAYS = 45  # §42: 统一办理 / 联合办理 / 集中办理
ONE_DAY = timedelta(days=1)

PART_STATE_LABELS: dict[PartState, str] = {
    PartState.IN_REVIEW: QT_TRANSLATE_NOOP("core", "In review"),  # 审批中
    PartState.PAUSED: QT_TRANSLATE_NOOP("core", "Paused (special procedure)"),  # 特别程序中
    PartState.DECIDED: QT_TRANSLATE_NOOP("core", "Decided"),  # 已办结
}

_PART_STEPS: dict[tuple[PartState, CaseEvent], PartState] = {
    (PartState.IN_REVIEW, CaseEvent.PAUSE): PartState.PAUSED,
    (PartState.PAUSED, CaseEvent.RESUME): PartState.IN_REVIEW,
    (PartState.IN_REVIEW, CaseEvent.EXTEND): PartState.IN_REVIEW,
    (PartState.IN_REVIEW, CaseEvent.APPROVE): PartState.DECIDED,
    (PartState.IN_REVIEW, CaseEvent.DENY): PartState.DECIDED,
}
_REVIEWING = frozenset({CaseState.IN_REVIEW, CaseState.PAUSED})


# What each payload key is called where a clerk reads it.
FIELD_LABELS: dict[str, str] = {
    "department": QT_TRANSLATE_NOOP("core", "Department"),  # 审批部门
    "kind": QT_TRANSLATE_NOOP("core", "Kind of special procedure"),  # 特别程序种类
    "basis": QT_TRANSLATE_NOOP("core", "Legal basis"),  # 依据
    "approved_by": QT_TRANSLATE_NOOP("core", "Approved by"),  # 批准人
    "expected_days": QT_TRANSLATE_NOOP("core", "Working days needed"),  # 所需工作日
    "result": QT_TRANSLATE_NOOP("core", "Result of the procedure"),  # 特别程序结果
    "days": QT_TRANSLATE_NOOP("core", "Working days added"),  # 延长工作日
    "deadline": QT_TRANSLATE_NOOP("core", "New deadline"),  # 新的办结期限
    "paused_days": QT_TRANSLATE_NOOP("core", "Working days paused"),  # 暂停工作日
    "parts": QT_TRANSLATE_NOOP("core", "Departments routed to"),  # 流转部门
    "result_name": QT_TRANSLATE_NOOP("core", "Result name"),  # 结果名称
    "result_number": QT_TRANSLATE_NOOP("core", "Result number"),  # 证照编号
    "valid_until": QT_TRANSLATE_NOOP("core", "Valid until"),  # 有效期至
    "remedies": QT_TRANSLATE_NOOP("core", "Remedies"),  # 救济途径
    "materials": QT_TRANSLATE_NOOP("core", "Materials to supplement"),  # 需补正的材料
    "reason": QT_TRANSLATE_NOOP("core", "Reason"),  # 理由
    "amount": QT_TRANSLATE_NOOP("core", "Amount"),  # 金额
    "method": QT_TRANSLATE_NOOP("core", "Way of payment"),  # 缴费方式
    "number": QT_TRANSLATE_NOOP("core", "Payment slip number"),  # 缴款单号
    "payer": QT_TRANSLATE_NOOP("core", "Payer"),  # 缴款人
    "payment": QT_TRANSLATE_NOOP("core", "Fee"),  # 费用
    "collector_name": QT_TRANSLATE_NOOP("core", "Collector's name"),  # 领取人姓名
    "collector_id_kind": QT_TRANSLATE_NOOP("core", "Collector's document"),  # 领取人证件类型
    "collector_id_number": QT_TRANSLATE_NOOP("core", "Collector's ID number"),  # 领取人证件号码
    "authorisation": QT_TRANSLATE_NOOP("core", "Letter of authorisation"),  # 授权委托书
    "e_licence_number": QT_TRANSLATE_NOOP("core", "Electronic licence number"),  # 电子证照编号
    "recipient": QT_TRANSLATE_NOOP("core", "Recipient"),  # 收件人
    "address": QT_TRANSLATE_NOOP("core", "Address"),  # 收件地址
    "phone": QT_TRANSLATE_NOOP("core", "Recipient's phone"),  # 收件人电话
    "company": QT_TRANSLATE_NOOP("core", "Courier company"),  # 快递公司
    "tracking_number": QT_TRANSLATE_NOOP("core", "Tracking number"),  # 物流单号
    "signed_by": QT_TRANSLATE_NOOP("core", "Signed for by"),  # 签收人
    "file": QT_TRANSLATE_NOOP("core", "File"),  # 文件
}


class EventRefused(UserError):
    """An event whose own fields are missing or wrong; ``key`` names the payload key (or
    ``reason``) so a form can point at it and the platform can answer 422 with it."""

    def __init__(self, key: str, template: str, /, **params: Any) -> None:
        super().__init__(template, **params)
        self.key = key


def label(key: str) -> Message:
    return msg(FIELD_LABELS.get(key, key))


def required(key: str) -> EventRefused:
    # 请填写“{field}”
    return EventRefused(key, QT_TRANSLATE_NOOP("core", "Fill in “{field}”"), field=label(key))


def text(payload: dict[str, Any], field: str, *, most: int = TEXT_MAX, needed: bool = True) -> str:
    """A text field of ``payload``, stripped; refused when missing (and needed) or too long."""
    value = payload.get(field, "")
    if not isinstance(value, str):
        raise EventRefused(
            field, QT_TRANSLATE_NOOP("core", "“{field}” must be text"), field=label(field)
        )  # “{field}”应为文字
    value = value.strip()
    if needed and not value:
        raise required(field)
    if len(value) > most:
        raise EventRefused(
            field,
            # “{field}”最多 {most} 个字符，现有 {length} 个
            QT_TRANSLATE_NOOP("core", "“{field}” may have at most {most} characters, not {length}"),
            field=label(field),
            most=most,
            length=len(value),
        )
    return value


def whole_number(payload: dict[str, Any], field: str, low: int, high: int) -> int:
    value = payload.get(field)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise EventRefused(
            field,
            # “{field}”应为 {low} 到 {high} 之间的整数
            QT_TRANSLATE_NOOP("core", "“{field}” must be a whole number from {low} to {high}"),
            field=label(field),
            low=low,
            high=high,
        )
    return value


def day(payload: dict[str, Any], field: str, *, needed: bool = True) -> date | None:
    value = payload.get(field)
    if value in (None, "") and not needed:
        return None
    try:
        return date.fromisoformat(value) if isinstance(value, str) else _raise_date(field)
    except ValueError:
        return _raise_date(field)


def _raise_date(field: str) -> date:
    raise EventRefused(
        field,
        # “{field}”应为日期（YYYY-MM-DD）
        QT_TRANSLATE_NOOP("core", "“{field}” must be a date (YYYY-MM-DD)"),
        field=label(field),
    )


# Routing ----------------------------------------------------------------------------------


def plan_parts(case: Case, calendar: WorkCalendar) -> list[CasePart]:
    """The parts ``route`` gives an accepted case: one per department in the order of its
    items, the first leading. A part already decided (a 补正 came back for another part) is
    kept as it was; the others start again from the new acceptance day."""
    if case.accepted_on is None:
        raise TransitionRefused(
            # 办件尚未受理，不能流转
            QT_TRANSLATE_NOOP("core", "The case is not accepted yet; it cannot be routed")
        )
    departments: dict[str, list[str]] = {}
    for item in case.items:
        departments.setdefault(item.department, []).append(item.basic_code)
    joint = len(departments) > 1
    parts = []
    for index, (department, codes) in enumerate(departments.items()):
        held = case.part(department)
        if held is not None and held.state is PartState.DECIDED:
            parts.append(held)
            continue
        days = max(item.promised_limit_days for item in case.items if item.department == department)
        part = CasePart(
            department=department,
            item_codes=tuple(codes),
            lead=index == 0,
            working_days=min(days, JOINT_LIMIT_DAYS) if joint else days,
        )
        _set_deadline(case, part, calendar, pauses=())
        parts.append(part)
    return parts


def committed_of(parts: list[CasePart]) -> date | None:
    """The case's committed deadline: its latest part's."""
    deadlines = [part.deadline for part in parts if part.deadline is not None]
    return max(deadlines) if deadlines else None


def state_from_parts(parts: list[CasePart]) -> CaseState:
    """In review while a part is; paused while every undecided part is; decided when all are."""
    open_parts = [part for part in parts if part.state is not PartState.DECIDED]
    if not open_parts:
        return CaseState.DECIDED
    if all(part.state is PartState.PAUSED for part in open_parts):
        return CaseState.PAUSED
    return CaseState.IN_REVIEW


def route(case: Case, payload: dict[str, Any], calendar: WorkCalendar) -> CaseState:
    parts = plan_parts(case, calendar)
    sent = payload.get("parts")
    if sent != [part.to_dict() for part in parts]:
        raise EventRefused(
            "parts",
            # 流转的部门、事项或期限与受理时的事项不一致
            QT_TRANSLATE_NOOP(
                "core",
                "The departments, items or deadlines routed differ from the items accepted",
            ),
        )
    case.parts = parts
    case.committed_deadline = committed_of(parts)
    case.deadline_provisional = any(part.deadline_provisional for part in parts)
    return state_from_parts(parts)


def route_payload(case: Case, calendar: WorkCalendar) -> dict[str, Any]:
    return {"parts": [part.to_dict() for part in plan_parts(case, calendar)]}


# A part's clock ----------------------------------------------------------------------------


def pauses_of(case: Case, department: str) -> tuple[Pause, ...]:
    """The days the part's ended special procedures stood still."""
    return tuple(
        Pause(procedure.started_on, procedure.ended_on - ONE_DAY)
        for procedure in case.procedures
        if procedure.department == department
        and not procedure.is_extension
        and procedure.ended_on is not None
        and procedure.ended_on > procedure.started_on
    )


def _set_deadline(
    case: Case, part: CasePart, calendar: WorkCalendar, pauses: tuple[Pause, ...]
) -> None:
    assert case.accepted_on is not None
    deadline = committed_deadline(
        case.accepted_on,
        part.working_days + part.extension_days,
        tuple(pause for pause in pauses if pause.start >= case.accepted_on),
        calendar=calendar,
    )
    part.deadline = deadline.deadline
    part.deadline_provisional = deadline.provisional


def _refresh_clock(case: Case, part: CasePart, calendar: WorkCalendar) -> None:
    _set_deadline(case, part, calendar, pauses_of(case, part.department))
    case.committed_deadline = committed_of(case.parts)
    case.deadline_provisional = any(p.deadline_provisional for p in case.parts)


def paused_working_days(started_on: date, ended_on: date, calendar: WorkCalendar) -> int:
    """Working days from ``started_on`` to the day before ``ended_on``, both inclusive."""
    counted, _unknown = calendar.count_working_days(started_on - ONE_DAY, ended_on - ONE_DAY)
    return counted


def open_procedure(case: Case, department: str) -> SpecialProcedure | None:
    return next(
        (
            procedure
            for procedure in reversed(case.procedures)
            if procedure.department == department
            and not procedure.is_extension
            and procedure.ended_on is None
        ),
        None,
    )


# The part events ---------------------------------------------------------------------------


def part_step(case: Case, event: CaseEvent, department: str) -> CasePart:
    """The part ``event`` acts on, or :class:`TransitionRefused` saying why not."""
    state = case.state
    if state not in _REVIEWING:
        raise TransitionRefused(
            # 办件当前状态为“{state}”，不能执行“{event}”
            QT_TRANSLATE_NOOP("core", "The case is “{state}”; “{event}” is not possible now"),
            state=msg(STATE_LABELS[state]),
            event=msg(EVENT_LABELS[event]),
        )
    part = case.part(department)
    if part is None:
        raise TransitionRefused(
            # 办件没有“{department}”的审批部分
            QT_TRANSLATE_NOOP("core", "The case has no part for “{department}” to review"),
            department=department,
        )
    if (part.state, event) not in _PART_STEPS:
        raise TransitionRefused(
            # “{department}”的审批部分为“{state}”，不能执行“{event}”
            QT_TRANSLATE_NOOP(
                "core", "The part of “{department}” is “{state}”; “{event}” is not possible now"
            ),
            department=department,
            state=msg(PART_STATE_LABELS[part.state]),
            event=msg(EVENT_LABELS[event]),
        )
    if event is CaseEvent.EXTEND and part.extension_days:
        raise TransitionRefused(
            # “{department}”已延长过一次审批期限，不能再次延长
            QT_TRANSLATE_NOOP(
                "core", "“{department}” extended its time limit once already; it cannot again"
            ),
            department=department,
        )
    return part


def pause(case: Case, payload: dict[str, Any], reason: str, at: datetime, by: str) -> CaseState:
    """特别程序 (§45): the part's clock stops from today until it resumes."""
    part = part_step(case, CaseEvent.PAUSE, text(payload, "department", most=TEXT_MAX))
    kind = text(payload, "kind", most=SHORT_TEXT_MAX)
    if kind not in PAUSE_KINDS:
        raise EventRefused(
            "kind",
            # 特别程序种类应为：{kinds}
            QT_TRANSLATE_NOOP("core", "The kind of special procedure must be one of: {kinds}"),
            kinds="、".join(PAUSE_KINDS),
        )
    if not reason.strip():
        raise required("reason")
    case.procedures.append(
        SpecialProcedure(
            kind=kind,
            department=part.department,
            reason=reason.strip(),
            basis=text(payload, "basis", needed=False),
            requested_by=by,
            approved_by=text(payload, "approved_by", most=SHORT_TEXT_MAX),
            started_on=at.date(),
            expected_days=whole_number(payload, "expected_days", 1, WORKING_DAYS_MAX),
        )
    )
    part.state = PartState.PAUSED
    return state_from_parts(case.parts)


def resume_facts(
    case: Case, department: str, on: date, calendar: WorkCalendar
) -> tuple[int, date | None]:
    """``(paused working days, the part's new deadline)`` if it resumes ``on``."""
    trial = Case.from_dict(case.to_dict())
    procedure = open_procedure(trial, department)
    part = trial.part(department)
    if procedure is None or part is None:
        return 0, None if part is None else part.deadline
    procedure.ended_on = max(on, procedure.started_on)
    _refresh_clock(trial, part, calendar)
    return paused_working_days(procedure.started_on, procedure.ended_on, calendar), part.deadline


def resume(case: Case, payload: dict[str, Any], at: datetime, calendar: WorkCalendar) -> CaseState:
    """The special procedure ended with ``result``; the part's deadline moves by exactly the
    working days it stood still, which the event states (``paused_days``, ``deadline``)."""
    part = part_step(case, CaseEvent.RESUME, text(payload, "department", most=TEXT_MAX))
    procedure = open_procedure(case, part.department)
    assert procedure is not None, "a paused part has an open procedure"
    result = text(payload, "result")
    paused_days, deadline = resume_facts(case, part.department, at.date(), calendar)
    _stated(payload, "paused_days", paused_days)
    _stated(payload, "deadline", None if deadline is None else deadline.isoformat())
    procedure.ended_on = max(at.date(), procedure.started_on)
    procedure.result = result
    procedure.counted_days = paused_days
    part.state = PartState.IN_REVIEW
    _refresh_clock(case, part, calendar)
    return state_from_parts(case.parts)


def extension_deadline(
    case: Case, department: str, days: int, calendar: WorkCalendar
) -> date | None:
    trial = Case.from_dict(case.to_dict())
    part = trial.part(department)
    if part is None:
        return None
    part.extension_days = days
    _refresh_clock(trial, part, calendar)
    return part.deadline


def extend(
    case: Case,
    payload: dict[str, Any],
    reason: str,
    at: datetime,
    by: str,
    calendar: WorkCalendar,
) -> CaseState:
    """延长审批 (§42): once per part, up to 10 working days, approved by the agency head."""
    part = part_step(case, CaseEvent.EXTEND, text(payload, "department", most=TEXT_MAX))
    days = whole_number(payload, "days", 1, EXTENSION_MAX_DAYS)
    approved_by = text(payload, "approved_by", most=SHORT_TEXT_MAX)
    if not reason.strip():
        raise required("reason")
    deadline = extension_deadline(case, part.department, days, calendar)
    _stated(payload, "deadline", None if deadline is None else deadline.isoformat())
    case.procedures.append(
        SpecialProcedure(
            kind=EXTENSION_KIND,
            department=part.department,
            reason=reason.strip(),
            basis=text(payload, "basis", needed=False),
            requested_by=by,
            approved_by=approved_by,
            started_on=at.date(),
            expected_days=days,
            ended_on=at.date(),
            result="",
            counted_days=days,
        )
    )
    part.extension_days = days
    _refresh_clock(case, part, calendar)
    return state_from_parts(case.parts)


def approve(case: Case, payload: dict[str, Any], at: datetime, by: str) -> CaseState:
    """准予许可: the result's name, and for a licence (证照) its number and validity."""
    part = part_step(case, CaseEvent.APPROVE, text(payload, "department", most=TEXT_MAX))
    licence = any(item.issues_licence for item in case.items if item.basic_code in part.item_codes)
    part.result_name = text(payload, "result_name", most=TEXT_MAX)
    part.result_number = text(payload, "result_number", most=SHORT_TEXT_MAX, needed=licence)
    part.valid_until = day(payload, "valid_until", needed=licence)
    if part.valid_until is not None and part.valid_until <= at.date():
        raise EventRefused(
            "valid_until",
            # 有效期至应晚于今天
            QT_TRANSLATE_NOOP("core", "“Valid until” must be later than today"),
        )
    return _decided(case, part, Outcome.APPROVED, at, by)


def deny(case: Case, payload: dict[str, Any], reason: str, at: datetime, by: str) -> CaseState:
    """不予许可: the reasons (the event's reason) and the applicant's remedies (复议 / 诉讼)."""
    part = part_step(case, CaseEvent.DENY, text(payload, "department", most=TEXT_MAX))
    if not reason.strip():
        raise required("reason")
    part.reasons = reason.strip()
    part.remedies = text(payload, "remedies")
    return _decided(case, part, Outcome.DENIED, at, by)


def _decided(case: Case, part: CasePart, outcome: Outcome, at: datetime, by: str) -> CaseState:
    part.state = PartState.DECIDED
    part.outcome = outcome
    part.decided_at = at
    part.decided_by = by
    state = state_from_parts(case.parts)
    if state is CaseState.DECIDED:
        case.concluded_at = at
    return state


def request_supplement(case: Case, payload: dict[str, Any], reason: str) -> CaseState:
    """补正: the reviewing department lists what the applicant must bring (the event's reason
    says why, ``basis`` on what rule); the case goes back to the window."""
    department = text(payload, "department", most=TEXT_MAX)
    part = case.part(department)
    if part is None or part.state is PartState.DECIDED:
        raise TransitionRefused(
            # “{department}”没有尚在审批的部分，不能要求补正
            QT_TRANSLATE_NOOP(
                "core", "“{department}” has no part in review; it cannot ask for a supplement"
            ),
            department=department,
        )
    materials = payload.get("materials")
    if (
        not isinstance(materials, list)
        or not materials
        or not all(isinstance(name, str) and name.strip() for name in materials)
    ):
        raise required("materials")
    text(payload, "basis")
    if not reason.strip():
        raise required("reason")
    return CaseState.AWAITING_SUPPLEMENT


def _stated(payload: dict[str, Any], field: str, expected: Any) -> None:
    """The event must state what the rules compute (so both ends agree on the clock)."""
    if payload.get(field) != expected:
        raise EventRefused(
            field,
            # “{field}”应为 {expected}
            QT_TRANSLATE_NOOP("core", "“{field}” must be {expected}"),
            field=label(field),
            expected="—" if expected is None else expected,
        )
