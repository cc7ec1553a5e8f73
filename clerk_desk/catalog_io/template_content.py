"""What the blank template holds besides headers: the example item and the 说明 sheet text.

The 说明 lines that list required columns, choices and defaults are generated from the layout
and the domain classes, so they cannot drift from what the importer accepts.
"""

from __future__ import annotations

from dataclasses import MISSING, fields

from clerk_desk.catalog_io.layout import DATA_SHEETS, ITEMS, MATERIALS, NO, YES, Kind, Sheet
from clerk_desk.domain.catalog import Material, ServiceItem, Situation, SituationOption

EXAMPLE_ITEM = ServiceItem(
    basic_code="EXAMPLE00001",
    name="食品经营许可",
    item_type="行政许可",
    department="市场监督管理局",
    window_category="生产经营准入",
    legal_limit_days=20,
    promised_limit_days=10,
    case_kind="承诺件",
    version="2026.1",
    impl_code="EXAMPLE0000100001",
    conditions="已取得营业执照等合法主体资格；具有与经营的食品品种、数量相适应的经营场所。",
    legal_basis="《中华人民共和国食品安全法》第三十五条",
    max_visits=1,
    fee_charged=False,
    result_name="食品经营许可证",
    result_type="证照",
    courier_allowed=True,
    situations=(
        Situation(
            "application",
            "申请类型",
            (
                SituationOption("first", "首次申请"),
                SituationOption("change", "变更"),
                SituationOption("renew", "延续"),
            ),
        ),
        Situation(
            "applicant",
            "由谁办理",
            (SituationOption("self", "本人办理"), SituationOption("agent", "委托代办")),
        ),
    ),
    materials=(
        Material(
            "食品经营许可申请书",
            acceptance_standard="申请人签字或盖章，各栏填写完整",
            instructions="经营项目按《食品经营许可管理办法》分类填写",
            blank_form="食品经营许可申请书.docx",
            sample_form="食品经营许可申请书（示例）.pdf",
        ),
        Material(
            "营业执照",
            form="核验原件",
            source="政府部门核发",
            acceptance_standard="在有效期内，经营范围含食品经营",
            reuse_days=365,
        ),
        Material(
            "食品安全管理制度",
            gap_allowed=True,
            acceptance_standard="包含进货查验、从业人员健康管理等制度",
        ),
        Material(
            "食品经营许可证正本",
            source="政府部门核发",
            acceptance_standard="在有效期内",
            applies_when={"application": ("change", "renew")},
        ),
        Material(
            "授权委托书",
            acceptance_standard="委托人签字或盖章，写明委托事项和期限",
            applies_when={"applicant": ("agent",)},
        ),
        Material(
            "经办人身份证",
            form="复印件",
            acceptance_standard="与原件核对一致",
            applies_when={"applicant": ("agent",)},
        ),
    ),
)


def instruction_rows() -> list[tuple[str, str]]:
    """(topic, explanation) rows of the 说明 sheet, in Chinese like the catalog itself."""
    return [
        (
            "工作表",
            "“事项”每行一个事项；“材料”每行一份申请材料；“情形”每行一个影响材料清单的问题。"
            "材料和情形用“基本编码”指明所属事项，同一事项的材料按行的先后排列。",
        ),
        ("标题行", "各工作表第1行是列标题，请勿改名或删除；列的先后顺序可以调整。第2行起是数据。"),
        (
            "示例",
            "模板中的数据是一个示例事项（基本编码 EXAMPLE00001），导入前请删除或改成真实事项。",
        ),
        ("填写目录版本", "填在本页“目录版本”右侧的格子里；留空时取文件名加文件修改时间。"),
        *(
            (f"必填列（{sheet.title}）", "、".join(c.header for c in sheet.columns if c.required))
            for sheet in DATA_SHEETS
        ),
        *(
            (f"{column.header}（{sheet.title}）", "从下拉列表中选择：" + "、".join(column.choices))
            for sheet in DATA_SHEETS
            for column in sheet.columns
            if column.kind is Kind.CHOICE
        ),
        (
            "是/否列",
            "、".join(c.header for s in DATA_SHEETS for c in s.columns if c.kind is Kind.YES_NO)
            + "：填“是”或“否”。",
        ),
        ("留空时的取值", _defaults_text()),
        (
            "办结时限",
            "法定办结时限、承诺办结时限按工作日计，填0或正整数；0表示即办件。"
            "承诺时限不得超过法定时限；承诺时限为0时办件类型填“即办件”，否则填“承诺件”。",
        ),
        (
            "收费金额(元)",
            "按元填写，保留两位小数，例如80.00；不收费时填0.00或留空。金额大于0时“是否收费”须填“是”。"
            "受理时按办件各事项的收费金额合计应缴费用，缴清后才能发放结果。",
        ),
        (
            "可复用天数（材料）",
            "身份证、营业执照等证件，同一申请人再次办件时可直接复用上次扫描的页面："
            "填自扫描之日起可复用的天数，例如365；填0或留空表示不复用。",
        ),
        ("基本编码", "1至32位字母或数字。为免Excel把编码当作数字，请把编码列设为“文本”格式。"),
        (
            "选项（情形）",
            "写成“选项代码=选项名称”，多个选项用分号隔开，例如：first=首次申请;renew=延续。"
            "每个情形至少两个选项；同一事项内情形代码不能重复。",
        ),
        (
            "适用情形（材料）",
            "写成“情形代码=选项代码”，同一情形的几个选项用逗号隔开，几个情形用分号隔开，"
            "例如：application=change,renew;applicant=agent，表示申请类型为变更或延续、"
            "且由代办人办理时需要这份材料。留空表示任何情形都需要。代码须与“情形”表中的一致；"
            "中文输入法的；＝，也可以。",
        ),
        (
            "整体校验",
            "导入时检查整个文件：只要有一处问题，整个文件都不导入，当前目录保持不变。"
            "程序会列出每个问题所在的工作表、行号、列名和修改方法。",
        ),
        (
            "命令",
            "clerk-desk catalog export-template 模板.xlsx（导出空白模板）；"
            "clerk-desk catalog import 目录.xlsx（导入）；"
            "clerk-desk catalog export 目录.xlsx（导出当前目录）",
        ),
    ]


def _defaults_text() -> str:
    parts: list[str] = []
    for sheet, cls in ((ITEMS, ServiceItem), (MATERIALS, Material)):
        parts.extend(f"{header}为{value}" for header, value in _defaults(sheet, cls))
    return "；".join(parts) + "；其他选填列为空。"


def _defaults(sheet: Sheet, cls: type) -> list[tuple[str, str]]:
    defaults = {f.name: f.default for f in fields(cls) if f.default is not MISSING}
    shown = []
    for column in sheet.columns:
        value = defaults.get(column.field)
        if column.required or value is None or value == "":
            continue
        if isinstance(value, bool):
            value = YES if value else NO
        shown.append((column.header, f"“{value}”"))
    return shown
