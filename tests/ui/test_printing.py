"""Papers printed to real PDF files and read back with poppler's pdftotext / pdfimages."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import threading
from pathlib import Path

import pytest
import segno
from PySide6.QtGui import QImage, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_desk.documents import examples
from clerk_desk.documents.papers import (
    GapNoticePaper,
    GapPromisePaper,
    HandoverPaper,
    InformedPromisePaper,
    MaterialLine,
    MissingNoticePaper,
    Paper,
    ReceiptPaper,
    RejectionPaper,
)
from clerk_desk.documents.render import render_html
from ui.printing import PaperPreviewDialog, print_to_printer, render_pdf

DEADLINE = "2026年12月04日"
KANGXI_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")


def pdf_text(path: Path, *options: str) -> str:
    """The text in drawing order (``-raw``): a table cell's wrapped lines stay together.

    ``-layout`` would interleave the wrapped lines of neighbouring cells.
    """
    done = subprocess.run(
        ["pdftotext", "-raw", *options, str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def flat(text: str) -> str:
    """Without whitespace: a name wrapped inside a table cell reads as one string again."""
    return re.sub(r"\s+", "", text)


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    match = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE)
    assert match is not None
    return int(match.group(1))


def pages_with_images(path: Path) -> set[int]:
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    return {int(row.split()[0]) for row in listing if row.split()[2] == "image"}


def printed_names(paper: Paper) -> list[str]:
    """The material names (and what is said about them) each kind of paper must print."""
    match paper:
        case ReceiptPaper() | HandoverPaper():
            return [material.name for material in paper.materials]
        case MissingNoticePaper():
            return [part for d in paper.defects for part in (d.name, d.acceptance_standard)]
        case GapNoticePaper() | GapPromisePaper():
            return [gap.name for gap in paper.gaps]
        case InformedPromisePaper():
            return [part for p in paper.promises for part in (p.material_name, p.promised_fact)]
        case RejectionPaper():
            return [paper.reason]


def has_deadline(paper: Paper) -> bool:
    return not isinstance(paper, GapPromisePaper | RejectionPaper)


@pytest.mark.parametrize("key", list(examples.all_examples()))
def test_paper_pdf_reads_back(qapp: QApplication, tmp_path: Path, key: str) -> None:
    paper = examples.all_examples()[key]
    path = tmp_path / f"{key}.pdf"

    pages = render_pdf(render_html(paper), path)

    assert pdf_pages(path) == pages
    text = flat(pdf_text(path))
    assert paper.title in text
    assert paper.case.case_no in text
    for item in paper.case.items:
        assert item.name in text
    assert paper.case.applicant.name in text
    assert paper.case.applicant.id_number_masked in text
    for name in printed_names(paper):
        assert flat(name) in text
    if has_deadline(paper):
        assert DEADLINE in text
    for page in range(1, pages + 1):
        assert f"第{page}页共{pages}页" in flat(pdf_text(path, "-f", str(page), "-l", str(page)))
    assert pages_with_images(path) == set(range(1, pages + 1))


def test_chinese_extracts_as_normal_code_points(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "chars.pdf"

    render_pdf("<p>人心日月身</p>", path)
    text = pdf_text(path)

    assert "人心日月身" in text
    assert not KANGXI_RADICALS.search(text)


def test_receipt_fits_one_page_and_its_qr_code_holds_the_case_number(
    qapp: QApplication, tmp_path: Path
) -> None:
    paper = examples.receipt()
    path = tmp_path / "receipt.pdf"

    assert render_pdf(render_html(paper), path) == 1

    subprocess.run(["pdfimages", "-png", str(path), str(tmp_path / "img")], check=True)
    masks = [QImage(str(png)) for png in sorted(tmp_path.glob("img-*.png"))]
    mask = next(image for image in masks if image.depth() == 1)
    expected = [
        [bool(module) for module in row]
        for row in segno.make_qr(paper.case.case_no, error="m").matrix
    ]
    size = len(expected)
    module_px = mask.width() // (size + 4)
    centre = module_px // 2
    printed = [
        [
            mask.pixelColor(
                (2 + col) * module_px + centre, (2 + row) * module_px + centre
            ).lightness()
            < 128
            for col in range(size)
        ]
        for row in range(size)
    ]
    assert printed == expected


def test_gap_notice_prints_a_copy_per_page(qapp: QApplication, tmp_path: Path) -> None:
    paper = examples.gap_notice()
    path = tmp_path / "gap.pdf"

    assert render_pdf(render_html(paper), path) == 2

    for page, copy_label in enumerate(paper.copies, start=1):
        text = flat(pdf_text(path, "-f", str(page), "-l", str(page)))
        assert f"【{copy_label}】" in text
        assert paper.title in text
        assert paper.case.case_no in text
        for gap in paper.gaps:
            assert flat(gap.name) in text
        assert "补齐期限2026年12月02日" in text
        assert f"第{page}页共2页" in text


def test_rejection_pdf_tells_the_remedies(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "rejection.pdf"

    render_pdf(render_html(examples.rejection()), path)
    text = flat(pdf_text(path))

    assert "60日内向合肥市人民政府申请行政复议" in text
    assert "6个月内" in text
    assert "提起行政诉讼" in text


def test_applicant_markup_prints_literally(qapp: QApplication, tmp_path: Path) -> None:
    applicant = dataclasses.replace(examples.RESTAURANT_OWNER, name="<b>李</b>")
    case = dataclasses.replace(examples.RESTAURANT_CASE, applicant=applicant)
    path = tmp_path / "escaped.pdf"

    render_pdf(render_html(dataclasses.replace(examples.receipt(), case=case)), path)

    assert "<b>李</b>：" in pdf_text(path)


def test_render_pdf_works_on_a_worker_thread(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "thread.pdf"
    html = render_html(examples.gap_notice())
    pages: list[int] = []

    worker = threading.Thread(target=lambda: pages.append(render_pdf(html, path)))
    worker.start()
    worker.join(timeout=30)

    assert pages == [2]
    assert "容缺受理通知书" in pdf_text(path)


def test_print_to_printer_uses_a4_whatever_the_printer_had(
    qapp: QApplication, tmp_path: Path
) -> None:
    path = tmp_path / "printer.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))

    assert print_to_printer(render_html(examples.handover()), printer) == 1

    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    assert "(A4)" in info.stdout
    assert "材料接收清单" in pdf_text(path)


def test_preview_paints_every_page(qapp: QApplication, qtbot: QtBot) -> None:
    dialog = PaperPreviewDialog(render_html(examples.gap_notice()))
    qtbot.addWidget(dialog)

    dialog.show()
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)

    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() == 2)


def test_long_material_list_continues_under_its_header_row(
    qapp: QApplication, tmp_path: Path
) -> None:
    materials = tuple(
        MaterialLine(f"第{n}份 与食品经营相适应的主要设备设施布局、操作流程等文件", "原件", 1)
        for n in range(1, 41)
    )
    paper = dataclasses.replace(examples.receipt(), materials=materials)
    path = tmp_path / "long.pdf"

    pages = render_pdf(render_html(paper), path)

    assert pages >= 2
    for page in range(2, pages + 1):
        text = flat(pdf_text(path, "-f", str(page), "-l", str(page)))
        assert text.startswith("序号材料名称形式份数备注")
        assert f"第{page}页共{pages}页" in text
    text = flat(pdf_text(path))
    for material in materials:
        assert flat(material.name) in text
