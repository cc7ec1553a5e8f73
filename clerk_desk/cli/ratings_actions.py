"""What ``clerk-desk ratings …`` does: the 好差评 of this desk for scripts (JSON) and people
(tables).

Read only: nothing here records, changes or removes a rating (only the visitor's press on the
customer display does). The command runs without a signed-in role, so the rater's name and
phone, which only the roles handling a 差评 may see, are never printed.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date, datetime, time, timedelta
from typing import Any

from clerk_desk.cli.tables import aligned_table
from clerk_desk.desk import Desk
from clerk_desk.domain.followups import FOLLOWUP_STATE_LABELS, STEP_LABELS, FollowUpState
from clerk_desk.domain.ratings import CONTACT_LABELS, LEVELS, ContactState, Rating, RatingOrigin
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg, translate
from clerk_desk.services import rating_rows
from clerk_desk.services.ratings import FollowUp

# The follow-ups as the centre's supervisor sees them (all departments); the rater's details
# are left out of every row all the same.
_SUPERVISOR = Clerk("", "", (Role.SUPERVISOR,), "")

ORIGIN_LABELS = {
    RatingOrigin.ACTIVE: QT_TRANSLATE_NOOP("core", "By the visitor"),  # 主动评价
    RatingOrigin.DEFAULT: QT_TRANSLATE_NOOP("core", "Platform default"),  # 默认评价
}


class RatingsCommandError(UserError):
    pass


def list_ratings(args: argparse.Namespace) -> int:
    day = _day(args.date) if args.date is not None else None
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        ratings = desk.ratings.ratings_on(day)
        unrated = _unrated(desk, day)
    if args.json:
        print(json.dumps([_rating_json(r) for r in ratings], ensure_ascii=False, indent=2))
        return 0
    if not ratings and not unrated:
        print(msg(QT_TRANSLATE_NOOP("core", "No ratings found")))  # 没有找到评价
        return 0
    headers = _headers(
        QT_TRANSLATE_NOOP("core", "Case number"),  # 办件编号
        QT_TRANSLATE_NOOP("core", "Rating no."),  # 评价次数
        QT_TRANSLATE_NOOP("core", "Service contact"),  # 服务环节
        QT_TRANSLATE_NOOP("core", "Rating level"),  # 满意度
        QT_TRANSLATE_NOOP("core", "Served by"),  # 工作人员
        QT_TRANSLATE_NOOP("core", "Window no."),  # 窗口号
        QT_TRANSLATE_NOOP("core", "Department"),  # 部门
        QT_TRANSLATE_NOOP("core", "Rated at"),  # 评价时间
        QT_TRANSLATE_NOOP("core", "Rating reasons"),  # 评价理由
        QT_TRANSLATE_NOOP("core", "Rating comment"),  # 评价内容
        QT_TRANSLATE_NOOP("core", "Rating origin"),  # 来源
        QT_TRANSLATE_NOOP("core", "Note"),  # 备注
    )
    rows = [
        [
            rating.case_no,
            rating.seq,
            translate("core", CONTACT_LABELS[rating.contact_kind]),
            str(rating.level),
            rating.staff_name or rating.staff,
            rating.window_number,
            rating.department,
            f"{rating.rated_at:%Y-%m-%d %H:%M}",
            "、".join(reason.text for reason in rating.reasons),
            " ".join(rating.comment.split()),
            translate("core", ORIGIN_LABELS[rating.origin]),
            translate("core", FOLLOWUP_STATE_LABELS[FollowUpState.STRUCK]) if rating.struck else "",
        ]
        for rating in ratings
    ]
    if rows:
        for line in aligned_table(headers, rows):
            print(line)
        print()
    print(_counts(ratings, unrated))
    return 0


def list_followups(args: argparse.Namespace) -> int:
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        followups = desk.ratings.followups(_SUPERVISOR, desk.clock().date())
    if args.department is not None:
        followups = [f for f in followups if f.rating.department == args.department.strip()]
    if args.json:
        print(json.dumps([_followup_json(f) for f in followups], ensure_ascii=False, indent=2))
        return 0
    if not followups:
        # 没有需要整改的差评
        print(msg(QT_TRANSLATE_NOOP("core", "No poor ratings to follow up")))
        return 0
    headers = _headers(
        QT_TRANSLATE_NOOP("core", "Case number"),  # 办件编号
        QT_TRANSLATE_NOOP("core", "Rating level"),  # 满意度
        QT_TRANSLATE_NOOP("core", "Department"),  # 部门
        QT_TRANSLATE_NOOP("core", "Rated at"),  # 评价时间
        QT_TRANSLATE_NOOP("core", "Follow-up state"),  # 整改状态
        QT_TRANSLATE_NOOP("core", "Follow-up deadline"),  # 整改期限
        QT_TRANSLATE_NOOP("core", "Overdue"),  # 超期
        QT_TRANSLATE_NOOP("core", "Steps taken"),  # 已办环节
    )
    overdue = translate("core", "Overdue")
    rows = [
        [
            followup.rating.case_no,
            str(followup.rating.level),
            followup.rating.department,
            f"{followup.rating.rated_at:%Y-%m-%d %H:%M}",
            translate("core", FOLLOWUP_STATE_LABELS[followup.state]),
            followup.deadline.isoformat(),
            overdue if followup.overdue else "",
            "、".join(translate("core", STEP_LABELS[step.kind]) for step in followup.steps),
        ]
        for followup in followups
    ]
    for line in aligned_table(headers, rows):
        print(line)
    return 0


def _headers(*texts: str) -> list[str]:
    return [translate("core", text) for text in texts]


def _rating_json(rating: Rating) -> dict[str, Any]:
    return rating.to_dict(with_rater=False)


def _followup_json(followup: FollowUp) -> dict[str, Any]:
    return {
        "rating": _rating_json(followup.rating),
        "state": str(followup.state),
        "deadline": followup.deadline.isoformat(),
        "overdue": followup.overdue,
        "steps": [step.to_dict() for step in followup.steps],
        "possible_steps": [str(kind) for kind in followup.possible],
    }


def _unrated(desk: Desk, day: date | None) -> int:
    """The contacts the visitor left without a rating (that day's, or all)."""
    start = datetime.combine(day, time()) if day is not None else datetime.min
    end = start + timedelta(days=1) if day is not None else datetime.max
    with desk.database.read() as session:
        contacts = rating_rows.contacts_between(session, start, end)
    return sum(contact.state is ContactState.UNRATED for contact in contacts)


def _counts(ratings: list[Rating], unrated: int) -> str:
    active = Counter(r.level for r in ratings if r.origin is RatingOrigin.ACTIVE)
    levels = "、".join(f"{level} {active[level]}" for level in LEVELS)
    return msg(
        # 主动评价：{levels}；默认评价 {defaults}；未评价 {unrated}；已撤销 {struck}
        QT_TRANSLATE_NOOP(
            "core",
            "Visitors' ratings: {levels}; default {defaults}; unrated {unrated}; struck {struck}",
        ),
        levels=levels,
        defaults=sum(r.origin is RatingOrigin.DEFAULT for r in ratings),
        unrated=unrated,
        struck=sum(r.struck for r in ratings),
    ).render()


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise RatingsCommandError(
            # “{text}”不是日期，请按 YYYY-MM-DD 输入，例如 2026-09-28
            QT_TRANSLATE_NOOP(
                "core", "“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2026-09-28"
            ),
            text=text,
        ) from None
