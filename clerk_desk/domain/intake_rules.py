"""What each intake decision needs, as the list of everything still in the way.

Pure checks over a :class:`Case`: an empty list means the decision may be taken. The UI asks
:func:`decision_problems` which decisions are possible and shows the lists beside the disabled
buttons; the service refuses with the same lists. Each entry names the field or material and
says what to do about it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clerk_desk.domain.assistance import assistance_problems
from clerk_desk.domain.calendar import Deadline, WorkCalendar
from clerk_desk.domain.case import (
    PRESENT_MARKS,
    Agent,
    Applicant,
    ApplicantKind,
    Case,
    CaseMaterial,
    MaterialMark,
)
from clerk_desk.domain.case_states import CaseEvent
from clerk_desk.domain.credit_list import Listing
from clerk_desk.domain.identity import validate_credit_code, validate_document, validate_phone
from clerk_desk.domain.limits import (
    AGENT_TEXT_LIMITS,
    APPLICANT_TEXT_LIMITS,
    TEXT_MAX,
    too_long,
)
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg

# 行政许可法 §32: the one-time notice is due on the spot or within five (working) days.
NOTICE_WORKING_DAYS = 5


@dataclass(frozen=True)
class DecisionDay:
    """When a decision is taken: ``today``; the day the application was received; whether
    the 5 working days for 一次性告知 have passed since (the acceptance then counts from the
    day of receipt, 行政许可法 §32); the committed deadline counted from the acceptance day."""

    today: date
    received_on: date
    notice_overdue: bool
    committed: Deadline

    @property
    def accepted_on(self) -> date:
        return self.received_on if self.notice_overdue else self.today


@dataclass(frozen=True)
class MissingMaterial:
    """One line of the 一次性告知书: the material, what the clerk checks, what is wrong."""

    name: str
    acceptance_standard: str
    mark: MaterialMark
    note: str
    item_codes: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "acceptance_standard": self.acceptance_standard,
            "problem": str(self.mark),
            "note": self.note,
            "item_codes": list(self.item_codes),
        }


def basics_problems(case: Case, today: date) -> list[Message]:
    """Items chosen, the applicant (and agent) identified and any helper named: needed by
    every decision."""
    problems: list[Message] = []
    if not case.items:
        problems.append(msg(QT_TRANSLATE_NOOP("core", "Choose at least one item")))  # 请选择事项
    problems.extend(applicant_problems(case.applicant, today))
    if case.agent is not None:
        problems.extend(agent_problems(case.agent, today))
    problems.extend(assistance_problems(case.assistance))
    problems.extend(
        _material(
            # 材料“{name}”的备注最多 {most} 个字符，现有 {length} 个
            QT_TRANSLATE_NOOP(
                "core", "The note on “{name}” may have at most {most} characters, not {length}"
            ),
            material,
            most=TEXT_MAX,
            length=len(material.note),
        )
        for material in case.materials
        if len(material.note) > TEXT_MAX
    )
    return problems


def applicant_problems(applicant: Applicant, today: date) -> list[Message]:
    problems: list[Message] = []
    organisation = applicant.kind is ApplicantKind.ORGANISATION
    if not applicant.name.strip():
        problems.append(
            msg(QT_TRANSLATE_NOOP("core", "Enter the organisation's name"))  # 请填写单位名称
            if organisation
            else msg(QT_TRANSLATE_NOOP("core", "Enter the applicant's name"))  # 请填写申请人姓名
        )
    if organisation:
        check = validate_credit_code(applicant.credit_code)
        field = msg(QT_TRANSLATE_NOOP("core", "Unified social credit code"))  # 统一社会信用代码
    else:
        check = validate_document(applicant.id_kind, applicant.id_number, today)
        field = msg(QT_TRANSLATE_NOOP("core", "Applicant's ID number"))  # 申请人证件号码
    problems.extend(_field(field, problem) for problem in check.problems)
    phone = validate_phone(applicant.phone)
    problems.extend(
        _field(msg(QT_TRANSLATE_NOOP("core", "Phone")), problem)  # 联系电话
        for problem in phone.problems
    )
    problems.extend(_length_problems(applicant, APPLICANT_TEXT_LIMITS))
    return problems


def agent_problems(agent: Agent, today: date) -> list[Message]:
    problems: list[Message] = []
    if not agent.name.strip():
        problems.append(
            msg(QT_TRANSLATE_NOOP("core", "Enter the agent's name"))
        )  # 请填写代理人姓名
    check = validate_document(agent.id_kind, agent.id_number, today)
    problems.extend(
        _field(msg(QT_TRANSLATE_NOOP("core", "Agent's ID number")), problem)  # 代理人证件号码
        for problem in check.problems
    )
    problems.extend(_length_problems(agent, AGENT_TEXT_LIMITS, agent=True))
    return problems


def _length_problems(
    record: object, limits: tuple[tuple[str, int], ...], agent: bool = False
) -> list[Message]:
    """Text the platform would refuse (the limits are shared with it): said here, at the
    window, before anything is decided."""
    labels = _AGENT_FIELDS if agent else _APPLICANT_FIELDS
    return [
        _field(
            msg(labels[name]),
            # 最多 {most} 个字符，现有 {length} 个
            msg(
                QT_TRANSLATE_NOOP("core", "at most {most} characters, not {length}"),
                most=most,
                length=length,
            ),
        )
        for name, length, most in too_long(record, limits)
    ]


_APPLICANT_FIELDS = {
    "name": QT_TRANSLATE_NOOP("core", "Applicant's name"),  # 申请人名称
    "legal_representative": QT_TRANSLATE_NOOP("core", "Legal representative"),  # 法定代表人
    "address": QT_TRANSLATE_NOOP("core", "Address"),  # 地址
}
_AGENT_FIELDS = {"name": QT_TRANSLATE_NOOP("core", "Agent's name")}  # 代理人姓名


def _field(field: Message, problem: Message) -> Message:
    return msg(QT_TRANSLATE_NOOP("core", "{field}: {problem}"), field=field, problem=problem)


def _material(template: str, material: CaseMaterial, **params: object) -> Message:
    return msg(template, name=material.name, **params)


def _mark_problem(material: CaseMaterial, gaps_wanted: bool) -> Message | None:
    """What keeps one material from counting at 受理 (or 容缺受理 when ``gaps_wanted``)."""
    mark = material.mark
    if mark in PRESENT_MARKS:
        return None
    if mark is MaterialMark.DEFECTIVE:
        return _material(
            # 材料“{name}”不符合要求：{note}
            QT_TRANSLATE_NOOP("core", "“{name}” does not meet the standard: {note}"),
            material,
            note=material.note or "—",
        )
    if mark is MaterialMark.PROMISED:
        if material.promise_allowed:
            return None
        # 材料“{name}”不适用告知承诺
        return _material(
            QT_TRANSLATE_NOOP("core", "“{name}” cannot be replaced by a promise"), material
        )
    if not material.required:
        return None
    if mark is MaterialMark.UNCHECKED:
        # 材料“{name}”尚未核验
        return _material(QT_TRANSLATE_NOOP("core", "“{name}” has not been checked"), material)
    if gaps_wanted and material.gap_allowed:
        return None
    if mark is MaterialMark.GAP and material.gap_allowed:
        # 材料“{name}”标记为容缺，请使用容缺受理
        return _material(
            QT_TRANSLATE_NOOP(
                "core", "“{name}” is marked as a gap; use “Accept with gaps” for that"
            ),
            material,
        )
    if gaps_wanted or mark is MaterialMark.GAP:
        # 材料“{name}”为关键材料，不能容缺
        return _material(
            QT_TRANSLATE_NOOP("core", "“{name}” is a key material and cannot be supplied later"),
            material,
        )
    # 缺少材料“{name}”
    return _material(QT_TRANSLATE_NOOP("core", "“{name}” is missing"), material)


def accept_problems(case: Case, today: date) -> list[Message]:
    """受理: every required material received, attached or (where allowed) promised."""
    problems = basics_problems(case, today)
    for material in case.materials:
        problem = _mark_problem(material, gaps_wanted=False)
        if problem is not None:
            problems.append(problem)
    return problems


def gaps(case: Case) -> list[CaseMaterial]:
    """Required materials not present that 容缺受理 would accept as gaps."""
    return [
        m
        for m in case.materials
        if m.required and m.gap_allowed and m.mark in (MaterialMark.MISSING, MaterialMark.GAP)
    ]


def gap_problems(
    case: Case,
    today: date,
    supplement_deadline: date | None,
    committed: date,
    listed: Listing | None = None,
) -> list[Message]:
    """容缺受理: only gap-allowed materials missing (at least one), and a supplement deadline
    from today to the committed deadline; never for an applicant on the dishonesty list
    (``listed``: the applicant's listing, looked up by the caller)."""
    problems = basics_problems(case, today)
    if listed is not None:
        problems.append(
            # 申请人在失信名单中（来源：{source}），不适用容缺受理
            msg(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The applicant is on the dishonesty list (source: {source}); "
                    "accepting with gaps is not allowed",
                ),
                source=listed.source,
            )
        )
    for material in case.materials:
        problem = _mark_problem(material, gaps_wanted=True)
        if problem is not None:
            problems.append(problem)
    if not gaps(case):
        problems.append(
            # 没有容缺的材料，请直接受理
            msg(QT_TRANSLATE_NOOP("core", "No material is missing; use “Accept” instead"))
        )
    if supplement_deadline is None:
        problems.append(
            # 请填写补齐材料的期限
            msg(QT_TRANSLATE_NOOP("core", "Enter the deadline for supplying the missing materials"))
        )
    elif not today <= supplement_deadline <= committed:
        problems.append(
            msg(
                # 补齐期限须在{today}至承诺办结期限{committed}之间
                QT_TRANSLATE_NOOP(
                    "core",
                    "The supplement deadline must be from {today} to the committed deadline "
                    "{committed}",
                ),
                today=today.isoformat(),
                committed=committed.isoformat(),
            )
        )
    return problems


def missing_materials(case: Case) -> list[MissingMaterial]:
    """Every required material missing and every material defective, for 一次性告知."""
    return [
        MissingMaterial(m.name, m.acceptance_standard, m.mark, m.note, m.item_codes)
        for m in case.materials
        if m.mark is MaterialMark.DEFECTIVE
        or (m.required and m.mark in (MaterialMark.MISSING, MaterialMark.GAP))
    ]


def notice_problems(case: Case, today: date) -> list[Message]:
    """一次性告知: everything checked (so the notice lists *all* that is missing), and
    something to list."""
    problems = basics_problems(case, today)
    problems.extend(
        # 材料“{name}”尚未核验
        _material(QT_TRANSLATE_NOOP("core", "“{name}” has not been checked"), m)
        for m in case.materials
        if m.required and m.mark is MaterialMark.UNCHECKED
    )
    if not missing_materials(case):
        problems.append(
            # 没有缺少或不符合要求的材料，无需一次性告知
            msg(
                QT_TRANSLATE_NOOP(
                    "core", "No material is missing or defective; there is nothing to notify"
                )
            )
        )
    return problems


def decision_problems(
    case: Case, day: DecisionDay, listed: Listing | None
) -> dict[CaseEvent, list[Message]]:
    """Everything in the way of each intake decision taken on ``day`` (``listed``: the
    applicant's listing on the dishonesty list). 容缺受理's supplement deadline is asked after
    the decision is chosen, so it is checked here with the latest day allowed."""
    committed = day.committed.deadline
    notice = notice_problems(case, day.today)
    if day.notice_overdue:
        notice.append(overdue_notice_problem(day.received_on))
    return {
        CaseEvent.ACCEPT: accept_problems(case, day.today),
        CaseEvent.ACCEPT_WITH_GAPS: gap_problems(case, day.today, committed, committed, listed),
        CaseEvent.NOTIFY_MISSING: notice,
        CaseEvent.REJECT: basics_problems(case, day.today),
    }


def notice_overdue(received_on: date, today: date, calendar: WorkCalendar) -> bool:
    """Whether the 5 working days for 一次性告知 after receipt have passed (行政许可法 §32,
    days counted as working days by §82): the application then counts as accepted from the
    day it was received."""
    counted, _unknown_years = calendar.count_working_days(received_on, today)
    return counted > NOTICE_WORKING_DAYS


def overdue_notice_problem(received_on: date) -> Message:
    return msg(
        # 收件（{received}）已超过5个工作日，依法视为自收件之日起受理，请办理受理
        QT_TRANSLATE_NOOP(
            "core",
            "More than 5 working days have passed since receipt ({received}); by law the "
            "application counts as accepted from the day of receipt. Accept it instead",
        ),
        received=received_on.isoformat(),
    )


def notice_text(missing: list[MissingMaterial]) -> str:
    """The list as one text, for the event's reason: one line per material."""
    lines = []
    for number, line in enumerate(missing, start=1):
        text = f"{number}. {line.name}"
        if line.acceptance_standard:
            text += f"（{line.acceptance_standard}）"
        if line.note:
            text += f"：{line.note}"
        lines.append(text)
    return "\n".join(lines)
