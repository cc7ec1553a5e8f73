"""A decided case as its papers: what the desk's settings and the catalog put on them."""

from __future__ import annotations

from datetime import datetime

import pytest
from case_factory import CLERK, FOOD_LICENCE, Clock, intake_service, make_case, mark

from clerk_desk.desk import Desk
from clerk_desk.documents.case_papers import REVIEW_BODY, PaperContext, papers_for
from clerk_desk.documents.papers import GapNoticePaper, ReceiptPaper, RejectionPaper
from clerk_desk.documents.qr import LOOKUP_BY_NUMBER, LOOKUP_BY_URL
from clerk_desk.documents.render import render_html
from clerk_desk.domain.case import Applicant, ApplicantKind, MaterialMark

MONDAY = datetime(2026, 9, 28, 9, 30)
DESIGN = "与食品经营相适应的主要设备设施布局、操作流程等文件"  # 容缺 allowed


def context(**settings: str) -> PaperContext:
    return PaperContext(
        centre_name="合肥市政务服务中心",
        window="3号窗口（企业开办）",
        clerk="王芳",
        printed_at=MONDAY,
        **settings,
    )


def test_the_receipt_carries_the_phone_the_progress_lookup_and_the_pinned_basis(
    demo_desk: Desk,
) -> None:
    service = intake_service(demo_desk, Clock(MONDAY))
    case = service.accept(make_case(service), CLERK)
    item = demo_desk.catalog.item(FOOD_LICENCE)
    assert item is not None and item.legal_basis
    assert case.items[0].legal_basis == item.legal_basis

    papers = papers_for(case, context(phone="0551-12345678"))
    receipt = papers[0]
    assert isinstance(receipt, ReceiptPaper)
    assert receipt.contact == "0551-12345678（3号窗口（企业开办））"
    assert receipt.case.items[0].legal_basis == item.legal_basis
    assert receipt.progress_lookup == LOOKUP_BY_NUMBER
    assert "合肥市政务服务中心3号窗口" not in render_html(receipt)

    url = "https://zwfw.example/p?no={case_no}"
    with_url = papers_for(case, context(progress_url=url))[0]
    assert isinstance(with_url, ReceiptPaper)
    assert with_url.header.progress_url == url
    assert with_url.progress_lookup == LOOKUP_BY_URL
    assert with_url.contact == ""


def test_an_organisation_is_printed_by_its_credit_code(demo_desk: Desk) -> None:
    service = intake_service(demo_desk, Clock(MONDAY))
    organisation = Applicant(
        ApplicantKind.ORGANISATION,
        name="合肥味道餐饮有限公司",
        credit_code="91340100BAA397UYK0",
        legal_representative="王强",
        phone="0551-65123456",
    )
    case = make_case(service, applicant=organisation)
    mark(case, DESIGN, MaterialMark.MISSING)
    offered, _ = service.supplement_dates(case)
    case = service.accept_with_gaps(case, CLERK, offered)

    notice = papers_for(case, context())[0]
    assert isinstance(notice, GapNoticePaper)
    applicant = notice.case.applicant
    assert (applicant.organisation, applicant.credit_code, applicant.name) == (
        "合肥味道餐饮有限公司",
        "91340100BAA397UYK0",
        "王强",
    )
    assert applicant.id_number_masked == "" and applicant.you == "贵单位"
    html = render_html(notice)
    assert "身份证件号码" not in html and "91340100BAA397UYK0" in html


@pytest.mark.parametrize(
    ("centre", "setting", "body"),
    [
        ("合肥市政务服务中心", "", "合肥市人民政府"),
        ("合肥市蜀山区政务服务中心（演示）", "", "合肥市蜀山区人民政府"),
        ("肥西县人民政府政务服务中心", "", "肥西县人民政府"),
        ("合肥市政务服务中心", "安徽省烟草专卖局", "安徽省烟草专卖局"),
        ("综合服务大厅", "", REVIEW_BODY),
    ],
)
def test_the_review_body_is_the_setting_or_the_centres_peoples_government(
    demo_desk: Desk, centre: str, setting: str, body: str
) -> None:
    service = intake_service(demo_desk, Clock(MONDAY))
    case = service.reject(make_case(service), CLERK, "不属于本机关职权范围")
    printing = PaperContext(centre, "3号窗口", "王芳", MONDAY, review_body=setting)

    rejection = papers_for(case, printing, "不属于本机关职权范围")[0]

    assert isinstance(rejection, RejectionPaper)
    assert rejection.review_body == body
