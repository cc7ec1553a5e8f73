"""The 日报 workbook: every figure in every sheet is the report's, to the case; the totals rows
add up; headers stay frozen, formats and print set-up are as a supervisor prints them; an
empty report is a valid workbook of zeros; LibreOffice opens it and prints the Chinese."""

from __future__ import annotations

import random
import shutil
import subprocess
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from report_helpers import (
    EVENING,
    Hall,
    assert_counts,
    busy_days,
    expected_counts,
    expected_ratings,
    lead_department,
    lived_desk,
    load_hall,
    window_of,
)

from clerk_desk.desk import Desk
from clerk_desk.domain.ratings import RatingLevel
from clerk_desk.domain.report import (
    DEFINITIONS,
    DIMENSION_TITLES,
    RATING_COLUMNS,
    CaseFigures,
    ClockedCase,
    DayFigures,
    Dimension,
    RatingFigures,
    Report,
    Row,
    Unit,
)
from clerk_desk.reports.workbook import (
    DAYS_SHEET,
    FIGURE_COLUMNS,
    FIRST_DATA_ROW,
    FONT_NAME,
    HEADER_ROW,
    IDLE_SHEET,
    LIST_FIRST_ROW,
    LIST_HEADER_ROW,
    NO_VALUE,
    OVERDUE_SHEET,
    SHEETS,
    SUMMARY_HEADER_ROW,
    SUMMARY_SHEET,
    TOTAL_LABEL,
    ReportFileError,
    write_workbook,
)

CENTRE = "合肥市蜀山区政务服务中心"
MADE_AT = datetime(2026, 12, 7, 18, 5)
FORMATS = {Unit.COUNT: "0", Unit.RATE: "0.0%", Unit.DAYS: "0.00"}
COUNT_KEYS = [key for key, _, unit in FIGURE_COLUMNS if unit is Unit.COUNT]

# ---- reports built by hand: cases and contacts drawn at random, then counted up -------------


@dataclass
class Contact:
    """One drawn case (or service contact) with where it is counted."""

    day: date
    keys: dict[Dimension, tuple[str, str]]
    cases: CaseFigures
    ratings: RatingFigures


WINDOWS = {
    "1": ("综合受理", "1号窗口", "zhangmin", "张敏"),
    "2": ("综合受理", "2号窗口", "liqiang", "李强"),
    "7": ("公安专窗", "7号窗口", "wangfang", "王芳"),
    "9": ("税务专窗", "9号窗口", "zhaolei", "赵磊"),
}
ITEMS = {
    "000142130101": ("食品经营许可（新办）", "市场监督管理局"),
    "000142110300": ("个体工商户设立登记", "市场监督管理局"),
    "000042810600": ("公章刻制备案", "公安局"),
    "000253010700": ("新办纳税人涉税事项套餐", "税务局"),
}


def draw(rng: random.Random, day: date) -> Contact:
    window = rng.choice(sorted(WINDOWS))
    category, window_label, clerk, clerk_name = WINDOWS[window]
    item = rng.choice(sorted(ITEMS))
    item_name, department = ITEMS[item]
    cases = CaseFigures()
    figure = rng.random()
    cases.received = 1
    cases.immediate, cases.committed = (1, 0) if item != "000142130101" else (0, 1)
    cases.assisted = int(rng.random() < 0.2)
    cases.proxy = int(rng.random() < 0.1)
    if figure < 0.6:
        cases.accepted = 1
        cases.accepted_with_gaps = int(rng.random() < 0.2)
    elif figure < 0.85:
        cases.notified_missing = 1
    else:
        cases.rejected = 1
    if rng.random() < 0.5:
        approved = rng.random() < 0.85
        cases.approved, cases.denied = (1, 0) if approved else (0, 1)
        when = rng.choice(("early", "day", "late"))
        cases.concluded_early = int(when == "early")
        cases.concluded_on_day = int(when == "day")
        cases.concluded_late = int(when == "late")
        if cases.committed:
            cases.timed_concluded = 1
            cases.handling_days = rng.randint(1, 6)
            cases.legal_days = 20
    delivered = rng.random()
    cases.delivered_in_person = int(delivered < 0.3)
    cases.delivered_by_courier = int(0.3 <= delivered < 0.4)
    cases.closed = int(rng.random() < 0.05)
    ratings = RatingFigures()
    outcome = rng.random()
    if outcome < 0.75:
        level = rng.choice(list(RatingLevel))
        ratings.levels[level] = 1
        ratings.default_ratings = int(rng.random() < 0.2)
        if level in (RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED):
            ratings.followed_up = int(rng.random() < 0.7)
            ratings.called_back = int(rng.random() < 0.5)
    elif outcome < 0.8:
        ratings.struck = 1
    elif outcome < 0.95:
        ratings.unrated = 1
    else:
        ratings.waiting = 1
    keys = {
        Dimension.WINDOW_CATEGORY: (category, category),
        Dimension.WINDOW: (window, window_label),
        Dimension.CLERK: (clerk, clerk_name),
        Dimension.DEPARTMENT: (department, department),
        Dimension.ITEM: (item, item_name),
    }
    return Contact(day, keys, cases, ratings)


def count(contacts: Sequence[Contact], key: str = "", label: str = "") -> Row:
    row = Row(key, label)
    for contact in contacts:
        row.cases.add(contact.cases)
        row.ratings.add(contact.ratings)
    return row


def make_report(start: date, end: date, *, per_day: int = 40, seed: int = 13) -> Report:
    """A report whose every figure is counted here from drawn cases (empty when per_day=0)."""
    rng = random.Random(seed)
    days = [start + timedelta(days=offset) for offset in range((end - start).days + 1)]
    contacts = [draw(rng, day) for day in days for _ in range(per_day)]
    length = len(days)
    before = [draw(rng, start - timedelta(days=1)) for _ in range(per_day * length // 2)]
    breakdowns: dict[Dimension, list[Row]] = {}
    for dimension in Dimension:
        keys = sorted({contact.keys[dimension] for contact in contacts})
        breakdowns[dimension] = [
            count([c for c in contacts if c.keys[dimension] == key], *key) for key in keys
        ]
    overdue = [
        ClockedCase(
            case_no=f"3401042026120{index}0000000{index:03d}",
            uuid=f"uuid-{index}",
            item_name="食品经营许可（新办）",
            department="市场监督管理局",
            window_number=None if index == 2 else index,
            committed_deadline=start - timedelta(days=index),
            working_days_left=-index,
        )
        for index in range(1, 4 if per_day else 1)
    ]
    return Report(
        start=start,
        end=end,
        centre_name=CENTRE,
        made_at=MADE_AT,
        made_by="值班长 陈静",
        totals=count(contacts, "total", TOTAL_LABEL),
        breakdowns=breakdowns,
        overdue=overdue,
        idle_departments=["人力资源和社会保障局", "不动产登记中心"] if per_day else [],
        days=[
            DayFigures(day, count(same).cases, count(same).ratings)
            for day in days
            for same in [[c for c in contacts if c.day == day]]
        ],
        previous=count(before, "previous", "上期"),
    )


def empty_report(day: date) -> Report:
    return Report(
        start=day,
        end=day,
        centre_name=CENTRE,
        made_at=MADE_AT,
        made_by="值班长 陈静",
        totals=Row("total", TOTAL_LABEL),
        breakdowns={dimension: [] for dimension in Dimension},
        overdue=[],
        idle_departments=[],
        days=[DayFigures(day, CaseFigures(), RatingFigures())],
        previous=Row("previous", "上期"),
    )


DAY = date(2026, 12, 7)


# ---- reading the workbook back --------------------------------------------------------------


def figures(row: Row | DayFigures) -> dict[str, Any]:
    return {**row.cases.to_json(), **row.ratings.to_json()}


def expected(value: Any) -> Any:
    return NO_VALUE if value is None else value


def header_titles(sheet: Worksheet) -> list[str]:
    return [str(cell.value) for cell in sheet[HEADER_ROW]][1:]


def sheet_of(book: Workbook, name: str) -> Worksheet:
    sheet = book[name]
    assert isinstance(sheet, Worksheet), name
    return sheet


def figure_rows(sheet: Worksheet) -> list[list[Any]]:
    """The data rows of a figure sheet (label first), the 合计 row last."""
    rows = []
    for values in sheet.iter_rows(min_row=FIRST_DATA_ROW, values_only=True):
        rows.append(list(values))
        if values[0] == TOTAL_LABEL:
            break
    return rows


def assert_figure_sheet(
    sheet: Worksheet, rows: Sequence[tuple[Any, dict[str, Any]]], totals: Row
) -> None:
    assert header_titles(sheet) == [title for _, title, _ in FIGURE_COLUMNS]
    written = figure_rows(sheet)
    assert len(written) == len(rows) + 1, f"{sheet.title}: one line per row and a 合计 line"
    keys = [key for key, _, _ in FIGURE_COLUMNS]
    for (label, values), line in zip(rows, written, strict=False):
        assert line[0] == label
        assert line[1:] == [expected(values[key]) for key in keys], f"{sheet.title} {label}"
    total_line = written[-1]
    assert total_line[0] == TOTAL_LABEL
    assert total_line[1:] == [expected(figures(totals)[key]) for key in keys]
    for key in COUNT_KEYS:
        column = keys.index(key) + 1
        column_sum = sum(line[column] for line in written[:-1])
        assert column_sum == total_line[column], f"{sheet.title}: {key} adds up"
    # Formats: counts as integers, rates as percentages, days with two decimals.
    for column, (_, title, unit) in enumerate(FIGURE_COLUMNS, start=2):
        for number in range(FIRST_DATA_ROW, FIRST_DATA_ROW + len(written)):
            cell = sheet.cell(number, column)
            if cell.value != NO_VALUE:
                assert cell.number_format == FORMATS[unit], f"{sheet.title} {title}"


def summary_table(sheet: Worksheet) -> dict[str, tuple[Any, ...]]:
    table = {}
    for values in sheet.iter_rows(min_row=SUMMARY_HEADER_ROW + 1, max_col=4, values_only=True):
        if values[0] == "说明":
            break
        if values[1] is not None:
            table[str(values[0])] = values[1:]
    return table


def change(now: Any, before: Any, unit: Unit) -> Any:
    if now is None or before is None:
        return NO_VALUE
    if unit is Unit.RATE:
        return round((now - before) * 100, 2)
    return NO_VALUE if before == 0 else round((now - before) / before, 4)


def assert_workbook_matches(path: Path, report: Report) -> None:
    book = load_workbook(path)
    assert book.sheetnames == list(SHEETS)

    summary = sheet_of(book, SUMMARY_SHEET)
    kind = "日报" if report.is_daily else "统计报表"
    assert summary["A1"].value == f"{report.centre_name}政务服务{kind}"
    assert report.start.isoformat() in str(summary["A2"].value)
    made = f"制表人：{report.made_by}　　制表时间：{report.made_at:%Y-%m-%d %H:%M}"
    assert summary["A3"].value == made
    assert [cell.value for cell in summary[SUMMARY_HEADER_ROW]][:4] == [
        "指标",
        "本期",
        "上期",
        "环比",
    ]
    table = summary_table(summary)
    now, before = figures(report.totals), figures(report.previous)
    assert list(table) == [title for _, title, _ in FIGURE_COLUMNS]
    for key, title, unit in FIGURE_COLUMNS:
        assert table[title] == (
            expected(now[key]),
            expected(before[key]),
            change(now[key], before[key], unit),
        ), title
    texts = [str(cell.value) for line in summary.iter_rows() for cell in line if cell.value]
    for definition in DEFINITIONS:
        assert definition in texts
    assert_charts(path, book, report)

    days = sheet_of(book, DAYS_SHEET)
    assert_figure_sheet(
        days,
        [(datetime.combine(day.day, datetime.min.time()), figures(day)) for day in report.days],
        report.totals,
    )
    for dimension in Dimension:
        sheet = sheet_of(book, DIMENSION_TITLES[dimension])
        assert sheet.cell(HEADER_ROW - 1, 1).value == DIMENSION_TITLES[dimension]
        rows = report.breakdowns[dimension]
        assert_figure_sheet(sheet, [(row.label, figures(row)) for row in rows], report.totals)

    overdue = sheet_of(book, OVERDUE_SHEET)
    assert [cell.value for cell in overdue[LIST_HEADER_ROW]] == [
        "序号",
        "办件编号",
        "事项",
        "部门",
        "窗口",
        "承诺办结时间",
        "超期工作日",
    ]
    listed = list(overdue.iter_rows(min_row=LIST_FIRST_ROW, values_only=True))
    if report.overdue:
        assert listed == [
            (
                index,
                case.case_no,
                case.item_name,
                case.department,
                NO_VALUE if case.window_number is None else f"{case.window_number}号窗口",
                datetime.combine(case.committed_deadline, datetime.min.time()),
                case.working_days_over,
            )
            for index, case in enumerate(report.overdue, start=1)
        ]
        assert overdue.cell(LIST_FIRST_ROW, 2).data_type == "s", "办件编号 stays text"
    else:
        assert listed == [("本期无超期办件", None, None, None, None, None, None)]
    assert f"共 {len(report.overdue)} 件" in str(overdue["A1"].value)

    idle = sheet_of(book, IDLE_SHEET)
    names = [values[1] for values in idle.iter_rows(min_row=LIST_FIRST_ROW, values_only=True)]
    if report.idle_departments:
        assert names == report.idle_departments
    else:
        assert names == [None]

    for name in SHEETS:
        assert_print_setup(sheet_of(book, name), report)


CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def cells(book: Workbook, reference: str) -> list[Any]:
    """The values of a chart's reference such as '汇总'!$B$32:$B$36."""
    sheet_name, cell_range = reference.rsplit("!", 1)
    sheet = sheet_of(book, sheet_name.strip("'"))
    found = sheet[cell_range.replace("$", "")]
    if not isinstance(found, tuple):
        return [found.value]
    return [cell.value for line in found for cell in (line if isinstance(line, tuple) else (line,))]


def chart_series(path: Path, book: Workbook) -> list[list[tuple[Any, list[Any], list[Any]]]]:
    """Each native chart of the workbook: (series name, categories, values) as Excel reads them."""
    charts = []
    with zipfile.ZipFile(path) as package:
        names = sorted(name for name in package.namelist() if name.startswith("xl/charts/chart"))
        drawing = package.read("xl/drawings/drawing1.xml").decode()
        for name in names:
            root = ElementTree.fromstring(package.read(name))
            series = []
            for ser in root.iter(f"{CHART}ser"):
                title_ref = ser.find(f"{CHART}tx/{CHART}strRef/{CHART}f")
                title = (
                    cells(book, title_ref.text or "")[0]
                    if title_ref is not None
                    else ser.findtext(f"{CHART}tx/{CHART}v")
                )
                categories = ser.find(f"{CHART}cat")
                values = ser.find(f"{CHART}val")
                assert categories is not None and values is not None
                series.append(
                    (
                        title,
                        cells(book, categories.findtext(f".//{CHART}f") or ""),
                        cells(book, values.findtext(f".//{CHART}f") or ""),
                    )
                )
            charts.append(series)
    assert drawing.count("<c:chart ") == len(charts), "the charts are drawn on 汇总"
    return charts


def assert_charts(path: Path, book: Workbook, report: Report) -> None:
    cases, ratings = chart_series(path, book)
    if len(report.days) > 1 or not report.breakdowns[Dimension.WINDOW_CATEGORY]:
        groups: list[tuple[Any, Row | DayFigures]] = [
            (datetime.combine(day.day, datetime.min.time()), day) for day in report.days
        ]
    else:
        groups = [(row.label, row) for row in report.breakdowns[Dimension.WINDOW_CATEGORY]]
    assert [name for name, _, _ in cases] == ["收件", "受理", "办结"]
    for (_, categories, values), key in zip(
        cases, ("received", "accepted", "decided"), strict=True
    ):
        assert categories == [label for label, _ in groups]
        assert values == [figures(row)[key] for _, row in groups]
    levels = [str(level) for level in RatingLevel]
    assert ratings == [
        ("本期", levels, [report.totals.ratings.levels[level] for level in RatingLevel]),
        ("上期", levels, [report.previous.ratings.levels[level] for level in RatingLevel]),
    ]


def assert_print_setup(sheet: Worksheet, report: Report) -> None:
    setup = sheet.page_setup
    assert setup.orientation == "landscape", sheet.title
    assert setup.paperSize == 9, "A4"
    properties = sheet.sheet_properties.pageSetUpPr
    assert properties is not None and properties.fitToPage is True
    assert setup.fitToWidth == 1, f"{sheet.title}: fitted to the page width"
    pages_tall = 1 if sheet.title == SUMMARY_SHEET else 0  # 0: as many pages as it takes
    assert setup.fitToHeight == pages_tall, sheet.title
    assert sheet.print_title_rows, f"{sheet.title}: header rows repeat on every page"
    header_row = {
        SUMMARY_SHEET: SUMMARY_HEADER_ROW,
        OVERDUE_SHEET: LIST_HEADER_ROW,
        IDLE_SHEET: LIST_HEADER_ROW,
    }.get(sheet.title, HEADER_ROW)
    assert sheet.print_title_rows.endswith(f"${header_row}"), sheet.print_title_rows
    assert sheet.freeze_panes is not None
    assert int(sheet.freeze_panes.lstrip("AB")) == header_row + 1, sheet.title
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None
    assert footer.center.text is not None, "page numbers"
    assert "&P" in footer.center.text and "&N" in footer.center.text
    assert header.left.text == report.centre_name


# ---- the tests ------------------------------------------------------------------------------


def test_daily_report_every_figure_to_the_case(tmp_path: Path) -> None:
    report = make_report(DAY, DAY)
    assert report.totals.cases.received == 40 and report.totals.cases.decided > 0
    path = tmp_path / "日报.xlsx"
    write_workbook(report, path)
    assert_workbook_matches(path, report)


def test_range_report_has_a_row_per_day(tmp_path: Path) -> None:
    report = make_report(date(2026, 11, 30), DAY, per_day=25, seed=7)
    path = tmp_path / "week.xlsx"
    write_workbook(report, path)
    assert_workbook_matches(path, report)
    book = load_workbook(path)
    assert len(figure_rows(sheet_of(book, DAYS_SHEET))) == 8 + 1, "eight days and the 合计"
    assert "2026-11-30（星期一） 至 2026-12-07（星期一）" in str(
        sheet_of(book, SUMMARY_SHEET)["A2"].value
    )
    assert "共 8 天" in str(sheet_of(book, SUMMARY_SHEET)["A2"].value)


def test_empty_report_is_a_workbook_of_zeros(tmp_path: Path) -> None:
    report = empty_report(DAY)
    path = tmp_path / "empty.xlsx"
    write_workbook(report, path)
    assert_workbook_matches(path, report)
    book = load_workbook(path)
    table = summary_table(sheet_of(book, SUMMARY_SHEET))
    assert table["收件"] == (0, 0, NO_VALUE)
    assert table["按期办结率"] == (NO_VALUE, NO_VALUE, NO_VALUE)
    assert figure_rows(sheet_of(book, DIMENSION_TITLES[Dimension.WINDOW])) == [
        [TOTAL_LABEL, *(0 if unit is Unit.COUNT else NO_VALUE for _, _, unit in FIGURE_COLUMNS)]
    ]


def test_names_stay_text_and_every_cell_names_its_font(tmp_path: Path) -> None:
    report = make_report(DAY, DAY)
    typed = '=HYPERLINK("http://example.com","点此")'
    report.breakdowns[Dimension.ITEM][0].label = typed
    report.idle_departments.append("+1-2")
    path = tmp_path / "日报.xlsx"
    write_workbook(report, path)
    book = load_workbook(path)
    first = sheet_of(book, DIMENSION_TITLES[Dimension.ITEM]).cell(FIRST_DATA_ROW, 1)
    assert first.value == typed and first.data_type == "s", "a name is never a formula"
    assert sheet_of(book, IDLE_SHEET).cell(LIST_FIRST_ROW + 2, 2).value == "+1-2"
    for name in SHEETS:
        for line in sheet_of(book, name).iter_rows():
            for cell in line:
                if cell.value is not None:
                    # Unnamed, LibreOffice falls back to a serif face (bold most visibly).
                    assert cell.font.name == FONT_NAME, (name, cell.coordinate)


def test_a_failed_write_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "日报.xlsx"
    target.mkdir()  # the rename onto a directory fails after the workbook was saved
    with pytest.raises(ReportFileError) as raised:
        write_workbook(make_report(DAY, DAY), target)
    assert str(target) in raised.value.render("zh_CN")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["日报.xlsx"]
    with pytest.raises(ReportFileError):
        write_workbook(make_report(DAY, DAY), tmp_path / "missing" / "日报.xlsx")
    with pytest.raises(ReportFileError) as raised:
        write_workbook(make_report(DAY, DAY), tmp_path / "日报.xls")
    assert ".xlsx" in raised.value.render("zh_CN")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["日报.xlsx"]


def test_rewriting_replaces_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "日报.xlsx"
    write_workbook(make_report(DAY, DAY), path)
    write_workbook(empty_report(DAY), path)
    assert_workbook_matches(path, empty_report(DAY))
    assert [p.name for p in tmp_path.iterdir()] == ["日报.xlsx"]


# ---- LibreOffice opens it and prints what the workbook holds ----------------------------------


def fixed(value: float, places: int, scale: int = 1) -> str:
    """``value × scale`` to ``places`` decimals as LibreOffice prints it: the product in binary
    floating point, its shortest decimal form rounded half away from zero (0.5385 × 100 is
    53.849999999999994, printed 53.8 %; 0.7805 × 100 is 78.05, printed 78.1 %)."""
    exact = Decimal(repr(value * scale))
    return str(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def printed(value: Any, unit: Unit) -> str:
    """A figure as LibreOffice prints it with the workbook's number format."""
    if value is None:
        return NO_VALUE
    if unit is Unit.RATE:
        return f"{fixed(value, 1, 100)}%"
    if unit is Unit.DAYS:
        return fixed(value, 2)
    return str(value)


def printed_change(now: Any, before: Any, unit: Unit) -> str:
    """环比 as printed: +12.5% / -3.0% / 0.0%, or +2.5个百分点 for a rate."""
    value = change(now, before, unit)
    if value == NO_VALUE:
        return NO_VALUE
    text = fixed(value, 1) + "个百分点" if unit is Unit.RATE else fixed(value, 1, 100) + "%"
    return text if text.startswith("-") or value == 0 else f"+{text}"


def printed_row(label: str, row: Row | DayFigures) -> str:
    values = figures(row)
    return " ".join([label, *(printed(values[key], unit) for key, _, unit in FIGURE_COLUMNS)])


def convert_to_pdf(*workbooks: Path, folder: Path) -> list[Path]:
    """``soffice --headless --convert-to pdf`` with a profile of its own (tests run in parallel);
    one start for all ``workbooks`` (starting LibreOffice takes most of the time)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail(
            "soffice (LibreOffice) is not installed: run scripts/setup.sh, which installs "
            "libreoffice-calc-nogui, to check that workbooks open and print in LibreOffice"
        )
    profile = (folder / "lo-profile").as_uri()
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(workbook) for workbook in workbooks),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    pdfs = [folder / f"{workbook.stem}.pdf" for workbook in workbooks]
    assert done.returncode == 0, done.stdout + done.stderr
    assert all(pdf.exists() for pdf in pdfs), done.stdout + done.stderr
    return pdfs


def pdf_lines(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.slow
def test_libreoffice_prints_the_workbook_and_an_empty_one(tmp_path: Path) -> None:
    report = make_report(date(2026, 12, 3), DAY, per_day=30, seed=5)
    workbook, empty = tmp_path / "report.xlsx", tmp_path / "empty.xlsx"
    write_workbook(report, workbook)
    write_workbook(empty_report(DAY), empty)
    printed_pdf, empty_pdf = convert_to_pdf(workbook, empty, folder=tmp_path)
    lines = pdf_lines(printed_pdf)
    text = "\n".join(lines)
    assert "###" not in text, "a column too narrow for its figures"
    assert f"{CENTRE}政务服务统计报表" in lines
    for title in ("超期办件", "无业务部门", "说明", *DIMENSION_TITLES.values()):
        assert title in text
    assert any("第 1 页，共 " in line for line in lines), "page numbers in the footer"
    # 汇总: every figure, this period and the last, and the change.
    now, before = figures(report.totals), figures(report.previous)
    for key, title, unit in FIGURE_COLUMNS:
        expected_line = " ".join(
            (
                title,
                printed(now[key], unit),
                printed(before[key], unit),
                printed_change(now[key], before[key], unit),
            )
        )
        assert any(line.startswith(expected_line) for line in lines), expected_line
    # 每日 and the breakdowns: every row and the 合计 of each sheet, as printed.
    for day in report.days:
        assert printed_row(day.day.isoformat(), day) in lines
    for dimension in Dimension:
        for row in report.breakdowns[dimension]:
            assert printed_row(row.label, row) in lines, (dimension, row.label)
    assert lines.count(printed_row(TOTAL_LABEL, report.totals)) == 1 + len(Dimension)
    for case in report.overdue:
        assert any(line.split()[1:2] == [case.case_no] for line in lines), case.case_no

    # An empty day prints its zeros, its dashes and what the empty lists mean.
    lines = pdf_lines(empty_pdf)
    assert f"{CENTRE}政务服务日报" in lines
    assert "收件 0 0 —" in lines
    assert "本期无超期办件" in lines and "本期各部门均有业务" in lines
    assert lines.count(printed_row(TOTAL_LABEL, Row("", ""))) == 1 + len(Dimension)


# ---- a real desk: demo cases lived through intake, review, output and ratings -----------------

NOW = EVENING


@pytest.fixture(scope="module")
def lived(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Iterator[Desk]:
    """60 demo cases over the week before NOW, lived through review, output and ratings."""
    desk = lived_desk(tmp_path_factory.mktemp("report-workbook") / "desk", demo_template, 60, 7)
    yield desk
    desk.close()


@pytest.fixture(scope="module")
def hall(lived: Desk) -> Hall:
    return load_hall(lived)


def sheet_figures(sheet: Worksheet) -> list[dict[str, Any]]:
    """The figure rows of a sheet read back as ``{key: value}`` (label under "label")."""
    keys = [key for key, _, _ in FIGURE_COLUMNS]
    return [dict(zip(["label", *keys], line, strict=True)) for line in figure_rows(sheet)]


def split(figures: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Case figures and rating figures of a row read back (as ``assert_counts`` takes them)."""
    rating_keys = {key for key, _, _ in RATING_COLUMNS}
    cases = {k: v for k, v in figures.items() if k not in rating_keys}
    return cases, {k: v for k, v in figures.items() if k in rating_keys}


KEYS_OF: dict[Dimension, Callable[[Any], object]] = {
    Dimension.WINDOW: lambda case: str(window_of(case)),
    Dimension.DEPARTMENT: lead_department,
    Dimension.ITEM: lambda case: case.items[0].basic_code,
}


@pytest.mark.slow
def test_a_desk_s_day_and_week_in_the_workbook_equal_independent_counts(
    lived: Desk, hall: Hall, tmp_path: Path
) -> None:
    day = busy_days(hall)[-3]
    report = lived.reports.report(day, day, "陈静")
    path = tmp_path / "日报.xlsx"
    write_workbook(report, path)
    assert_workbook_matches(path, report)
    book = load_workbook(path)
    # 汇总's 本期 column against the cases, events and contacts themselves.
    table = summary_table(sheet_of(book, SUMMARY_SHEET))
    now = {key: table[title][0] for key, title, _ in FIGURE_COLUMNS}
    cases, ratings = split(now)
    assert now["received"] > 0 and now["contacts"] > 0, "a day with business"
    assert_counts(cases, expected_counts(hall, day)["all"])
    assert_counts(ratings, expected_ratings(lived, day))
    # The breakdown sheets, row by row, against counts per window, department and item.
    for dimension, key_of in KEYS_OF.items():
        expected = expected_counts(hall, day, key_of)
        written = sheet_figures(sheet_of(book, DIMENSION_TITLES[dimension]))
        rows = report.breakdowns[dimension]
        assert [line["label"] for line in written] == [row.label for row in rows] + [TOTAL_LABEL]
        for row, line in zip(rows, written, strict=False):
            assert_counts(split(line)[0], expected.get(row.key, Counter()))
    clerks = expected_counts(hall, day, lambda case: case.created_by, by_actor=True)
    written = sheet_figures(sheet_of(book, DIMENSION_TITLES[Dimension.CLERK]))
    for row, line in zip(report.breakdowns[Dimension.CLERK], written, strict=False):
        assert_counts(split(line)[0], clerks.get(row.key, Counter()))

    # The whole week, day by day, and LibreOffice prints the same numbers. (One test with the
    # day above: the demo desk is built once, by one test worker.)
    days = busy_days(hall)
    start, end = days[0], days[-1]
    report = lived.reports.report(start, end, "陈静")
    path = tmp_path / "week.xlsx"
    write_workbook(report, path)
    assert_workbook_matches(path, report)
    book = load_workbook(path)
    written = sheet_figures(sheet_of(book, DAYS_SHEET))
    assert len(written) == (end - start).days + 2, "every day of the range and the 合计"
    for line in written[:-1]:
        day = line["label"].date()
        cases, ratings = split(line)
        assert_counts(cases, expected_counts(hall, day)["all"])
        assert_counts(ratings, expected_ratings(lived, day))
    assert sum(line["received"] for line in written[:-1]) == written[-1]["received"] > 30
    lines = pdf_lines(*convert_to_pdf(path, folder=tmp_path))
    assert f"{report.centre_name}政务服务统计报表" in lines
    for figures_of_day in report.days:
        assert printed_row(figures_of_day.day.isoformat(), figures_of_day) in lines
    for dimension in Dimension:
        for row in report.breakdowns[dimension]:
            assert printed_row(row.label, row) in lines, (dimension, row.label)
    assert lines.count(printed_row(TOTAL_LABEL, report.totals)) == 1 + len(Dimension)
    for case in report.overdue:
        assert any(line.split()[1:2] == [case.case_no] for line in lines), case.case_no
