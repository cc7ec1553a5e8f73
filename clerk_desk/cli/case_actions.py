"""What ``clerk-desk case …`` does: cases for scripts (JSON) and for people (tables).

ID numbers and phones are masked here as in every list; the full number is only for the case
view of the window, for roles allowed to see it.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from typing import Any

from clerk_desk.cli.tables import aligned_table
from clerk_desk.desk import Desk
from clerk_desk.domain.assistance import ASSISTANCE_LABELS, Assistance
from clerk_desk.domain.case import Case, CaseEventRecord, CaseSummary
from clerk_desk.domain.case_number import display_case_no, is_valid_case_no, normalize_case_no
from clerk_desk.domain.case_states import STATE_LABELS, CaseState, event_label
from clerk_desk.domain.identity import mask_id_number, mask_name, mask_phone
from clerk_desk.domain.review_rules import PART_STATE_LABELS
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg, translate
from clerk_desk.services.intake import CaseQuery
from local_cache.repositories import case_repo

# A day of one window is a few hundred cases; scripts get them all.
LIST_LIMIT = 100_000
# Documents read per statement (SQLite takes at most 32,766 values in one).
_BATCH = 10_000


class CaseCommandError(UserError):
    pass


def list_cases(args: argparse.Namespace) -> int:
    day = _day(args.date) if args.date else None
    state = _state(args.state) if args.state else None
    query = CaseQuery(state=state, received_from=day, received_to=day, limit=LIST_LIMIT)
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        cases = desk.intake.find_cases(query)
        documents = _documents(desk, [case.uuid for case in cases])
    if args.json:
        listed = [_summary_json(case, documents[case.uuid]) for case in cases]
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return 0
    if not cases:
        print(msg(QT_TRANSLATE_NOOP("core", "No cases found")))  # 没有找到办件
        return 0
    headers = [
        translate("core", text)
        for text in (
            QT_TRANSLATE_NOOP("core", "Case number"),  # 办件编号
            QT_TRANSLATE_NOOP("core", "State"),  # 状态
            QT_TRANSLATE_NOOP("core", "Applicant"),  # 申请人
            QT_TRANSLATE_NOOP("core", "Items"),  # 事项
            QT_TRANSLATE_NOOP("core", "Received at"),  # 收件时间
            QT_TRANSLATE_NOOP("core", "Committed deadline"),  # 承诺期限
            QT_TRANSLATE_NOOP("core", "Assistance"),  # 帮代办
        )
    ]
    rows = [
        [
            case.number_label,
            translate("core", STATE_LABELS[case.state]),
            mask_name(case.applicant_name),
            "、".join(case.item_names),
            _minutes(case.received_at),
            _deadline(case.committed_deadline, case.deadline_provisional),
            _assistance(documents[case.uuid].assistance),
        ]
        for case in cases
    ]
    for line in aligned_table(headers, rows):
        print(line)
    return 0


def show_case(args: argparse.Namespace) -> int:
    if not is_valid_case_no(args.case_no):
        raise CaseCommandError(
            # “{text}”不是有效的办件编号（22位，例如 {example}）
            QT_TRANSLATE_NOOP(
                "core", "“{text}” is not a valid case number (22 characters, e.g. {example})"
            ),
            text=args.case_no,
            example="3401002026112800300010",
        )
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        case = desk.intake.case_by_number(args.case_no)
        if case is None:
            raise CaseCommandError(
                # 本窗口没有编号为{case_no}的办件
                QT_TRANSLATE_NOOP("core", "This desk has no case numbered {case_no}"),
                case_no=normalize_case_no(args.case_no),
            )
        events = desk.intake.events(case.uuid)
    if args.json:
        print(json.dumps(_case_json(case, events), ensure_ascii=False, indent=2))
        return 0
    for line in _case_lines(case, events):
        print(line)
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CaseCommandError(
            # “{text}”不是日期，请按 YYYY-MM-DD 输入，例如 2026-09-28
            QT_TRANSLATE_NOOP(
                "core", "“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2026-09-28"
            ),
            text=text,
        ) from None


def _state(text: str) -> CaseState:
    try:
        return CaseState(text.strip().lower())
    except ValueError:
        raise CaseCommandError(
            # “{text}”不是办件状态，可选：{allowed}
            QT_TRANSLATE_NOOP("core", "“{text}” is not a case state; choose one of: {allowed}"),
            text=text,
            allowed=", ".join(CaseState),
        ) from None


def _documents(desk: Desk, uuids: list[str]) -> dict[str, Case]:
    """The stored cases ``uuids``, read in batches SQLite takes as one statement each."""
    found: dict[str, Case] = {}
    with desk.database.read() as session:
        for start in range(0, len(uuids), _BATCH):
            batch = case_repo.documents(session, uuids[start : start + _BATCH])
            found.update({uuid: Case.from_dict(data) for uuid, data in batch.items()})
    return found


def _summary_json(case: CaseSummary, document: Case) -> dict[str, Any]:
    return {
        "uuid": case.uuid,
        "case_no": case.case_no,
        "state": str(case.state),
        "rated": case.rated,
        "received_at": _iso(case.received_at),
        "decided_at": _iso(case.decided_at),
        "items": list(case.item_codes),
        "item_names": list(case.item_names),
        "applicant_name": mask_name(case.applicant_name),
        "applicant_number": mask_id_number(case.applicant_number),
        "committed_deadline": _iso(case.committed_deadline),
        "deadline_provisional": case.deadline_provisional,
        "assistance": str(document.assistance.kind),
        "helper": document.assistance.helper,
        "helper_name": document.assistance.helper_name,
        "proxy_no": document.assistance.proxy_no or None,
        **_review_and_output(document.to_dict(), mask_names=True),
    }


def _assistance(assistance: Assistance) -> str:
    """帮办 or 代办 with the staff member who helped; empty when nobody did."""
    if not assistance.helped:
        return ""
    label = translate("core", ASSISTANCE_LABELS[assistance.kind])
    return f"{label} {assistance.helper_name or assistance.helper}"


def _review_and_output(data: dict[str, Any], *, mask_names: bool) -> dict[str, Any]:
    """Where review and output stand (:meth:`Case.to_dict`'s fields), the people who
    collected, received or paid masked as in every list."""
    delivery = data["delivery"]
    if delivery is not None:
        delivery = {
            **delivery,
            "collector_id_number": mask_id_number(delivery["collector_id_number"]),
            "phone": mask_phone(delivery["phone"]) if delivery["phone"] else "",
        }
        if mask_names:
            for name in ("collector_name", "recipient", "signed_by"):
                delivery[name] = mask_name(delivery[name])
    payments = [
        {**payment, "payer": mask_name(payment["payer"]) if mask_names else payment["payer"]}
        for payment in data["payments"]
    ]
    return {
        "parts": data["parts"],
        "procedures": data["procedures"],
        "fee_due": data["fee_due"],
        "payments": payments,
        "delivery": delivery,
        "concluded_at": data["concluded_at"],
        "result_ready_at": data["result_ready_at"],
    }


def _case_json(case: Case, events: list[CaseEventRecord]) -> dict[str, Any]:
    data = case.to_dict()
    data["item_details"] = data["items"]
    data["items"] = list(case.item_codes)
    applicant = data["applicant"]
    applicant["id_number"] = mask_id_number(applicant["id_number"])
    applicant["phone"] = mask_phone(applicant["phone"]) if applicant["phone"] else ""
    if data["agent"] is not None:
        data["agent"]["id_number"] = mask_id_number(data["agent"]["id_number"])
        data["agent"]["phone"] = (
            mask_phone(data["agent"]["phone"]) if data["agent"]["phone"] else ""
        )
    data.update(_review_and_output(data, mask_names=False))
    data["events"] = [
        {
            "uuid": event.uuid,
            "seq": event.seq,
            "event": event.event,
            "from_state": str(event.from_state),
            "to_state": str(event.to_state),
            "at": event.at.isoformat(),
            "by": event.by,
            "desk_id": event.desk_id,
            "reason": event.reason,
            "payload": event.payload,
        }
        for event in events
    ]
    return data


def _case_lines(case: Case, events: list[CaseEventRecord]) -> list[str]:
    number = case.case_no or ""
    facts = (
        (QT_TRANSLATE_NOOP("core", "Case number"), display_case_no(number)),
        (QT_TRANSLATE_NOOP("core", "State"), translate("core", STATE_LABELS[case.state])),
        (QT_TRANSLATE_NOOP("core", "Items"), "、".join(item.name for item in case.items)),
        (QT_TRANSLATE_NOOP("core", "Applicant"), mask_name(case.applicant.name)),
        (QT_TRANSLATE_NOOP("core", "Received at"), _minutes(case.received_at)),
        (
            QT_TRANSLATE_NOOP("core", "Committed deadline"),
            _deadline(case.committed_deadline, case.deadline_provisional),
        ),
    )
    lines = [f"{translate('core', label)}: {value}" for label, value in facts]
    lines += [
        msg(
            # {department}：{state}，办结期限 {deadline}
            QT_TRANSLATE_NOOP("core", "{department}: {state}, deadline {deadline}"),
            department=part.department,
            state=msg(PART_STATE_LABELS[part.state]),
            deadline=_deadline(part.deadline, part.deadline_provisional),
        ).render()
        for part in case.parts
    ]
    headers = [
        translate("core", text)
        for text in (
            QT_TRANSLATE_NOOP("core", "Time"),  # 时间
            QT_TRANSLATE_NOOP("core", "Step"),  # 环节
            QT_TRANSLATE_NOOP("core", "By"),  # 经办人
            QT_TRANSLATE_NOOP("core", "Reason"),  # 理由
        )
    ]
    rows = [
        [
            _minutes(event.at),
            translate("core", event_label(event.event)),
            event.by,
            event.reason.replace("\n", " "),
        ]
        for event in events
    ]
    return [*lines, "", *aligned_table(headers, rows)]


def _deadline(day: date | None, provisional: bool) -> str:
    if day is None:
        return ""
    if provisional:
        # {date}（暂定）
        return msg(QT_TRANSLATE_NOOP("core", "{date} (provisional)"), date=day.isoformat()).render()
    return day.isoformat()


def _minutes(moment: datetime | None) -> str:
    return "" if moment is None else f"{moment:%Y-%m-%d %H:%M}"


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()
