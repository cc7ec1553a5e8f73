"""What ``clerk-desk proxy …`` does: 代办 records for scripts (JSON) and people (tables).

The applicant's ID number, phone and address are masked, and their name in the list, as in
every list of the desk.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from typing import Any

from clerk_desk.cli.tables import aligned_table
from clerk_desk.desk import Desk
from clerk_desk.domain.case import CaseSummary
from clerk_desk.domain.case_states import STATE_LABELS
from clerk_desk.domain.followups import CALLBACK_LABELS
from clerk_desk.domain.identity import mask_address, mask_id_number, mask_name, mask_phone
from clerk_desk.domain.proxy import (
    NEXT_STEP_LABELS,
    PROXY_STATE_LABELS,
    STEP_LABELS,
)
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg, translate
from clerk_desk.services.proxy import ProxyRow

# Every record a desk keeps: a few hundred a year.
LIST_LIMIT = 100_000


class ProxyCommandError(UserError):
    pass


def list_records(args: argparse.Namespace) -> int:
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        rows = desk.proxies.recent(LIST_LIMIT) if args.all else desk.proxies.unfinished()
        today = desk.clock().date()
    if args.json:
        print(json.dumps([_json(row, today) for row in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(msg(QT_TRANSLATE_NOOP("core", "No 代办 records found")))  # 没有找到代办记录
        return 0
    headers = [
        translate("core", text)
        for text in (
            QT_TRANSLATE_NOOP("core", "代办 number"),  # 代办编号
            QT_TRANSLATE_NOOP("core", "State"),  # 状态
            QT_TRANSLATE_NOOP("core", "Applicant"),  # 申请人
            QT_TRANSLATE_NOOP("core", "Matters"),  # 委托事项
            QT_TRANSLATE_NOOP("core", "Next step"),  # 下一步
            QT_TRANSLATE_NOOP("core", "Due"),  # 到期
        )
    ]
    table = [
        [
            row.record.number,
            translate("core", PROXY_STATE_LABELS[row.record.state]),
            mask_name(row.record.applicant.name),
            _short(row.record.matters),
            translate("core", NEXT_STEP_LABELS[row.record.next_step()[0]]),
            _due(row.record.next_step()[1], today),
        ]
        for row in rows
    ]
    for line in aligned_table(headers, table):
        print(line)
    return 0


def show_record(args: argparse.Namespace) -> int:
    number = args.number.strip().upper()
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        row = desk.proxies.by_number(number)
        today = desk.clock().date()
        items = [desk.catalog.item(code) for code in row.record.item_codes] if row else []
    if row is None:
        raise ProxyCommandError(
            # 本窗口没有编号为{number}的代办记录
            QT_TRANSLATE_NOOP("core", "This desk has no 代办 record numbered {number}"),
            number=number,
        )
    if args.json:
        print(json.dumps(_json(row, today), ensure_ascii=False, indent=2))
        return 0
    names = [f"{item.name}（{item.basic_code}）" for item in items if item is not None]
    for line in _lines(row, names, today):
        print(line)
    return 0


def _json(row: ProxyRow, today: date) -> dict[str, Any]:
    """The record as stored (the applicant masked), its next step and its cases now."""
    record = row.record
    data = record.to_dict()
    applicant = data["applicant"]
    applicant["id_number"] = mask_id_number(applicant["id_number"])
    applicant["phone"] = mask_phone(applicant["phone"]) if applicant["phone"] else ""
    applicant["address"] = mask_address(applicant["address"]) if applicant["address"] else ""
    step, due = record.next_step()
    data["next_step"] = str(step)
    data["next_due"] = None if due is None else due.isoformat()
    data["overdue"] = due is not None and due < today
    data["cases"] = [_case_json(case) for case in row.cases]
    return data


def _case_json(case: CaseSummary) -> dict[str, Any]:
    return {
        "uuid": case.uuid,
        "case_no": case.case_no,
        "state": str(case.state),
        "items": list(case.item_codes),
        "item_names": list(case.item_names),
        "committed_deadline": (
            None if case.committed_deadline is None else case.committed_deadline.isoformat()
        ),
    }


def _lines(row: ProxyRow, items: list[str], today: date) -> list[str]:
    record = row.record
    step, due = record.next_step()
    facts = [
        (QT_TRANSLATE_NOOP("core", "代办 number"), record.number),
        (QT_TRANSLATE_NOOP("core", "State"), translate("core", PROXY_STATE_LABELS[record.state])),
        (QT_TRANSLATE_NOOP("core", "Applicant"), mask_name(record.applicant.name)),
        (QT_TRANSLATE_NOOP("core", "Matters"), record.matters),
        (QT_TRANSLATE_NOOP("core", "Items"), "、".join(items)),
        (QT_TRANSLATE_NOOP("core", "Proxy staff"), record.staff_name or record.staff),  # 代办员
        (QT_TRANSLATE_NOOP("core", "Promised by"), record.due_on.isoformat()),  # 承诺办结日期
        (
            QT_TRANSLATE_NOOP("core", "Authorisation"),  # 委托书
            record.authorisation.name if record.authorisation else "",
        ),
        (QT_TRANSLATE_NOOP("core", "Next step"), translate("core", NEXT_STEP_LABELS[step])),
        (QT_TRANSLATE_NOOP("core", "Due"), _due(due, today)),
    ]
    if record.callback is not None:
        outcome = translate("core", CALLBACK_LABELS[record.callback.outcome])
        facts.append((QT_TRANSLATE_NOOP("core", "Call-back"), outcome))  # 回访结果
    lines = [f"{translate('core', label)}: {value}" for label, value in facts if value]
    lines += [
        f"  {case.number_label}  {translate('core', STATE_LABELS[case.state])}  "
        + "、".join(case.item_names)
        for case in row.cases
    ]
    headers = [
        translate("core", text)
        for text in (
            QT_TRANSLATE_NOOP("core", "Time"),
            QT_TRANSLATE_NOOP("core", "Step"),
            QT_TRANSLATE_NOOP("core", "By"),
            QT_TRANSLATE_NOOP("core", "Note"),  # 说明
        )
    ]
    numbers = {case.uuid: case.number_label for case in row.cases}  # a started case's note
    steps = [
        [
            _minutes(step.at),
            translate("core", STEP_LABELS[step.kind]),
            step.by,
            _short(numbers.get(step.note, step.note)),
        ]
        for step in record.steps
    ]
    return [*lines, "", *aligned_table(headers, steps)]


def _due(day: date | None, today: date) -> str:
    if day is None:
        return ""
    if day < today:
        # {date}（已超期）
        return msg(QT_TRANSLATE_NOOP("core", "{date} (overdue)"), date=day.isoformat()).render()
    return day.isoformat()


def _short(text: str, most: int = 30) -> str:
    """One line of at most ``most`` characters for a table cell."""
    line = " ".join(text.split())
    return line if len(line) <= most else line[: most - 1] + "…"


def _minutes(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"
