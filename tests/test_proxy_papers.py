"""The papers of a 代办 record, printed to PDF and read back as the applicant reads them.

One record is taken through the real 代办 service of a demo desk (委托, scan, case, 中止,
恢复, 办结, 回访); at each stage the papers that apply are printed from the record and its
cases as stored.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from case_factory import CLERK, SEAL_FILING, Clock, person, proxy_service, write_pdf
from PySide6.QtWidgets import QApplication

from clerk_desk.desk import Desk
from clerk_desk.documents import proxy_examples
from clerk_desk.documents.case_papers import PaperContext
from clerk_desk.documents.proxy_papers import (
    ProxyConclusionPaper,
    ProxyPaper,
    ProxyPaperKind,
    ProxyTerminationPaper,
    papers_for_record,
    proxy_paper,
)
from clerk_desk.documents.qr import qr_data_uri
from clerk_desk.documents.render import render_html
from clerk_desk.domain.case import Applicant, ApplicantKind
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.followups import CallbackOutcome
from clerk_desk.domain.proxy import ProxyRecord, ProxyState
from clerk_desk.domain.roles import Clerk, Role
from ui.printing import render_pdf

MONDAY = datetime(2026, 12, 7, 9, 0)
STAFF = Clerk("clerk", "张晓燕", (Role.INTAKE_CLERK,), "", "A0101")
FREE = "代办服务免费，不收取任何费用"
SUBJECT = "仍为所办事项的申报主体"
KIND = ProxyPaperKind


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def printed(paper: ProxyPaper, folder: Path) -> str:
    """The paper printed to PDF, one page, read back without whitespace."""
    path = folder / f"{type(paper).__name__}.pdf"
    assert render_pdf(render_html(paper), path) == 1
    done = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    )
    return flat(done.stdout)


def html_text(paper: ProxyPaper) -> str:
    html = render_html(paper)
    return flat(re.sub(r"<[^>]+>", "", html[html.index("<body>") :]))


def test_a_proxy_prints_its_papers_from_authorisation_to_call_back(
    qapp: QApplication, demo_desk: Desk, tmp_path: Path
) -> None:
    clock = Clock(MONDAY)
    proxies = proxy_service(demo_desk, clock)
    context = PaperContext("合肥市政务服务中心", "8号窗口", "张晓燕", MONDAY, phone="0551-1234")
    names = {SEAL_FILING: "公章刻制备案"}

    def papers(record: ProxyRecord) -> dict[ProxyPaperKind, str]:
        cases = proxies.cases(record)
        return {
            kind: printed(proxy_paper(kind, record, context, cases, names), tmp_path)
            for kind in papers_for_record(record)
        }

    record = proxies.open(person("王秀英"), "办理公章刻制备案", [SEAL_FILING], STAFF)
    opened = papers(record)
    assert list(opened) == [KIND.AUTHORISATION, KIND.RECEIPT]
    authorisation, receipt = opened.values()
    assert "代办服务委托书" in authorisation and f"代办编号：{record.number}" in authorisation
    assert "本人自愿委托合肥市政务服务中心代办员张晓燕代为办理上述事项" in authorisation
    assert "本人仍是上述事项的申报主体" in authorisation
    assert "代办服务免费，本中心及代办员不收取任何费用" in authorisation
    assert "委托人（签名或盖章）：" in authorisation and "代办员（签名）：" in authorisation
    assert "公章刻制备案（事项编码000042810600）" in authorisation
    assert "340104********" in authorisation and record.applicant.id_number not in authorisation
    assert "138****5678" in authorisation
    assert "代办受理单" in receipt and "委托书待签署后存档" in receipt
    assert f"承诺于{record.due_on:%Y年%m月%d日}前办结" in receipt
    assert FREE in receipt and SUBJECT in receipt
    assert "0551-1234（8号窗口）" in receipt

    record = proxies.attach_authorisation(record.uuid, write_pdf(tmp_path, "委托书.pdf"), CLERK)
    case = proxies.start_case(record.uuid, [], STAFF)
    record = proxies.pause(record.uuid, "申请人住院，待出院后补签", CLERK)
    paused = papers(proxies.record(record.uuid))
    assert list(paused) == [KIND.AUTHORISATION, KIND.RECEIPT, KIND.PAUSE]
    assert "委托书已签署并存档" in paused[KIND.RECEIPT]
    pause = paused[KIND.PAUSE]
    assert "代办中止单" in pause and "中止原因申请人住院，待出院后补签" in pause
    assert "预计恢复日期中止原因消除后恢复，届时另行告知" in pause
    assert "草稿（未编号）公章刻制备案草稿" in pause  # the case started, still a draft

    proxies.resume(record.uuid, CLERK)
    demo_desk.intake.reject(case, CLERK, "不属于本中心受理范围")
    clock.now = MONDAY + timedelta(hours=3)
    record = proxies.conclude(record.uuid, CLERK, "已告知申请人结果")
    ended = papers(record)
    assert list(ended) == [KIND.RECEIPT, KIND.END]  # nothing left to sign
    end = ended[KIND.END]
    stored = demo_desk.intake.case(case.uuid)
    assert stored is not None and stored.case_no is not None
    assert "代办办结单" in end and "办结说明已告知申请人结果" in end
    assert f"{display_case_no(stored.case_no)}公章刻制备案" in end
    assert "2026年12月10日前回访" in end

    record = proxies.call_back(record.uuid, CLERK, CallbackOutcome.UNREACHABLE, "电话无人接听")
    callback = papers(record)[KIND.CALLBACK]
    assert "代办回访记录" in callback and "回访结果联系不上" in callback
    assert "代办结果办结（2026年12月07日12:00）" in callback
    assert "回访人张晓燕" in callback and "回访情况电话无人接听" in callback


def test_the_end_paper_is_chosen_by_the_state_and_gives_the_reason() -> None:
    terminated = proxy_examples.record_at(ProxyState.TERMINATED)
    paper = proxy_paper(KIND.END, terminated, proxy_examples.CONTEXT, ())
    assert isinstance(paper, ProxyTerminationPaper)
    text = html_text(paper)
    assert "代办终止单" in text and f"终止原因{terminated.end_note}" in text
    assert "尚未受理办件" in text and "可以重新委托代办" in text

    concluded = proxy_examples.record_at(ProxyState.CONCLUDED)
    assert isinstance(
        proxy_paper(KIND.END, concluded, proxy_examples.CONTEXT, ()), ProxyConclusionPaper
    )


def test_a_paper_that_does_not_apply_is_refused() -> None:
    record = proxy_examples.OPEN
    for kind in (KIND.PAUSE, KIND.END, KIND.CALLBACK):
        with pytest.raises(ValueError):
            proxy_paper(kind, record, proxy_examples.CONTEXT, ())
    ended = replace(proxy_examples.record_at(ProxyState.TERMINATED), callback=None)
    assert papers_for_record(ended) == [KIND.RECEIPT, KIND.END]


@pytest.mark.parametrize("key", list(proxy_examples.all_examples()))
def test_every_proxy_paper_names_the_record_the_applicant_and_the_staff(key: str) -> None:
    paper = proxy_examples.all_examples()[key]
    html = render_html(paper)
    text = html_text(paper)
    assert f"<title>{paper.title}</title>" in html
    assert f"代办编号：{paper.proxy.number}" in text
    assert qr_data_uri(paper.proxy.number) in html  # the code holds the 代办编号
    assert paper.proxy.applicant.name in text and "340104********1226" in text
    assert f"代办员{paper.proxy.staff_name}" in text
    assert "老年人优待证办理（事项编码000063040100）" in text
    if key != "proxy_callback":  # the call-back record stays at the centre
        assert "免费" in text and "申报主体" in text


def test_an_organisation_is_printed_by_its_credit_code() -> None:
    company = Applicant(
        ApplicantKind.ORGANISATION,
        name="合肥味道餐饮管理有限公司",
        phone="13812345678",
        credit_code="91340100MA2N7QXK0H",
        legal_representative="周明",
    )
    record = replace(proxy_examples.OPEN, applicant=company)
    text = html_text(proxy_paper(KIND.AUTHORISATION, record, proxy_examples.CONTEXT, ()))
    assert "申请单位合肥味道餐饮管理有限公司" in text
    assert "统一社会信用代码91340100MA2N7QXK0H" in text and "法定代表人周明" in text
    assert "身份证件号码" not in text
    assert "本单位自愿委托" in text and "本单位仍是上述事项的申报主体" in text
