"""An example 帮办事项核对单 for ``tools/render_papers.py`` and the tests: an elderly visitor
helped with the food licence; the materials partly brought. Names and numbers invented."""

from __future__ import annotations

from datetime import date

from clerk_desk.documents.assisted_papers import (
    AnswerLine,
    AssistedSummaryPaper,
    MissingLine,
)
from clerk_desk.documents.examples import FOOD_LICENCE, HEADER, RESTAURANT_OWNER
from clerk_desk.documents.papers import CaseHead, MaterialLine


def example() -> AssistedSummaryPaper:
    return AssistedSummaryPaper(
        header=HEADER,
        case=CaseHead("", (FOOD_LICENCE,), RESTAURANT_OWNER, "市场监督管理局"),
        applicant=(
            ("申请人", "陈晓梅"),
            ("居民身份证", "340104195103071234"),
            ("联系电话", "13912345678"),
            ("联系地址", "安徽省合肥市蜀山区长江西路100号3栋201室"),
        ),
        answers=(
            AnswerLine("申请类型", "首次申请"),
            AnswerLine("由谁办理", "本人办理"),
        ),
        brought=(
            MaterialLine("食品经营许可申请书", "原件", 1),
            MaterialLine("营业执照", "核验原件", 1),
            MaterialLine("法定代表人（负责人）身份证明", "复印件", 1),
        ),
        missing=(
            MissingLine("经营场所使用证明", "未带来"),
            MissingLine("与食品经营相适应的主要设备设施布局、操作流程等文件", "容缺，受理后补交"),
        ),
        helper="王芳",
        reason="老年人",
        printed_on=date(2026, 11, 27),
    )
