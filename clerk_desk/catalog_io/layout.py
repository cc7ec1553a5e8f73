"""The catalog workbook's layout: its sheets, their Chinese column headers and cell kinds.

Reader, writer and template all follow this one description, so an exported file always
imports again. Columns are found by header text, not position, so a catalog administrator may
reorder them; every column listed here must be present, except an ``optional`` one (added
after workbooks were already in use), whose cells then take the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from clerk_desk.domain.catalog import (
    CASE_KINDS,
    ITEM_TYPES,
    MATERIAL_FORMS,
    MATERIAL_SOURCES,
    NECESSITIES,
    RESULT_TYPES,
    WINDOW_CATEGORIES,
)

HEADER_ROW = 1
FIRST_DATA_ROW = 2

INSTRUCTIONS_SHEET = "说明"
VERSION_LABEL = "目录版本"
YES, NO = "是", "否"


class Kind(Enum):
    TEXT = "text"
    WHOLE_NUMBER = "whole number"
    YES_NO = "yes/no"
    CHOICE = "choice"
    AMOUNT = "amount"
    OPTIONS = "options"
    CONDITIONS = "conditions"


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    width: int = 16
    optional: bool = False

    @property
    def allowed(self) -> tuple[str, ...]:
        """Values a drop-down offers for this column (empty for free text)."""
        if self.kind is Kind.YES_NO:
            return (YES, NO)
        return self.choices


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: tuple[Column, ...]

    def column(self, field: str) -> Column:
        found = self.find(field)
        if found is None:
            raise KeyError(field)
        return found

    def find(self, field: str) -> Column | None:
        return next((column for column in self.columns if column.field == field), None)


LINK_FIELD = "basic_code"
"""Materials and situations name their item by its 基本编码 in a column of this field."""

ITEMS = Sheet(
    "事项",
    (
        Column("基本编码", "basic_code", required=True, width=18),
        Column("事项名称", "name", required=True, width=28),
        Column("事项类型", "item_type", Kind.CHOICE, required=True, choices=ITEM_TYPES),
        Column("实施主体", "department", required=True, width=20),
        Column(
            "窗口类别", "window_category", Kind.CHOICE, required=True, choices=WINDOW_CATEGORIES
        ),
        Column("法定办结时限(工作日)", "legal_limit_days", Kind.WHOLE_NUMBER, required=True),
        Column("承诺办结时限(工作日)", "promised_limit_days", Kind.WHOLE_NUMBER, required=True),
        Column("办件类型", "case_kind", Kind.CHOICE, required=True, choices=CASE_KINDS),
        Column("到办事现场次数", "max_visits", Kind.WHOLE_NUMBER),
        Column("是否收费", "fee_charged", Kind.YES_NO, width=10),
        Column("收费标准", "fee_standard", width=20),
        Column("收费金额(元)", "fee_yuan", Kind.AMOUNT, width=12, optional=True),
        Column("审批结果名称", "result_name", width=20),
        Column("审批结果类型", "result_type", Kind.CHOICE, choices=RESULT_TYPES),
        Column("是否支持物流快递", "courier_allowed", Kind.YES_NO),
        Column("事项版本", "version", required=True),
        Column("实施编码", "impl_code", width=24),
        Column("受理条件", "conditions", width=40),
        Column("设定依据", "legal_basis", width=40),
    ),
)

MATERIALS = Sheet(
    "材料",
    (
        Column("基本编码", LINK_FIELD, required=True, width=18),
        Column("材料名称", "name", required=True, width=28),
        Column("必要性", "necessity", Kind.CHOICE, choices=NECESSITIES, width=10),
        Column("容缺", "gap_allowed", Kind.YES_NO, width=8),
        Column("告知承诺", "promise_allowed", Kind.YES_NO, width=10),
        Column("形式", "form", Kind.CHOICE, choices=MATERIAL_FORMS, width=10),
        Column("份数", "copies", Kind.WHOLE_NUMBER, width=8),
        Column("来源渠道", "source", Kind.CHOICE, choices=MATERIAL_SOURCES),
        Column("受理标准", "acceptance_standard", width=36),
        Column("填报须知", "instructions", width=30),
        Column("空白表格", "blank_form", width=20),
        Column("示例样表", "sample_form", width=20),
        Column("适用情形", "applies_when", Kind.CONDITIONS, width=30),
        Column("可复用天数", "reuse_days", Kind.WHOLE_NUMBER, width=10, optional=True),
    ),
)

SITUATIONS = Sheet(
    "情形",
    (
        Column("基本编码", LINK_FIELD, required=True, width=18),
        Column("情形代码", "key", required=True, width=14),
        Column("问题", "question", required=True, width=20),
        Column("选项", "options", Kind.OPTIONS, required=True, width=40),
    ),
)

DATA_SHEETS = (ITEMS, MATERIALS, SITUATIONS)
