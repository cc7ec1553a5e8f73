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
from clerk_desk.documents.qr import progress_lookup, qr_payload
from clerk_desk.documents.render import render_html
from ui.pdf_text import repair_to_unicode
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


def pdf_fonts(path: Path) -> list[str]:
    """The names of the fonts embedded in the PDF, as poppler's pdffonts lists them."""
    listing = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    return [line.split()[0] for line in listing]


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
    assert not KANGXI_RADICALS.search(text)
    assert "NotoSerifCJKsc-Regular" in pdf_fonts(path)
    assert all("Serif" in font for font in pdf_fonts(path))


def test_chinese_extracts_as_normal_code_points(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "chars.pdf"

    render_pdf("<p>人心日月身</p>", path)
    text = pdf_text(path)

    assert "人心日月身" in text
    assert not KANGXI_RADICALS.search(text)


def printed_qr(path: Path, tmp_path: Path, size: int) -> list[list[bool]]:
    """The modules of the QR code printed in the PDF, read from its 1-bit image mask."""
    subprocess.run(["pdfimages", "-png", str(path), str(tmp_path / "img")], check=True)
    masks = [QImage(str(png)) for png in sorted(tmp_path.glob("img-*.png"))]
    mask = next(image for image in masks if image.depth() == 1)
    module_px = mask.width() // (size + 4)
    centre = module_px // 2
    return [
        [
            mask.pixelColor(
                (2 + col) * module_px + centre, (2 + row) * module_px + centre
            ).lightness()
            < 128
            for col in range(size)
        ]
        for row in range(size)
    ]


def qr_modules(payload: str) -> list[list[bool]]:
    return [[bool(module) for module in row] for row in segno.make_qr(payload, error="m").matrix]


def test_radicals_in_a_to_unicode_map_become_their_ideographs(
    qapp: QApplication, tmp_path: Path
) -> None:
    """Destinations only, same length; a range counting up from its start stays as it is."""
    cmap = (
        b"%PDF-1.4\nstream\nbegincmap\n3 beginbfrange\n<0000> <0000> <0000>\n"
        b"<0001> <0003> [<2F08> <0031> <2EDA> ]\n<0004> <0005> <2F08>\nendbfrange\n"
        b"1 beginbfchar\n<2F08> <2F3C>\nendbfchar\nendcmap\nendstream\n"
    )
    path = tmp_path / "map.pdf"
    path.write_bytes(cmap)

    assert repair_to_unicode(path, ("Noto Serif CJK SC",)) == 3

    assert path.read_bytes() == cmap.replace(b"[<2F08>", b"[<4EBA>").replace(
        b"<2EDA> ]", b"<9875> ]"
    ).replace(b"<2F08> <2F3C>", b"<2F08> <5FC3>")
    assert len(path.read_bytes()) == len(cmap)


def test_receipt_fits_one_page_and_its_qr_code_holds_the_case_number(
    qapp: QApplication, tmp_path: Path
) -> None:
    paper = examples.receipt()
    path = tmp_path / "receipt.pdf"

    assert render_pdf(render_html(paper), path) == 1

    expected = qr_modules(paper.case.case_no)
    assert printed_qr(path, tmp_path, len(expected)) == expected
    assert "右上角二维码的内容即办件编号" in flat(pdf_text(path))


def test_with_the_progress_page_set_the_qr_code_holds_its_address(
    qapp: QApplication, tmp_path: Path
) -> None:
    """No QR decoder is installed: the printed modules are compared with the address's."""
    url = "https://zwfw.example.gov.cn/progress?no={case_no}"
    header = dataclasses.replace(examples.HEADER, progress_url=url)
    paper = dataclasses.replace(
        examples.receipt(), header=header, progress_lookup=progress_lookup(url)
    )
    path = tmp_path / "receipt.pdf"

    assert render_pdf(render_html(paper), path) == 1

    payload = qr_payload(url, paper.case.case_no)
    assert payload == "https://zwfw.example.gov.cn/progress?no=" + "".join(
        paper.case.case_no.split("-")
    )
    expected = qr_modules(payload)
    assert printed_qr(path, tmp_path, len(expected)) == expected
    assert "扫描右上角二维码" in flat(pdf_text(path))


def test_papers_are_set_in_a_serif_cjk_font_and_copy_out_right(
    qapp: QApplication, tmp_path: Path
) -> None:
    path = tmp_path / "fonts.pdf"

    render_pdf(render_html(examples.rejection()), path)

    assert {"NotoSerifCJKsc-Regular", "NotoSerifCJKsc-Bold", "DejaVuSerif"} <= set(pdf_fonts(path))
    text = flat(pdf_text(path))
    assert "行政复议" in text and "第1页共1页" in text
    assert not KANGXI_RADICALS.search(text)


def test_codes_and_latin_words_copy_out_whole(qapp: QApplication, tmp_path: Path) -> None:
    """With Noto CJK for Latin too, Qt's PDF lost the 2, 7 and 0 of this code."""
    path = tmp_path / "codes.pdf"

    render_pdf("<p>统一社会信用代码 91340100MA2N7QXK0H，office file</p>", path)

    assert "统一社会信用代码 91340100MA2N7QXK0H，office file" in pdf_text(path)


def test_an_organisations_notice_shows_its_credit_code_and_no_id_row(
    qapp: QApplication, tmp_path: Path
) -> None:
    paper = examples.gap_notice()
    path = tmp_path / "company.pdf"

    render_pdf(render_html(paper), path)
    text = flat(pdf_text(path, "-f", "1", "-l", "1"))

    assert f"统一社会信用代码{paper.case.applicant.credit_code}" in text
    assert "身份证件号码" in text  # the agent's, in the agent's row only
    assert f"代理人{paper.case.applicant.agent_name}（身份证件号码" in text
    assert text.count("身份证件号码") == 1
    assert "贵单位提出的" in text and "您" not in text


def test_the_receipt_prints_the_legal_basis_and_the_phone(
    qapp: QApplication, tmp_path: Path
) -> None:
    paper = examples.receipt()
    path = tmp_path / "receipt.pdf"

    render_pdf(render_html(paper), path)
    text = flat(pdf_text(path))

    assert "设定依据" in text
    for item in paper.case.items:
        assert flat(f"{item.name}：{item.legal_basis}") in text
    assert f"咨询电话{examples.CONTACT}" in text
    assert "您于" in text and "贵单位" not in text


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

    assert (
        "六十日内，依照《中华人民共和国行政复议法》第二十条的规定，向合肥市人民政府申请行政复议"
        in text
    )
    assert "六个月内，依照《中华人民共和国行政诉讼法》第四十六条的规定" in text
    assert "提起行政诉讼" in text
    assert "盖章处合肥市政务服务中心（演示）（受理专用章）2026年11月27日" in text


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
