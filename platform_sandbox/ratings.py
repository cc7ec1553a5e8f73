"""好差评 on the platform: ``PUT /contacts/{uuid}``, ``PUT /ratings/{uuid}``, ``POST
/followups/{rating_uuid}/steps``, ``GET /ratings/changes``, ``GET /rating-reasons[/{version}]``.

No desk is trusted. A contact must follow an event its own clerk recorded on a case of the
centre; a rating must be its contact's (every copied field the same), timed within the
contact's window, at a level code and with reasons of a published list; a step must follow
the one rule book the desk uses (:func:`clerk_desk.domain.followups.step_problem`), recorded
by a supervisor or a reviewer of the rating's department. Stored rows never change: the same
body again is answered as before (200), another body under a taken uuid is refused (409).
The rater's name and phone go only to supervisors and reviewers of the rating's department.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from clerk_desk.domain.case_states import CaseEvent
from clerk_desk.domain.followups import (
    STEP_ROLES,
    FollowUpStep,
    StepKind,
    possible_steps,
    step_problem,
)
from clerk_desk.domain.permissions import Call, may_call
from clerk_desk.domain.ratings import (
    CHANNEL,
    COMMENT_MAX,
    POOR_LEVELS,
    REASONS_MAX,
    CodeOrder,
    ContactKind,
    RatingOrigin,
    level_from_code,
)
from clerk_desk.domain.roles import Role
from platform_sandbox import case_store, rating_store
from platform_sandbox.canonical import digest
from platform_sandbox.case_models import UUID_PATTERN
from platform_sandbox.cases import MAX_CURSOR, MAX_LIMIT
from platform_sandbox.deps import PlatformDep, Principal, require
from platform_sandbox.errors import (
    Problem,
    conflict,
    error_responses,
    forbidden,
    invalid,
    not_found,
)
from platform_sandbox.messages import PLATFORM_LANGUAGE
from platform_sandbox.models import CaseRow, ContactRecord, FollowUpStepRecord, RatingRecord
from platform_sandbox.platform import Platform
from platform_sandbox.rating_models import (
    VERSION_MAX,
    ContactBody,
    ContactDoc,
    ContactReply,
    RatingBody,
    RatingChangeList,
    RatingDoc,
    RatingReply,
    ReasonsReply,
    StepBody,
    StepReply,
)
from platform_sandbox.scoping import departments_of

router = APIRouter(tags=["ratings"])

SKEW = timedelta(minutes=5)  # how far ahead of the platform's clock a desk's time may be
CONTACT_SPAN_MAX = timedelta(hours=1)  # the longest a display may wait for a rating
CHANNELS = frozenset({CHANNEL, "政务大厅平板电脑"})  # the hall's 评价渠道 (GB/T 39046 table 9)
# The events that end each kind of contact (帮办 and 代办 end at a decision or a hand-over).
_INTAKE_EVENTS = frozenset(
    str(event)
    for event in (
        CaseEvent.ACCEPT,
        CaseEvent.ACCEPT_WITH_GAPS,
        CaseEvent.NOTIFY_MISSING,
        CaseEvent.REJECT,
    )
)
_HANDOVER_EVENTS = frozenset({str(CaseEvent.HAND_OVER)})
ENDING_EVENTS: dict[ContactKind, frozenset[str]] = {
    ContactKind.INTAKE: _INTAKE_EVENTS,
    ContactKind.HANDOVER: _HANDOVER_EVENTS,
    ContactKind.ASSISTED: _INTAKE_EVENTS | _HANDOVER_EVENTS,
    ContactKind.PROXY: _INTAKE_EVENTS | _HANDOVER_EVENTS,
}
# The fields a rating copies from its contact (rating field → contact field).
COPIED = {
    "case_uuid": "case_uuid",
    "case_no": "case_no",
    "contact": "kind",
    "seq": "seq",
    "staff": "staff",
    "staff_name": "staff_name",
    "window_number": "window_number",
    "department": "department",
}

ContactUuid = Annotated[str, Path(pattern=UUID_PATTERN, description="the contact's UUID")]
RatingUuid = Annotated[str, Path(pattern=UUID_PATTERN, description="the rating's UUID")]
Recorder = Annotated[Principal, Depends(require(Call.RECORD_RATING))]
Handler = Annotated[Principal, Depends(require(Call.FOLLOWUP_STEP))]
FeedReader = Annotated[Principal, Depends(require(Call.READ_RATINGS))]
Anyone = Annotated[Principal, Depends(require(Call.RATING_REASONS))]


def _now() -> datetime:
    return datetime.now()


def _others(who: Principal) -> list[str]:
    return [role for role in who.roles if role != Role.REVIEWER]


def feed_department(who: Principal) -> str | None:
    """The department ``who`` reads the ratings feed within (``None``: the whole centre)."""
    return None if may_call(_others(who), Call.READ_RATINGS) else who.department


def sees_rater(who: Principal, department: str) -> bool:
    """Only those handling a 差评 of ``department`` see who rated."""
    return Role.SUPERVISOR in who.roles or (
        Role.REVIEWER in who.roles and who.department == department
    )


def _problem(field: str, message: str) -> Problem:
    return Problem(field=field, message=message)


# Contacts ----------------------------------------------------------------------------------


@router.put(
    "/contacts/{uuid}",
    response_model=ContactReply,
    status_code=201,
    responses={
        200: {"model": ContactReply, "description": "the same body again: stored before"},
        **error_responses(401, 403, 409, 422),
    },
)
def put_contact(
    uuid: ContactUuid, body: ContactBody, platform: PlatformDep, who: Recorder
) -> JSONResponse:
    contact = body.contact
    if contact.staff != who.username:
        raise forbidden("服务记录的工作人员必须是当前登录的账号")
    document = contact.model_dump(mode="json")
    body_hash = digest(document)
    problems = []
    if contact.uuid != uuid:
        problems.append(_problem("contact.uuid", "应与请求路径中的UUID相同"))
    problems += _span_problems(contact)
    with platform.database.write() as session:
        counter = rating_store.lock_writers(session)
        stored = rating_store.contact(session, uuid)
        if stored is not None:
            return _again(stored, body_hash, {"contact": stored.document}, f"服务记录{uuid}")
        if problems:
            raise invalid(problems)
        case = case_store.case_by_uuid(session, contact.case_uuid, who.centre_code)
        if case is None:
            raise invalid([_problem("contact.case_uuid", "本中心没有该办件")])
        problems = _case_problems(session, contact, case, who)
        if problems:
            raise invalid(problems)
        taken = rating_store.contact_holding(
            session, contact.case_uuid, contact.seq, contact.event_uuid
        )
        if taken == "seq":
            raise conflict(f"该办件的第{contact.seq}次评价已有另一条服务记录")
        if taken == "event":
            raise conflict("该事件已结束另一条服务记录")
        rating_store.add_contact(session, document, who.centre_code, body_hash)
        rating_store.record_change(
            session, counter, rating_store.CONTACT, uuid, who.centre_code, contact.department
        )
    return JSONResponse({"contact": document}, status_code=201)


def _again(
    stored: ContactRecord | RatingRecord | FollowUpStepRecord,
    body_hash: str,
    reply: dict[str, Any],
    what: str,
) -> JSONResponse:
    """The reply to a uuid already stored: the same body → 200, another → 409."""
    if stored.body_hash != body_hash:
        raise conflict(f"{what}已存在，且内容与本次提交不同")
    return JSONResponse(reply, status_code=200)


def _span_problems(contact: ContactDoc) -> list[Problem]:
    problems = []
    if contact.opened_at > _now() + SKEW:
        problems.append(_problem("contact.opened_at", "不能晚于当前时间"))
    span = contact.expires_at - contact.opened_at
    if not timedelta(0) < span <= CONTACT_SPAN_MAX:
        problems.append(_problem("contact.expires_at", "应在开始时间之后一小时以内"))
    return problems


def _case_problems(
    session: Session, contact: ContactDoc, case: CaseRow, who: Principal
) -> list[Problem]:
    problems = []
    if contact.case_no != (case.case_no or ""):
        problems.append(_problem("contact.case_no", f"应为该办件的编号{case.case_no or ''}"))
    if contact.department not in departments_of(case.document):
        problems.append(_problem("contact.department", "应为承办该办件的部门"))
    event = case_store.event_by_uuid(session, contact.event_uuid)
    if event is None or event.case_id != case.id:
        problems.append(_problem("contact.event_uuid", "应为该办件的一个事件"))
        return problems
    if event.data.get("by") != who.username:
        problems.append(_problem("contact.event_uuid", "应为当前登录账号记录的事件"))
    elif event.event not in ENDING_EVENTS[contact.kind]:
        names = "、".join(sorted(ENDING_EVENTS[contact.kind]))
        problems.append(_problem("contact.event_uuid", f"该类服务应结束于以下事件之一：{names}"))
    at = _naive(event.data.get("at"))
    if at is not None and contact.opened_at < at:
        problems.append(_problem("contact.opened_at", "不能早于结束服务的事件"))
    return problems


def _naive(value: object) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is None else None


# Ratings -----------------------------------------------------------------------------------


@router.put(
    "/ratings/{uuid}",
    response_model=RatingReply,
    status_code=201,
    responses={
        200: {"model": RatingReply, "description": "the same body again: stored before"},
        **error_responses(401, 403, 409, 422),
    },
)
def put_rating(
    uuid: RatingUuid, body: RatingBody, platform: PlatformDep, who: Recorder
) -> JSONResponse:
    rating = body.rating
    document = rating.model_dump(mode="json")
    body_hash = digest(document)
    order = platform.rating_code_order
    problems = []
    if rating.uuid != uuid:
        problems.append(_problem("rating.uuid", "应与请求路径中的UUID相同"))
    if rating.origin is not RatingOrigin.ACTIVE:
        problems.append(_problem("rating.origin", "窗口只能提交群众主动作出的评价（active）"))
    if rating.channel not in CHANNELS:
        problems.append(_problem("rating.channel", f"应为“{CHANNEL}”"))
    if len(rating.comment) > COMMENT_MAX:
        problems.append(_problem("rating.comment", f"文字评价最多{COMMENT_MAX}个字"))
    if len(rating.reasons) > REASONS_MAX:
        problems.append(_problem("rating.reasons", f"最多选择{REASONS_MAX}项理由"))
    if rating.rated_at > _now() + SKEW:
        problems.append(_problem("rating.rated_at", "不能晚于当前时间"))
    with platform.database.write() as session:
        counter = rating_store.lock_writers(session)
        stored = rating_store.rating(session, uuid)
        if stored is not None:
            view = rating_store.rating_view(
                stored, order, sees_rater(who, stored.document["department"])
            )
            return _again(stored, body_hash, {"rating": view}, f"评价{uuid}")
        contact = rating_store.contact(session, rating.contact_uuid, who.centre_code)
        if contact is None:
            problems.append(_problem("rating.contact_uuid", "本中心没有该服务记录"))
            raise invalid(problems)
        if contact.staff != who.username:
            raise forbidden("只有提供该服务的工作人员的窗口可以提交它的评价")
        if rating_store.rating_of_contact(session, contact.uuid) is not None:
            raise conflict("该服务已有评价（一次一评）")
        problems += _contact_problems(rating, contact.document)
        problems += _reason_problems(session, rating, order)
        if problems:
            raise invalid(problems)
        row = rating_store.add_rating(session, document, who.centre_code, order, body_hash)
        rating_store.record_change(
            session, counter, rating_store.RATING, uuid, who.centre_code, rating.department
        )
        view = rating_store.rating_view(row, order, sees_rater(who, rating.department))
    return JSONResponse({"rating": view}, status_code=201)


def _contact_problems(rating: RatingDoc, contact: dict[str, Any]) -> list[Problem]:
    sent = rating.model_dump(mode="json")
    problems = [
        _problem(f"rating.{field}", f"应与服务记录相同（{contact[held]}）")
        for field, held in COPIED.items()
        if sent[field] != contact[held]
    ]
    opened = datetime.fromisoformat(contact["opened_at"])
    expires = datetime.fromisoformat(contact["expires_at"])
    if not opened <= rating.rated_at <= expires:
        problems.append(
            _problem("rating.rated_at", "应在该服务请群众评价的时间内（不能补评、代评）")
        )
    return problems


def _reason_problems(session: Session, rating: RatingDoc, order: CodeOrder) -> list[Problem]:
    reasons = rating_store.reason_list(session, rating.reasons_version)
    if reasons is None:
        return [_problem("rating.reasons_version", "平台没有发布该版本的评价理由")]
    level = level_from_code(rating.level_code, order)
    problems = []
    seen: set[str] = set()
    for index, sent in enumerate(rating.reasons):
        offered = reasons.find(level, sent.code)
        if offered is None or sent.code in seen:
            problems.append(
                _problem(
                    f"rating.reasons[{index}].code",
                    f"不在第{reasons.version}版理由清单的“{level}”中，或重复",
                )
            )
        elif sent.text != offered.text:
            problems.append(_problem(f"rating.reasons[{index}].text", f"应为“{offered.text}”"))
        seen.add(sent.code)
    return problems


# Follow-up steps ---------------------------------------------------------------------------


@router.post(
    "/followups/{rating_uuid}/steps",
    response_model=StepReply,
    status_code=201,
    responses={
        200: {"model": StepReply, "description": "the same step again: stored before"},
        **error_responses(401, 403, 404, 409, 422),
    },
)
def post_step(
    rating_uuid: RatingUuid, body: StepBody, platform: PlatformDep, who: Handler
) -> JSONResponse:
    step = body.step
    if step.by != who.username:
        raise forbidden("整改步骤的办理人必须是当前登录的账号")
    document = step.model_dump(mode="json")
    body_hash = digest(document)
    with platform.database.write() as session:
        counter = rating_store.lock_writers(session)
        stored = rating_store.step(session, step.uuid)
        if stored is not None and stored.rating_uuid == rating_uuid:
            return _again(stored, body_hash, {"step": stored.document}, f"整改步骤{step.uuid}")
        if stored is not None:
            raise conflict(f"整改步骤{step.uuid}已属于另一条评价")
        if step.rating_uuid != rating_uuid:
            raise invalid([_problem("step.rating_uuid", "应与请求路径中的评价UUID相同")])
        rating = rating_store.rating(session, rating_uuid, who.centre_code)
        if rating is None:
            raise not_found("找不到该评价")
        department = rating.document["department"]
        if not may_call(_others(who), Call.FOLLOWUP_STEP) and department != who.department:
            raise forbidden(f"该差评由{department}负责整改")
        if rating.origin != RatingOrigin.ACTIVE or (
            level_from_code(rating.level_code, rating.code_order) not in POOR_LEVELS
        ):
            raise conflict("该评价不是差评，没有整改")
        if step.at < rating.rated_at or step.at > _now() + SKEW:
            raise invalid([_problem("step.at", "应在评价之后，且不晚于当前时间")])
        steps = rating_store.followup_steps(session, rating_uuid)
        _check_step(steps, step.kind, step.payload, who.roles)
        rating_store.add_step(session, document, body_hash)
        rating_store.record_change(
            session, counter, rating_store.STEP, step.uuid, who.centre_code, department
        )
    return JSONResponse({"step": document}, status_code=201)


def _check_step(
    steps: list[FollowUpStep], kind: StepKind, payload: dict[str, Any], roles: Iterable[str]
) -> None:
    """The desk's rule book (:func:`step_problem`) decides; its answer is sorted into 403 (not
    this role's step; a 追评 from a desk), 409 (not now) and 422 (the payload's field)."""
    roles = tuple(roles)
    problem = step_problem(steps, kind, payload, roles, from_platform=False)
    if problem is None:
        return
    message = problem.render(PLATFORM_LANGUAGE)
    if kind is StepKind.APPEND or not any(role in STEP_ROLES[kind] for role in roles):
        raise forbidden(message)
    if kind not in possible_steps(steps):
        raise conflict(message)
    field = problem.params.get("field")
    raise invalid([_problem(f"step.payload.{field}" if field else "step.payload", message)])


# The feed and the reasons ------------------------------------------------------------------


@router.get(
    "/ratings/changes",
    response_model=RatingChangeList,
    responses=error_responses(401, 403, 422),
)
def get_rating_changes(
    platform: PlatformDep,
    who: FeedReader,
    after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
) -> JSONResponse:
    order = platform.rating_code_order
    with platform.database.read() as session:
        found, more = rating_store.changes(
            session, who.centre_code, after, limit, feed_department(who)
        )
        changes = []
        for change, row in found:
            if change.kind == rating_store.RATING:
                data = rating_store.rating_view(
                    row, order, sees_rater(who, row.document["department"])
                )
            else:
                data = row.document
            changes.append({"seq": change.seq, "kind": change.kind, change.kind: data})
    last_seq = found[-1][0].seq if found else after
    return JSONResponse({"changes": changes, "last_seq": last_seq, "more": more})


@router.get("/rating-reasons", response_model=ReasonsReply, responses=error_responses(401, 404))
def get_reasons(platform: PlatformDep, who: Anyone) -> JSONResponse:
    return _reasons(platform, None)


@router.get(
    "/rating-reasons/{version}",
    response_model=ReasonsReply,
    responses=error_responses(401, 404, 422),
)
def get_reasons_version(
    version: Annotated[int, Path(ge=1, le=VERSION_MAX)], platform: PlatformDep, who: Anyone
) -> JSONResponse:
    return _reasons(platform, version)


def _reasons(platform: Platform, version: int | None) -> JSONResponse:
    with platform.database.read() as session:
        reasons = rating_store.reason_list(session, version)
    if reasons is None:
        raise not_found("平台没有该版本的评价理由")
    order = platform.rating_code_order
    return JSONResponse(
        {
            "version": reasons.version,
            "code_order": str(order),
            "reasons": rating_store.by_code(reasons, order),
        }
    )
