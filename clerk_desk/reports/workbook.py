"""The 日报 as an Excel workbook, laid out as a supervisor files and prints it.

Sheets, in order: 汇总 (the totals against the period before — 环比 — the definitions and two
native charts), 每日 (one row per day), one detail sheet per breakdown (窗口类别 … 事项: one row
per row of the report, the columns of ``CASE_COLUMNS`` then ``RATING_COLUMNS`` and a 合计 row),
超期办件 and 无业务部门. Every figure is written as a value (no formulas), so any program shows
the same numbers without recalculating; 合计 rows carry the report's totals, which equal the
column sums by construction (see :mod:`clerk_desk.domain.report`). A rate that has nothing to
count (``None``) is written as “—”.

Every sheet prints on A4 landscape, fitted to the page width, with its header rows repeated on
each page and the centre's name, the period and 第 N 页 / 共 M 页 in the header and footer.
"""

from __future__ import annotations

import math
import os
import unicodedata
import uuid
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference, Series
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from clerk_desk.domain.ratings import RatingLevel
from clerk_desk.domain.report import (
    CASE_COLUMNS,
    DEFINITIONS,
    DIMENSION_TITLES,
    RATING_COLUMNS,
    Dimension,
    Report,
    Row,
    Unit,
)
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP

SUMMARY_SHEET = "汇总"
DAYS_SHEET = "每日"
OVERDUE_SHEET = "超期办件"
IDLE_SHEET = "无业务部门"
TOTAL_LABEL = "合计"
NO_VALUE = "—"
"""Written where a rate has nothing to count (and where an overdue case has no window)."""

FIGURE_COLUMNS = CASE_COLUMNS + RATING_COLUMNS
"""The figure columns of the detail and daily sheets, in printed order."""

NUMBER_FORMATS: dict[Unit, str] = {Unit.COUNT: "0", Unit.RATE: "0.0%", Unit.DAYS: "0.00"}
CHANGE_FORMAT = "+0.0%;-0.0%;0.0%"
"""环比 of a count or a number of days: (本期 − 上期) ÷ 上期."""
POINTS_FORMAT = '+0.0"个百分点";-0.0"个百分点";0.0"个百分点"'
"""环比 of a rate: the difference of the two rates, in percentage points."""
CHANGE_DEFINITION = (
    "环比 = (本期 − 上期) ÷ 上期，上期为本期之前等长的期间，上期为零或无值时不计(—)",
    "比率(按期办结率、满意率等)的环比为两期之差，以百分点计",
)

# Figure tables (每日 and the breakdowns): title, group headers (办件 / 评价), column headers.
TITLE_ROW = 1
GROUP_ROW = 2
HEADER_ROW = 3
FIRST_DATA_ROW = 4
# List tables (超期办件, 无业务部门): title, column headers.
LIST_HEADER_ROW = 2
LIST_FIRST_ROW = 3
# 汇总: the figures table (指标 | 本期 | 上期 | 环比).
SUMMARY_HEADER_ROW = 5
SUMMARY_HEADERS = ("指标", "本期", "上期", "环比")
# 汇总's charts and definitions: to the right of the table, one above the other.
_CHART_COLUMN = 6
_CHART_ROWS = (SUMMARY_HEADER_ROW + 1, SUMMARY_HEADER_ROW + 16)
_DEFINITIONS_ROW = SUMMARY_HEADER_ROW + 31

SHEETS = (
    SUMMARY_SHEET,
    DAYS_SHEET,
    *(DIMENSION_TITLES[dimension] for dimension in Dimension),
    OVERDUE_SHEET,
    IDLE_SHEET,
)
"""The sheets of every report's workbook, in order."""

_WEEKDAYS = "一二三四五六日"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TOTAL_BORDER = Border(left=_THIN, right=_THIN, top=Side(style="double"), bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_SECTION_FILL = PatternFill("solid", fgColor="EEF2F7")
_TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
FONT_NAME = "等线"
"""Every cell names its font (Excel's Chinese default): a cell without a name would fall back
to a serif face in LibreOffice, bold text most visibly."""
_PLAIN = Font(name=FONT_NAME)
_BOLD = Font(name=FONT_NAME, bold=True)
_TITLE_FONT = Font(name=FONT_NAME, bold=True, size=14)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_RIGHT = Alignment(horizontal="right", vertical="center")
_LEFT = Alignment(horizontal="left", vertical="center")
# Figure columns are as narrow as their figures (a count of five digits, 100.0%) and their
# titles wrap: the 37 columns then print on one A4 width larger by a third.
_FIGURE_WIDTHS = {Unit.COUNT: 6.5, Unit.RATE: 8.5, Unit.DAYS: 9.0}
_UNITS_PER_WIDTH = 0.85  # column width a display-width unit of 11-point text takes
_LINE_HEIGHT = 15.0  # points per line of 11-point text
# Chart colours that stay apart printed in grey: dark, light and middle.
_SERIES_COLOURS = ("1F4E79", "A6A6A6", "5B9BD5")


# Cell styles, registered once per workbook as named styles: setting one name per cell is
# many times faster than setting font, border, alignment and format one by one (a centre's
# 400 items × 37 columns), and Excel lists them under 单元格样式.
_FIGURE = {Unit.COUNT: "日报·计数", Unit.RATE: "日报·比率", Unit.DAYS: "日报·天数"}
_TOTAL_FIGURE = {
    Unit.COUNT: "日报·合计计数",
    Unit.RATE: "日报·合计比率",
    Unit.DAYS: "日报·合计天数",
}
_NONE, _TOTAL_NONE = "日报·无值", "日报·合计无值"
_LABEL, _TOTAL_LABEL, _DAY_LABEL = "日报·名称", "日报·合计名称", "日报·日期名称"
_HEADER, _SECTION = "日报·表头", "日报·分组"
_CHANGE, _POINTS = "日报·环比", "日报·环比百分点"
_TEXT, _DATE = "日报·文本", "日报·日期"


def _register_styles(workbook: Workbook) -> None:
    def add(name: str, **attributes: Any) -> None:
        attributes.setdefault("font", _PLAIN)
        attributes.setdefault("border", _BORDER)
        workbook.add_named_style(NamedStyle(name=name, **attributes))

    for unit, number_format in NUMBER_FORMATS.items():
        add(_FIGURE[unit], number_format=number_format)
        total = {"font": _BOLD, "fill": _TOTAL_FILL, "border": _TOTAL_BORDER}
        add(_TOTAL_FIGURE[unit], number_format=number_format, **total)
    add(_NONE, alignment=_RIGHT)
    add(_TOTAL_NONE, alignment=_RIGHT, font=_BOLD, fill=_TOTAL_FILL, border=_TOTAL_BORDER)
    add(_LABEL, alignment=_LEFT)
    add(_TOTAL_LABEL, alignment=_LEFT, font=_BOLD, fill=_TOTAL_FILL, border=_TOTAL_BORDER)
    add(_DAY_LABEL, alignment=_LEFT, number_format="yyyy-mm-dd")
    add(_HEADER, font=_BOLD, fill=_HEADER_FILL, alignment=_CENTRE)
    add(_SECTION, font=_BOLD, fill=_SECTION_FILL, alignment=_LEFT)
    add(_CHANGE, number_format=CHANGE_FORMAT)
    add(_POINTS, number_format=POINTS_FORMAT)
    add(_TEXT, alignment=_LEFT, number_format="@")
    add(_DATE, alignment=_LEFT, number_format="yyyy-mm-dd")


def _put(cell: Any, value: Any, style: str) -> None:
    cell.value = value
    if isinstance(value, str):
        # Names typed by people (items, clerks) stay text: "=…" is never a formula.
        cell.data_type = "s"
    cell.style = style


class ReportFileError(UserError):
    """The workbook could not be written where asked (the message names the file)."""


def write_workbook(report: Report, path: Path) -> None:
    """Write ``report`` to ``path`` (.xlsx), replacing it whole: the workbook is saved to a
    temporary file beside ``path`` and renamed, so a failed write never leaves half a file.
    :class:`ReportFileError` (names the file and what to fix) when it cannot be written."""
    if path.suffix.lower() != ".xlsx":
        # Excel refuses to open a workbook whose name says otherwise (.xls, .csv …).
        raise ReportFileError(
            QT_TRANSLATE_NOOP("core", "The file name must end in .xlsx: {path}"), path=str(path)
        )
    workbook = build_workbook(report)
    _save(workbook, path)


def build_workbook(report: Report) -> Workbook:
    """The workbook of ``report``, not yet saved."""
    workbook = Workbook()
    _register_styles(workbook)
    summary = workbook.active
    assert summary is not None
    summary.title = SUMMARY_SHEET
    summary_rows = _fill_summary(summary, report)
    days = workbook.create_sheet(DAYS_SHEET)
    _fill_figures(
        days,
        report,
        f"每日{_kind(report)}",
        "日期",
        [(day.day, Row(day.day.isoformat(), "", day.cases, day.ratings)) for day in report.days],
    )
    for dimension in Dimension:
        rows = report.breakdowns.get(dimension, [])
        _fill_figures(
            workbook.create_sheet(DIMENSION_TITLES[dimension]),
            report,
            f"按{DIMENSION_TITLES[dimension]}统计",
            DIMENSION_TITLES[dimension],
            [(row.label, row) for row in rows],
        )
    _fill_overdue(workbook.create_sheet(OVERDUE_SHEET), report)
    _fill_idle(workbook.create_sheet(IDLE_SHEET), report)
    _add_charts(summary, summary_rows, workbook, report)
    workbook.properties.title = f"{report.centre_name}{_kind(report)} {_period(report)}"
    workbook.properties.creator = report.made_by
    return workbook


def figures(row: Row) -> dict[str, Any]:
    """The figures of ``row`` keyed as in ``FIGURE_COLUMNS``."""
    return {**row.cases.to_json(), **row.ratings.to_json()}


def display_width(text: str) -> int:
    """Columns ``text`` takes in a spreadsheet: two for a Chinese character, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _kind(report: Report) -> str:
    return "日报" if report.is_daily else "统计报表"


def _day_text(day: date) -> str:
    return f"{day.isoformat()}（星期{_WEEKDAYS[day.weekday()]}）"


def _period(report: Report) -> str:
    if report.is_daily:
        return report.start.isoformat()
    return f"{report.start.isoformat()} 至 {report.end.isoformat()}"


def _period_line(report: Report) -> str:
    if report.is_daily:
        return f"统计日期：{_day_text(report.start)}"
    length = (report.end - report.start).days + 1
    return f"统计期间：{_day_text(report.start)} 至 {_day_text(report.end)}，共 {length} 天"


def _made_line(report: Report) -> str:
    return f"制表人：{report.made_by}　　制表时间：{report.made_at:%Y-%m-%d %H:%M}"


# ---- 汇总 --------------------------------------------------------------------------------


def _fill_summary(sheet: Worksheet, report: Report) -> dict[str, int]:
    """Fill 汇总; return the row of each figure."""
    title = sheet.cell(1, 1, f"{report.centre_name}政务服务{_kind(report)}")
    title.font = Font(name=FONT_NAME, bold=True, size=16)
    sheet.cell(2, 1, _period_line(report)).font = _PLAIN
    sheet.cell(3, 1, _made_line(report)).font = _PLAIN
    for column, text in enumerate(SUMMARY_HEADERS, start=1):
        _put(sheet.cell(SUMMARY_HEADER_ROW, column), text, _HEADER)
    now = figures(report.totals)
    before = figures(report.previous)
    number = SUMMARY_HEADER_ROW + 1
    rows: dict[str, int] = {}
    for section, columns in (("办件", CASE_COLUMNS), ("评价", RATING_COLUMNS)):
        _section(sheet, number, section, len(SUMMARY_HEADERS))
        number += 1
        for key, label, unit in columns:
            rows[key] = number
            _put(sheet.cell(number, 1), label, _LABEL)
            _figure(sheet.cell(number, 2), now[key], unit)
            _figure(sheet.cell(number, 3), before[key], unit)
            _change(sheet.cell(number, 4), now[key], before[key], unit)
            number += 1
    # The definitions go under the charts, so the sheet prints on one page.
    number = _DEFINITIONS_ROW
    sheet.cell(number, _CHART_COLUMN, "说明").font = _BOLD
    for text in (*DEFINITIONS, *CHANGE_DEFINITION):
        number += 1
        sheet.cell(number, _CHART_COLUMN, text).font = _PLAIN
    labels = [label for _, label, _ in FIGURE_COLUMNS]
    sheet.column_dimensions["A"].width = max(display_width(text) for text in labels) + 2
    for letter in "BC":
        sheet.column_dimensions[letter].width = 11
    sheet.column_dimensions["D"].width = 16  # +21.8个百分点
    sheet.freeze_panes = f"A{SUMMARY_HEADER_ROW + 1}"
    _print_setup(sheet, report, f"{SUMMARY_HEADER_ROW}:{SUMMARY_HEADER_ROW}")
    sheet.page_setup.fitToHeight = 1  # the summary is one page
    return rows


def _section(sheet: Worksheet, number: int, text: str, span: int) -> None:
    for column in range(1, span + 1):
        sheet.cell(number, column).style = _SECTION
    sheet.cell(number, 1).value = text
    sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=span)


def _change(cell: Any, now: Any, before: Any, unit: Unit) -> None:
    value: float | None
    if now is None or before is None:
        value = None
    elif unit is Unit.RATE:
        value = round((now - before) * 100, 2)
    else:
        value = None if before == 0 else round((now - before) / before, 4)
    if value is None:
        _put(cell, NO_VALUE, _NONE)
    else:
        _put(cell, value, _POINTS if unit is Unit.RATE else _CHANGE)


_CHARTED = ("received", "accepted", "decided")


def _add_charts(
    summary: Worksheet, summary_rows: dict[str, int], workbook: Workbook, report: Report
) -> None:
    """Two column charts beside the summary table: received / accepted / decided per day (per
    window category for a single day), and the rating levels of this period and the last."""
    by_category = report.breakdowns.get(Dimension.WINDOW_CATEGORY, [])
    if len(report.days) > 1 or not by_category:
        source, by = workbook[DAYS_SHEET], "日期"
        groups = [day.cases for day in report.days]
    else:
        source, by = workbook[DIMENSION_TITLES[Dimension.WINDOW_CATEGORY]], "窗口类别"
        groups = [row.cases for row in by_category]
    cases = _column_chart(f"收件、受理、办结（按{by}）", by, "件")
    last = FIRST_DATA_ROW + max(len(groups), 1) - 1
    keys = [key for key, _, _ in FIGURE_COLUMNS]
    for key in _CHARTED:
        column = keys.index(key) + 2
        data = Reference(source, min_col=column, min_row=HEADER_ROW, max_row=last)
        cases.add_data(data, titles_from_data=True)
    categories = Reference(source, min_col=1, min_row=FIRST_DATA_ROW, max_row=last)
    if by == "日期":
        cases.set_categories(categories)
        cases.x_axis.number_format = "mm-dd"  # 12-07, not 2026-12-07 wrapped under each group
    else:
        _text_categories(cases, categories)
    _colour(cases)
    _whole_numbers(
        cases, max((group.to_json()[key] for group in groups for key in _CHARTED), default=0)
    )
    summary.add_chart(cases, f"{get_column_letter(_CHART_COLUMN)}{_CHART_ROWS[0]}")

    ratings = _column_chart("评价等级（本期与上期）", "满意度", "次")
    top = summary_rows[str(RatingLevel.VERY_SATISFIED)]
    bottom = summary_rows[str(RatingLevel.VERY_DISSATISFIED)]  # the levels are consecutive
    for column, name in ((2, "本期"), (3, "上期")):
        values = Reference(summary, min_col=column, min_row=top, max_row=bottom)
        ratings.append(Series(values, title=name))
    _text_categories(ratings, Reference(summary, min_col=1, min_row=top, max_row=bottom))
    _colour(ratings)
    levels = [*report.totals.ratings.levels.values(), *report.previous.ratings.levels.values()]
    _whole_numbers(ratings, max(levels))
    summary.add_chart(ratings, f"{get_column_letter(_CHART_COLUMN)}{_CHART_ROWS[1]}")


def _whole_numbers(chart: BarChart, highest: int) -> None:
    """Counts on the value axis from 0: whole steps, so a quiet day reads 0 … 5, not 0, 1, 1."""
    chart.y_axis.scaling.min = 0
    if highest < 5:
        chart.y_axis.scaling.max = 5
        chart.y_axis.majorUnit = 1


def _column_chart(title: str, x_title: str, unit: str) -> BarChart:
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = title
    chart.x_axis.title = x_title
    chart.y_axis.title = f"数量（{unit}）"
    chart.y_axis.number_format = "0"
    chart.y_axis.majorGridlines = None
    # openpyxl 3.1 marks axes deleted by default: Excel would show bars without labels.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.width = 17
    chart.height = 7.5
    return chart


def _text_categories(chart: BarChart, labels: Reference) -> None:
    """Label the groups with text cells (openpyxl refers to categories as numbers, which Excel
    may show as 1, 2, 3 when the cells hold text)."""
    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(labels)))


def _colour(chart: BarChart) -> None:
    for series, colour in zip(chart.series, _SERIES_COLOURS, strict=False):
        series.graphicalProperties = GraphicalProperties(solidFill=colour)
        series.graphicalProperties.line.solidFill = "404040"


# ---- 每日 and the breakdowns ---------------------------------------------------------------


def _fill_figures(
    sheet: Worksheet,
    report: Report,
    title: str,
    first_header: str,
    rows: Sequence[tuple[Any, Row]],
) -> None:
    _title(sheet, report, title)
    _put(sheet.cell(GROUP_ROW, 1), first_header, _HEADER)
    sheet.cell(HEADER_ROW, 1).style = _HEADER
    sheet.merge_cells(start_row=GROUP_ROW, start_column=1, end_row=HEADER_ROW, end_column=1)
    groups = ((2, "办件", len(CASE_COLUMNS)), (2 + len(CASE_COLUMNS), "评价", len(RATING_COLUMNS)))
    for start, text, span in groups:
        end = start + span - 1
        for column in range(start, end + 1):
            sheet.cell(GROUP_ROW, column).style = _HEADER
        sheet.cell(GROUP_ROW, start).value = text
        sheet.merge_cells(
            start_row=GROUP_ROW, start_column=start, end_row=GROUP_ROW, end_column=end
        )
    lines = 1
    for column, (_, label, unit) in enumerate(FIGURE_COLUMNS, start=2):
        _put(sheet.cell(HEADER_ROW, column), label, _HEADER)
        width = _FIGURE_WIDTHS[unit]
        sheet.column_dimensions[get_column_letter(column)].width = width
        lines = max(lines, math.ceil(display_width(label) * _UNITS_PER_WIDTH / (width - 0.8)))
    sheet.row_dimensions[HEADER_ROW].height = _LINE_HEIGHT * lines
    number = FIRST_DATA_ROW
    for first, row in rows:
        _put(sheet.cell(number, 1), first, _DAY_LABEL if isinstance(first, date) else _LABEL)
        _figure_cells(sheet, number, row)
        number += 1
    _put(sheet.cell(number, 1), TOTAL_LABEL, _TOTAL_LABEL)
    _figure_cells(sheet, number, report.totals, total=True)
    labels = [first_header, TOTAL_LABEL, *(str(first) for first, _ in rows)]
    widest = max(display_width(text) for text in labels)
    sheet.column_dimensions["A"].width = min(max(widest + 2, 12), 40)
    sheet.freeze_panes = f"B{FIRST_DATA_ROW}"
    _print_setup(sheet, report, f"{TITLE_ROW}:{HEADER_ROW}")


def _figure_cells(sheet: Worksheet, number: int, row: Row, *, total: bool = False) -> None:
    values = figures(row)
    for column, (key, _, unit) in enumerate(FIGURE_COLUMNS, start=2):
        _figure(sheet.cell(number, column), values[key], unit, total=total)


def _figure(cell: Any, value: Any, unit: Unit, *, total: bool = False) -> None:
    if value is None:
        _put(cell, NO_VALUE, _TOTAL_NONE if total else _NONE)
    else:
        _put(cell, value, (_TOTAL_FIGURE if total else _FIGURE)[unit])


# ---- 超期办件 and 无业务部门 -------------------------------------------------------------------


def _fill_overdue(sheet: Worksheet, report: Report) -> None:
    headers = ("序号", "办件编号", "事项", "部门", "窗口", "承诺办结时间", "超期工作日")
    rows = [
        (
            index,
            case.case_no,
            case.item_name,
            case.department,
            NO_VALUE if case.window_number is None else f"{case.window_number}号窗口",
            case.committed_deadline,
            case.working_days_over,
        )
        for index, case in enumerate(report.overdue, start=1)
    ]
    title = f"超期办件（截至 {report.end.isoformat()} 日终，共 {len(rows)} 件）"
    _fill_list(sheet, report, title, headers, rows, "本期无超期办件", period=False)
    sheet.column_dimensions["F"].width = 14
    sheet.column_dimensions["G"].width = 12


def _fill_idle(sheet: Worksheet, report: Report) -> None:
    rows = [(index, name) for index, name in enumerate(report.idle_departments, start=1)]
    title = f"无业务部门（共 {len(rows)} 个）"
    _fill_list(sheet, report, title, ("序号", "部门"), rows, "本期各部门均有业务")


def _fill_list(
    sheet: Worksheet,
    report: Report,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    empty: str,
    *,
    period: bool = True,
) -> None:
    _title(sheet, report, title, period=period)
    for column, text in enumerate(headers, start=1):
        _put(sheet.cell(LIST_HEADER_ROW, column), text, _HEADER)
    for number, values in enumerate(rows, start=LIST_FIRST_ROW):
        for column, value in enumerate(values, start=1):
            # 办件编号 are long digit strings: kept text, never a rounded number.
            style = _DATE if isinstance(value, date) else _TEXT
            _put(
                sheet.cell(number, column),
                value,
                _FIGURE[Unit.COUNT] if isinstance(value, int) else style,
            )
    if not rows:
        sheet.cell(LIST_FIRST_ROW, 1, empty).font = Font(name=FONT_NAME, italic=True)
    for column, text in enumerate(headers, start=1):
        texts = [text, *(str(values[column - 1]) for values in rows)]
        width = max(display_width(value) for value in texts) + 3
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width, 8), 50)
    sheet.freeze_panes = f"A{LIST_FIRST_ROW}"
    _print_setup(sheet, report, f"{TITLE_ROW}:{LIST_HEADER_ROW}")


# ---- shared ------------------------------------------------------------------------------


def _title(sheet: Worksheet, report: Report, text: str, *, period: bool = True) -> None:
    parts = (report.centre_name, text, _period(report) if period else "")
    cell = sheet.cell(TITLE_ROW, 1, "　".join(part for part in parts if part))
    cell.font = _TITLE_FONT
    cell.alignment = _LEFT
    sheet.row_dimensions[TITLE_ROW].height = 22


def _print_setup(sheet: Worksheet, report: Report, title_rows: str) -> None:
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = title_rows
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.page_margins.header = sheet.page_margins.footer = 0.25
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None
    header.left.text = _escape(report.centre_name)
    header.right.text = _escape(f"{_kind(report)} {_period(report)}")
    footer.left.text = _escape(_made_line(report))
    footer.center.text = "第 &P 页，共 &N 页"
    footer.right.text = _escape(sheet.title)


def _escape(text: str) -> str:
    """Header and footer text treat ``&`` as a code: double it to print it."""
    return text.replace("&", "&&")


def _save(workbook: Workbook, path: Path) -> None:
    """Write beside the target and rename, so a failed write never leaves half a file."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.partial")
    try:
        workbook.save(partial)
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise _cannot_write(path, error) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _cannot_write(path: Path, error: OSError) -> ReportFileError:
    return ReportFileError(
        QT_TRANSLATE_NOOP("core", "Cannot write {path}: {reason}"),
        path=str(path),
        reason=error.strerror or str(error),
    )
