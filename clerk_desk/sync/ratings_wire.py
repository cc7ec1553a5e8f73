"""好差评 on the wire: what the desk sends and what it accepts from the platform.

The desk stores levels by name; the platform numbers them (:class:`CodeOrder`, the desk's
``rating_code_order`` setting). This module maps at the boundary, both ways, and checks what
comes back, because a platform reply is untrusted: a pulled contact, rating or step is read
into the domain's types here or refused with the reason (:class:`PulledRefused`), which the
puller keeps as a pulled sync problem. A reply that is not even the contract's shape is
:func:`~clerk_desk.sync.client.unreadable_reply` (retried later, never half-applied). Pure
functions, no I/O.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from clerk_desk.domain.followups import FollowUpStep, StepKind, payload_problem
from clerk_desk.domain.limits import NAME_MAX, SHORT_TEXT_MAX
from clerk_desk.domain.ratings import (
    COMMENT_MAX,
    LEVELS,
    REASONS_MAX,
    CodeOrder,
    Contact,
    ContactKind,
    ContactState,
    Rating,
    RatingCodeError,
    RatingLevel,
    RatingOrigin,
    Reason,
    ReasonList,
    level_code,
    level_from_code,
)
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg

CONTACT_KIND, RATING_KIND, STEP_KIND = "contact", "rating", "step"  # kinds of the feed
REASONS_PER_LEVEL_MAX = 100  # more than any list would offer: a bigger one is not believed
REASON_TEXT_MAX = 200
_UUID_MAX = 36
_WHAT = {
    CONTACT_KIND: QT_TRANSLATE_NOOP("core", "service contact"),  # 服务记录
    RATING_KIND: QT_TRANSLATE_NOOP("core", "rating"),  # 评价
    STEP_KIND: QT_TRANSLATE_NOOP("core", "follow-up step"),  # 整改环节
    "reasons": QT_TRANSLATE_NOOP("core", "reasons list"),  # 评价理由清单
}


class PulledRefused(Exception):
    """A pulled row the desk does not store; ``message`` says why (in the UI's language)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


class ReplyMalformed(Exception):
    """Not the contract's shape at all (the caller treats it as an unreadable reply)."""


# Sending ------------------------------------------------------------------------------------


def rating_body(payload: dict[str, Any], order: CodeOrder | str) -> dict[str, Any]:
    """The ``PUT /ratings/{uuid}`` body of an outbox row (which keeps the level's name): the
    level as the platform's code in ``order``, ``struck`` left out."""
    rating = copy.deepcopy(payload["rating"])
    level = RatingLevel(rating.pop("level"))
    rating.pop("struck", None)
    rating["level_code"] = level_code(level, order)
    return {"rating": rating}


def sender_of(kind: str, payload: dict[str, Any]) -> str:
    """Who sends a 好差评 row (their token): who served for a contact or rating, who recorded
    it for a follow-up step."""
    if kind == "followup_step":
        return str(payload["step"]["by"])
    return str(payload[kind]["staff"])


# Pulling ------------------------------------------------------------------------------------


def _refuse(template: str, **params: Any) -> PulledRefused:
    return PulledRefused(msg(template, **params))


def _what(data: dict[str, Any]) -> Message:
    return msg(_WHAT.get(str(data.get("_what")), _WHAT[RATING_KIND]))


def _bad_field(data: dict[str, Any], key: str) -> PulledRefused:
    return _refuse(
        # 平台发来的{what}中字段 {field} 无效，未予保存
        QT_TRANSLATE_NOOP(
            "core", "The platform sent a {what} whose field {field} is not valid; not stored"
        ),
        what=_what(data),
        field=key,
    )


def _text(data: dict[str, Any], key: str, most: int, *, required: bool = True) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or len(value) > most or (required and not value.strip()):
        raise _bad_field(data, key)
    return value


def _int(data: dict[str, Any], key: str, least: int = 0) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise _bad_field(data, key)
    return value


def _when(data: dict[str, Any], key: str) -> datetime:
    value = data.get(key)
    try:
        if not isinstance(value, str) or len(value) > 40:
            raise ValueError(value)
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        raise _bad_field(data, key) from None


def _choice(data: dict[str, Any], key: str, choices: type[Any]) -> Any:
    value = data.get(key)
    try:
        return choices(value)
    except ValueError:
        raise _refuse(
            # 平台发来的{what}字段 {field} 为未知的值“{value}”，未予保存
            QT_TRANSLATE_NOOP(
                "core",
                "The platform sent a {what} whose {field} is the unknown “{value}”; not stored",
            ),
            what=_what(data),
            field=key,
            value=str(value)[:SHORT_TEXT_MAX],
        ) from None


def _tagged(data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _bad_field({"_what": what}, what)
    return {**data, "_what": what}


def contact_from_wire(data: Any) -> Contact:
    """A pulled contact, closed (``unrated``; the puller marks it rated when its rating is
    here): a contact from the platform never opens a rating prompt on this desk."""
    data = _tagged(data, "contact")
    return Contact(
        uuid=_text(data, "uuid", _UUID_MAX),
        case_uuid=_text(data, "case_uuid", _UUID_MAX),
        case_no=_text(data, "case_no", SHORT_TEXT_MAX, required=False),
        kind=_choice(data, "kind", ContactKind),
        seq=_int(data, "seq", 1),
        event_uuid=_text(data, "event_uuid", _UUID_MAX, required=False),
        staff=_text(data, "staff", SHORT_TEXT_MAX),
        staff_name=_text(data, "staff_name", NAME_MAX, required=False),
        staff_no=_text(data, "staff_no", SHORT_TEXT_MAX, required=False),
        window_number=_int(data, "window_number"),
        department=_text(data, "department", NAME_MAX, required=False),
        opened_at=_when(data, "opened_at"),
        expires_at=_when(data, "expires_at"),
        state=ContactState.UNRATED,
    )


def rating_from_wire(data: Any, order: CodeOrder | str) -> Rating:
    """A pulled rating, its ``level_code`` read back into the level's name in ``order``."""
    data = _tagged(data, "rating")
    try:
        level = level_from_code(data.get("level_code"), order)
    except RatingCodeError:
        raise _refuse(
            # 平台发来的评价等级代码“{code}”不在 1 至 5 之间，未予保存
            QT_TRANSLATE_NOOP(
                "core",
                "The platform sent the rating code “{code}”, which is not 1 to 5; not stored",
            ),
            code=str(data.get("level_code"))[:SHORT_TEXT_MAX],
        ) from None
    reasons = data.get("reasons", [])
    if not isinstance(reasons, list) or len(reasons) > REASONS_MAX:
        raise _bad_field({"_what": "rating"}, "reasons")
    return Rating(
        uuid=_text(data, "uuid", _UUID_MAX),
        contact_uuid=_text(data, "contact_uuid", _UUID_MAX),
        case_uuid=_text(data, "case_uuid", _UUID_MAX),
        case_no=_text(data, "case_no", SHORT_TEXT_MAX, required=False),
        contact_kind=_choice(data, "contact", ContactKind),
        seq=_int(data, "seq", 1),
        staff=_text(data, "staff", SHORT_TEXT_MAX),
        staff_name=_text(data, "staff_name", NAME_MAX, required=False),
        window_number=_int(data, "window_number"),
        department=_text(data, "department", NAME_MAX, required=False),
        rated_at=_when(data, "rated_at"),
        level=level,
        reasons=tuple(_reason(item, "rating") for item in reasons),
        reasons_version=_int(data, "reasons_version"),
        comment=_text(data, "comment", COMMENT_MAX, required=False),
        origin=_choice(data, "origin", RatingOrigin),
        channel=_text(data, "channel", NAME_MAX, required=False),
        rater_name=_text(data, "rater_name", NAME_MAX, required=False),
        rater_phone=_text(data, "rater_phone", SHORT_TEXT_MAX, required=False),
    )


def step_from_wire(data: Any) -> FollowUpStep:
    """A pulled follow-up step, its payload checked by the same rule book the desk uses."""
    data = _tagged(data, "step")
    kind = _choice(data, "kind", StepKind)
    payload = data.get("payload")
    if not isinstance(payload, dict):
        raise _bad_field({"_what": "step"}, "payload")
    problem = payload_problem(kind, payload)
    if problem is not None:
        raise PulledRefused(problem)
    return FollowUpStep(
        uuid=_text(data, "uuid", _UUID_MAX),
        rating_uuid=_text(data, "rating_uuid", _UUID_MAX),
        kind=kind,
        by=_text(data, "by", SHORT_TEXT_MAX),
        at=_when(data, "at"),
        payload=dict(payload),
    )


def _reason(item: Any, what: str) -> Reason:
    code = item.get("code") if isinstance(item, dict) else None
    text = item.get("text") if isinstance(item, dict) else None
    if not isinstance(code, str) or not isinstance(text, str) or not code.strip():
        raise _bad_field({"_what": what}, "reasons")
    if len(code) > SHORT_TEXT_MAX or len(text) > REASON_TEXT_MAX:
        raise _bad_field({"_what": what}, "reasons")
    return Reason(code, text)


# The reasons list ---------------------------------------------------------------------------


class OrderMismatch(Exception):
    """The platform numbers the levels in another order than this desk's setting."""

    def __init__(self, platform: str, desk: str) -> None:
        super().__init__(f"platform {platform}, desk {desk}")
        self.platform = platform
        self.desk = desk

    @property
    def message(self) -> Message:
        return msg(
            # 平台的评价等级代码顺序为“{platform}”，本窗口设置为“{desk}”：评价理由清单未更新，
            # 评价暂不上传也不下载。请将设置“rating_code_order”改为与平台一致
            QT_TRANSLATE_NOOP(
                "core",
                "The platform numbers the rating levels in the “{platform}” order, this desk in "
                "the “{desk}” order: the reasons list was not updated and ratings wait. Set "
                "rating_code_order to the platform's order",
            ),
            platform=self.platform,
            desk=self.desk,
        )


def reasons_from_wire(data: dict[str, Any], order: CodeOrder | str) -> ReasonList:
    """``GET /rating-reasons`` read into a list keyed by level name. :class:`OrderMismatch`
    when the platform's ``code_order`` is not ``order``; :class:`ReplyMalformed` for any
    other shape than the contract's."""
    platform_order = data.get("code_order")
    if not isinstance(platform_order, str) or len(platform_order) > SHORT_TEXT_MAX:
        raise ReplyMalformed("code_order")
    if platform_order != str(CodeOrder(order)):
        raise OrderMismatch(platform_order, str(CodeOrder(order)))
    version, by_code = data.get("version"), data.get("reasons")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ReplyMalformed("version")
    if not isinstance(by_code, dict) or set(by_code) - {str(n) for n in range(1, 6)}:
        raise ReplyMalformed("reasons")
    reasons: dict[RatingLevel, tuple[Reason, ...]] = {}
    for code, items in by_code.items():
        if not isinstance(items, list) or len(items) > REASONS_PER_LEVEL_MAX:
            raise ReplyMalformed("reasons")
        try:
            level = level_from_code(int(code), order)
            reasons[level] = tuple(_reason(item, "reasons") for item in items)
        except (RatingCodeError, PulledRefused) as error:
            raise ReplyMalformed("reasons") from error
    return ReasonList(version, {level: reasons[level] for level in LEVELS if level in reasons})


# Messages kept in a pulled problem (JSON): nested messages as their template and values ------


def stored_message(message: Message) -> dict[str, Any]:
    return {
        "template": message.template,
        "params": {
            key: {"message": stored_message(value)} if isinstance(value, Message) else value
            for key, value in message.params.items()
        },
    }


def message_of(stored: dict[str, Any]) -> Message:
    params = {
        key: message_of(value["message"])
        if isinstance(value, dict) and isinstance(value.get("message"), dict)
        else value
        for key, value in dict(stored.get("params") or {}).items()
    }
    return Message(str(stored["template"]), params)
