"""The 日报 (or a range's 统计报表) on paper: the report's figures as HTML for QTextDocument.

The paper is set for A4 landscape (``ui.report_pdf``) and shows what the workbook shows, in the
same order and under the same titles: the totals beside the period just before (环比), one
breakdown per ``Dimension`` with a 合计 row, for a range one line per day, the overdue cases,
the departments with no business and the definitions. Columns come from ``CASE_COLUMNS`` and
``RATING_COLUMNS``; a breakdown's case figures (intake; conclusion and delivery) and its rating
figures are printed as three tables, so 8 pt figures fit the page's width unwrapped. Every
table repeats its caption and header row on each page it runs over. Everything is formatted
here, so the template (``resources/templates/report.html``, autoescaped) only lays out strings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from itertools import zip_longest
from typing import Any

import jinja2

from clerk_desk.documents.formatting import cn_date, cn_datetime
from clerk_desk.domain.report import (
    CASE_COLUMNS,
    DEFINITIONS,
    DIMENSION_TITLES,
    RATING_COLUMNS,
    ClockedCase,
    Report,
    Row,
    Unit,
)
from clerk_desk.resources import resource_path

TEMPLATE = "report.html"
NONE_TEXT = "—"
TOTAL_LABEL = "合计"
Columns = Sequence[tuple[str, str, Unit]]


def figure_text(value: float | None, unit: Unit) -> str:
    """A figure as printed: counts whole, rates as a percentage with one decimal, working days
    with two; a figure that could not be computed (nothing to divide by) as —."""
    if value is None:
        return NONE_TEXT
    if unit is Unit.RATE:
        return f"{value * 100:.1f}%"
    if unit is Unit.DAYS:
        return f"{value:.2f}"
    return str(int(value))


def change_text(current: float | None, previous: float | None, unit: Unit) -> str:
    """The change against the previous period: counts ±n, rates in percentage points."""
    if current is None or previous is None:
        return NONE_TEXT
    if unit is Unit.RATE:
        points = round((current - previous) * 100, 1)
        return "0" if points == 0 else f"{points:+.1f}个百分点"
    if unit is Unit.DAYS:
        days = round(current - previous, 2)
        return "0" if days == 0 else f"{days:+.2f}"
    count = int(current) - int(previous)
    return "0" if count == 0 else f"{count:+d}"


def period_text(start: date, end: date) -> str:
    return cn_date(start) if start == end else f"{cn_date(start)}至{cn_date(end)}"


def previous_period(report: Report) -> tuple[date, date]:
    """The period just before the report's, of the same length (what 环比 compares with)."""
    length = report.end - report.start + timedelta(days=1)
    return report.start - length, report.start - timedelta(days=1)


@dataclass(frozen=True)
class Table:
    """One printed table: its header row (repeated on every page it runs over), its body,
    an optional 合计 line, each column's width (percent of the page's) and alignment."""

    caption: str
    headers: list[str]
    rows: list[list[str]]
    widths: list[float]
    aligns: list[str]
    total: list[str] | None = None
    label_lines: bool = False
    """Keep each label (first column) on one line when it is not longer than ``LABEL_FIT``."""


@dataclass(frozen=True)
class Section:
    title: str
    tables: list[Table]
    note: str = ""


CASE_SPLIT = next(n for n, (key, _, _) in enumerate(CASE_COLUMNS) if key == "decided")
COLUMN_GROUPS: tuple[tuple[str, Columns, bool], ...] = (
    ("收件与受理（件）", CASE_COLUMNS[:CASE_SPLIT], False),
    ("办结与出件（件）", CASE_COLUMNS[CASE_SPLIT:], False),
    ("服务评价（次）", RATING_COLUMNS, True),
)
"""A breakdown's columns as printed: the case figures in two tables (intake; conclusion and
delivery) and the rating figures in a third, so 8 pt figures fit A4 landscape unwrapped.
The flag tells rating columns from case columns."""
LABEL_FIT = 24
"""A breakdown's labels up to this many characters stay on one line: Qt keeps a table row
whole at a page break only when none of its cells runs to a second line, so a longer name
wraps and its row may continue on the next page."""
TABLE_WIDTH_MM = 261.0  # A4 landscape less ui.printing's margins
CHARACTER_MM = 2.95  # an 8 pt ideograph and a little; Latin letters and digits are narrower
CELL_PADDING_MM = 2.0


def label_width(label_title: str, rows: Sequence[Row]) -> float:
    """The first column's width in percent: enough for the longest label that stays on one
    line, at least 12 %, so the figure columns share the rest evenly."""
    longest = max(
        (
            len(text)
            for text in (label_title, *(row.label for row in rows))
            if len(text) <= LABEL_FIT
        ),
        default=len(label_title),
    )
    return round(max(12.0, (longest * CHARACTER_MM + CELL_PADDING_MM) / TABLE_WIDTH_MM * 100), 1)


def _values(row: Row, ratings: bool) -> dict[str, Any]:
    return row.ratings.to_json() if ratings else row.cases.to_json()


def _line(label: str, values: dict[str, Any], columns: Columns) -> list[str]:
    return [label, *(figure_text(values[key], unit) for key, _, unit in columns)]


def _summed(rows: Iterable[Row]) -> Row:
    total = Row(TOTAL_LABEL, TOTAL_LABEL)
    for row in rows:
        total.cases.add(row.cases)
        total.ratings.add(row.ratings)
    return total


def figure_tables(title: str, label_title: str, rows: Sequence[Row]) -> list[Table]:
    """The rows' figures as one table per column group, each with a 合计 line that adds up
    the lines printed (its rates computed from the sums) and captioned ``title · group``."""
    total = _summed(rows)
    first = label_width(label_title, rows)
    tables = []
    for caption, columns, ratings in COLUMN_GROUPS:
        share = round((100 - first) / len(columns), 2)
        tables.append(
            Table(
                caption=f"{title} · {caption}",
                headers=[label_title, *(title for _, title, _ in columns)],
                rows=[_line(row.label, _values(row, ratings), columns) for row in rows],
                total=_line(TOTAL_LABEL, _values(total, ratings), columns),
                widths=[first, *([share] * len(columns))],
                aligns=["left", *(["right"] * len(columns))],
                label_lines=True,
            )
        )
    return tables


def totals_table(report: Report) -> Table:
    """The period's figures beside the previous period's: case figures on the left half,
    rating figures on the right, each as 指标 · 本期 · 上期 · 增减."""
    now_cases, before_cases = report.totals.cases.to_json(), report.previous.cases.to_json()
    now_ratings, before_ratings = (
        report.totals.ratings.to_json(),
        report.previous.ratings.to_json(),
    )
    rows: list[list[str]] = []
    for case_column, rating_column in zip_longest(CASE_COLUMNS, RATING_COLUMNS):
        row: list[str] = []
        for column, now, before in (
            (case_column, now_cases, before_cases),
            (rating_column, now_ratings, before_ratings),
        ):
            if column is None:
                row += ["", "", "", ""]
                continue
            key, title, unit = column
            row += [
                title,
                figure_text(now[key], unit),
                figure_text(before[key], unit),
                change_text(now[key], before[key], unit),
            ]
        rows.append(row)
    start, end = previous_period(report)
    return Table(
        caption=f"总体情况（环比：上期为{period_text(start, end)}）",
        headers=["办件指标", "本期", "上期", "增减", "评价指标", "本期", "上期", "增减"],
        rows=rows,
        widths=[17, 10, 10, 13, 17, 10, 10, 13],
        aligns=["left", "right", "right", "right"] * 2,
    )


def breakdown_sections(report: Report) -> list[Section]:
    sections: list[Section] = []
    for dimension, title in DIMENSION_TITLES.items():
        rows = report.breakdowns.get(dimension, [])
        sections.append(
            Section(
                title=f"按{title}统计",
                tables=figure_tables(f"按{title}统计", title, rows) if rows else [],
                note="" if rows else "本期无业务。",
            )
        )
    return sections


def days_section(report: Report) -> Section:
    rows = [
        Row(day.day.isoformat(), cn_date(day.day), day.cases, day.ratings) for day in report.days
    ]
    return Section(title="逐日统计", tables=figure_tables("逐日统计", "日期", rows))


def overdue_table(cases: Sequence[ClockedCase]) -> Table:
    return Table(
        caption=f"超期办件（{len(cases)}件）",
        headers=["序号", "办件编号", "事项", "部门", "受理窗口", "承诺办结日期", "超期（工作日）"],
        rows=[
            [
                str(index),
                case.case_no,
                case.item_name,
                case.department,
                NONE_TEXT if case.window_number is None else f"{case.window_number}号窗口",
                cn_date(case.committed_deadline),
                str(case.working_days_over),
            ]
            for index, case in enumerate(cases, start=1)
        ],
        widths=[5, 15, 30, 18, 9, 13, 10],
        aligns=["center", "left", "left", "left", "center", "center", "right"],
    )


def had_business(report: Report) -> bool:
    """Anything received, decided, delivered or rated in the period (overdue cases are a
    state, listed whatever the period held)."""
    return report.totals.cases.any or report.totals.ratings.any


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource_path("templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def report_html(report: Report, printed_at: datetime) -> str:
    """The report as one HTML document for QTextDocument (A4 landscape), in Chinese."""
    busy = had_business(report)
    kind = "日报" if report.is_daily else "统计报表"
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            title=f"{report.centre_name} {kind} {period_text(report.start, report.end)}",
            centre=report.centre_name,
            kind=kind,
            period=period_text(report.start, report.end),
            made_by=report.made_by,
            made_at=cn_datetime(report.made_at),
            printed_at=cn_datetime(printed_at),
            busy=busy,
            totals=totals_table(report),
            breakdowns=breakdown_sections(report) if busy else [],
            days=days_section(report) if busy and not report.is_daily else None,
            overdue=overdue_table(report.overdue),
            idle_departments="、".join(report.idle_departments),
            idle_count=len(report.idle_departments),
            definitions=DEFINITIONS,
            label_fit=LABEL_FIT,
        )
    )
