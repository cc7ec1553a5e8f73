"""The dishonesty list (失信名单) the desk keeps: who may not be accepted with gaps (容缺受理).

Until the platform provides the list, the desk loads it from a CSV file an administrator
exports (columns 证件号码 or 统一社会信用代码, 名称, 来源, 列入日期, optional 备注). Numbers
are kept in the form cases store them (18-character ID number, upper-case credit code), so a
look-up finds a person however the number was typed. Reading a file is all or nothing: every
problem of every row is reported and nothing is loaded while any remains.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from clerk_desk.domain.identity import validate_credit_code, validate_id_number
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg

NUMBER_COLUMNS = ("证件号码/统一社会信用代码", "证件号码", "统一社会信用代码")
NAME_COLUMN = "名称"
SOURCE_COLUMN = "来源"
LISTED_ON_COLUMN = "列入日期"
NOTE_COLUMN = "备注"


@dataclass(frozen=True)
class Listing:
    """One party on the list: ``number`` is an ID number or a credit code, normalised."""

    number: str
    name: str
    source: str
    listed_on: date
    note: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "number": self.number,
            "name": self.name,
            "source": self.source,
            "listed_on": self.listed_on.isoformat(),
            "note": self.note,
        }


def normalise_number(text: str, today: date) -> str | None:
    """The stored form of a valid ID number or credit code; ``None`` when it is neither."""
    for check in (validate_id_number(text, today), validate_credit_code(text)):
        if check.ok:
            return check.value
    return None


def listings_from_rows(
    header: Sequence[str], rows: Iterable[Sequence[str]], today: date
) -> tuple[list[Listing], list[Message]]:
    """The listings of a CSV table (``header`` and the rows after it) and every problem found.

    Row numbers in the problems are the file's line numbers (the header is line 1)."""
    columns = {name.strip(): index for index, name in enumerate(header)}
    number_column = next((name for name in NUMBER_COLUMNS if name in columns), None)
    missing = [
        name
        for name, present in (
            (NUMBER_COLUMNS[0], number_column is not None),
            (NAME_COLUMN, NAME_COLUMN in columns),
            (SOURCE_COLUMN, SOURCE_COLUMN in columns),
            (LISTED_ON_COLUMN, LISTED_ON_COLUMN in columns),
        )
        if not present
    ]
    if number_column is None or missing:
        # 文件缺少列：{columns}
        template = QT_TRANSLATE_NOOP("core", "The file has no column {columns}")
        return [], [msg(template, columns="、".join(missing))]
    listings: list[Listing] = []
    problems: list[Message] = []
    first_line: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(column: str, row: Sequence[str] = row) -> str:
            index = columns.get(column)
            return row[index].strip() if index is not None and index < len(row) else ""

        row_problems: list[Message] = []
        typed = cell(number_column)
        number = normalise_number(typed, today)
        if number is None:
            row_problems.append(
                _problem(
                    # 第{line}行“{column}”：“{value}”不是有效的身份证号码或统一社会信用代码
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Line {line}, “{column}”: “{value}” is neither a valid ID number "
                        "nor a valid unified social credit code",
                    ),
                    line,
                    number_column,
                    value=typed,
                )
            )
        elif number in first_line:
            row_problems.append(
                _problem(
                    # 第{line}行“{column}”：{value}与第{first}行重复
                    QT_TRANSLATE_NOOP(
                        "core", "Line {line}, “{column}”: {value} repeats line {first}"
                    ),
                    line,
                    number_column,
                    value=number,
                    first=first_line[number],
                )
            )
        for column in (NAME_COLUMN, SOURCE_COLUMN):
            if not cell(column):
                # 第{line}行“{column}”：不能为空
                template = QT_TRANSLATE_NOOP("core", "Line {line}, “{column}”: must not be empty")
                row_problems.append(_problem(template, line, column))
        listed_on = _parse_date(cell(LISTED_ON_COLUMN))
        if listed_on is None or listed_on > today:
            row_problems.append(
                _problem(
                    # 第{line}行“{column}”：“{value}”不是今天或以前的日期（格式 2026-03-15）
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Line {line}, “{column}”: “{value}” is not a date up to today "
                        "(format 2026-03-15)",
                    ),
                    line,
                    LISTED_ON_COLUMN,
                    value=cell(LISTED_ON_COLUMN),
                )
            )
        if number is not None and number not in first_line:
            first_line[number] = line
        if row_problems or number is None or listed_on is None:
            problems.extend(row_problems)
            continue
        listings.append(
            Listing(number, cell(NAME_COLUMN), cell(SOURCE_COLUMN), listed_on, cell(NOTE_COLUMN))
        )
    return listings, problems


def _problem(template: str, line: int, column: str, **params: object) -> Message:
    return msg(template, line=line, column=column, **params)


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.replace("/", "-"))
    except ValueError:
        return None
