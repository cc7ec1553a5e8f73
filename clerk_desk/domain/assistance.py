"""帮办 and 代办: how a case was brought in when staff helped, and who helped.

Both are free and voluntary, and the applicant stays the 申报主体. 帮办 (assisted): staff fill
the application in with the visitor present, usually in the guided intake. 代办 (proxy):
staff act for the applicant on a signed 代办服务委托书; the case links to that 代办 record
(:mod:`clerk_desk.domain.proxy`). A case's assistance is set while it is a draft and never
changes afterwards (the platform derives it from the submitted document only).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg


class AssistanceKind(StrEnum):
    NONE = "none"
    ASSISTED = "assisted"  # 帮办
    PROXY = "proxy"  # 代办


ASSISTANCE_LABELS = {
    AssistanceKind.NONE: QT_TRANSLATE_NOOP("core", "Self-service"),  # 自行办理
    AssistanceKind.ASSISTED: QT_TRANSLATE_NOOP("core", "Assisted (帮办)"),  # 帮办
    AssistanceKind.PROXY: QT_TRANSLATE_NOOP("core", "Proxy (代办)"),  # 代办
}


class AssistanceReason(StrEnum):
    """Why the visitor is helped; recorded for the hall's 适老化 and 帮代办 figures."""

    ELDERLY = "elderly"  # 老年人
    DISABLED = "disabled"  # 残疾人
    ILL = "ill"  # 患病或行动不便
    UNFAMILIAR = "unfamiliar"  # 不熟悉办事流程或填表
    ENTERPRISE = "enterprise"  # 企业
    OTHER = "other"  # 其他


REASON_LABELS = {
    AssistanceReason.ELDERLY: QT_TRANSLATE_NOOP("core", "Elderly visitor"),
    AssistanceReason.DISABLED: QT_TRANSLATE_NOOP("core", "Visitor with a disability"),
    AssistanceReason.ILL: QT_TRANSLATE_NOOP("core", "Ill or cannot move about easily"),
    AssistanceReason.UNFAMILIAR: QT_TRANSLATE_NOOP("core", "Not at ease with forms"),
    AssistanceReason.ENTERPRISE: QT_TRANSLATE_NOOP("core", "Enterprise"),
    AssistanceReason.OTHER: QT_TRANSLATE_NOOP("core", "Other"),
}


@dataclass(frozen=True)
class Assistance:
    """``helper`` is the staff member's username, ``helper_name`` their name as printed;
    ``proxy_uuid`` / ``proxy_no`` name the 代办 record a proxy case belongs to."""

    kind: AssistanceKind = AssistanceKind.NONE
    helper: str = ""
    helper_name: str = ""
    reason: str = ""
    proxy_uuid: str = ""
    proxy_no: str = ""

    @property
    def helped(self) -> bool:
        return self.kind is not AssistanceKind.NONE

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "kind": str(self.kind)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Assistance:
        if not data:
            return cls()
        return cls(**{**data, "kind": AssistanceKind(data.get("kind", AssistanceKind.NONE))})


def assistance_problems(assistance: Assistance) -> list[Message]:
    """What makes a recorded assistance unusable: who helped, and for 代办 which record."""
    problems: list[Message] = []
    if assistance.kind is AssistanceKind.NONE:
        if assistance.helper or assistance.proxy_uuid:
            problems.append(
                msg(QT_TRANSLATE_NOOP("core", "A case without assistance names no helper"))
            )
        return problems
    if not assistance.helper.strip():
        problems.append(
            msg(QT_TRANSLATE_NOOP("core", "Choose the staff member who helps the applicant"))
        )
    if assistance.reason and assistance.reason not in set(AssistanceReason):
        problems.append(
            msg(
                QT_TRANSLATE_NOOP("core", "Unknown reason for assistance: {reason}"),
                reason=assistance.reason,
            )
        )
    if assistance.kind is AssistanceKind.PROXY and not assistance.proxy_uuid:
        problems.append(msg(QT_TRANSLATE_NOOP("core", "A 代办 case must belong to a 代办 record")))
    if assistance.kind is AssistanceKind.ASSISTED and assistance.proxy_uuid:
        problems.append(
            msg(QT_TRANSLATE_NOOP("core", "A 帮办 case does not belong to a 代办 record"))
        )
    return problems
