"""帮办 and 代办 in the demo: some visitors are helped at the window, some act through staff.

帮办: a share of the cases is filled in with a staff member's help, for a reason that fits the
applicant (an organisation is an enterprise, a visitor of 60 or more is elderly). 代办: every
:data:`PROXY_EVERY`-th case is brought in by a 代办 record (opened half an hour before, the
signed 委托书 scanned), which after the case has lived is concluded (its case at an end) or in
turn terminated, paused or left to follow its case; an ended record is called back when its
day has come. Two more records wait on the last working day, one for its 委托书 and one for its
case, so the open list has every next step. Everything is drawn from this module's own
generator: the cases themselves are the ones the seed made before.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from clerk_desk.domain.assistance import Assistance, AssistanceKind, AssistanceReason
from clerk_desk.domain.case import Applicant, ApplicantKind, Case
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.catalog import ServiceItem
from clerk_desk.domain.followups import CallbackOutcome
from clerk_desk.domain.proxy import ProxyRecord
from clerk_desk.domain.roles import Clerk
from clerk_desk.services import demo_people
from clerk_desk.services.intake import IntakeService
from clerk_desk.services.proxy import ProxyService

ASSISTED_SHARE = 0.08  # of the cases taken without a 代办
PROXY_EVERY = 12  # one case in twelve comes through a 代办 record
ELDERLY_AGE = 60
OPENS = time(9)  # the hall opens; a record is not opened before
OTHER_REASONS = (
    AssistanceReason.UNFAMILIAR,
    AssistanceReason.UNFAMILIAR,
    AssistanceReason.DISABLED,
    AssistanceReason.ILL,
    AssistanceReason.OTHER,
)
# What a record with a case still open does after it: in turn.
INTENTS = ("terminate", "pause", "follow")
TERMINATE_REASONS = (
    "申请人改为本人到窗口办理",
    "申请人撤回委托",
    "申请人家属已代为办理",
)
PAUSE_REASONS = (
    "等待申请人补充房产证明",
    "申请人住院，待出院后补签申请表",
    "等待第三方出具证明材料",
)
CALLBACK_NOTES = {
    CallbackOutcome.SATISFIED: "申请人对代办服务满意",
    CallbackOutcome.UNSATISFIED: "申请人认为办理时间较长",
    CallbackOutcome.UNREACHABLE: "电话两次无人接听",
}
# Cases at their end: a 代办 with only such cases can be concluded.
ENDED = frozenset({CaseState.REJECTED, CaseState.DELIVERED, CaseState.CLOSED})


@dataclass
class Assistants:
    """Marks 帮办 on drafts and brings 代办 cases in; ``staff``: the window's accounts."""

    intake: IntakeService
    proxies: ProxyService
    clock: Callable[[], datetime]
    set_clock: Callable[[datetime], None]
    rng: random.Random
    staff: Sequence[Clerk]
    scan: Path  # a page image standing for every signed 委托书
    today: date
    intents: int = 0

    def assist(self, case: Case) -> None:
        """Now and then, the draft (applicant filled in) was done with a staff member's help."""
        if self.rng.random() >= ASSISTED_SHARE:
            return
        helper = self.rng.choice(self.staff)
        reason = _reason(self.rng, case.applicant, self.clock().date())
        assistance = Assistance(
            AssistanceKind.ASSISTED, helper.username, helper.display_name, reason
        )
        self.intake.set_assistance(case, assistance)

    def proxy_draft(
        self, codes: Sequence[str], applicant: Applicant, at: datetime, clerk: str
    ) -> Case:
        """A draft for ``codes`` started at ``at`` from a new 代办 record of ``applicant``
        acted on by ``clerk``: opened up to half an hour before (not before the hall opens),
        its signed 委托书 scanned in between."""
        staff = next(member for member in self.staff if member.username == clerk)
        opening = datetime.combine(at.date(), OPENS)
        opened = max(at - timedelta(minutes=30), min(at, opening))
        record = self._open(opened, codes, staff, applicant)
        self.set_clock(opened + (at - opened) / 2)
        self.proxies.attach_authorisation(record.uuid, self.scan, staff.username)
        self.set_clock(at)
        return self.proxies.start_case(record.uuid, codes, staff)

    def follow(self, case: Case) -> None:
        """After the case has lived: conclude its record when the case is at its end, else
        terminate, pause or leave it, in turn; an ended record is called back in time."""
        record = self.proxies.record(case.assistance.proxy_uuid)
        after = self._after(case)
        if after.date() < self.today:
            now = self.clock()
            self.set_clock(after)
            self._go_on(record, case.state)
            self.set_clock(now)

    def _go_on(self, record: ProxyRecord, state: CaseState) -> None:
        after = self.clock()
        if state in ENDED:
            record = self.proxies.conclude(
                record.uuid, record.staff, "办件均已办结，结果已转交申请人"
            )
        else:
            intent = INTENTS[self.intents % len(INTENTS)]
            self.intents += 1
            if intent == "pause":
                resume = after.date() + timedelta(days=self.rng.randint(3, 10))
                reason = self.rng.choice(PAUSE_REASONS)
                self.proxies.pause(record.uuid, reason, record.staff, resume)
                return
            if intent == "follow":
                return
            reason = self.rng.choice(TERMINATE_REASONS)
            record = self.proxies.terminate(record.uuid, record.staff, reason)
        self._call_back(record)

    def waiting(self, day: date, items: Sequence[ServiceItem]) -> None:
        """Two records of ``day``'s afternoon: one waits for its 委托书, one for its case."""
        codes = [self.rng.choice(items).basic_code]
        self._open(datetime.combine(day, time(16)), codes, self.rng.choice(self.staff))
        opened = self._open(datetime.combine(day, time(16, 30)), codes, self.rng.choice(self.staff))
        self.set_clock(datetime.combine(day, time(16, 40)))
        self.proxies.attach_authorisation(opened.uuid, self.scan, opened.staff)

    def _open(
        self, at: datetime, codes: Sequence[str], staff: Clerk, applicant: Applicant | None = None
    ) -> ProxyRecord:
        self.set_clock(at)
        applicant = applicant or demo_people.individual(self.rng, at.date())
        names = "、".join(item.name for item in self.intake.catalog_items(codes))
        return self.proxies.open(applicant, f"代为办理{names}", codes, staff)

    def _after(self, case: Case) -> datetime:
        """A while after the case's last step."""
        events = self.intake.events(case.uuid)
        last = events[-1].at if events else case.updated_at
        return last + timedelta(minutes=self.rng.randint(20, 90))

    def _call_back(self, record: ProxyRecord) -> None:
        due = record.callback_due
        if due is None or due >= self.today:
            return  # its call-back is still to come
        self.set_clock(datetime.combine(due, time(10, self.rng.randint(0, 59))))
        outcome = self.rng.choices(list(CALLBACK_NOTES), weights=(8, 1, 1))[0]
        self.proxies.call_back(record.uuid, record.staff, outcome, CALLBACK_NOTES[outcome])


def _reason(rng: random.Random, applicant: Applicant, today: date) -> str:
    if applicant.kind is ApplicantKind.ORGANISATION:
        return AssistanceReason.ENTERPRISE
    born = date(int(applicant.id_number[6:10]), 1, 1)
    if today.year - born.year >= ELDERLY_AGE:
        return AssistanceReason.ELDERLY
    return rng.choice(OTHER_REASONS)
