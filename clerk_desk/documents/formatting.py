"""How the papers write dates, deadlines, page numbers and their tables: one way on every paper."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from clerk_desk.documents.papers import CaseHead, Deadline

PROVISIONAL_MARK = "（暂定）"
# A table row: a label and its value, a text or several lines.
Row = tuple[str, str | tuple[str, ...]]
# Values up to this many characters share a table line with another short one.
SHORT_VALUE = 20


def cn_date(day: date) -> str:
    """``2026年12月04日``: zero-padded, as official papers write it."""
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


def cn_datetime(moment: datetime) -> str:
    return f"{cn_date(moment.date())} {moment.hour:02d}:{moment.minute:02d}"


def deadline_text(deadline: Deadline) -> str:
    """The date, marked （暂定） when the holiday calendar of its year was not known yet."""
    text = cn_date(deadline.day)
    return text + PROVISIONAL_MARK if deadline.provisional else text


def yuan_figures(amount: Decimal) -> str:
    """``¥80.00``: the amount in figures as a payment slip writes it."""
    return f"¥{amount:,.2f}"


def yuan_in_capitals(amount: Decimal) -> str:
    """The amount in Chinese capitals (大写), as the People's Bank's rules for payment papers
    write it: 捌拾元整, 壹拾元伍角, 壹仟零伍拾元零贰分, 壹拾万零伍佰元整."""
    cents = int((amount * 100).to_integral_value())
    whole, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    text = _capital_integer(whole) + "元" if whole else ""
    if not jiao and not fen:
        return (text or "零元") + "整"
    if whole and not jiao:
        text += "零"
    if jiao:
        text += _CAPITAL_DIGITS[jiao] + "角"
    if fen:
        text += _CAPITAL_DIGITS[fen] + "分"
    return text


_CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CAPITAL_PLACES = ((1000, "仟"), (100, "佰"), (10, "拾"), (1, ""))
_CAPITAL_GROUPS = ("", "万", "亿", "万亿")


def _capital_integer(number: int) -> str:
    """A whole number of yuan in groups of four digits (个, 万, 亿), one 零 for each run of
    zeros inside it."""
    groups: list[int] = []
    while number:
        groups.append(number % 10000)
        number //= 10000
    text = ""
    gap = False
    for index in reversed(range(len(groups))):
        group = groups[index]
        if not group:
            gap = bool(text)
            continue
        if text and (gap or group < 1000):
            text += "零"
        text += _capital_group(group) + _CAPITAL_GROUPS[index]
        gap = False
    return text


def _capital_group(group: int) -> str:
    text = ""
    zero = False
    for place, name in _CAPITAL_PLACES:
        digit = group // place % 10
        if not digit:
            zero = bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += _CAPITAL_DIGITS[digit] + name
    return text


def page_footer(page: int, pages: int) -> str:
    """The page number printed at the foot of every page."""
    return f"第 {page} 页 共 {pages} 页"


def case_rows(case: CaseHead, with_basis: bool = False) -> list[Row]:
    """The rows every paper's table starts with: the items (and their 设定依据), the applicant.

    An organisation is identified by its credit code and legal representative: it has no ID
    number row (the representative's number is not taken).
    """
    applicant = case.applicant
    rows: list[Row] = [
        ("申请事项", tuple(f"{item.name}（事项编码 {item.basic_code}）" for item in case.items))
    ]
    if with_basis:
        named = len(case.items) > 1
        rows.append(
            (
                "设定依据",
                tuple(
                    f"{item.name}：{item.legal_basis}" if named else item.legal_basis
                    for item in case.items
                    if item.legal_basis
                ),
            )
        )
    if applicant.organisation:
        rows += [
            ("申请单位", applicant.organisation),
            ("统一社会信用代码", applicant.credit_code),
            ("法定代表人", applicant.name),
        ]
    else:
        rows += [("申请人", applicant.name), ("身份证件号码", applicant.id_number_masked)]
    rows.append(("联系电话", applicant.phone))
    if applicant.agent_name:
        agent = f"{applicant.agent_name}（身份证件号码 {applicant.agent_id_number_masked}）"
        rows.append(("代理人", agent))
    return rows


def grid(rows: Iterable[Row]) -> list[list[Row]]:
    """Table lines of one or two rows: empty values left out, two short values side by side,
    a long value or a list of lines alone on its line."""
    lines: list[list[Row]] = []
    pending: Row | None = None
    for row in rows:
        value = row[1]
        if not value:
            continue
        if not isinstance(value, str) or len(value) > SHORT_VALUE:
            if pending is not None:
                lines.append([pending])
                pending = None
            lines.append([row])
        elif pending is None:
            pending = row
        else:
            lines.append([pending, row])
            pending = None
    if pending is not None:
        lines.append([pending])
    return lines
