"""The papers of review and output, printed to PDF and read back as the applicant reads them.

Cases are taken in through the real intake service of a demo desk and then go through the
same ``apply_event`` the desk's services and the platform use (route, pause, resume, extend,
approve, deny, 补正, pay, hand-over, ship, deliver); each paper is built from the case as
stored after its event and the event record.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import segno
from case_factory import CLERK, FOOD_LICENCE, Clock, intake_service, make_case
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from clerk_desk.desk import Desk
from clerk_desk.documents import review_examples
from clerk_desk.documents.case_papers import PaperContext, papers_for
from clerk_desk.documents.event_papers import papers_for_event
from clerk_desk.documents.formatting import yuan_in_capitals
from clerk_desk.documents.output_papers import (
    courier_slip,
    delivery_receipt,
    payment_notice,
)
from clerk_desk.documents.papers import Paper, TransferSheetPaper
from clerk_desk.documents.render import render_html
from clerk_desk.documents.review_papers import (
    approval_decision,
    denial_decision,
    deny_remedies,
    extension_notice,
    special_procedure_notice,
    supplement_request,
)
from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case import Agent, Case, CaseEventRecord, MaterialFile, PartState
from clerk_desk.domain.case_effects import apply_event
from clerk_desk.domain.case_states import CaseEvent
from clerk_desk.domain.identity import make_id_number
from clerk_desk.domain.output_rules import payment_code
from clerk_desk.domain.review_rules import route_payload
from ui.printing import render_pdf

KANGXI_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")
ACCEPTED = datetime(2026, 11, 27, 9, 42)  # a Friday; the food licence promises 5 working days
MARKET = "市场监督管理局"
AUTHORITY = "合肥市市场监督管理局"
CONVENIENCE_STORE = ("000142110300", "000142830200", "00016211200Y")  # 开办便利店: two departments
HOUSE_TRANSFER = "000102720502"  # 不动产转移登记（二手房买卖）: courier allowed
LICENCE_NUMBER = "JY23401040012345"
HOUSE_CERTIFICATE = "皖（2026）合肥市不动产权第0123456号"


# Reading a PDF back ------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    """The text without whitespace: a name wrapped in a table cell reads as one string."""
    done = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    )
    return re.sub(r"\s+", "", done.stdout)


def printed(paper: Paper, folder: Path) -> str:
    """The paper printed to PDF and read back: numbered pages, set in the serif CJK face
    (no box, no Japanese fallback), text that copies out as ideographs."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{type(paper).__name__}.pdf"
    pages = render_pdf(render_html(paper), path)
    text = pdf_text(path)
    assert f"第{pages}页共{pages}页" in text
    assert not KANGXI_RADICALS.search(text)
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    names = [line.split()[0] for line in fonts.stdout.splitlines()[2:]]
    assert "NotoSerifCJKsc-Regular" in names and all("Serif" in name for name in names)
    return text


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def printed_codes(path: Path, folder: Path) -> list[list[list[bool]]]:
    """The modules of every QR code in the PDF, read from its 1-bit image masks (no QR
    decoder is installed: they are compared with segno's modules of the expected text)."""
    subprocess.run(["pdfimages", "-png", str(path), str(folder / "img")], check=True)
    codes = []
    for png in sorted(folder.glob("img-*.png")):
        mask = QImage(str(png))
        if mask.depth() != 1:
            continue
        size = mask.width() // 4 - 4  # drawn at scale 4 with a border of 2 modules
        codes.append(
            [
                [
                    mask.pixelColor((2 + col) * 4 + 2, (2 + row) * 4 + 2).lightness() < 128
                    for col in range(size)
                ]
                for row in range(size)
            ]
        )
    return codes


def modules(text: str) -> list[list[bool]]:
    return [[bool(module) for module in row] for row in segno.make_qr(text, error="m").matrix]


# A case going round the loop ---------------------------------------------------------------


@dataclass
class Loop:
    """A case taken in at the window and then moved by events, recorded as the desk does."""

    case: Case
    calendar: WorkCalendar
    events: list[CaseEventRecord] = field(default_factory=list)

    def event(
        self,
        event: CaseEvent,
        at: datetime,
        reason: str = "",
        **payload: Any,
    ) -> CaseEventRecord:
        before = self.case.state
        apply_event(
            self.case, event, payload, reason=reason, at=at, by="reviewer", calendar=self.calendar
        )
        record = CaseEventRecord(
            uuid=str(uuid.uuid4()),
            case_uuid=self.case.uuid,
            seq=len(self.events) + 3,
            event=str(event),
            from_state=before,
            to_state=self.case.state,
            at=at,
            by="reviewer",
            desk_id="desk-test",
            reason=reason,
            payload=payload,
        )
        self.events.append(record)
        return record

    def route(self) -> None:
        self.event(CaseEvent.ROUTE, ACCEPTED, **route_payload(self.case, self.calendar))

    def pause(self) -> CaseEventRecord:
        return self.event(
            CaseEvent.PAUSE,
            datetime(2026, 11, 30, 9, 0),
            "需现场核查经营场所的设施布局与申请材料是否一致",
            department=MARKET,
            kind="检验",
            basis="《食品经营许可和备案管理办法》关于现场核查的规定",
            approved_by="张科长",
            expected_days=3,
        )

    def resume(self) -> CaseEventRecord:
        on = datetime(2026, 12, 3, 15, 0)
        # The event states what the rules compute; 11-30, 12-01 and 12-02 do not count.
        return self.event(
            CaseEvent.RESUME,
            on,
            department=MARKET,
            result="检验合格，设施布局与申请材料一致",
            paused_days=3,
            deadline="2026-12-09",
        )

    def approve(
        self,
        department: str = MARKET,
        result_name: str = "食品经营许可证（正本、副本及电子证照）",
        result_number: str = LICENCE_NUMBER,
    ) -> CaseEventRecord:
        return self.event(
            CaseEvent.APPROVE,
            datetime(2026, 12, 15, 16, 0),
            department=department,
            result_name=result_name,
            result_number=result_number,
            valid_until="2031-12-14",
        )


def context(review_body: str = "", address: str = "") -> PaperContext:
    return PaperContext(
        centre_name="合肥市政务服务中心",
        window="3号窗口（企业开办）",
        clerk="王芳",
        printed_at=datetime(2026, 12, 15, 16, 5),
        phone="0551-12345678",
        review_body=review_body,
        address=address,
    )


def taken_in(desk: Desk, codes: tuple[str, ...] = (FOOD_LICENCE,), **answers: str) -> Loop:
    service = intake_service(desk, Clock(ACCEPTED))
    case = make_case(service, codes, answers={"applicant": "self", **answers})
    for material in case.materials:
        material.received_copies = material.copies  # as the checklist does when ticked
    case = service.accept(case, CLERK)
    loop = Loop(case, service.work_calendar())
    if not case.parts:  # routed in the same step once the review service does it
        loop.route()
    return loop


@pytest.fixture
def food(demo_desk: Desk) -> Iterator[Loop]:
    yield taken_in(demo_desk, procedure="general")


# The examples: every paper prints whole ----------------------------------------------------


@pytest.mark.parametrize("key", list(review_examples.all_examples()))
def test_every_example_prints_its_title_case_and_applicant(
    qapp: QApplication, tmp_path: Path, key: str
) -> None:
    paper = review_examples.all_examples()[key]

    text = printed(paper, tmp_path)

    assert paper.title in text
    assert paper.case.case_no in text
    for item in paper.case.items:
        assert flat(item.name) in text
    assert paper.case.applicant.name in text
    assert paper.case.applicant.id_number_masked in text
    assert paper.header.centre_name in text


# 材料流转单 -----------------------------------------------------------------------------------


def test_a_case_of_two_departments_hands_over_a_transfer_sheet_to_each(
    qapp: QApplication, demo_desk: Desk, tmp_path: Path
) -> None:
    loop = taken_in(demo_desk, CONVENIENCE_STORE)
    case = loop.case
    assert [part.department for part in case.parts] == [MARKET, "烟草专卖局"]
    form = next(m for m in case.materials if m.name == "个体工商户登记（备案）申请书")
    added = datetime(2026, 11, 27, 9, 40)
    form.files = tuple(
        MaterialFile(f"{n:064x}", f"第{n}页.jpg", 1000, "image/jpeg", added) for n in (1, 2)
    )

    papers = papers_for(case, context())
    sheets = [paper for paper in papers if isinstance(paper, TransferSheetPaper)]

    assert [sheet.to_department for sheet in sheets] == [AUTHORITY, "合肥市烟草专卖局"]
    assert not any(paper.title == "材料接收清单" for paper in papers)
    market, tobacco = (printed(sheet, tmp_path / str(n)) for n, sheet in enumerate(sheets))
    for department, text, sheet in (("市场", market, sheets[0]), ("烟草", tobacco, sheets[1])):
        assert "材料流转单" in text and department in text
        assert "移出窗口合肥市政务服务中心3号窗口（企业开办）" in text
        assert "本件由2个部门分别审批" in text
        assert "移交人（窗口）：" in text and "时间：_____年___月___日___时___分" in text
        for material in sheet.materials:
            assert flat(material.name) in text
    assert "接收部门合肥市市场监督管理局（牵头部门）" in market
    assert "接收人（合肥市烟草专卖局）：" in tobacco
    assert "1个体工商户登记（备案）申请书原件12" in market  # one copy of two scanned pages
    assert "烟草专卖零售许可证申请表" in tobacco and "烟草专卖零售许可证申请表" not in market
    assert "烟草专卖零售许可证新办" in tobacco
    assert "烟草专卖零售许可证新办" not in market  # only what this department reviews


def test_a_part_decided_before_a_supplement_gets_no_transfer_sheet_again(
    demo_desk: Desk,
) -> None:
    case = taken_in(demo_desk, CONVENIENCE_STORE).case
    case.parts[0].state = PartState.DECIDED  # kept by ``plan_parts`` when routed again

    sheets = [p for p in papers_for(case, context()) if isinstance(p, TransferSheetPaper)]

    assert [sheet.to_department for sheet in sheets] == ["合肥市烟草专卖局"]


# 补正通知书 -----------------------------------------------------------------------------------


def test_supplement_request_lists_the_materials_reason_basis_and_where_to_bring_them(
    qapp: QApplication, food: Loop, tmp_path: Path
) -> None:
    materials = ["经营场所平面图（标明各功能区面积）", "从业人员健康证明"]
    record = food.event(
        CaseEvent.REQUEST_SUPPLEMENT,
        datetime(2026, 11, 30, 10, 0),
        "设备布局图未标明各功能区面积",
        department=MARKET,
        materials=materials,
        basis="《食品经营许可和备案管理办法》关于申请材料的规定",
    )

    printing = context(address="合肥市蜀山区怀宁路1800号")
    paper = supplement_request(food.case, printing, record)
    assert papers_for_event(food.case, printing, record) == [paper]
    text = printed(paper, tmp_path)

    assert "补正通知书" in text
    for number, name in enumerate(materials, start=1):
        assert f"{number}{name}" in text
    assert "补正理由设备布局图未标明各功能区面积" in text
    assert "依据《食品经营许可和备案管理办法》关于申请材料的规定" in text
    assert "审查部门合肥市市场监督管理局" in text
    assert "到合肥市政务服务中心综合窗口（合肥市蜀山区怀宁路1800号）提交" in text
    assert "咨询电话0551-12345678" in text
    assert "盖章处合肥市市场监督管理局（盖章）2026年11月30日" in text


# 特别程序告知书 ------------------------------------------------------------------------------


def test_special_procedure_notice_says_what_how_long_and_that_it_does_not_count(
    qapp: QApplication, food: Loop, tmp_path: Path
) -> None:
    paper = special_procedure_notice(food.case, context(), food.pause())
    text = printed(paper, tmp_path)

    assert "特别程序告知书" in text
    assert (
        "需要进行检验。依据《中华人民共和国行政许可法》第四十五条，检验所需时间不计入审批期限"
        in text
    )
    assert "特别程序种类检验" in text
    assert "预计所需时间3个工作日" in text
    assert "开始日期2026年11月30日" in text
    assert "理由需现场核查经营场所的设施布局与申请材料是否一致" in text
    assert "批准人张科长" in text
    assert "特别程序结果" not in text
    assert "审批期限按实际暂停的工作日顺延" in text


def test_after_the_procedure_the_notice_gives_its_result_and_the_moved_deadline(
    qapp: QApplication, food: Loop, tmp_path: Path
) -> None:
    food.pause()
    paper = special_procedure_notice(food.case, context(), food.resume())
    text = printed(paper, tmp_path)

    assert food.case.part(MARKET).deadline == date(2026, 12, 9)  # type: ignore[union-attr]
    assert "特别程序结果" in text
    assert "结束日期2026年12月03日" in text
    assert "不计入审批期限3个工作日" in text
    assert "结果检验合格，设施布局与申请材料一致" in text
    assert "顺延后的办结期限2026年12月09日" in text
    assert "特别程序种类检验" in text and "开始日期2026年11月30日" in text
    assert "盖章处合肥市市场监督管理局（盖章）2026年12月03日" in text


def test_a_procedure_the_law_does_not_list_cites_the_items_own_rule() -> None:
    paper = review_examples.special_procedure_notice()
    rule = "《烟草专卖许可证管理办法》关于实地核查的规定"
    inspection = dataclasses.replace(paper, kind="实地核查", basis=rule)

    assert paper.law == "《中华人民共和国行政许可法》第四十五条"
    assert inspection.law == rule
    assert f"依据{rule}，实地核查所需时间不计入审批期限" in flat(render_html(inspection))


# 延长审批告知书 ------------------------------------------------------------------------------


def test_extension_notice_gives_the_days_reason_approver_and_new_deadline(
    qapp: QApplication, food: Loop, tmp_path: Path
) -> None:
    food.pause()
    food.resume()
    record = food.event(
        CaseEvent.EXTEND,
        datetime(2026, 12, 8, 11, 0),
        "需组织专家对加工流程进行论证",
        department=MARKET,
        days=5,
        approved_by="陈局长",
        deadline="2026-12-16",
    )

    text = printed(extension_notice(food.case, context(), record), tmp_path)

    assert "延长审批告知书" in text
    assert "因需组织专家对加工流程进行论证，合肥市市场监督管理局不能在5个工作日内作出决定" in text
    assert "《中华人民共和国行政许可法》第四十二条第一款" in text
    assert "审批期限延长5个工作日，办结期限延至2026年12月16日" in text
    assert "延长后的办结期限2026年12月16日" in text
    assert "批准人陈局长" in text
    assert "（暂定）" not in text


# 准予 / 不予许可决定书 -------------------------------------------------------------------------


def test_approval_decision_gives_the_licence_its_number_validity_and_the_seal(
    qapp: QApplication, food: Loop, tmp_path: Path
) -> None:
    food.approve()

    text = printed(approval_decision(food.case, context(), MARKET), tmp_path)

    assert "准予许可决定书" in text
    assert "本机关决定准予行政许可" in text
    assert "许可结果食品经营许可证（正本、副本及电子证照）" in text
    assert f"证照编号{LICENCE_NUMBER}" in text
    assert "有效期至2031年12月14日" in text
    assert "决定机关合肥市市场监督管理局" in text
    assert "决定日期2026年12月15日" in text
    assert "设定依据《中华人民共和国食品安全法》第三十五条" in text
    assert "十日内向您颁发、送达" in text
    assert "到合肥市政务服务中心综合窗口领取，或申请邮寄送达" in text
    assert "盖章处合肥市市场监督管理局（行政许可专用章）2026年12月15日" in text


@pytest.mark.parametrize(
    ("setting", "body"), [("", "合肥市人民政府"), ("安徽省烟草专卖局", "安徽省烟草专卖局")]
)
def test_denial_decision_gives_the_reasons_and_the_remedies_with_the_review_body(
    qapp: QApplication, food: Loop, tmp_path: Path, setting: str, body: str
) -> None:
    reasons = "经营场所距离旱厕不足25米且无有效防护措施"
    printing = context(review_body=setting)
    addition = "复议和诉讼期间，本决定不停止执行。"
    record = food.event(
        CaseEvent.DENY,
        datetime(2026, 12, 15, 16, 0),
        reasons,
        department=MARKET,
        remedies=deny_remedies(food.case, printing) + addition,  # as the form offers them
    )

    paper = denial_decision(food.case, printing, MARKET)
    assert papers_for_event(food.case, printing, record) == [paper]
    text = printed(paper, tmp_path)

    assert "不予许可决定书" in text
    assert f"经审查：{reasons}。依据《中华人民共和国行政许可法》第三十八条第二款" in text
    assert f"不予许可理由{reasons}" in text
    assert (
        "您如对本决定不服，可以自知道或者应当知道本决定之日起六十日内，依照《中华人民共和国"
        f"行政复议法》第二十条的规定，向{body}申请行政复议"
    ) in text
    assert (
        "自知道或者应当知道本决定之日起六个月内，依照《中华人民共和国行政诉讼法》第四十六条的规定，"
        "直接向有管辖权的人民法院提起行政诉讼"
    ) in text
    assert text.count("申请行政复议") == 1  # the wording offered is not printed twice
    assert text.index("第八十七条") < text.index(addition)
    assert "盖章处合肥市市场监督管理局（行政许可专用章）2026年12月15日" in text


def test_a_decision_needs_its_outcome(food: Loop) -> None:
    food.approve()

    with pytest.raises(ValueError, match="not denied"):
        denial_decision(food.case, context(), MARKET)


# 缴款通知书 -----------------------------------------------------------------------------------


def fee_case(desk: Desk, fee: str = "80.00") -> Loop:
    loop = taken_in(desk, (HOUSE_TRANSFER,), marital="single")
    case = loop.case
    case.items = [dataclasses.replace(item, fee_yuan=fee) for item in case.items]
    case.fee_due = fee  # as acceptance sets it from the items' fees
    return loop


def test_payment_notice_gives_the_amount_in_figures_and_capitals_and_the_code(
    qapp: QApplication, demo_desk: Desk, tmp_path: Path
) -> None:
    case = fee_case(demo_desk).case
    assert case.case_no is not None
    paper = payment_notice(case, context())
    path = tmp_path / "payment.pdf"

    render_pdf(render_html(paper), path)
    text = pdf_text(path)

    code = payment_code(case.case_no)
    assert paper.payment_code == code
    assert "缴款通知书" in text
    assert "1不动产转移登记（二手房买卖）80.00" in text
    assert "合计（小写）¥80.00" in text
    assert "合计（大写）人民币捌拾元整" in text
    assert "收费单位合肥市自然资源和规划局" in text
    assert f"缴款码{code}" in text
    assert "现金或银行卡" in text
    assert modules(code) in printed_codes(path, tmp_path)


def test_payment_notice_asks_only_what_is_still_due(demo_desk: Desk) -> None:
    loop = fee_case(demo_desk, "550.00")

    paper = payment_notice(loop.case, context())

    assert (paper.amount, paper.amount_in_capitals) == ("550.00", "伍佰伍拾元整")


@pytest.mark.parametrize(
    ("amount", "capitals"),
    [
        ("80.00", "捌拾元整"),
        ("10.00", "壹拾元整"),
        ("10.50", "壹拾元伍角"),
        ("1050.02", "壹仟零伍拾元零贰分"),
        ("100500.00", "壹拾万零伍佰元整"),
        ("107000.53", "壹拾万柒仟元伍角叁分"),
        ("0.00", "零元整"),
        ("100010000.00", "壹亿零壹万元整"),
    ],
)
def test_amounts_in_capitals(amount: str, capitals: str) -> None:
    assert yuan_in_capitals(Decimal(amount)) == capitals


# 送达回证 / 邮寄单 ----------------------------------------------------------------------------


def ready(loop: Loop) -> None:
    loop.approve()
    loop.event(CaseEvent.RESULT_READY, datetime(2026, 12, 16, 9, 0))


def test_delivery_receipt_names_the_documents_and_masks_the_collectors_id(
    qapp: QApplication, food: Loop, tmp_path: Path
) -> None:
    ready(food)
    applicant_id = food.case.applicant.id_number
    food.event(
        CaseEvent.HAND_OVER,
        datetime(2026, 12, 17, 10, 38),
        collector_name=food.case.applicant.name,
        collector_id_number=applicant_id,
        e_licence_number="340100-SPJY-2026-0012345",
    )

    text = printed(delivery_receipt(food.case, context()), tmp_path)

    assert "送达回证" in text
    assert "准予许可决定书（合肥市市场监督管理局）" in text
    assert f"食品经营许可证（正本、副本及电子证照）（编号：{LICENCE_NUMBER}）" in text
    assert "送达方式窗口领取" in text
    assert "送达时间2026年12月17日10:38" in text
    assert f"签收人{food.case.applicant.name}" in text
    assert f"证件号码{applicant_id[:6]}********{applicant_id[-4:]}" in text
    assert applicant_id not in text
    assert "与受送达人关系本人" in text
    assert "电子证照编号340100-SPJY-2026-0012345" in text
    assert "受送达人（签名或盖章）：" in text and "送达人：" in text


def test_an_agent_collects_with_an_authorisation(food: Loop) -> None:
    ready(food)
    agent_id = make_id_number("340111", date(1985, 3, 2), 7)
    food.case.agent = Agent(name="孙丽", id_number=agent_id)
    added = datetime(2026, 12, 17, 10, 30)
    food.event(
        CaseEvent.HAND_OVER,
        datetime(2026, 12, 17, 10, 38),
        collector_name="孙丽",
        collector_id_number=agent_id,
        collector_is_agent=True,
        authorisation=MaterialFile(
            "a" * 64, "授权委托书.pdf", 100, "application/pdf", added
        ).to_dict(),
    )

    paper = delivery_receipt(food.case, context())

    assert paper.collector_relation == "代理人（凭授权委托书代收）"
    assert paper.collector_id_masked == f"{agent_id[:6]}********{agent_id[-4:]}"


def test_a_receipt_printed_before_the_hand_over_leaves_the_lines_for_the_pen(
    food: Loop,
) -> None:
    ready(food)

    text = flat(render_html(delivery_receipt(food.case, context())))

    assert "□窗口领取" in text and "□邮寄送达" in text
    assert "______年____月____日____时____分" in text


def test_courier_slip_prints_the_phone_and_address_in_full_and_the_id_masked(
    qapp: QApplication, demo_desk: Desk, tmp_path: Path
) -> None:
    loop = fee_case(demo_desk)
    case = loop.case
    loop.approve(case.parts[0].department, "不动产权证书", HOUSE_CERTIFICATE)
    loop.event(CaseEvent.RESULT_READY, datetime(2026, 12, 16, 9, 0))
    loop.event(
        CaseEvent.PAY,
        datetime(2026, 12, 16, 9, 30),
        number="JK-0001",
        method="card",
        amount="80.00",
        payer=case.applicant.name,
    )
    shipped = loop.event(
        CaseEvent.SHIP,
        datetime(2026, 12, 17, 10, 0),
        recipient=case.applicant.name,
        address="安徽省合肥市包河区示例路66号3栋502室",
        phone="138 1234 2468",
        company="中国邮政速递物流（EMS）",
        tracking_number="1100123456789",
    )

    printing = context(address="合肥市蜀山区怀宁路1800号")
    assert papers_for_event(case, printing, shipped) == [courier_slip(case, printing)]
    slip = printed(courier_slip(case, printing), tmp_path)

    assert "邮寄单" in slip
    assert "寄件单位合肥市政务服务中心" in slip
    assert "寄件地址合肥市蜀山区怀宁路1800号" in slip
    assert f"收件人{case.applicant.name}联系电话13812342468" in slip
    assert "收件地址安徽省合肥市包河区示例路66号3栋502室" in slip
    assert "快递公司中国邮政速递物流（EMS）物流单号1100123456789" in slip
    assert (
        f"内件准予许可决定书（合肥市自然资源和规划局）不动产权证书（编号：{HOUSE_CERTIFICATE}）"
        in slip
    )
    assert case.applicant.id_number not in slip
    assert flat(case.applicant.id_number[:6] + "********" + case.applicant.id_number[-4:]) in slip

    loop.event(CaseEvent.DELIVER, datetime(2026, 12, 18, 14, 5), signed_by=case.applicant.name)
    receipt = printed(delivery_receipt(case, context()), tmp_path / "receipt")
    assert "送达方式邮寄送达（中国邮政速递物流（EMS））" in receipt
    assert "送达时间2026年12月18日14:05" in receipt
    assert "物流单号1100123456789" in receipt
    assert "与受送达人关系本人" in receipt


def test_the_context_comes_from_the_desks_settings(demo_desk: Desk) -> None:
    demo_desk.settings.set("centre_phone", "0551-12345678")
    demo_desk.settings.set("review_body", "安徽省烟草专卖局")
    now = datetime(2026, 12, 15, 16, 5)

    printing = PaperContext.from_settings(
        demo_desk.settings, window="综合出件窗口", clerk="马丽", printed_at=now
    )

    assert printing.centre_name == demo_desk.settings.get("centre_name")
    assert (printing.window, printing.clerk, printing.printed_at) == ("综合出件窗口", "马丽", now)
    assert printing.training  # a demo desk prints training papers
    assert printing.contact == "0551-12345678（综合出件窗口）"
    assert printing.review == "安徽省烟草专卖局"


def test_a_courier_slip_before_shipping_offers_the_applicants_own_phone_and_address(
    demo_desk: Desk,
) -> None:
    case = fee_case(demo_desk).case
    case.applicant.address = "安徽省合肥市蜀山区示例路88号"

    slip = courier_slip(case, context())

    assert (slip.recipient, slip.address) == (case.applicant.name, "安徽省合肥市蜀山区示例路88号")
    assert slip.phone == "13812345678"  # in full, as the courier dials it
    assert (slip.company, slip.tracking_number) == ("", "")
    assert slip.case.applicant.phone == "138****5678"  # the applicant's row stays masked


def test_each_event_prints_the_paper_the_applicant_is_owed(food: Loop) -> None:
    printing = context()

    def titles(record: CaseEventRecord) -> list[str]:
        return [paper.title for paper in papers_for_event(food.case, printing, record)]

    pause = food.pause()
    assert titles(pause) == ["特别程序告知书"]
    assert titles(dataclasses.replace(pause, event="route", payload={})) == ["材料流转单"]
    assert titles(food.resume()) == ["特别程序告知书"]
    extend = food.event(
        CaseEvent.EXTEND,
        datetime(2026, 12, 8, 11, 0),
        "需组织专家论证",
        department=MARKET,
        days=5,
        approved_by="陈局长",
        deadline="2026-12-16",
    )
    assert titles(extend) == ["延长审批告知书"]
    assert titles(food.approve()) == ["准予许可决定书"]
    assert titles(food.event(CaseEvent.RESULT_READY, datetime(2026, 12, 16, 9, 0))) == []
    hand_over = food.event(
        CaseEvent.HAND_OVER,
        datetime(2026, 12, 17, 10, 38),
        collector_name=food.case.applicant.name,
        collector_id_number=food.case.applicant.id_number,
    )
    assert titles(hand_over) == ["送达回证"]
