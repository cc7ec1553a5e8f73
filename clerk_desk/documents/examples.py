"""One realistic example of every paper, shared by the tests and ``tools/render_papers.py``.

Items, materials and 受理标准 are those of ``resources/catalog/demo_catalog.json``; people,
numbers and the case numbers are invented. The bundle 开办餐饮店 (个体工商户设立登记 +
食品经营许可（新办）) is accepted on Friday 2026-11-27 with 5 promised working days, so the
committed deadline is 2026-12-04.
"""

from __future__ import annotations

from datetime import date, datetime

from clerk_desk.documents.papers import (
    Applicant,
    CaseHead,
    Deadline,
    DefectLine,
    GapLine,
    GapNoticePaper,
    GapPromisePaper,
    HandoverPaper,
    InformedPromisePaper,
    ItemLine,
    MaterialLine,
    MissingNoticePaper,
    Paper,
    PaperHeader,
    PromiseLine,
    ReceiptPaper,
    RejectionPaper,
)
from clerk_desk.documents.qr import progress_lookup
from clerk_desk.domain.case_number import display_case_no, make_case_no


def _number(window: int, sequence: int) -> str:
    """A case number as the desk issues it (centre 340100, 2026-11-27), grouped for print."""
    return display_case_no(make_case_no("340100", date(2026, 11, 27), window, sequence))


HEADER = PaperHeader(
    centre_name="合肥市政务服务中心（演示）",
    window="3号窗口（企业开办）",
    clerk="王芳",
    printed_at=datetime(2026, 11, 27, 10, 18),
)
CONTACT = "0551-12345678（3号窗口）"
MARKET_REGULATION = "合肥市市场监督管理局"
ACCEPTED_ON = date(2026, 11, 27)
DEADLINE = Deadline(date(2026, 12, 4))

SOLE_TRADER = ItemLine(
    "个体工商户设立登记",
    "000142110300",
    "《促进个体工商户发展条例》；《市场主体登记管理条例》第十九条；《市场主体登记管理条例实施细则》第六条。",
)
FOOD_LICENCE = ItemLine(
    "食品经营许可（新办）",
    "000142130101",
    "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）。",
)
LIMITED_COMPANY = ItemLine(
    "企业设立登记（有限责任公司）",
    "000142110200",
    "《市场主体登记管理条例》第十六条、第十九条；《市场主体登记管理条例实施细则》第十八条、第二十五条、第二十六条。",
)
HOUSE_TRANSFER = ItemLine(
    "不动产转移登记（二手房买卖）",
    "000102720502",
    "《不动产登记暂行条例》第十四条、第十六条、第二十条；《不动产登记暂行条例实施细则》。",
)

RESTAURANT_OWNER = Applicant(
    name="陈晓梅",
    id_number_masked="340104********1234",
    phone="139****5678",
)
COMPANY = Applicant(
    name="周明",
    id_number_masked="",
    phone="0551-6543****",
    organisation="合肥味道餐饮管理有限公司",
    credit_code="91340100MA2N7QXK0H",
    agent_name="孙丽",
    agent_id_number_masked="340111********2345",
)

LAYOUT = "与食品经营相适应的主要设备设施布局、操作流程等文件"
FOOD_SAFETY_RULES = "食品安全自查、从业人员健康管理、进货查验记录等食品安全管理制度"

RESTAURANT_CASE = CaseHead(
    case_no=_number(3, 15),
    items=(SOLE_TRADER, FOOD_LICENCE),
    applicant=RESTAURANT_OWNER,
    department=MARKET_REGULATION,
)
RESTAURANT_MATERIALS = (
    MaterialLine("个体工商户登记（备案）申请书", "原件", 1),
    MaterialLine("经营者居民身份证", "核验原件", 0, "原件核验后当场退还"),
    MaterialLine("经营场所使用证明", "复印件", 1, "租赁合同复印件"),
    MaterialLine("食品经营许可申请书", "原件", 1),
    MaterialLine(LAYOUT, "原件", 1),
    MaterialLine(FOOD_SAFETY_RULES, "原件", 1),
    MaterialLine("营业执照", "电子", 0, "本次一并办理，核发后从电子证照库调取"),
)
HANDED_OVER = tuple(material for material in RESTAURANT_MATERIALS if material.copies)

COMPANY_GAPS = (
    GapLine(LAYOUT, "原件", "到窗口现场提交或寄递至3号窗口"),
    GapLine(FOOD_SAFETY_RULES, "原件", "到窗口现场提交，或在政务服务网上传扫描件"),
)


def receipt() -> ReceiptPaper:
    return ReceiptPaper(
        header=HEADER,
        case=RESTAURANT_CASE,
        received_at=datetime(2026, 11, 27, 9, 42),
        accepted_on=ACCEPTED_ON,
        promised_days=5,
        committed_deadline=DEADLINE,
        materials=RESTAURANT_MATERIALS,
        pickup_method="窗口领取（本中心一楼3号窗口），或邮政EMS寄递",
        progress_lookup=progress_lookup(HEADER.progress_url),
        contact=CONTACT,
    )


def missing_notice() -> MissingNoticePaper:
    return MissingNoticePaper(
        header=PaperHeader(
            centre_name=HEADER.centre_name,
            window="7号窗口（不动产登记）",
            clerk="赵磊",
            printed_at=datetime(2026, 11, 27, 14, 5),
        ),
        case=CaseHead(
            case_no=_number(7, 31),
            items=(HOUSE_TRANSFER,),
            applicant=Applicant(
                name="刘建国", id_number_masked="340104********1234", phone="138****2468"
            ),
            department="合肥市自然资源和规划局",
        ),
        received_on=ACCEPTED_ON,
        defects=(
            DefectLine(
                "婚姻状况证明",
                "已婚的核对结婚证与配偶身份证明，配偶为共有人的须共同申请或出具同意出售的"
                "书面意见。",
                "申请人已婚，未提供结婚证及配偶同意出售的书面意见。",
            ),
            DefectLine(
                "契税及个人所得税完税凭证",
                "通过税务部门共享核验完税信息，纳税人和房屋坐落与合同一致。",
                "税务共享系统未查询到本套房屋的完税信息，请先到税务窗口完税。",
            ),
        ),
        supplement_by=date(2026, 12, 4),
        contact="0551-12345679（7号窗口）",
    )


def gap_notice() -> GapNoticePaper:
    return GapNoticePaper(
        header=HEADER,
        case=CaseHead(
            case_no=_number(3, 16),
            items=(FOOD_LICENCE,),
            applicant=COMPANY,
            department=MARKET_REGULATION,
        ),
        accepted_on=ACCEPTED_ON,
        gaps=COMPANY_GAPS,
        supplement_by=date(2026, 12, 2),
        committed_deadline=DEADLINE,
        contact=CONTACT,
    )


def gap_promise() -> GapPromisePaper:
    notice = gap_notice()
    return GapPromisePaper(
        header=notice.header,
        case=notice.case,
        gaps=notice.gaps,
        supplement_by=notice.supplement_by,
    )


def informed_promise() -> InformedPromisePaper:
    return InformedPromisePaper(
        header=HEADER,
        case=CaseHead(
            case_no=_number(3, 17),
            items=(LIMITED_COMPANY,),
            applicant=COMPANY,
            department=MARKET_REGULATION,
        ),
        promises=(
            PromiseLine(
                "住所（经营场所）使用证明",
                "本单位对申报的住所（经营场所）合肥市蜀山区示例路88号享有合法使用权，房屋"
                "可用于经营，地址与申请书填报一致。",
            ),
        ),
        verification="登记机关自作出登记决定之日起30日内，通过不动产登记信息共享核查，"
        "必要时实地核查，最迟于2026年12月04日前完成。",
    )


def rejection() -> RejectionPaper:
    return RejectionPaper(
        header=HEADER,
        case=CaseHead(
            case_no=_number(3, 18),
            items=(FOOD_LICENCE,),
            applicant=RESTAURANT_OWNER,
            department=MARKET_REGULATION,
        ),
        received_on=ACCEPTED_ON,
        decided_on=ACCEPTED_ON,
        reason="申请人仅销售预包装食品，依法实行备案管理，不需要取得食品经营许可",
        legal_basis="《中华人民共和国行政许可法》第三十二条第一款第（一）项、"
        "《中华人民共和国食品安全法》第三十五条",
        review_body="合肥市人民政府",
        court="有管辖权的人民法院",
        competent_authority="",
    )


def handover() -> HandoverPaper:
    return HandoverPaper(
        header=HEADER,
        case=RESTAURANT_CASE,
        materials=HANDED_OVER,
        committed_deadline=DEADLINE,
    )


def all_examples() -> dict[str, Paper]:
    """Every example paper by a file-name-friendly key."""
    return {
        "receipt": receipt(),
        "missing_notice": missing_notice(),
        "gap_notice": gap_notice(),
        "gap_promise": gap_promise(),
        "informed_promise": informed_promise(),
        "rejection": rejection(),
        "handover": handover(),
    }
