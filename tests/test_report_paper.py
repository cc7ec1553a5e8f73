"""The 日报 printed to an A4 landscape PDF and read back as a supervisor reads it.

Reports are built by hand with varied figures (every row different, so a figure found in the
text is the one of its row), with enough rows to run over several pages; the PDF is read back
with poppler's pdftotext, one page at a time where the page matters.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import threading
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from case_factory import Clock
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from report_helpers import COUNT_KEYS, expected_counts, expected_ratings, load_hall

from clerk_desk.desk import Desk
from clerk_desk.domain.ratings import RatingLevel
from clerk_desk.domain.report import (
    CASE_COLUMNS,
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
from clerk_desk.reports.paper import change_text, figure_text, report_html
from clerk_desk.services.demo_data import make_demo_cases
from ui.pdf_text import repair_to_unicode
from ui.printing import CJK_FAMILIES, installed
from ui.report_pdf import ReportPreviewDialog, print_report, write_report_pdf

CENTRE = "合肥市政务服务中心"
DAY = date(2026, 12, 7)
MADE_AT = datetime(2026, 12, 7, 18, 0)
PRINTED_AT = datetime(2026, 12, 7, 18, 25)
DESK_NOW = datetime(2026, 11, 20, 18, 30)  # a Friday evening
FIGURE = "0-9A-Za-z%+.—-"  # what a printed figure is made of
WORD_BOX = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
KANGXI_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")
DEPARTMENTS = ("市场监督管理局", "公安局", "人力资源和社会保障局", "不动产登记中心", "税务局")


# Reports built by hand ----------------------------------------------------------------------


def case_figures(seed: int) -> CaseFigures:
    """Counts that differ from row to row and add up as the domain's do."""
    accepted = 3 + seed % 7
    early, on_day, late = seed % 3, 1 + seed % 2, seed % 4 // 3
    return CaseFigures(
        received=accepted + 2 + seed % 5,
        immediate=1 + seed % 4,
        committed=accepted + 1,
        assisted=seed % 3,
        proxy=seed % 2,
        accepted=accepted,
        accepted_with_gaps=seed % 4,
        notified_missing=1 + seed % 3,
        rejected=seed % 2,
        approved=early + on_day + late - seed % 2,
        denied=seed % 2,
        concluded_early=early,
        concluded_on_day=on_day,
        concluded_late=late,
        handling_days=4 * (early + on_day + late) + seed % 3,
        legal_days=20 * (early + on_day + late),
        timed_concluded=early + on_day + late,
        delivered_in_person=2 + seed % 5,
        delivered_by_courier=seed % 3,
        closed=seed % 5 // 4,
    )


def rating_figures(seed: int) -> RatingFigures:
    counts = (5 + seed % 6, 2 + seed % 3, seed % 2, seed % 3 // 2, 0)
    levels = dict(zip(RatingLevel, counts, strict=True))
    return RatingFigures(
        levels=levels,
        default_ratings=seed % 3,
        struck=seed % 7 // 6,
        unrated=1 + seed % 2,
        waiting=seed % 5 // 4,
        followed_up=levels[RatingLevel.DISSATISFIED],
        called_back=0,
    )


def row(key: str, label: str, seed: int) -> Row:
    return Row(key, label, case_figures(seed), rating_figures(seed))


def summed(rows: list[Row]) -> Row:
    total = Row("", "合计")
    for each in rows:
        total.cases.add(each.cases)
        total.ratings.add(each.ratings)
    return total


def item_name(n: int) -> str:
    """Names as a catalog has them, some long (24 characters)."""
    if n % 7 == 0:
        return f"第{n}项 不动产转移登记（二手房买卖）及水电过户"
    return f"第{n}项 食品经营许可（新办）"


def breakdowns(items: int) -> dict[Dimension, list[Row]]:
    return {
        Dimension.WINDOW_CATEGORY: [
            row("enterprise", "企业开办", 1),
            row("property", "不动产登记", 2),
            row("social", "社会事务", 3),
        ],
        Dimension.WINDOW: [row(str(n), f"{n}号窗口", 10 + n) for n in range(1, 9)],
        Dimension.CLERK: [
            row(f"clerk{n}", name, 20 + n)
            for n, name in enumerate(("王芳", "张敏", "李强", "赵磊"))
        ],
        Dimension.DEPARTMENT: [row(d, d, 30 + n) for n, d in enumerate(DEPARTMENTS)],
        Dimension.ITEM: [row(f"{n:012d}", item_name(n), 100 + n) for n in range(1, items + 1)],
    }


def overdue(count: int) -> list[ClockedCase]:
    return [
        ClockedCase(
            case_no=f"HF20261120{n:04d}",
            uuid=f"uuid-{n}",
            item_name="不动产转移登记（二手房买卖）",
            department=DEPARTMENTS[n % len(DEPARTMENTS)],
            window_number=None if n == 2 else n % 8 + 1,
            committed_deadline=date(2026, 12, 1) + timedelta(days=n % 4),
            working_days_left=-(1 + n % 5),
        )
        for n in range(1, count + 1)
    ]


def daily_report(items: int = 80) -> Report:
    parts = breakdowns(items)
    return Report(
        start=DAY,
        end=DAY,
        centre_name=CENTRE,
        made_at=MADE_AT,
        made_by="周主任",
        totals=summed(parts[Dimension.ITEM]),
        breakdowns=parts,
        overdue=overdue(6),
        idle_departments=["林业局", "气象局"],
        days=[],
        previous=row("", "上期", 7),
    )


def range_report(days: int = 31) -> Report:
    first = date(2026, 12, 1)
    day_rows = [row(str(n), "", 200 + n) for n in range(days)]
    parts = breakdowns(12)
    return Report(
        start=first,
        end=first + timedelta(days=days - 1),
        centre_name=CENTRE,
        made_at=MADE_AT,
        made_by="周主任",
        totals=summed(day_rows),
        breakdowns=parts,
        overdue=[],
        idle_departments=[],
        days=[
            DayFigures(first + timedelta(days=n), each.cases, each.ratings)
            for n, each in enumerate(day_rows)
        ],
        previous=row("", "上期", 8),
    )


def empty_report() -> Report:
    return Report(
        start=DAY,
        end=DAY,
        centre_name=CENTRE,
        made_at=MADE_AT,
        made_by="周主任",
        totals=Row("", "合计"),
        breakdowns={dimension: [] for dimension in Dimension},
        overdue=[],
        idle_departments=list(DEPARTMENTS),
        days=[],
        previous=Row("", "上期"),
    )


# Reading the PDF back ------------------------------------------------------------------------


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text in drawing order (``-raw``), with the whitespace kept only between two
    figures: a label wrapped in its cell reads as one string again, while the figures of a
    row stay apart."""
    pages = [] if page is None else ["-f", str(page), "-l", str(page)]
    done = subprocess.run(
        ["pdftotext", "-raw", *pages, str(path), "-"], check=True, capture_output=True, text=True
    )
    return folded(done.stdout)


def folded(text: str) -> str:
    spaced = re.sub(r"\s+", " ", text).strip()
    return re.sub(f"(?<![{FIGURE}]) | (?![{FIGURE}])", "", spaced)


def pdf_pages(path: Path) -> tuple[int, str]:
    """The page count and page size as pdfinfo reports them."""
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    pages = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE)
    size = re.search(r"^Page size:\s+(.*)$", info.stdout, re.MULTILINE)
    assert pages is not None and size is not None
    return int(pages.group(1)), size.group(1)


def overlapping_words(path: Path) -> list[tuple[int, str, str]]:
    """Words drawn over one another (page, word, word), from pdftotext's bounding boxes."""
    done = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    )
    found = []
    for page, body in enumerate(done.stdout.split("<page ")[1:], start=1):
        boxes = [
            (float(x0), float(y0), float(x1), float(y1), html.unescape(word))
            for x0, y0, x1, y1, word in WORD_BOX.findall(body)
        ]
        for n, a in enumerate(boxes):
            for b in boxes[n + 1 :]:
                wide = min(a[2], b[2]) - max(a[0], b[0])
                high = min(a[3], b[3]) - max(a[1], b[1])
                if wide > 1 and high > 1:
                    found.append((page, a[4], b[4]))
    return found


def printed(value: float | None, unit: str) -> str:
    """How the test expects a figure on paper (written here, not taken from the paper)."""
    if value is None:
        return "—"
    if unit == "rate":
        return f"{value * 100:.1f}%"
    if unit == "days":
        return f"{value:.2f}"
    return str(value)


def row_line(label: str, row: Row, columns: str) -> str:
    """A table line as read back: the label, then each figure of the column group."""
    if columns == "ratings":
        values = row.ratings.to_json()
        keys = [(key, str(unit)) for key, _, unit in RATING_COLUMNS]
    else:
        values = row.cases.to_json()
        split = [key for key, _, _ in CASE_COLUMNS].index("decided")
        chosen = CASE_COLUMNS[:split] if columns == "intake" else CASE_COLUMNS[split:]
        keys = [(key, str(unit)) for key, _, unit in chosen]
    return folded(" ".join([label, *(printed(values[key], unit) for key, unit in keys)]))


def totals_line(title: str, now: int, before: int) -> str:
    """A count of the totals table as read back: 本期, 上期 and the change."""
    change = now - before
    return folded(f"{title} {now} {before} {change:+d}" if change else f"{title} {now} {before} 0")


def total_of(rows: list[Row]) -> Row:
    return summed(rows)


@pytest.fixture(scope="module")
def daily_pdf(tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("daily") / "日报.pdf"
    return path, write_report_pdf(daily_report(), path, PRINTED_AT)


# The daily report ----------------------------------------------------------------------------


def test_the_daily_report_is_headed_by_centre_day_maker_and_print_time(
    daily_pdf: tuple[Path, int],
) -> None:
    path, _ = daily_pdf
    first = pdf_text(path, 1)

    assert first.startswith(folded(f"{CENTRE} 日报 2026年12月07日"))
    assert folded("制表人：周主任") in first
    assert folded("制表时间：2026年12月07日 18:00") in first
    assert folded("打印时间：2026年12月07日 18:25") in first
    assert "本期无业务" not in pdf_text(path)


def test_the_report_is_a4_landscape_numbered_on_every_page(daily_pdf: tuple[Path, int]) -> None:
    path, pages = daily_pdf

    count, size = pdf_pages(path)

    assert count == pages >= 5  # 80 items run over several pages
    width, height = (float(n) for n in re.findall(r"[\d.]+", size)[:2])
    assert (round(width), round(height)) == (842, 595)  # A4 turned
    for page in range(1, pages + 1):
        assert pdf_text(path, page).endswith(folded(f"第 {page} 页 共 {pages} 页"))


def test_the_totals_stand_beside_the_previous_period(daily_pdf: tuple[Path, int]) -> None:
    path, _ = daily_pdf
    report = daily_report()
    text = pdf_text(path, 1)

    assert folded("总体情况（环比：上期为2026年12月06日）") in text
    assert folded("办件指标 本期 上期 增减 评价指标 本期 上期 增减") in text
    now, before = report.totals.cases.to_json(), report.previous.cases.to_json()
    assert now["received"] == 803 and before["received"] == 7
    assert folded("收件 803 7 +796") in text
    assert folded("按期办结率 90.9% 75.0% +15.9个百分点") in text
    assert folded("承诺件平均办结时间(工作日) 4.36 4.25 +0.11") in text
    for key, title, unit in CASE_COLUMNS:
        assert folded(f"{title} {printed(now[key], unit)} {printed(before[key], unit)}") in text
    ratings, earlier = report.totals.ratings.to_json(), report.previous.ratings.to_json()
    assert folded("满意率 97.0% 100.0% -3.0个百分点") in text
    assert folded("整改率 100.0% — —") in text  # no 差评 last period: no rate, no change
    for key, title, unit in RATING_COLUMNS:
        line = f"{title} {printed(ratings[key], unit)} {printed(earlier[key], unit)}"
        assert folded(line) in text


def test_every_breakdown_prints_every_row_and_its_total(daily_pdf: tuple[Path, int]) -> None:
    path, _ = daily_pdf
    report = daily_report()
    text = pdf_text(path)

    for dimension, title in DIMENSION_TITLES.items():
        rows = report.breakdowns[dimension]
        for group, caption in (
            ("intake", "收件与受理（件）"),
            ("concluded", "办结与出件（件）"),
            ("ratings", "服务评价（次）"),
        ):
            assert folded(f"按{title}统计 · {caption}") in text
            for each in rows:
                assert row_line(each.label, each, group) in text, (title, each.label, group)
            assert row_line("合计", total_of(rows), group) in text, (title, group)
    # the item rows add up to the totals the report states
    items = report.breakdowns[Dimension.ITEM]
    assert row_line("合计", report.totals, "intake") == row_line("合计", total_of(items), "intake")
    assert len(items) == 80


def test_a_table_broken_across_pages_repeats_its_header_row(daily_pdf: tuple[Path, int]) -> None:
    path, pages = daily_pdf
    captions = [
        f"按事项统计 · {caption}"
        for caption in ("收件与受理（件）", "办结与出件（件）", "服务评价（次）")
    ]
    headers = {
        captions[0]: ["事项", *(title for _, title, _ in CASE_COLUMNS[:9])],
        captions[1]: ["事项", *(title for _, title, _ in CASE_COLUMNS[9:])],
        captions[2]: ["事项", *(title for _, title, _ in RATING_COLUMNS)],
    }
    assert CASE_COLUMNS[9][0] == "decided"

    for caption in captions:
        on_pages = [p for p in range(1, pages + 1) if folded(caption) in pdf_text(path, p)]
        assert len(on_pages) >= 2, caption  # 80 items do not fit one page
        assert on_pages == list(range(on_pages[0], on_pages[-1] + 1))
        for page in on_pages[1:]:
            # a continued page opens with the table's caption and header row, then an item
            start = folded(" ".join([caption, *headers[caption], "第"]))
            assert pdf_text(path, page).startswith(start), (caption, page)


def test_overdue_cases_idle_departments_and_definitions_close_the_report(
    daily_pdf: tuple[Path, int],
) -> None:
    path, pages = daily_pdf
    text = pdf_text(path)
    report = daily_report()

    assert folded("超期办件（6件）") in text
    assert folded("序号 办件编号 事项 部门 受理窗口 承诺办结日期 超期（工作日）") in text
    for n, case in enumerate(report.overdue, start=1):
        window = "—" if case.window_number is None else f"{case.window_number}号窗口"
        deadline = case.committed_deadline
        line = (
            f"{n} {case.case_no} {case.item_name} {case.department} {window} "
            f"{deadline.year}年{deadline.month:02d}月{deadline.day:02d}日 {case.working_days_over}"
        )
        assert folded(line) in text
    assert folded("无业务部门（2个）：林业局、气象局") in text
    last = pdf_text(path, pages)
    assert folded("指标说明") in last
    for n, definition in enumerate(DEFINITIONS, start=1):
        assert folded(f"{n}. {definition}") in text


def test_chinese_copies_out_as_ideographs(daily_pdf: tuple[Path, int]) -> None:
    path, _ = daily_pdf
    text = pdf_text(path)

    assert not KANGXI_RADICALS.search(text)
    assert (
        folded("人力资源和社会保障局") in text
        and folded("窗口人员") in text
        and folded("第 1 页") in text
    )


@pytest.mark.parametrize("items", [13, 37, 58])
def test_rows_stay_whole_and_nothing_overlaps_at_page_breaks(
    qapp: QApplication, tmp_path: Path, items: int
) -> None:
    """Lengths that once put a row across a page break (its label on the next page) or a
    cell's figure over the repeated header."""
    report = daily_report(items)
    path = tmp_path / f"{items}.pdf"

    pages = write_report_pdf(report, path, PRINTED_AT)

    text = pdf_text(path)
    assert pages > 5
    for each in report.breakdowns[Dimension.ITEM]:
        for group in ("intake", "concluded", "ratings"):
            assert row_line(each.label, each, group) in text, (each.label, group)
    assert overlapping_words(path) == []


def test_nothing_overlaps_in_the_daily_report(daily_pdf: tuple[Path, int]) -> None:
    assert overlapping_words(daily_pdf[0]) == []


# A range, an empty day -----------------------------------------------------------------------


def test_a_month_prints_its_days_with_their_total(qapp: QApplication, tmp_path: Path) -> None:
    report = range_report(31)
    path = tmp_path / "十二月.pdf"

    pages = write_report_pdf(report, path, PRINTED_AT)

    text = pdf_text(path)
    assert text.startswith(folded(f"{CENTRE} 统计报表 2026年12月01日至2026年12月31日"))
    assert folded("总体情况（环比：上期为2026年10月31日至2026年11月30日）") in text
    day_rows = [Row("", "", day.cases, day.ratings) for day in report.days]
    for day, each in zip(report.days, day_rows, strict=True):
        label = f"2026年12月{day.day.day:02d}日"
        for group in ("intake", "concluded", "ratings"):
            assert row_line(label, each, group) in text, (label, group)
    for group, caption in (
        ("intake", "收件与受理（件）"),
        ("concluded", "办结与出件（件）"),
        ("ratings", "服务评价（次）"),
    ):
        assert folded(f"逐日统计 · {caption} 日期") in text
        assert row_line("合计", report.totals, group) in text
    assert folded("超期办件：无。") in text and folded("无业务部门（0个）：无。") in text
    assert pdf_text(path, pages).endswith(folded(f"第 {pages} 页 共 {pages} 页"))
    assert overlapping_words(path) == []


def test_a_day_without_business_prints_a_valid_paper_saying_so(
    qapp: QApplication, tmp_path: Path
) -> None:
    path = tmp_path / "空.pdf"

    pages = write_report_pdf(empty_report(), path, PRINTED_AT)

    assert pdf_pages(path)[0] == pages >= 1
    text = pdf_text(path)
    assert folded(f"{CENTRE}日报") in text
    assert folded("本期无业务：没有收件、办结、出件和服务评价。") in text
    assert folded("收件 0 0 0") in text and folded("按期办结率 — — —") in text
    assert "按事项统计" not in text
    assert folded("超期办件：无。") in text
    assert "无业务部门（5个）：" + "、".join(DEPARTMENTS) in text
    for page in range(1, pages + 1):
        assert pdf_text(path, page).endswith(folded(f"第 {page} 页 共 {pages} 页"))


def test_a_quiet_day_still_lists_the_cases_overdue(qapp: QApplication, tmp_path: Path) -> None:
    report = empty_report()
    report.overdue = overdue(2)
    path = tmp_path / "quiet.pdf"

    write_report_pdf(report, path, PRINTED_AT)

    text = pdf_text(path)
    assert folded("本期无业务") in text and folded("按窗口统计") not in text
    assert folded("超期办件（2件）") in text
    assert all(folded(case.case_no) in text for case in report.overdue)


# Where it is printed from ---------------------------------------------------------------------


def test_write_report_pdf_works_on_a_worker_thread(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "worker.pdf"
    pages: list[int] = []
    worker = threading.Thread(
        target=lambda: pages.append(write_report_pdf(daily_report(10), path, PRINTED_AT))
    )
    worker.start()
    worker.join(timeout=60)

    assert pages and pdf_pages(path)[0] == pages[0]
    assert folded("第10项 食品经营许可（新办）") in pdf_text(path)


def test_printing_turns_any_printer_to_a4_landscape(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "printer.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))

    pages = print_report(daily_report(5), printer, PRINTED_AT)
    repair_to_unicode(path, installed(CJK_FAMILIES))  # what render_pdf does for its files

    count, size = pdf_pages(path)
    assert count == pages and size.startswith("842 x 595")
    assert folded("打印时间：2026年12月07日 18:25") in pdf_text(path)


def test_the_preview_shows_the_report_in_landscape(qapp: QApplication, qtbot: QtBot) -> None:
    dialog = ReportPreviewDialog(daily_report(5), PRINTED_AT)
    qtbot.addWidget(dialog)

    dialog.show()
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)

    assert dialog.objectName() == "report.preview" and dialog.accessibleName()
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() >= 2)
    assert preview.orientation() == QPageLayout.Orientation.Landscape


def test_names_print_literally_and_figures_read_as_the_paper_writes_them() -> None:
    report = daily_report(1)
    report.centre_name = "<b>合肥</b>"

    html = report_html(report, PRINTED_AT)

    assert "&lt;b&gt;合肥&lt;/b&gt;" in html and "<b>合肥" not in html
    assert "<thead>" in html
    assert [figure_text(v, u) for v, u in ((None, Unit.RATE), (0.9091, Unit.RATE))] == [
        "—",
        "90.9%",
    ]
    assert (figure_text(4.5, Unit.DAYS), figure_text(12, Unit.COUNT)) == ("4.50", "12")
    assert change_text(0.5, 0.25, Unit.RATE) == "+25.0个百分点"
    assert (change_text(3, 5, Unit.COUNT), change_text(4, 4, Unit.COUNT)) == ("-2", "0")
    assert change_text(None, 0.5, Unit.RATE) == "—"


# From a real desk ----------------------------------------------------------------------------


def test_a_desk_day_prints_the_counts_made_from_its_cases(
    qapp: QApplication, tmp_path: Path, demo_template: Path
) -> None:
    """Demo cases lived through review and output: the paper's totals (and the day before's,
    printed as 上期) and each item's intake line equal counts made from the cases' events."""
    root = tmp_path / "desk"
    shutil.copytree(demo_template, root)
    desk = Desk.open(root, demo_mode=True, clock=Clock(DESK_NOW))
    try:
        make_demo_cases(desk, 40, 5, 20261207)
        hall = load_hall(desk)
        days = Counter(e.at.date() for events in hall.events.values() for e in events)
        day = max(days, key=lambda d: (days[d], d))
        report = desk.reports.report(day, day, "陈静")
        ratings_now, ratings_before = (
            expected_ratings(desk, day),
            expected_ratings(desk, day - timedelta(days=1)),
        )
    finally:
        desk.close()
    path = tmp_path / "日报.pdf"

    pages = write_report_pdf(report, path, DESK_NOW)

    text = pdf_text(path)
    assert text.startswith(folded(f"{report.centre_name} 日报 {day:%Y年%m月%d日}"))
    assert folded("制表人：陈静") in text and folded("打印时间：2026年11月20日 18:30") in text
    now = expected_counts(hall, day)["all"]
    before = expected_counts(hall, day - timedelta(days=1))["all"]
    assert now["received"] > 0 and ratings_now["contacts"] > 0
    for key, title, _ in CASE_COLUMNS:
        if key in COUNT_KEYS:
            assert totals_line(title, now[key], before[key]) in text, key
    for key, title, unit in RATING_COLUMNS:
        if unit is Unit.COUNT:
            assert totals_line(title, ratings_now[key], ratings_before[key]) in text, key
    by_item = expected_counts(hall, day, lambda case: case.items[0].basic_code)
    intake = [key for key, _, _ in CASE_COLUMNS[: [k for k, _, _ in CASE_COLUMNS].index("decided")]]
    assert report.breakdowns[Dimension.ITEM]
    for row in report.breakdowns[Dimension.ITEM]:
        counts = by_item.get(row.key, Counter())
        assert folded(" ".join([row.label, *(str(counts[key]) for key in intake)])) in text
    # every breakdown's 合计 line is the report's totals, as on the workbook's 合计 rows
    for group in ("intake", "concluded", "ratings"):
        assert text.count(row_line("合计", report.totals, group)) == len(DIMENSION_TITLES)
    assert pdf_text(path, pages).endswith(folded(f"第 {pages} 页 共 {pages} 页"))
    assert overlapping_words(path) == []
