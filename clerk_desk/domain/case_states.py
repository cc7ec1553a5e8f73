"""The life cycle of a case (办件), exactly as ``shared/domain.md`` draws it.

```
draft ──submit──▶ received ──accept──▶ accepted ──route──▶ in_review ──approve/deny──▶ decided
  received ──notify_missing──▶ awaiting_supplement ──supplement──▶ received
  received ──accept_with_gaps (容缺)──▶ accepted (+ supplement deadline)
  received ──reject (不予受理, written reason)──▶ rejected
in_review ──pause──▶ paused ──resume──▶ in_review
in_review ──extend (延长审批: the state stays, the deadline moves)──▶ in_review
in_review ──request_supplement (补正)──▶ awaiting_supplement
decided ──result_ready──▶ ready_for_pickup ──hand_over──▶ delivered
                          ready_for_pickup ──ship──▶ shipped ──deliver (签收)──▶ delivered
any open state ──withdraw / terminate──▶ closed
accepted … ready_for_pickup ──pay (缴费)──▶ the same state
in_review … ready_for_pickup ──attach_transfer_sheet (签收的材料流转单)──▶ the same state
```

A case handled by several departments (一件事, 联办) is reviewed in *parts*, one per
department (:mod:`clerk_desk.domain.review_rules`): ``pause``, ``resume``, ``extend``,
``approve`` and ``deny`` act on one part, and the case's state follows from its parts (in
review while a part is, paused while every undecided part is, decided when every part is).
For a case of one department that is exactly the table below; for the others
:func:`clerk_desk.domain.review_rules.part_step` decides, and :data:`PART_EVENTS` names them.

A visitor's rating (好差评) is not an event of the case: it is a record of its own, of one
service contact, made only on the customer display (:mod:`clerk_desk.domain.ratings`), so no
case event can stand in for one. Every other pair of state and event is
refused with a message naming both, in the clerk's language. This module is the only place
that knows the rules; the services and, later, the platform check against the same table.
"""

from __future__ import annotations

from enum import StrEnum

from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg


class CaseState(StrEnum):
    DRAFT = "draft"
    RECEIVED = "received"
    ACCEPTED = "accepted"
    AWAITING_SUPPLEMENT = "awaiting_supplement"
    REJECTED = "rejected"
    IN_REVIEW = "in_review"
    PAUSED = "paused"
    DECIDED = "decided"
    READY_FOR_PICKUP = "ready_for_pickup"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CLOSED = "closed"


class CaseEvent(StrEnum):
    SUBMIT = "submit"
    ACCEPT = "accept"
    ACCEPT_WITH_GAPS = "accept_with_gaps"
    NOTIFY_MISSING = "notify_missing"
    SUPPLEMENT = "supplement"
    REJECT = "reject"
    ROUTE = "route"
    PAUSE = "pause"
    RESUME = "resume"
    EXTEND = "extend"
    REQUEST_SUPPLEMENT = "request_supplement"
    APPROVE = "approve"
    DENY = "deny"
    RESULT_READY = "result_ready"
    HAND_OVER = "hand_over"
    SHIP = "ship"
    DELIVER = "deliver"
    PAY = "pay"
    ATTACH_TRANSFER_SHEET = "attach_transfer_sheet"
    WITHDRAW = "withdraw"
    TERMINATE = "terminate"


STATE_LABELS: dict[CaseState, str] = {
    CaseState.DRAFT: QT_TRANSLATE_NOOP("core", "Draft"),  # 草稿
    CaseState.RECEIVED: QT_TRANSLATE_NOOP("core", "Received"),  # 已收件
    CaseState.ACCEPTED: QT_TRANSLATE_NOOP("core", "Accepted"),  # 已受理
    CaseState.AWAITING_SUPPLEMENT: QT_TRANSLATE_NOOP("core", "Awaiting supplement"),  # 待补正
    CaseState.REJECTED: QT_TRANSLATE_NOOP("core", "Not accepted"),  # 不予受理
    CaseState.IN_REVIEW: QT_TRANSLATE_NOOP("core", "In review"),  # 审批中
    CaseState.PAUSED: QT_TRANSLATE_NOOP("core", "Paused (special procedure)"),  # 特别程序中
    CaseState.DECIDED: QT_TRANSLATE_NOOP("core", "Decided"),  # 已办结
    CaseState.READY_FOR_PICKUP: QT_TRANSLATE_NOOP("core", "Ready for pick-up"),  # 待取件
    CaseState.SHIPPED: QT_TRANSLATE_NOOP("core", "Shipped"),  # 已寄出
    CaseState.DELIVERED: QT_TRANSLATE_NOOP("core", "Delivered"),  # 已送达
    CaseState.CLOSED: QT_TRANSLATE_NOOP("core", "Closed"),  # 已终结
}

EVENT_LABELS: dict[CaseEvent, str] = {
    CaseEvent.SUBMIT: QT_TRANSLATE_NOOP("core", "Submit"),  # 收件
    CaseEvent.ACCEPT: QT_TRANSLATE_NOOP("core", "Accept"),  # 受理
    CaseEvent.ACCEPT_WITH_GAPS: QT_TRANSLATE_NOOP("core", "Accept with gaps"),  # 容缺受理
    CaseEvent.NOTIFY_MISSING: QT_TRANSLATE_NOOP("core", "Notify what is missing"),  # 一次性告知
    CaseEvent.SUPPLEMENT: QT_TRANSLATE_NOOP("core", "Supplement"),  # 补齐材料
    CaseEvent.REJECT: QT_TRANSLATE_NOOP("core", "Do not accept"),  # 不予受理
    CaseEvent.ROUTE: QT_TRANSLATE_NOOP("core", "Hand to the department"),  # 流转
    CaseEvent.PAUSE: QT_TRANSLATE_NOOP("core", "Pause (special procedure)"),  # 特别程序
    CaseEvent.RESUME: QT_TRANSLATE_NOOP("core", "Resume"),  # 恢复审批
    CaseEvent.EXTEND: QT_TRANSLATE_NOOP("core", "Extend the time limit"),  # 延长审批
    CaseEvent.REQUEST_SUPPLEMENT: QT_TRANSLATE_NOOP("core", "Request a supplement"),  # 补正
    CaseEvent.APPROVE: QT_TRANSLATE_NOOP("core", "Approve"),  # 准予许可
    CaseEvent.DENY: QT_TRANSLATE_NOOP("core", "Deny"),  # 不予许可
    CaseEvent.RESULT_READY: QT_TRANSLATE_NOOP("core", "Result ready"),  # 结果待领取
    CaseEvent.HAND_OVER: QT_TRANSLATE_NOOP("core", "Hand over"),  # 窗口领取
    CaseEvent.SHIP: QT_TRANSLATE_NOOP("core", "Ship"),  # 邮寄送达
    CaseEvent.DELIVER: QT_TRANSLATE_NOOP("core", "Delivered by courier"),  # 快递签收
    CaseEvent.PAY: QT_TRANSLATE_NOOP("core", "Payment"),  # 缴费
    CaseEvent.ATTACH_TRANSFER_SHEET: QT_TRANSLATE_NOOP(
        "core", "Signed transfer sheet"
    ),  # 材料流转单签收
    CaseEvent.WITHDRAW: QT_TRANSLATE_NOOP("core", "Withdraw"),  # 撤回
    CaseEvent.TERMINATE: QT_TRANSLATE_NOOP("core", "Terminate"),  # 终止
}

DEADLINE_RECOMPUTED = "deadline_recomputed"
"""An event in a case's history that is no step of its life: the committed deadline moved
(a calendar of a new year was loaded). It changes no state and is in no transition."""


def event_label(name: str) -> str:
    """The label template (translate it in the "core" context) of an event as a case's
    history stores it; an unknown name (from a newer platform) is shown as it is."""
    if name == DEADLINE_RECOMPUTED:
        return QT_TRANSLATE_NOOP("core", "Deadline recomputed")  # 期限重算
    try:
        return EVENT_LABELS[CaseEvent(name)]
    except ValueError:
        return name


# Open: the case is still being worked on, so the applicant may withdraw it and the desk may
# terminate it. A draft is not yet a case (it is discarded, not withdrawn); rejected,
# delivered and closed cases are finished.
OPEN_STATES: frozenset[CaseState] = frozenset(
    {
        CaseState.RECEIVED,
        CaseState.ACCEPTED,
        CaseState.AWAITING_SUPPLEMENT,
        CaseState.IN_REVIEW,
        CaseState.PAUSED,
        CaseState.DECIDED,
        CaseState.READY_FOR_PICKUP,
        CaseState.SHIPPED,
    }
)

# A shipped result is on its way to the applicant: the case can no longer be withdrawn or
# terminated, only delivered.
WITHDRAWABLE_STATES: frozenset[CaseState] = OPEN_STATES - {CaseState.SHIPPED}

# The committed deadline is a promise made at acceptance: shown from then on, never for a case
# not (yet) accepted: a draft, one waiting in 已收件 or for a supplement, one not accepted,
# one withdrawn or terminated.
PROMISED_STATES: frozenset[CaseState] = frozenset(
    {
        CaseState.ACCEPTED,
        CaseState.IN_REVIEW,
        CaseState.PAUSED,
        CaseState.DECIDED,
        CaseState.READY_FOR_PICKUP,
        CaseState.SHIPPED,
        CaseState.DELIVERED,
    }
)

# A fee may be paid once the case is accepted and until the result leaves the window.
PAYABLE_STATES: frozenset[CaseState] = frozenset(
    {
        CaseState.ACCEPTED,
        CaseState.IN_REVIEW,
        CaseState.PAUSED,
        CaseState.DECIDED,
        CaseState.READY_FOR_PICKUP,
    }
)

# The signed 材料流转单 comes back from the back office while the case is there or after.
TRANSFER_SHEET_STATES: frozenset[CaseState] = frozenset(
    {CaseState.IN_REVIEW, CaseState.PAUSED, CaseState.DECIDED, CaseState.READY_FOR_PICKUP}
)

# Events that act on one department's part of a case (``payload.department``).
PART_EVENTS: frozenset[CaseEvent] = frozenset(
    {CaseEvent.PAUSE, CaseEvent.RESUME, CaseEvent.EXTEND, CaseEvent.APPROVE, CaseEvent.DENY}
)

TRANSITIONS: dict[tuple[CaseState, CaseEvent], CaseState] = {
    (CaseState.DRAFT, CaseEvent.SUBMIT): CaseState.RECEIVED,
    (CaseState.RECEIVED, CaseEvent.ACCEPT): CaseState.ACCEPTED,
    (CaseState.RECEIVED, CaseEvent.ACCEPT_WITH_GAPS): CaseState.ACCEPTED,
    (CaseState.RECEIVED, CaseEvent.NOTIFY_MISSING): CaseState.AWAITING_SUPPLEMENT,
    (CaseState.RECEIVED, CaseEvent.REJECT): CaseState.REJECTED,
    (CaseState.AWAITING_SUPPLEMENT, CaseEvent.SUPPLEMENT): CaseState.RECEIVED,
    (CaseState.ACCEPTED, CaseEvent.ROUTE): CaseState.IN_REVIEW,
    (CaseState.IN_REVIEW, CaseEvent.PAUSE): CaseState.PAUSED,
    (CaseState.PAUSED, CaseEvent.RESUME): CaseState.IN_REVIEW,
    (CaseState.IN_REVIEW, CaseEvent.EXTEND): CaseState.IN_REVIEW,
    (CaseState.IN_REVIEW, CaseEvent.REQUEST_SUPPLEMENT): CaseState.AWAITING_SUPPLEMENT,
    (CaseState.IN_REVIEW, CaseEvent.APPROVE): CaseState.DECIDED,
    (CaseState.IN_REVIEW, CaseEvent.DENY): CaseState.DECIDED,
    (CaseState.DECIDED, CaseEvent.RESULT_READY): CaseState.READY_FOR_PICKUP,
    (CaseState.READY_FOR_PICKUP, CaseEvent.HAND_OVER): CaseState.DELIVERED,
    (CaseState.READY_FOR_PICKUP, CaseEvent.SHIP): CaseState.SHIPPED,
    (CaseState.SHIPPED, CaseEvent.DELIVER): CaseState.DELIVERED,
    **{(state, CaseEvent.WITHDRAW): CaseState.CLOSED for state in WITHDRAWABLE_STATES},
    **{(state, CaseEvent.TERMINATE): CaseState.CLOSED for state in WITHDRAWABLE_STATES},
    **{(state, CaseEvent.PAY): state for state in PAYABLE_STATES},
    **{(state, CaseEvent.ATTACH_TRANSFER_SHEET): state for state in TRANSFER_SHEET_STATES},
}

# Events the law (or the record) needs a written reason for: 不予受理 must say why, 一次性告知
# lists what is missing, a withdrawal or termination and a 特别程序 are recorded with theirs.
REASON_REQUIRED: frozenset[CaseEvent] = frozenset(
    {
        CaseEvent.REJECT,
        CaseEvent.WITHDRAW,
        CaseEvent.TERMINATE,
        CaseEvent.NOTIFY_MISSING,
        CaseEvent.PAUSE,
        CaseEvent.EXTEND,
        CaseEvent.DENY,
        CaseEvent.REQUEST_SUPPLEMENT,
    }
)


class TransitionRefused(UserError):
    """An event the life cycle does not allow in the case's state, or one missing its reason."""


def next_state(state: CaseState, event: CaseEvent, reason: str = "") -> CaseState:
    """The state after ``event``, or :class:`TransitionRefused` saying why not."""
    target = TRANSITIONS.get((state, event))
    if target is None:
        raise TransitionRefused(
            # 办件当前状态为“{state}”，不能执行“{event}”
            QT_TRANSLATE_NOOP("core", "The case is “{state}”; “{event}” is not possible now"),
            state=msg(STATE_LABELS[state]),
            event=msg(EVENT_LABELS[event]),
        )
    if event in REASON_REQUIRED and not reason.strip():
        raise TransitionRefused(
            # “{event}”需要填写理由
            QT_TRANSLATE_NOOP("core", "“{event}” needs a reason; enter it first"),
            event=msg(EVENT_LABELS[event]),
        )
    return target


def allowed_events(state: CaseState) -> tuple[CaseEvent, ...]:
    """Events possible in ``state``, in the order of :class:`CaseEvent` (for menus and tests)."""
    return tuple(event for event in CaseEvent if (state, event) in TRANSITIONS)
