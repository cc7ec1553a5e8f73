"""What the platform does to ratings on its own (its command line stands in for the rater's
online side and for the provincial rules):

- publish a new version of the reasons list (keyed by the platform's codes, as ``GET
  /rating-reasons`` shows it);
- record a rater's 追评 (``append`` step by the user ``rater``), through the desk's rule book
  (:func:`~clerk_desk.domain.followups.step_problem` with ``from_platform=True``);
- give every contact left unrated for N days a ``default`` rating of 基本满意 (e.g.
  Guangdong's 7 days), counted apart from the visitors' own.

Each is stored in the ratings feed, so every desk of the centre pulls it. A refusal raises
:class:`~platform_sandbox.errors.ApiError` with the reason in Chinese.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from clerk_desk.domain.followups import FollowUpStep, StepKind, step_problem
from clerk_desk.domain.limits import SHORT_TEXT_MAX, TEXT_MAX
from clerk_desk.domain.ratings import (
    CHANNEL,
    LEVELS,
    POOR_LEVELS,
    CodeOrder,
    RatingLevel,
    RatingOrigin,
    Reason,
    ReasonList,
    level_code,
    level_from_code,
)
from platform_sandbox import rating_store
from platform_sandbox.canonical import digest
from platform_sandbox.errors import Problem, conflict, invalid, not_found
from platform_sandbox.messages import PLATFORM_LANGUAGE
from platform_sandbox.platform import Platform

RATER_USER = "rater"
DEFAULT_LEVEL = RatingLevel.BASIC
REASON_TEXT_MAX = 200


def publish_reasons(platform: Platform, data: Any, at: datetime) -> int:
    """Store ``data`` (``{"1": [{"code", "text"}…], …, "5": […]}`` in the platform's codes, or
    a whole ``GET /rating-reasons`` reply, whose ``code_order`` then says how to read its
    codes) as the next version; its number."""
    order = platform.rating_code_order
    if isinstance(data, dict) and isinstance(data.get("reasons"), dict):
        try:
            order = CodeOrder(data.get("code_order", order))
        except ValueError:
            raise invalid(
                [Problem(field="code_order", message="应为national或reversed")], "评价理由清单有误"
            ) from None
        data = data["reasons"]
    reasons = _reason_list(data, order)
    with platform.database.write() as session:
        rating_store.lock_writers(session)
        rating_store.ensure_first(session, at)
        return rating_store.publish(session, reasons, at)


def _reason_list(data: Any, order: CodeOrder) -> ReasonList:
    codes = [str(code) for code in range(1, len(LEVELS) + 1)]
    if not isinstance(data, dict) or not data:
        raise invalid([Problem(field="reasons", message="应为以评价代码“1”至“5”为键的对象")])
    problems = [
        Problem(field=str(key), message="评价代码应为“1”至“5”") for key in data if key not in codes
    ]
    levels: dict[RatingLevel, tuple[Reason, ...]] = {}
    for code in codes:
        items = data.get(code, [])
        if not isinstance(items, list):
            problems.append(Problem(field=code, message="应为理由的数组"))
            continue
        chosen: list[Reason] = []
        for index, item in enumerate(items):
            where = f"{code}[{index}]"
            if not isinstance(item, dict) or set(item) != {"code", "text"}:
                problems.append(Problem(field=where, message='应为{"code", "text"}'))
                continue
            reason_code, text = item["code"], item["text"]
            if (
                not isinstance(reason_code, str)
                or not 0 < len(reason_code.strip()) <= SHORT_TEXT_MAX
            ):
                problems.append(Problem(field=f"{where}.code", message="应为非空的理由代码"))
            elif any(r.code == reason_code for r in chosen):
                problems.append(Problem(field=f"{where}.code", message="同一评价下理由代码重复"))
            elif not isinstance(text, str) or not 0 < len(text.strip()) <= REASON_TEXT_MAX:
                problems.append(
                    Problem(field=f"{where}.text", message=f"应为1至{REASON_TEXT_MAX}个字的理由")
                )
            else:
                chosen.append(Reason(reason_code, text))
        levels[level_from_code(int(code), order)] = tuple(chosen)
    if problems:
        raise invalid(problems, "评价理由清单有误")
    return ReasonList(0, levels)


def append_rating(platform: Platform, rating_uuid: str, text: str, at: datetime) -> int:
    """The rater's 追评 on a 差评: an ``append`` step by ``rater``; the feed seq."""
    text = text.strip()
    with platform.database.write() as session:
        counter = rating_store.lock_writers(session)
        rating = rating_store.rating(session, rating_uuid)
        if rating is None:
            raise not_found(f"找不到评价{rating_uuid}")
        level = level_from_code(rating.level_code, rating.code_order)
        if rating.origin != RatingOrigin.ACTIVE or level not in POOR_LEVELS:
            raise conflict(f"评价{rating_uuid}不是差评（{level}），不能追评")
        steps = rating_store.followup_steps(session, rating_uuid)
        payload = {"text": text}
        problem = step_problem(steps, StepKind.APPEND, payload, (), from_platform=True)
        if problem is not None:
            raise invalid(
                [Problem(field="text", message=problem.render(PLATFORM_LANGUAGE))], "不能追评"
            )
        if len(text) > TEXT_MAX:
            raise invalid([Problem(field="text", message=f"最多{TEXT_MAX}个字")])
        step = FollowUpStep(
            str(uuid.uuid4()), rating_uuid, StepKind.APPEND, RATER_USER, at, payload
        )
        document = step.to_dict()
        rating_store.add_step(session, document, digest(document))
        return rating_store.record_change(
            session,
            counter,
            rating_store.STEP,
            step.uuid,
            rating.centre_code,
            rating.document["department"],
        )


def apply_default_ratings(platform: Platform, days: int, now: datetime) -> int:
    """A ``default`` rating of 基本满意 for every contact opened more than ``days`` days
    before ``now`` that has none; how many were made."""
    order = platform.rating_code_order
    made = 0
    with platform.database.write() as session:
        counter = rating_store.lock_writers(session)
        rating_store.ensure_first(session, now)
        version = rating_store.newest_version(session) or 1
        for contact in rating_store.unrated_contacts(session, now - timedelta(days=days)):
            held = contact.document
            document = {
                "uuid": str(uuid.uuid4()),
                "contact_uuid": contact.uuid,
                "case_uuid": held["case_uuid"],
                "case_no": held["case_no"],
                "contact": held["kind"],
                "seq": held["seq"],
                "staff": held["staff"],
                "staff_name": held["staff_name"],
                "window_number": held["window_number"],
                "department": held["department"],
                "channel": CHANNEL,
                "rated_at": now.isoformat(),
                "level_code": level_code(DEFAULT_LEVEL, order),
                "reasons": [],
                "reasons_version": version,
                "comment": "",
                "origin": str(RatingOrigin.DEFAULT),
                "rater_name": "",
                "rater_phone": "",
            }
            rating_store.add_rating(session, document, contact.centre_code, order, digest(document))
            rating_store.record_change(
                session,
                counter,
                rating_store.RATING,
                document["uuid"],
                contact.centre_code,
                held["department"],
            )
            made += 1
    return made
