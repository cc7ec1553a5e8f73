"""The papers as HTML: what each one says, escaping, and the shared formatting."""

from __future__ import annotations

import base64
import dataclasses
import re
from datetime import date

import pytest

from clerk_desk.documents import examples
from clerk_desk.documents.formatting import cn_date, deadline_text, page_footer
from clerk_desk.documents.papers import Deadline, Paper
from clerk_desk.documents.qr import progress_lookup, qr_data_uri, qr_payload
from clerk_desk.documents.render import render_html

DEADLINE = "2026年12月04日"


def text_of(html: str) -> str:
    """The body's text without tags and whitespace, for content checks."""
    body = html[html.index("<body>") :]
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", body))


@pytest.mark.parametrize("key", list(examples.all_examples()))
def test_every_paper_shows_its_title_case_items_and_applicant(key: str) -> None:
    paper = examples.all_examples()[key]
    html = render_html(paper)
    text = text_of(html)

    assert f"<title>{paper.title}</title>" in html
    assert paper.title in text
    assert f"办件编号：{paper.case.case_no}" in text
    for item in paper.case.items:
        assert item.name in text
        assert item.basic_code in text
    assert paper.case.applicant.name in text
    assert paper.case.applicant.id_number_masked in text
    assert paper.header.centre_name in text
    assert "data:image/png;base64," in html


def test_receipt_lists_materials_deadline_and_pickup() -> None:
    paper = examples.receipt()
    text = text_of(render_html(paper))

    for material in paper.materials:
        assert material.name in text
    assert f"承诺办结日期{DEADLINE}" in text
    assert "5个工作日" in text
    assert "（暂定）" not in text
    assert "窗口领取" in text
    assert "申请人（签收）" in text


def test_same_day_case_says_so() -> None:
    paper = dataclasses.replace(examples.receipt(), promised_days=0)

    assert "即办件，当场办结" in text_of(render_html(paper))


def test_provisional_deadline_is_marked_on_receipt_and_handover() -> None:
    provisional = Deadline(date(2027, 1, 8), provisional=True)
    receipt = dataclasses.replace(examples.receipt(), committed_deadline=provisional)
    handover = dataclasses.replace(examples.handover(), committed_deadline=provisional)

    receipt_text = text_of(render_html(receipt))
    assert "2027年01月08日（暂定）" in receipt_text
    assert "上述日期为暂定" in receipt_text
    assert "2027年01月08日（暂定）" in text_of(render_html(handover))


def test_missing_notice_gives_each_standard_reason_and_the_five_day_rule() -> None:
    paper = examples.missing_notice()
    text = text_of(render_html(paper))

    for defect in paper.defects:
        assert defect.name in text
        assert re.sub(r"\s+", "", defect.acceptance_standard) in text
        assert defect.reason in text
    assert f"请于{DEADLINE}前按上述要求补正" in text
    assert "五日内一次告知" in text
    assert paper.contact in text


def test_missing_notice_without_deadline_still_asks_to_resubmit() -> None:
    paper = dataclasses.replace(examples.missing_notice(), supplement_by=None)
    text = text_of(render_html(paper))

    assert "请按上述要求补正后" in text
    assert "请于" not in text


def test_gap_notice_prints_two_copies_on_two_pages() -> None:
    paper = examples.gap_notice()
    html = render_html(paper)
    text = text_of(html)

    assert text.index("【申请人留存联】") < text.index("【窗口存档联】")
    assert text.count(paper.title) == 2
    assert html.count("page-break-before: always") == 1
    for gap in paper.gaps:
        assert text.count(gap.name) == 2
    assert "补齐期限2026年12月02日（含当日）" in text
    assert f"承诺办结日期{DEADLINE}" in text
    assert "容缺受理终止" in text


def test_gap_promise_has_the_promise_and_signature_lines() -> None:
    paper = examples.gap_promise()
    text = text_of(render_html(paper))

    assert "在2026年12月02日前补齐上述全部材料" in text
    assert "后果由本单位承担" in text  # the example applicant is a company
    assert "本人（单位）" not in text
    assert "承诺人（签名或盖章）：" in text
    assert "代理人（签名）：" in text
    assert "日期：" in text


def test_informed_promise_states_facts_verification_and_consequences() -> None:
    paper = examples.informed_promise()
    text = text_of(render_html(paper))

    for promise in paper.promises:
        assert promise.material_name in text
        assert re.sub(r"\s+", "", promise.promised_fact) in text
    assert "事后核查" in text
    assert re.sub(r"\s+", "", paper.verification) in text
    assert "不实承诺的后果" in text
    assert "依法撤销" in text


def test_rejection_gives_reason_basis_and_both_remedies() -> None:
    paper = examples.rejection()
    text = text_of(render_html(paper))

    assert paper.reason in text
    assert "本中心决定不予受理" in text
    assert (
        "自知道或者应当知道本决定之日起六十日内，依照《中华人民共和国行政复议法》第二十条的规定，"
        "向合肥市人民政府申请行政复议"
    ) in text
    assert (
        "自知道或者应当知道本决定之日起六个月内，依照《中华人民共和国行政诉讼法》第四十六条的规定，"
        "直接向有管辖权的人民法院提起行政诉讼"
    ) in text
    assert "不得向申请人收取任何费用（《中华人民共和国行政复议法》第八十七条）" in text
    assert "上一级主管部门" not in text and "自收到本通知书之日起60日" not in text
    assert "不属于本机关职权范围" not in text


def test_rejection_can_point_to_the_competent_authority() -> None:
    paper = dataclasses.replace(examples.rejection(), competent_authority="合肥市烟草专卖局")

    assert "请向合肥市烟草专卖局提出申请" in text_of(render_html(paper))


def test_handover_counts_the_copies_and_has_both_signatures() -> None:
    paper = examples.handover()
    text = text_of(render_html(paper))

    for material in paper.materials:
        assert material.name in text
    assert paper.total_copies == 5
    assert "合计5" in text
    assert "移交人（窗口）：" in text
    assert "接收人（接收部门）：" in text


def test_applicant_markup_is_printed_literally() -> None:
    applicant = dataclasses.replace(examples.RESTAURANT_OWNER, name="<b>李</b>")
    case = dataclasses.replace(examples.RESTAURANT_CASE, applicant=applicant)
    html = render_html(dataclasses.replace(examples.receipt(), case=case))

    assert "&lt;b&gt;李&lt;/b&gt;" in html
    assert "<b>李" not in html


def test_training_note_only_when_training() -> None:
    training = dataclasses.replace(examples.HEADER, training=True)
    paper: Paper = dataclasses.replace(examples.handover(), header=training)

    assert "培训演示 · 无效" in render_html(paper)
    assert "培训演示" not in render_html(examples.handover())


def test_qr_code_is_an_embedded_png() -> None:
    html = render_html(examples.receipt())
    encoded = re.search(r'src="data:image/png;base64,([^"]+)"', html)

    assert encoded is not None
    assert base64.b64decode(encoded.group(1)).startswith(b"\x89PNG")


def test_dates_deadlines_and_page_numbers_are_written_one_way() -> None:
    assert cn_date(date(2026, 3, 5)) == "2026年03月05日"
    assert deadline_text(Deadline(date(2026, 12, 4))) == DEADLINE
    assert deadline_text(Deadline(date(2027, 1, 8), provisional=True)) == "2027年01月08日（暂定）"
    assert page_footer(1, 2) == "第 1 页 共 2 页"


def test_rejection_reason_ending_in_a_full_stop_is_not_doubled() -> None:
    paper = dataclasses.replace(examples.rejection(), reason="申请事项依法不需要取得行政许可。")

    assert "经审查：申请事项依法不需要取得行政许可。依据" in text_of(render_html(paper))


def test_receipt_prints_each_items_legal_basis() -> None:
    paper = examples.receipt()
    text = text_of(render_html(paper))

    assert "设定依据" in text
    for item in paper.case.items:
        assert item.legal_basis
        assert f"{item.name}：{item.legal_basis}" in text


def test_a_single_items_basis_is_printed_without_its_name() -> None:
    case = dataclasses.replace(examples.RESTAURANT_CASE, items=(examples.FOOD_LICENCE,))
    text = text_of(render_html(dataclasses.replace(examples.receipt(), case=case)))

    assert f"设定依据{examples.FOOD_LICENCE.legal_basis}" in text


def test_an_individual_is_addressed_as_you_an_organisation_as_your_unit() -> None:
    person = text_of(render_html(examples.receipt()))
    company = text_of(render_html(examples.gap_notice()))

    assert "您于" in person and "贵单位" not in person
    assert "贵单位提出的" in company and "经贵单位承诺" in company
    assert "您" not in company
    for paper in examples.all_examples().values():
        assert "您（单位）" not in text_of(render_html(paper))


def test_an_organisation_shows_its_credit_code_and_no_empty_id_row() -> None:
    paper = examples.gap_notice()
    html = render_html(paper)

    assert paper.case.applicant.organisation
    assert f'统一社会信用代码</th>\n<td width="31%">{paper.case.applicant.credit_code}' in html
    assert "身份证件号码</th>" not in html
    assert not re.search(r"</th>\s*<td[^>]*>\s*</td>", html)  # no label over an empty value


def test_an_individual_shows_the_masked_id_number() -> None:
    text = text_of(render_html(examples.receipt()))

    assert "身份证件号码340104********1234" in text
    assert "统一社会信用代码" not in text


@pytest.mark.parametrize("key", ["receipt", "missing_notice", "gap_notice", "rejection"])
def test_the_issuing_papers_have_a_seal_area_with_the_date(key: str) -> None:
    paper = examples.all_examples()[key]
    text = text_of(render_html(paper))

    assert f"盖章处{paper.header.centre_name}（受理专用章）2026年11月27日" in text


def test_the_enquiry_phone_is_a_phone_and_no_row_without_one() -> None:
    paper = examples.receipt()
    text = text_of(render_html(paper))
    assert f"咨询电话{examples.CONTACT}" in text

    without = text_of(render_html(dataclasses.replace(paper, contact="")))
    assert "咨询电话" not in without


def test_without_a_progress_page_the_qr_code_holds_the_number_and_the_paper_says_so() -> None:
    paper = examples.receipt()
    assert paper.header.progress_url == ""
    assert qr_payload("", paper.case.case_no) == paper.case.case_no

    text = text_of(render_html(paper))
    assert "右上角二维码的内容即办件编号" in text
    assert "扫描右上角二维码" not in text


def test_with_a_progress_page_the_qr_code_holds_its_address() -> None:
    url = "https://zwfw.example.gov.cn/progress?no={case_no}"
    header = dataclasses.replace(examples.HEADER, progress_url=url)
    paper = dataclasses.replace(
        examples.receipt(), header=header, progress_lookup=progress_lookup(url)
    )

    assert qr_payload(url, paper.case.case_no) == (
        "https://zwfw.example.gov.cn/progress?no=" + paper.case.case_no.replace("-", "")
    )
    html = render_html(paper)
    assert qr_data_uri(qr_payload(url, paper.case.case_no)) in html
    assert "扫描右上角二维码" in text_of(html)
