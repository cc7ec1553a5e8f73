"""好差评: the visitor's rating of one service contact (一次一评), as the desk and platform hold it.

Levels are stored by name (the national names, 非常满意 … 非常不满意) and turned into the
platform's numeric code only at the sync boundary: GB/T 39046 counts 1 = 非常满意 … 5 =
非常不满意, some provinces the other way round, so the order is configuration
(:class:`CodeOrder`), never an assumption in stored data.

A rating is immutable once recorded; a supervisor's strike (申诉复核) is a follow-up step kept
beside it (:mod:`clerk_desk.domain.followups`), not a change to it. Pure data, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from clerk_desk.i18n import QT_TRANSLATE_NOOP

CHANNEL = "政务大厅其他终端"  # 评价渠道 of a hall's customer display (GB/T 39046 table 9)
COMMENT_MAX = 500  # 文字评价, characters
REASONS_MAX = 10  # reasons one rating may pick
RATING_TIMEOUT_SECONDS_DEFAULT = 180  # how long the display waits for the visitor


class RatingLevel(StrEnum):
    """满意度, best first (GB/T 39046's order)."""

    VERY_SATISFIED = "非常满意"
    SATISFIED = "满意"
    BASIC = "基本满意"
    DISSATISFIED = "不满意"
    VERY_DISSATISFIED = "非常不满意"


LEVELS: tuple[RatingLevel, ...] = tuple(RatingLevel)
POOR_LEVELS = frozenset({RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED})
"""差评: a rating at one of these levels opens a follow-up."""


class CodeOrder(StrEnum):
    """How the platform numbers the levels."""

    NATIONAL = "national"  # 1 = 非常满意 … 5 = 非常不满意 (GB/T 39046)
    REVERSED = "reversed"  # 1 = 非常不满意 … 5 = 非常满意


class RatingCodeError(ValueError):
    """A code or order the mapping does not know (a platform reply to refuse)."""


def level_code(level: RatingLevel, order: CodeOrder | str) -> int:
    """The platform's code for ``level``."""
    position = LEVELS.index(RatingLevel(level)) + 1
    return position if CodeOrder(order) is CodeOrder.NATIONAL else len(LEVELS) + 1 - position


def level_from_code(code: object, order: CodeOrder | str) -> RatingLevel:
    """The level the platform's ``code`` stands for; :class:`RatingCodeError` if none."""
    if isinstance(code, bool) or not isinstance(code, int) or not 1 <= code <= len(LEVELS):
        raise RatingCodeError(f"rating code {code!r} is not 1 to {len(LEVELS)}")
    try:
        national = code if CodeOrder(order) is CodeOrder.NATIONAL else len(LEVELS) + 1 - code
    except ValueError as error:
        raise RatingCodeError(f"unknown rating code order {order!r}") from error
    return LEVELS[national - 1]


class ContactKind(StrEnum):
    """A service contact that is rated once: the four a hall has."""

    INTAKE = "intake"  # 受理 (any intake decision: 受理, 容缺受理, 一次告知, 不予受理)
    HANDOVER = "handover"  # 出件 at the window
    ASSISTED = "assisted"  # 帮办
    PROXY = "proxy"  # 代办


CONTACT_LABELS = {
    ContactKind.INTAKE: QT_TRANSLATE_NOOP("core", "Intake"),  # 受理
    ContactKind.HANDOVER: QT_TRANSLATE_NOOP("core", "Hand-over"),  # 出件
    ContactKind.ASSISTED: QT_TRANSLATE_NOOP("core", "Assisted service"),  # 帮办
    ContactKind.PROXY: QT_TRANSLATE_NOOP("core", "Proxy service"),  # 代办
}


class ContactState(StrEnum):
    OPEN = "open"  # the display is asking
    RATED = "rated"
    UNRATED = "unrated"  # the visitor walked away (or the next visitor came)


class RatingOrigin(StrEnum):
    ACTIVE = "active"  # pressed by the visitor
    DEFAULT = "default"  # the platform's rule for a contact left unrated (e.g. 7 days)


@dataclass(frozen=True)
class Reason:
    code: str
    text: str


@dataclass(frozen=True)
class ReasonList:
    """The reasons offered per level: versioned, published by the platform, never edited here."""

    version: int
    reasons: dict[RatingLevel, tuple[Reason, ...]]

    def for_level(self, level: RatingLevel) -> tuple[Reason, ...]:
        return self.reasons.get(level, ())

    def find(self, level: RatingLevel, code: str) -> Reason | None:
        return next((r for r in self.for_level(level) if r.code == code), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "reasons": {
                str(level): [{"code": r.code, "text": r.text} for r in self.for_level(level)]
                for level in LEVELS
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReasonList:
        reasons = {
            RatingLevel(level): tuple(Reason(str(r["code"]), str(r["text"])) for r in items)
            for level, items in dict(data.get("reasons", {})).items()
        }
        return cls(int(data["version"]), reasons)


_GOOD = (
    Reason("G01", "办事效率高"),
    Reason("G02", "服务态度好"),
    Reason("G03", "一次告知清楚"),
    Reason("G04", "一次办成，不用多跑"),
    Reason("G05", "指引清晰，材料简便"),
)
_FAIR = (
    Reason("F01", "等候时间较长"),
    Reason("F02", "材料要求说明不够清楚"),
    Reason("F03", "办理流程较复杂"),
)
_POOR = (
    Reason("P01", "等候时间过长"),
    Reason("P02", "服务态度差"),
    Reason("P03", "一次告知不清，多次跑腿"),
    Reason("P04", "要求提供目录以外的材料"),
    Reason("P05", "超过承诺时限办理"),
    Reason("P06", "办事指南与实际不符"),
)
DEFAULT_REASONS = ReasonList(
    version=1,
    reasons={
        RatingLevel.VERY_SATISFIED: _GOOD,
        RatingLevel.SATISFIED: _GOOD,
        RatingLevel.BASIC: _FAIR,
        RatingLevel.DISSATISFIED: _POOR,
        RatingLevel.VERY_DISSATISFIED: _POOR,
    },
)
"""The list shipped for the demo and used until the platform's is pulled."""


@dataclass
class Contact:
    """One service contact at this window, to be rated once (评价次数 ``seq`` within its case)."""

    uuid: str
    case_uuid: str
    case_no: str
    kind: ContactKind
    seq: int
    event_uuid: str  # the event that ended the contact (the decision, the hand-over)
    staff: str  # username of who served
    staff_name: str
    staff_no: str
    window_number: int
    department: str  # who answers for a 差评: the case's lead department
    opened_at: datetime
    expires_at: datetime
    state: ContactState = ContactState.OPEN

    def to_dict(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "case_uuid": self.case_uuid,
            "case_no": self.case_no,
            "kind": str(self.kind),
            "seq": self.seq,
            "event_uuid": self.event_uuid,
            "staff": self.staff,
            "staff_name": self.staff_name,
            "staff_no": self.staff_no,
            "window_number": self.window_number,
            "department": self.department,
            "opened_at": self.opened_at.isoformat(),
            "expires_at": self.expires_at.isoformat(),
        }


@dataclass
class Rating:
    """满意度评价 (GB/T 39046 table 9) of one contact. ``rater_*`` only reach the roles that
    handle a 差评; elsewhere they are empty."""

    uuid: str
    contact_uuid: str
    case_uuid: str
    case_no: str
    contact_kind: ContactKind
    seq: int
    staff: str
    staff_name: str
    window_number: int
    department: str
    rated_at: datetime
    level: RatingLevel
    reasons: tuple[Reason, ...] = ()
    reasons_version: int = DEFAULT_REASONS.version
    comment: str = ""
    origin: RatingOrigin = RatingOrigin.ACTIVE
    channel: str = CHANNEL
    rater_name: str = ""
    rater_phone: str = ""
    struck: bool = False  # a supervisor struck it on appeal (申诉复核); it is kept
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def poor(self) -> bool:
        return self.level in POOR_LEVELS and self.origin is RatingOrigin.ACTIVE

    def to_dict(self, with_rater: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "uuid": self.uuid,
            "contact_uuid": self.contact_uuid,
            "case_uuid": self.case_uuid,
            "case_no": self.case_no,
            "contact": str(self.contact_kind),
            "seq": self.seq,
            "staff": self.staff,
            "staff_name": self.staff_name,
            "window_number": self.window_number,
            "department": self.department,
            "channel": self.channel,
            "rated_at": self.rated_at.isoformat(),
            "level": str(self.level),
            "reasons": [{"code": r.code, "text": r.text} for r in self.reasons],
            "reasons_version": self.reasons_version,
            "comment": self.comment,
            "origin": str(self.origin),
            "struck": self.struck,
        }
        if with_rater:
            data["rater_name"] = self.rater_name
            data["rater_phone"] = self.rater_phone
        return data
