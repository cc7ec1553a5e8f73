"""差评整改: the follow-up a 不满意 / 非常不满意 rating opens, owned by the department that
handled the case (谁办理谁负责).

A follow-up is its rating's uuid plus an append-only list of steps; its state is derived from
them. The same rules run on the desk (to offer only the possible step) and on the platform (to
refuse any other): :func:`step_problem`. Pure data, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from clerk_desk.domain.limits import TEXT_MAX
from clerk_desk.domain.roles import Role
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg

FOLLOWUP_DAYS_DEFAULT = 5  # working days to 整改 and 回复 (provinces: 5, 7 or 15)


class StepKind(StrEnum):
    VERIFY = "verify"  # 回访核实
    APPEAL = "appeal"  # 申诉复核 (supervisor): strike or uphold
    RECTIFY = "rectify"  # 整改
    REPLY = "reply"  # 回复 the rater
    CALLBACK = "callback"  # 回访
    APPEND = "append"  # the rater's 追评 (arrives from the platform only)


STEP_LABELS = {
    StepKind.VERIFY: QT_TRANSLATE_NOOP("core", "Verification"),  # 回访核实
    StepKind.APPEAL: QT_TRANSLATE_NOOP("core", "Appeal review"),  # 申诉复核
    StepKind.RECTIFY: QT_TRANSLATE_NOOP("core", "Rectification"),  # 整改
    StepKind.REPLY: QT_TRANSLATE_NOOP("core", "Reply"),  # 回复
    StepKind.CALLBACK: QT_TRANSLATE_NOOP("core", "Call-back"),  # 回访
    StepKind.APPEND: QT_TRANSLATE_NOOP("core", "Rater's further comment"),  # 追评
}


class Finding(StrEnum):
    """What 回访核实 found the 差评 to be."""

    TRUE = "true"  # 属实
    REASONABLE = "reasonable"  # 合理 (a fair complaint though no fault was found)
    MALICIOUS = "malicious"  # 恶意


FINDING_LABELS = {
    Finding.TRUE: QT_TRANSLATE_NOOP("core", "True"),  # 属实
    Finding.REASONABLE: QT_TRANSLATE_NOOP("core", "Reasonable"),  # 合理
    Finding.MALICIOUS: QT_TRANSLATE_NOOP("core", "Malicious"),  # 恶意
}


class AppealDecision(StrEnum):
    STRIKE = "strike"  # the rating is struck (mistaken or malicious), and kept in the record
    UPHOLD = "uphold"


APPEAL_LABELS = {
    AppealDecision.STRIKE: QT_TRANSLATE_NOOP("core", "Strike the rating"),  # 撤销该差评
    AppealDecision.UPHOLD: QT_TRANSLATE_NOOP("core", "Keep the rating"),  # 维持该差评
}


class CallbackOutcome(StrEnum):
    SATISFIED = "satisfied"  # 满意
    UNSATISFIED = "unsatisfied"  # 不满意
    UNREACHABLE = "unreachable"  # 联系不上


CALLBACK_LABELS = {
    CallbackOutcome.SATISFIED: QT_TRANSLATE_NOOP("core", "Satisfied"),  # 满意
    CallbackOutcome.UNSATISFIED: QT_TRANSLATE_NOOP("core", "Not satisfied"),  # 不满意
    CallbackOutcome.UNREACHABLE: QT_TRANSLATE_NOOP("core", "Could not be reached"),  # 联系不上
}


class FollowUpState(StrEnum):
    VERIFYING = "verifying"  # 待核实
    RECTIFYING = "rectifying"  # 待整改
    REPLYING = "replying"  # 待回复
    CALLING_BACK = "calling_back"  # 待回访
    CLOSED = "closed"  # 已办结
    STRUCK = "struck"  # 已撤销 (申诉成立)


FOLLOWUP_STATE_LABELS = {
    FollowUpState.VERIFYING: QT_TRANSLATE_NOOP("core", "To verify"),  # 待核实
    FollowUpState.RECTIFYING: QT_TRANSLATE_NOOP("core", "To rectify"),  # 待整改
    FollowUpState.REPLYING: QT_TRANSLATE_NOOP("core", "To reply"),  # 待回复
    FollowUpState.CALLING_BACK: QT_TRANSLATE_NOOP("core", "To call back"),  # 待回访
    FollowUpState.CLOSED: QT_TRANSLATE_NOOP("core", "Follow-up closed"),  # 已办结
    FollowUpState.STRUCK: QT_TRANSLATE_NOOP("core", "Struck"),  # 已撤销
}

# Which step moves a follow-up on from which state (APPEND never moves it).
_NEXT: dict[tuple[FollowUpState, StepKind], FollowUpState] = {
    (FollowUpState.VERIFYING, StepKind.VERIFY): FollowUpState.RECTIFYING,
    (FollowUpState.RECTIFYING, StepKind.RECTIFY): FollowUpState.REPLYING,
    (FollowUpState.REPLYING, StepKind.REPLY): FollowUpState.CALLING_BACK,
    (FollowUpState.CALLING_BACK, StepKind.CALLBACK): FollowUpState.CLOSED,
}
# Until it is rectified, a verified 差评 may be appealed (once).
_APPEALABLE = frozenset({FollowUpState.RECTIFYING})
_OVERDUE_STATES = frozenset(
    {FollowUpState.VERIFYING, FollowUpState.RECTIFYING, FollowUpState.REPLYING}
)
# Who may record each step from a desk. APPEND is the rater's and comes only from the platform.
STEP_ROLES: dict[StepKind, frozenset[Role]] = {
    StepKind.VERIFY: frozenset({Role.REVIEWER, Role.SUPERVISOR}),
    StepKind.APPEAL: frozenset({Role.SUPERVISOR}),
    StepKind.RECTIFY: frozenset({Role.REVIEWER, Role.SUPERVISOR}),
    StepKind.REPLY: frozenset({Role.REVIEWER, Role.SUPERVISOR}),
    StepKind.CALLBACK: frozenset({Role.REVIEWER, Role.SUPERVISOR}),
    StepKind.APPEND: frozenset(),
}
HANDLING_ROLES = frozenset({Role.REVIEWER, Role.SUPERVISOR})
"""The roles that handle a 差评: only they see the rater's details (a reviewer: of their
department's follow-ups)."""

# The payload each step must carry: key -> allowed values (None: free text, required).
_REQUIRED: dict[StepKind, dict[str, frozenset[str] | None]] = {
    StepKind.VERIFY: {"finding": frozenset(Finding)},
    StepKind.APPEAL: {"decision": frozenset(AppealDecision), "reason": None},
    StepKind.RECTIFY: {"notes": None},
    StepKind.REPLY: {"text": None},
    StepKind.CALLBACK: {"outcome": frozenset(CallbackOutcome)},
    StepKind.APPEND: {"text": None},
}
_OPTIONAL: dict[StepKind, frozenset[str]] = {
    StepKind.VERIFY: frozenset({"notes"}),
    StepKind.CALLBACK: frozenset({"notes"}),
}


@dataclass(frozen=True)
class FollowUpStep:
    uuid: str
    rating_uuid: str
    kind: StepKind
    by: str
    at: datetime
    payload: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "rating_uuid": self.rating_uuid,
            "kind": str(self.kind),
            "by": self.by,
            "at": self.at.isoformat(),
            "payload": dict(self.payload),
        }


def followup_state(steps: Iterable[FollowUpStep]) -> FollowUpState:
    state = FollowUpState.VERIFYING
    for step in steps:
        if step.kind is StepKind.APPEAL and step.payload.get("decision") == AppealDecision.STRIKE:
            return FollowUpState.STRUCK
        state = _NEXT.get((state, step.kind), state)
    return state


def is_overdue(state: FollowUpState, deadline: date, today: date) -> bool:
    """Not yet replied to after the deadline (整改 and 回复 are what the deadline is for)."""
    return state in _OVERDUE_STATES and today > deadline


def possible_steps(steps: Sequence[FollowUpStep]) -> tuple[StepKind, ...]:
    """The steps a desk may record now (in the order a handler takes them)."""
    state = followup_state(steps)
    kinds = [kind for (from_state, kind) in _NEXT if from_state is state]
    if state in _APPEALABLE and not any(step.kind is StepKind.APPEAL for step in steps):
        kinds.append(StepKind.APPEAL)
    return tuple(kinds)


def step_problem(
    steps: Sequence[FollowUpStep],
    kind: StepKind,
    payload: dict[str, Any],
    roles: Iterable[Role | str],
    *,
    from_platform: bool = False,
) -> Message | None:
    """Why ``kind`` with ``payload`` may not be added now by someone with ``roles``; None if it
    may. ``from_platform``: the platform itself records a rater's 追评."""
    if kind is StepKind.APPEND:
        if not from_platform:
            # 追评只能由评价人本人提出
            return msg(QT_TRANSLATE_NOOP("core", "Only the rater can add a further comment"))
        if followup_state(steps) is FollowUpState.STRUCK:
            return _not_now(kind, followup_state(steps))
    else:
        if not any(role in STEP_ROLES[kind] for role in roles):
            # 无权办理“{step}”
            return msg(
                QT_TRANSLATE_NOOP("core", "You may not record “{step}”"),
                step=msg(STEP_LABELS[kind]),
            )
        if kind not in possible_steps(steps):
            return _not_now(kind, followup_state(steps))
    return payload_problem(kind, payload)


def payload_problem(kind: StepKind, payload: dict[str, Any]) -> Message | None:
    required = _REQUIRED[kind]
    allowed = set(required) | _OPTIONAL.get(kind, frozenset())
    unknown = sorted(set(payload) - allowed)
    if unknown:
        # “{step}”不含字段 {field}
        return msg(
            QT_TRANSLATE_NOOP("core", "“{step}” has no field {field}"),
            step=msg(STEP_LABELS[kind]),
            field=unknown[0],
        )
    for key in allowed:
        value = payload.get(key, "")
        if not isinstance(value, str):
            return _fill_in(kind, key)
        if len(value) > TEXT_MAX:
            # {field} 最多 {most} 个字符
            return msg(
                QT_TRANSLATE_NOOP("core", "{field} may have at most {most} characters"),
                field=key,
                most=TEXT_MAX,
            )
        choices = required.get(key)
        if key in required and not value.strip():
            return _fill_in(kind, key)
        if choices is not None and value not in choices:
            return _fill_in(kind, key)
    return None


def _fill_in(kind: StepKind, key: str) -> Message:
    # 请填写“{step}”的{field}
    return msg(
        QT_TRANSLATE_NOOP("core", "Fill in {field} of “{step}”"),
        step=msg(STEP_LABELS[kind]),
        field=key,
    )


def _not_now(kind: StepKind, state: FollowUpState) -> Message:
    # 该差评现为“{state}”，不能办理“{step}”
    return msg(
        QT_TRANSLATE_NOOP("core", "This follow-up is “{state}”; “{step}” is not possible now"),
        state=msg(FOLLOWUP_STATE_LABELS[state]),
        step=msg(STEP_LABELS[kind]),
    )
