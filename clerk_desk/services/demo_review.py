"""What happens to a demo case after 受理: review by its departments, then output.

The intake routes an accepted case at once; from there each case follows a plan drawn from the
seed, over the working days after its acceptance, and every step of the plan that falls before
today is taken through the desk's review service (pause, resume, extend, approve, deny,
request_supplement, result_ready) or, for payment and output, through
:func:`~clerk_desk.domain.case_effects.apply_event`, so the history is one the life cycle
allows; a hand-over opens the visitor's contact to rate, as the output service's does. A step
not yet due leaves the case where a real one would stand today: in review (overdue when its
deadline passed), paused for a 检验 or 专家评审, decided, waiting at the window (some unpaid),
shipped, or delivered.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from clerk_desk.domain import output_rules
from clerk_desk.domain.case import (
    ApplicantKind,
    Case,
    CasePart,
    MaterialFile,
    PartState,
    PaymentMethod,
)
from clerk_desk.domain.case_effects import apply_event
from clerk_desk.domain.case_states import CaseEvent, CaseState
from clerk_desk.domain.ratings import ContactKind
from clerk_desk.services import demo_pages, demo_people
from clerk_desk.services.case_log import DeskPlace, record_applied
from clerk_desk.services.demo_pages import MEDIA_TYPE
from clerk_desk.services.intake import IntakeService
from clerk_desk.services.ratings import open_contact
from clerk_desk.services.review import ReviewService

INSTANT_SHARE = 0.25  # of the 即办件: decided on the day they are accepted
# Shares (0–1) of the plans for a case with a time limit (承诺件).
# Of every 25 承诺件: a 特别程序 stops the clock of 5, 2 are extended (延长审批), the department
# lets 2 run far past their deadline, the rest go their plain way.
FATES_PER_DECK = {"pause": 5, "extend": 2, "stall": 2, "plain": 16}
# What the department decides.
DENY_SHARE = 0.07
SUPPLEMENT_SHARE = 0.03
# At the window.
UNPAID_SHARE = 0.3  # of the cases with a fee: the applicant has not paid yet
COURIER_SHARE = 0.5  # of the cases whose items may be posted
PAUSE_KINDS = ("检验", "专家评审", "检测", "实地核查")
PAUSE_REASONS = {
    "检验": "需对经营场所设施设备进行检验",
    "专家评审": "需组织专家对申请材料进行技术评审",
    "检测": "需委托有资质的机构进行检测",
    "实地核查": "需对经营场所进行实地核查",
}
DENY_REASONS = (
    "经实地核查，经营场所与申请材料不符",
    "申请人不符合法定条件",
    "主要设备设施不符合相关标准要求",
)
REMEDIES = "如不服本决定，可自收到之日起六十日内申请行政复议，或六个月内提起行政诉讼"
LICENCE_VALIDITY = timedelta(days=5 * 365)
COURIERS = ("中国邮政EMS", "顺丰速运", "京东物流")
APPROVER = "分管局长"
SIGNATURE = "本人签收"
# Minutes between two steps taken on the same day.
SAME_DAY_MINUTES = (5, 90)


@dataclass(frozen=True)
class People:
    """Who acts: reviewers by department, ``stand_in`` (a supervisor) where a department has
    none (the platform lets a reviewer act only for their own department), output clerks."""

    reviewers: Mapping[str, Sequence[str]]
    any_reviewer: Sequence[str]
    output_clerks: Sequence[str]
    stand_in: str

    def reviewer(self, rng: random.Random, department: str) -> str:
        # Drawn the same way whoever acts, so a seed deals the same fates to the same cases.
        drawn = rng.choice(self.reviewers.get(department) or self.any_reviewer)
        return drawn if department in self.reviewers else self.stand_in


class CaseLife:
    """Takes routed demo cases on through review and output, as the plan drawn for each says."""

    def __init__(
        self,
        intake: IntakeService,
        review: ReviewService,
        clock: Callable[[], datetime],
        set_clock: Callable[[datetime], None],
        rng: random.Random,
        workdays: Sequence[date],
        people: People,
    ) -> None:
        self.intake = intake
        self.review = review
        self.clock = clock
        self.set_clock = set_clock
        self.rng = rng
        self.workdays = sorted(workdays)
        self.people = people
        self.fates: list[str] = []

    def live(self, case: Case) -> Case:
        """``case`` (just accepted, in review) taken on through each step due before today."""
        assert case.accepted_on is not None
        days = _Days(self.rng, [day for day in self.workdays if day > case.accepted_on])
        limit = max(part.working_days for part in case.parts)
        plan = self._plan(limit)
        lead = case.parts[0].department
        if plan.pause_days:
            if not days.reach(1, self):
                return case
            kind = self.rng.choice(PAUSE_KINDS)
            case = self.review.pause(
                case,
                self.people.reviewer(self.rng, lead),
                department=lead,
                kind=kind,
                reason=PAUSE_REASONS[kind],
                expected_days=plan.pause_days,
                approved_by=APPROVER,
            )
            if not days.reach(1 + plan.pause_days, self):
                return case
            case = self.review.resume(
                case, self.people.reviewer(self.rng, lead), department=lead, result="结论合格"
            )
        if plan.extend_at:
            if not days.reach(plan.extend_at, self):
                return case
            case = self.review.extend(
                case,
                self.people.reviewer(self.rng, lead),
                department=lead,
                days=plan.extension,
                reason="申请事项情况复杂，需进一步核查",
                approved_by=APPROVER,
            )
        if not days.reach(plan.decide_at, self):
            return case
        for part in list(case.parts):
            if part.state is PartState.DECIDED:
                continue
            case = self._decide(case, part)
            if case.state is CaseState.AWAITING_SUPPLEMENT:
                return case
            days.later(self)
        if not days.reach(plan.decide_at + plan.ready_after, self):
            return case
        case = self.review.result_ready(case, self.people.reviewer(self.rng, lead))
        return self._output(case, days, plan.decide_at + plan.ready_after)

    def _plan(self, limit: int) -> _Plan:
        rng = self.rng
        if limit == 0:  # 即办件: decided on the spot, or in the back office's next days
            decide_at = 0 if rng.random() < INSTANT_SHARE else rng.randint(1, 8)
            return _Plan(decide_at=decide_at, ready_after=0)
        fate = self._fate()
        decide_at = rng.randint(max(1, limit // 2), limit + 2)
        if fate == "pause":
            pause_days = rng.randint(3, 15)
            return _Plan(decide_at=decide_at + pause_days + 1, pause_days=pause_days)
        if fate == "extend":
            extension = rng.randint(3, 10)
            extend_at = rng.randint(1, min(limit, decide_at))
            return _Plan(decide_at=decide_at + extension, extend_at=extend_at, extension=extension)
        if fate == "stall":
            decide_at = limit + rng.randint(8, 20)
        return _Plan(decide_at=decide_at)

    def _fate(self) -> str:
        """What befalls the next 承诺件, dealt from a shuffled deck of :data:`FATES_PER_DECK`
        so that every kind turns up in its share even in a small demo."""
        if not self.fates:
            self.fates = [fate for fate, count in FATES_PER_DECK.items() for _ in range(count)]
            self.rng.shuffle(self.fates)
        return self.fates.pop()

    def _decide(self, case: Case, part: CasePart) -> Case:
        rng = self.rng
        reviewer = self.people.reviewer(rng, part.department)
        roll = rng.random()
        if roll < SUPPLEMENT_SHARE:
            return self.review.request_supplement(
                case,
                reviewer,
                department=part.department,
                materials=[rng.choice(case.materials).name] if case.materials else ["补充说明"],
                reason="申请材料内容不完整，需补正",
                basis="《中华人民共和国行政许可法》第三十二条",
            )
        if roll < SUPPLEMENT_SHARE + DENY_SHARE:
            return self.review.deny(
                case,
                reviewer,
                department=part.department,
                reasons=rng.choice(DENY_REASONS),
                remedies=REMEDIES,
            )
        items = [item for item in case.items if item.basic_code in part.item_codes]
        licence = any(item.issues_licence for item in items)
        return self.review.approve(
            case,
            reviewer,
            department=part.department,
            result_name=items[0].result_name or items[0].name,
            result_number=f"{self.clock():%Y%m%d}{rng.randrange(10**6):06d}" if licence else "",
            valid_until=self.clock().date() + LICENCE_VALIDITY if licence else None,
        )

    def _output(self, case: Case, days: _Days, ready_at: int) -> Case:
        rng = self.rng
        clerk = rng.choice(self.people.output_clerks)
        out_at = ready_at + rng.randint(0, 8)
        if not days.reach(out_at, self):
            return case
        due = output_rules.outstanding(case)
        if due > 0:
            if rng.random() < UNPAID_SHARE:
                return case
            case = self._apply(
                case,
                CaseEvent.PAY,
                clerk,
                {
                    "number": output_rules.payment_code(case.case_no or ""),
                    "method": str(rng.choice(list(PaymentMethod))),
                    "amount": str(due),
                    "payer": case.applicant.name,
                },
            )
            days.later(self)
        if all(item.courier_allowed for item in case.items) and rng.random() < COURIER_SHARE:
            case = self._apply(case, CaseEvent.SHIP, clerk, self._courier(case))
            if days.reach(out_at + rng.randint(1, 4), self):
                case = self._apply(
                    case, CaseEvent.DELIVER, clerk, {"signed_by": case.applicant.name}
                )
            return case
        return self._apply(case, CaseEvent.HAND_OVER, clerk, self._collector(case))

    def _courier(self, case: Case) -> dict[str, Any]:
        rng = self.rng
        return {
            "recipient": case.applicant.name,
            "address": case.applicant.address or demo_people.address(rng),
            "phone": case.applicant.phone,
            "company": rng.choice(COURIERS),
            "tracking_number": f"SF{rng.randrange(10**12):012d}",
        }

    def _collector(self, case: Case) -> dict[str, Any]:
        """The applicant in person, or an agent with a scanned 授权委托书."""
        applicant = case.applicant
        if applicant.kind is ApplicantKind.INDIVIDUAL and case.agent is None:
            return {
                "collector_name": applicant.name,
                "collector_id_kind": str(applicant.id_kind),
                "collector_id_number": applicant.id_number,
                "collector_is_agent": False,
            }
        today = self.clock().date()
        agent = case.agent or demo_people.agent(self.rng, today)
        page = demo_pages.page_png(self.rng)
        stored = self.intake.files.put(page)
        letter = MaterialFile(
            stored.sha256, "授权委托书.png", stored.size, MEDIA_TYPE, self.clock()
        )
        return {
            "collector_name": agent.name,
            "collector_id_kind": str(agent.id_kind),
            "collector_id_number": agent.id_number,
            "collector_is_agent": True,
            "authorisation": letter.to_dict(),
        }

    def _apply(self, case: Case, event: CaseEvent, by: str, payload: dict[str, Any]) -> Case:
        """A payment or output step, applied and recorded as the output desk records it."""
        now = self.clock()
        after = Case.from_dict(case.to_dict())
        apply_event(
            after, event, payload, reason="", at=now, by=by, calendar=self.review.calendar()
        )
        with self.intake.database.write() as session:
            record_applied(
                session,
                after,
                event,
                from_state=case.state,
                by=by,
                at=now,
                place=DeskPlace.from_settings(self.intake.settings),
                payload=payload,
            )
            if event is CaseEvent.HAND_OVER:  # the visitor is at the window: a contact to rate
                open_contact(
                    session,
                    after,
                    ContactKind.HANDOVER,
                    staff=by,
                    at=now,
                    settings=self.intake.settings,
                )
        return after


@dataclass(frozen=True)
class _Plan:
    """Working days after acceptance (0: the acceptance day) on which each step falls."""

    decide_at: int
    ready_after: int = 2
    pause_days: int = 0
    extend_at: int = 0
    extension: int = 0


class _Days:
    """The working days after a case's acceptance and before today, and a moment on them."""

    def __init__(self, rng: random.Random, after: Sequence[date]) -> None:
        self.rng = rng
        self.after = after

    def reach(self, offset: int, life: CaseLife) -> bool:
        """Set the clock to a moment ``offset`` working days after acceptance, later than
        now; ``False`` if that day is not before today (the step is still to come)."""
        if offset > len(self.after):
            return False
        now = life.clock()
        day = now.date() if offset == 0 else self.after[offset - 1]
        if day <= now.date():
            self.later(life)
        else:
            life.set_clock(_opening(self.rng, day))
        return True

    def later(self, life: CaseLife) -> None:
        """A few minutes after the last step, on the same day."""
        life.set_clock(life.clock() + timedelta(minutes=self.rng.randint(*SAME_DAY_MINUTES)))


def _opening(rng: random.Random, day: date) -> datetime:
    """A moment of the morning or afternoon opening hours of ``day``."""
    hour = rng.choice((9, 10, 11, 13, 14, 15))
    return datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=rng.randint(0, 59))
