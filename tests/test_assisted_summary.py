"""The 帮办事项核对单: a guided intake's case as the visitor checks and signs it, printed to PDF
and read back with poppler: everything filled in, the applicant in full, large type."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

from case_factory import make_case, person
from PySide6.QtWidgets import QApplication

from clerk_desk.desk import Desk
from clerk_desk.documents import assisted_example
from clerk_desk.documents.assisted_papers import AssistedSummaryPaper, assisted_summary
from clerk_desk.documents.case_papers import PaperContext
from clerk_desk.documents.render import render_html
from clerk_desk.domain.assistance import Assistance, AssistanceKind, AssistanceReason
from clerk_desk.domain.case import MaterialMark
from ui.printing import render_pdf

KANGXI_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")
HANZI_ONLY = re.compile("^[\u4e00-\u9fff]+$")
BODY_PT = 16
FOOTER_TOP = 780  # pt from the top of A4 (842 pt): the page numbers, printed small
PRINTED = datetime(2026, 12, 8, 9, 30)


def printed(paper: AssistedSummaryPaper, folder: Path) -> Path:
    path = folder / "assisted_summary.pdf"
    render_pdf(render_html(paper), path)
    return path


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    )
    return re.sub(r"\s+", "", done.stdout)


def test_a_helped_case_prints_everything_filled_in_with_the_applicant_in_full(
    qapp: QApplication, demo_desk: Desk, tmp_path: Path
) -> None:
    applicant = person("陈晓梅", phone="13912345678")
    applicant.address = "安徽省合肥市蜀山区长江西路100号"
    case = make_case(demo_desk, applicant=applicant, answers={"applicant": "self"})
    brought, missing, gap = case.materials[0], case.materials[1], case.materials[2]
    missing.mark, gap.mark = MaterialMark.MISSING, MaterialMark.GAP
    helped = Assistance(AssistanceKind.ASSISTED, "clerk", "王芳", AssistanceReason.ELDERLY)
    case = demo_desk.intake.set_assistance(case, helped)
    context = PaperContext("合肥市政务服务中心", "3号窗口（企业开办）", "王芳", PRINTED)
    questions = [s for item in demo_desk.intake.situations(case) for s in item.situations]

    paper = assisted_summary(case, context, questions)
    text = pdf_text(printed(paper, tmp_path))

    assert not KANGXI_RADICALS.search(text)
    for expected in (
        "帮办事项核对单",
        "办件编号：受理后编号",  # a draft: no number, no QR code yet
        case.items[0].name,
        "办理方式本人办理",  # the situation in the catalog's words
        "申请人陈晓梅",
        f"居民身份证{applicant.id_number}",  # the visitor's own paper: in full
        "联系电话13912345678",
        "联系地址安徽省合肥市蜀山区长江西路100号",
        brought.name,
        f"{missing.name}未带来",
        f"{gap.name}容缺，受理后补交",
        "帮办人员王芳",
        "帮办原因老年人",
        "核对日期2026年12月08日",
        "申请人（签字）：",
        "帮办人员（签字）：",
        "第1页共",
    ):
        assert expected in text, expected
    assert "*" not in text


def test_the_summary_is_in_large_type_with_wide_lines(qapp: QApplication, tmp_path: Path) -> None:
    """Every Chinese word is set at ≥ 16 pt (a hanzi is one em wide), lines of a paragraph
    ≥ 1.5 of that apart; the page numbers at the foot excepted."""
    path = printed(assisted_example.example(), tmp_path)
    layout = subprocess.run(
        ["pdftotext", "-bbox-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    root = ElementTree.fromstring(layout.replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    sizes: list[float] = []
    for word in root.iter("word"):
        text = word.text or ""
        if HANZI_ONLY.match(text) and float(word.get("yMin", 0)) < FOOTER_TOP:
            sizes.append((float(word.get("xMax", 0)) - float(word.get("xMin", 0))) / len(text))
    assert len(sizes) > 20 and min(sizes) >= BODY_PT - 0.1

    lines = [
        ("".join(w.text or "" for w in line.iter("word")), float(line.get("yMin", 0)))
        for line in root.iter("line")
    ]
    first = next(index for index, (text, _) in enumerate(lines) if text.startswith("以下是"))
    (_, top), (following, next_top) = lines[first], lines[first + 1]
    assert following.startswith("字") and next_top - top >= 1.5 * BODY_PT, lines[first : first + 2]
