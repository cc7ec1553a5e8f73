"""Demo cases for training, benchmarks and reports, made through the intake service itself.

Each case goes the way a clerk takes it: a draft for one or two catalog items, the situation
questions answered, an applicant (a person with a valid ID number, or an organisation with a
valid credit code, sometimes through an agent), the checklist marked, and then a decision:
mostly 受理, some 容缺受理, some 一次性告知, a few 不予受理 with a written reason, and some left
as drafts. An accepted case is routed and lives on through review and output as far as its
days before today reach (:mod:`demo_review`). At each intake decision and hand-over the
visitor answers the customer display, and the 差评 are followed up (:mod:`demo_ratings`).
The services' clock is set to each case's moment, so case numbers, events and deadlines fall
on the working days before today, inside the hall's opening hours.

Materials taken as electronic files (形式 电子) get a small generated page image
(:mod:`demo_pages`), stored in the desk's file store like an imported file, so sync and storage
have real files to carry. The same seed on the same desk and day gives the same cases (only the
UUIDs differ).
"""

from __future__ import annotations

import random
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_desk.domain.assistance import AssistanceKind
from clerk_desk.domain.case import Applicant, Case, CaseMaterial, MaterialMark
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.catalog import ServiceItem
from clerk_desk.domain.materials import APPLICANT_QUESTION, BY_AGENT
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP
from clerk_desk.services import demo_pages, demo_people
from clerk_desk.services.demo_assistance import PROXY_EVERY, Assistants
from clerk_desk.services.demo_pages import MEDIA_TYPE
from clerk_desk.services.demo_ratings import Handlers, Visitors
from clerk_desk.services.demo_review import CaseLife, People
from clerk_desk.services.intake import IntakeService
from clerk_desk.services.proxy import ProxyService
from clerk_desk.services.ratings import RatingService
from clerk_desk.services.review import ReviewService

if TYPE_CHECKING:
    from clerk_desk.desk import Desk

MAX_CASES = 200_000
MAX_DAYS = 3650
# Well below the 9,999 case numbers a window has per day, whatever the random spread.
MAX_PER_DAY = 5_000
# The hall's opening hours: 9:00–12:00 and 13:00–17:00.
MORNING = (time(9), time(12))
AFTERNOON = (time(13), time(17))
DEFAULT_CLERK = "clerk"
DEFAULT_REVIEWER = "reviewer"
DEFAULT_OUTPUT_CLERK = "output"

Progress = Callable[[int, int], None]


class DemoDataError(UserError):
    pass


ACCEPT, GAPS, NOTIFY, REJECT, DRAFT = "accept", "gaps", "notify", "reject", "draft"
# What happens to a case at the window, and how often (in percent).
OUTCOMES = {ACCEPT: 70, GAPS: 8, NOTIFY: 10, REJECT: 4, DRAFT: 8}
REJECT_REASONS = (
    "申请事项依法不属于本机关职权范围，请向有关行政机关申请",
    "申请人不具备申请资格",
    "申请事项依法不需要取得行政许可",
    "申请人隐瞒有关情况或者提供虚假材料",
    "该申请事项已有生效决定，不得重复申请",
)
DEFECT_NOTES = (
    "复印件不清晰",
    "未加盖单位公章",
    "已超过有效期",
    "签字不全",
    "与原件不一致",
    "内容填写不完整",
)
ORGANISATION_SHARE = 0.35
AGENT_SHARE = 0.2
SECOND_ITEM_SHARE = 0.1
PROMISE_SHARE = 0.15


def check_request(cases: int, days: int) -> None:
    """Refuse counts the desk cannot or should not make, saying what is allowed."""
    if not 1 <= cases <= MAX_CASES:
        raise DemoDataError(
            # 办件数量须在1至{most}之间
            QT_TRANSLATE_NOOP("core", "The number of cases must be from 1 to {most}"),
            most=MAX_CASES,
        )
    if not 1 <= days <= MAX_DAYS:
        raise DemoDataError(
            # 天数须在1至{most}之间
            QT_TRANSLATE_NOOP("core", "The number of days must be from 1 to {most}"),
            most=MAX_DAYS,
        )


def make_demo_cases(
    desk: Desk,
    cases: int,
    days: int,
    seed: int,
    progress: Progress | None = None,
) -> Counter[CaseState]:
    """Create ``cases`` cases over the ``days`` days before today; how many ended in which
    state. ``progress(done, total)`` is called after each case."""
    check_request(cases, days)
    if not desk.demo_mode:  # made-up cases, and visitors pressing the display: demo only
        raise DemoDataError(
            # 演示办件只能生成在演示模式的工作台中，请加上 --demo
            QT_TRANSLATE_NOOP("core", "Demo cases go only into a demo desk; add --demo to use one")
        )
    rng = random.Random(seed)
    today = desk.clock().date()
    workdays = _working_days(desk, today, days)
    if cases > len(workdays) * MAX_PER_DAY:
        # {cases}件办件对{workdays}个工作日太多了；每个工作日最多{per_day}件，请增加天数
        raise DemoDataError(
            QT_TRANSLATE_NOOP(
                "core",
                "{cases} cases on {workdays} working days are too many; at most {per_day} a "
                "working day, so give more days",
            ),
            cases=cases,
            workdays=len(workdays),
            per_day=MAX_PER_DAY,
        )
    # 帮办 and 代办 draw from their own generator; one page stands for every signed 委托书.
    with tempfile.TemporaryDirectory(prefix="clerk-desk-demo-") as folder:
        scan = Path(folder) / "代办服务委托书.png"
        scan.write_bytes(demo_pages.page_png(random.Random(f"scan-{seed}")))
        return _make(desk, cases, rng, seed, workdays, scan, progress)


def _make(
    desk: Desk,
    cases: int,
    rng: random.Random,
    seed: int,
    workdays: list[date],
    scan: Path,
    progress: Progress | None,
) -> Counter[CaseState]:
    today = desk.clock().date()
    clock = _Clock(datetime.combine(today, time(9)))
    intake = IntakeService(
        desk.database, desk.catalog, desk.settings, clock, desk.intake.work_calendar
    )
    review = ReviewService(
        desk.database, desk.catalog, desk.settings, clock, desk.intake.work_calendar
    )
    # The life after acceptance draws from its own generator: the cases taken in at the
    # window are the same as before there was one.
    life_rng = random.Random(f"life-{seed}")
    life = CaseLife(intake, review, clock, clock.set, life_rng, workdays, _people(desk))
    staff = _staff(desk)
    proxies = ProxyService(desk.database, intake, desk.settings, clock, desk.intake.work_calendar)
    help_rng = random.Random(f"help-{seed}")
    assistants = Assistants(intake, proxies, clock, clock.set, help_rng, staff, scan, today)
    items = desk.catalog.items()
    maker = _CaseMaker(intake, clock, rng, items, [s.username for s in staff], assistants)
    # The visitors, too, draw from their own generator (and leave the clock where it was).
    ratings = RatingService(desk.database, desk.settings, clock, desk.intake.work_calendar)
    visitors = Visitors(ratings, clock, clock.set, random.Random(f"ratings-{seed}"))
    moments = sorted(_moment(rng, rng.choice(workdays)) for _ in range(cases))
    states: Counter[CaseState] = Counter()
    for done, moment in enumerate(moments, start=1):
        proxied = (done - 1) % PROXY_EVERY == 0
        case = maker.make(moment, proxied)
        visitors.answer(case)  # the decision's contact (a draft has none)
        if case.state is CaseState.IN_REVIEW:
            case = life.live(case)
            visitors.answer(case)  # a hand-over's
        if proxied:
            assistants.follow(case)
        states[case.state] += 1
        if progress is not None:
            progress(done, cases)
    assistants.waiting(workdays[-1], items)
    visitors.follow_up(Handlers.of(desk.accounts.accounts()), workdays, today)
    return states


class _Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, now: datetime) -> None:
        self.now = now


class _CaseMaker:
    def __init__(
        self,
        intake: IntakeService,
        clock: _Clock,
        rng: random.Random,
        items: Sequence[ServiceItem],
        clerks: Sequence[str],
        assistants: Assistants,
    ) -> None:
        if not items:
            raise DemoDataError(
                # 事项目录为空，无法生成演示办件；请先导入事项目录
                QT_TRANSLATE_NOOP(
                    "core", "The catalog is empty; import a catalog before making demo cases"
                )
            )
        self.intake = intake
        self.clock = clock
        self.rng = rng
        # Pages draw from their own generator, so adding them changed none of the cases.
        self.page_rng = random.Random(rng.random())
        self.items = items
        self.clerks = clerks
        self.assistants = assistants

    def make(self, decided_at: datetime, proxied: bool = False) -> Case:
        """One case taken at ``decided_at``, its draft begun a few minutes earlier; by a
        代办 record when ``proxied``, else now and then with a staff member's help (帮办)."""
        rng = self.rng
        clerk = rng.choice(self.clerks)
        outcome = rng.choices(list(OUTCOMES), weights=list(OUTCOMES.values()))[0]
        self.clock.now = decided_at - timedelta(seconds=rng.randint(120, 900))
        codes = self._item_codes()
        applicant = self._applicant(decided_at.date())
        if proxied:
            case = self.assistants.proxy_draft(codes, applicant, self.clock.now, clerk)
        else:
            case = self.intake.create_draft(codes, clerk)
            case.applicant = applicant
        self._fill_in(case, decided_at.date())
        if not proxied:
            self.assistants.assist(case)
        self.clock.now = decided_at
        # A case with nothing that may be a gap (or nothing required) is simply accepted.
        if outcome == GAPS and _gap_candidates(case):
            return self._accept_with_gaps(case, clerk)
        required = _required(case)
        if outcome == NOTIFY and required:
            self._mark_all(case)
            for material in rng.sample(required, min(len(required), rng.randint(1, 2))):
                self._fault(material)
            return self.intake.notify_missing(case, clerk)
        if outcome == REJECT:
            self._mark_all(case)
            return self.intake.reject(case, clerk, rng.choice(REJECT_REASONS))
        if outcome == DRAFT:
            self.intake.save_draft(case)
            return case
        self._mark_all(case)
        return self.intake.accept(case, clerk)

    def _item_codes(self) -> list[str]:
        first = self.rng.choice(self.items)
        codes = [first.basic_code]
        if self.rng.random() < SECOND_ITEM_SHARE:
            related = [
                item
                for item in self.items
                if item.window_category == first.window_category and item is not first
            ]
            if related:
                codes.append(self.rng.choice(related).basic_code)
        return codes

    def _applicant(self, today: date) -> Applicant:
        if self.rng.random() < ORGANISATION_SHARE:
            return demo_people.organisation(self.rng)
        return demo_people.individual(self.rng, today)

    def _fill_in(self, case: Case, today: date) -> None:
        """The answers to the situation questions, and the checklist they give. A 代办 case
        has no agent of its own: staff act for the applicant (the agent is drawn all the same,
        so the cases after it stay as the seed made them)."""
        rng = self.rng
        for item in self.intake.situations(case):
            for situation in item.situations:
                case.answers.setdefault(situation.key, rng.choice(situation.option_keys()))
        by_agent = rng.random() < AGENT_SHARE
        agent = demo_people.agent(rng, today) if by_agent else None
        by_agent = by_agent and case.assistance.kind is not AssistanceKind.PROXY
        if APPLICANT_QUESTION in case.answers:
            case.answers[APPLICANT_QUESTION] = BY_AGENT if by_agent else "self"
        if by_agent:
            case.agent = agent
        self.intake.refresh_materials(case)

    def _mark_all(self, case: Case) -> None:
        """Everything required brought (or promised, where allowed); optional ones sometimes.
        An electronic material comes as a file: a generated page image."""
        for material in case.materials:
            if material.promise_allowed and self.rng.random() < PROMISE_SHARE:
                material.mark = MaterialMark.PROMISED
            elif material.required or self.rng.random() < 0.5:
                _receive(material)
                if material.mark is MaterialMark.ATTACHED:
                    page = demo_pages.page_png(self.page_rng)
                    name = f"{material.name[:40]}.png"
                    self.intake.attach_generated(case, material.name, name, page, MEDIA_TYPE)
            else:
                material.mark = MaterialMark.MISSING

    def _fault(self, material: CaseMaterial) -> None:
        if self.rng.random() < 0.5:
            _not_brought(material)
        else:
            material.mark = MaterialMark.DEFECTIVE
            material.note = self.rng.choice(DEFECT_NOTES)

    def _accept_with_gaps(self, case: Case, clerk: str) -> Case:
        self._mark_all(case)
        candidates = _gap_candidates(case)
        for material in self.rng.sample(candidates, self.rng.randint(1, len(candidates))):
            _not_brought(material)
        today = self.clock.now.date()
        committed = self.intake.deadline_for(case, today).deadline
        supplement = today + timedelta(days=self.rng.randint(0, (committed - today).days))
        return self.intake.accept_with_gaps(case, clerk, supplement)


def _receive(material: CaseMaterial) -> None:
    if material.form == "电子":
        material.mark = MaterialMark.ATTACHED
    else:
        material.mark = MaterialMark.RECEIVED
        material.received_form = material.form
        material.received_copies = material.copies


def _not_brought(material: CaseMaterial) -> None:
    material.mark = MaterialMark.MISSING
    material.received_form, material.received_copies, material.files = "", 0, ()


def _required(case: Case) -> list[CaseMaterial]:
    return [material for material in case.materials if material.required]


def _gap_candidates(case: Case) -> list[CaseMaterial]:
    return [material for material in case.materials if material.required and material.gap_allowed]


def _working_days(desk: Desk, today: date, days: int) -> list[date]:
    """The working days among the ``days`` days before today (all of them if none is one)."""
    calendar = desk.intake.work_calendar()
    span = [today - timedelta(days=back) for back in range(days, 0, -1)]
    working = []
    for day in span:
        known = calendar.is_workday(day)
        if day.weekday() < 5 if known is None else known:
            working.append(day)
    return working or span


def _moment(rng: random.Random, day: date) -> datetime:
    """A random second of the opening hours of ``day``."""
    morning, afternoon = (
        (datetime.combine(day, start), datetime.combine(day, end))
        for start, end in (MORNING, AFTERNOON)
    )
    morning_seconds = int((morning[1] - morning[0]).total_seconds())
    afternoon_seconds = int((afternoon[1] - afternoon[0]).total_seconds())
    offset = rng.randrange(morning_seconds + afternoon_seconds)
    if offset < morning_seconds:
        return morning[0] + timedelta(seconds=offset)
    return afternoon[0] + timedelta(seconds=offset - morning_seconds)


def _people(desk: Desk) -> People:
    """The demo's reviewers (by department, a supervisor for the others) and output clerks,
    from the desk's accounts."""
    accounts = desk.accounts.accounts()
    reviewers: dict[str, list[str]] = {}
    for account in accounts:
        if account.has_role(Role.REVIEWER):
            reviewers.setdefault(account.department, []).append(account.username)
    output = [account.username for account in accounts if account.has_role(Role.OUTPUT_CLERK)]
    supervisors = [account.username for account in accounts if account.has_role(Role.SUPERVISOR)]
    any_reviewer = [name for names in reviewers.values() for name in names] or [DEFAULT_REVIEWER]
    return People(
        reviewers=reviewers,
        any_reviewer=any_reviewer,
        output_clerks=output or [DEFAULT_OUTPUT_CLERK],
        stand_in=supervisors[0] if supervisors else any_reviewer[0],
    )


def _staff(desk: Desk) -> list[Clerk]:
    """The accounts that take cases at the window, or the demo clerk if none does."""
    takers = [
        clerk
        for clerk in desk.accounts.accounts()
        if clerk.has_role(Role.INTAKE_CLERK) or clerk.has_role(Role.SUPERVISOR)
    ]
    return takers or [Clerk(DEFAULT_CLERK, DEFAULT_CLERK, (Role.INTAKE_CLERK,), "")]
