"""The demo's visitors at the customer display, and the 差评 follow-ups of the demo's
reviewers and supervisor.

The contacts are opened by the services themselves (each intake decision, each hand-over);
here the visitor at the counter answers the display through :class:`RatingService`'s own
pressing methods, on the demo's clock: a level pressed some seconds after the contact opened,
then the reasons and perhaps a comment, or nothing (the visitor walked away and the display
timed out), or a level and then nothing more. The levels are dealt from a shuffled deck
(:data:`LEVELS_PER_DECK`), so even a small demo has every level and some unrated contacts,
mostly 非常满意 and 满意.

When every case is made, each 差评 is taken on by its department's reviewer (the supervisor
where the department has none) as far as a deck of follow-up fates says: left to verify, to
rectify, to reply, to call back, closed, or struck by the supervisor on appeal. The steps fall
on the working days after the rating, before today; what is still open after its deadline is
overdue, as in a real hall. Everything draws from its own seeded generator: the same seed
makes the same ratings.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from clerk_desk.domain.case import Case
from clerk_desk.domain.followups import AppealDecision, CallbackOutcome, Finding, StepKind
from clerk_desk.domain.ratings import ContactState, RatingLevel
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.services.ratings import FollowUp, RatingService

# What the visitor does with the display, per deck of 25 contacts (``None``: walks away).
LEVELS_PER_DECK: dict[RatingLevel | None, int] = {
    RatingLevel.VERY_SATISFIED: 12,
    RatingLevel.SATISFIED: 6,
    RatingLevel.BASIC: 2,
    RatingLevel.DISSATISFIED: 1,
    RatingLevel.VERY_DISSATISFIED: 1,
    None: 3,
}
NO_REASONS_SHARE = 0.1  # of the visitors who press: they leave before choosing reasons
COMMENT_SHARE = 0.3  # of those who choose reasons: they also write a comment
PRESS_SECONDS = (4, 40)  # after the contact opened (at most a quarter of the display's wait)
CHOOSE_SECONDS = (5, 60)  # after the press (likewise)
COMMENTS: dict[RatingLevel, tuple[str, ...]] = {
    RatingLevel.VERY_SATISFIED: ("办理很快，工作人员很耐心", "一次就办好了，点赞", "服务热情周到"),
    RatingLevel.SATISFIED: ("整体不错", "指引清楚", "比预想的快"),
    RatingLevel.BASIC: ("排队时间有点长", "材料要求希望能提前说清楚"),
    RatingLevel.DISSATISFIED: ("等了四十多分钟才办上", "材料清单和网上说的不一样"),
    RatingLevel.VERY_DISSATISFIED: ("跑了三次还没办成", "工作人员态度生硬"),
}

VERIFYING, RECTIFYING, REPLYING, CALLING_BACK, CLOSED, STRUCK = (
    "verifying",
    "rectifying",
    "replying",
    "calling_back",
    "closed",
    "struck",
)
# How far each 差评's follow-up has gone, per deck of 8 (struck: by the supervisor on appeal).
FOLLOWUPS_PER_DECK = {
    VERIFYING: 1,
    RECTIFYING: 1,
    REPLYING: 1,
    CALLING_BACK: 1,
    CLOSED: 3,
    STRUCK: 1,
}
STEPS_TAKEN = {VERIFYING: 0, RECTIFYING: 1, REPLYING: 2, CALLING_BACK: 3, CLOSED: 4, STRUCK: 2}
VERIFY_NOTES = (
    "经回访核实，情况属实",
    "调阅窗口录像，等候时间较长",
    "与评价人电话沟通，了解具体诉求",
)
RECTIFY_NOTES = ("高峰时段增开一个窗口", "更新办事指南材料清单并公示", "对窗口人员开展服务规范培训")
REPLIES = (
    "您反映的问题已核实并整改，感谢您的监督",
    "已对相关人员进行批评教育，欢迎再次监督",
)
STRIKE_REASONS = ("评价内容与办理事项无关，属恶意差评", "评价人误操作，已电话确认")
SAME_DAY_MINUTES = (5, 90)
SUPERVISOR = "supervisor"


@dataclass(frozen=True)
class Handlers:
    """Who takes a 差评 on: reviewers by department, and the supervisor."""

    reviewers: dict[str, list[Clerk]]
    supervisor: Clerk

    @classmethod
    def of(cls, accounts: Sequence[Clerk]) -> Handlers:
        reviewers: dict[str, list[Clerk]] = {}
        for account in accounts:
            if account.has_role(Role.REVIEWER):
                reviewers.setdefault(account.department, []).append(account)
        supervisor = next(
            (account for account in accounts if account.has_role(Role.SUPERVISOR)),
            Clerk(SUPERVISOR, SUPERVISOR, (Role.SUPERVISOR,), ""),
        )
        return cls(reviewers, supervisor)

    def handler(self, rng: random.Random, department: str) -> Clerk:
        return rng.choice(self.reviewers.get(department) or [self.supervisor])


class Visitors:
    """Answers the display for every contact a demo case opens, then takes the 差评 on."""

    def __init__(
        self,
        ratings: RatingService,
        clock: Callable[[], datetime],
        set_clock: Callable[[datetime], None],
        rng: random.Random,
    ) -> None:
        self.ratings = ratings
        self.clock = clock
        self.set_clock = set_clock
        self.rng = rng
        self.levels: list[RatingLevel | None] = []
        self.fates: list[str] = []
        self.reasons = ratings.reason_list()  # the list the display shows all along

    def answer(self, case: Case) -> None:
        """The visitor's answer to each open contact of ``case`` (the decision just taken, a
        hand-over); the clock is left where it was."""
        now = self.clock()
        for contact in self.ratings.contacts_of(case.uuid):
            if contact.state is not ContactState.OPEN:
                continue
            level = self._level()
            # The display's wait is a setting: press and choose well inside it.
            quarter = int((contact.expires_at - contact.opened_at).total_seconds()) // 4
            if level is None or quarter < 1:  # walked away: the display gives up in time
                self.set_clock(contact.expires_at)
                self.ratings.walk_away(contact.uuid)
                continue
            self.set_clock(contact.opened_at + self._seconds(PRESS_SECONDS, quarter))
            self.ratings.press(contact.uuid, level)
            if self.rng.random() < NO_REASONS_SHARE:
                self.set_clock(contact.expires_at)
                self.ratings.walk_away(contact.uuid)
                continue
            self.set_clock(self.clock() + self._seconds(CHOOSE_SECONDS, quarter))
            offered = self.reasons.for_level(level)
            chosen = self.rng.sample(offered, self.rng.randint(0, min(3, len(offered))))
            comment = ""
            if self.rng.random() < COMMENT_SHARE or level in (
                RatingLevel.DISSATISFIED,
                RatingLevel.VERY_DISSATISFIED,
            ):
                comment = self.rng.choice(COMMENTS[level])
            codes = [reason.code for reason in chosen]
            self.ratings.submit(contact.uuid, codes, comment, self.reasons.version)
        self.set_clock(now)

    def follow_up(self, handlers: Handlers, workdays: Sequence[date], today: date) -> None:
        """Take every 差评 on as far as its fate says, oldest first."""
        followups = self.ratings.followups(handlers.supervisor, today)
        for followup in sorted(followups, key=lambda f: (f.rating.rated_at, f.rating.uuid)):
            if followup.steps:
                continue  # taken on already (a demo run before this one)
            self._take_on(followup, handlers, workdays, today)

    def _take_on(
        self, followup: FollowUp, handlers: Handlers, workdays: Sequence[date], today: date
    ) -> None:
        rng = self.rng
        fate = self._fate()
        rating = followup.rating
        handler = handlers.handler(rng, rating.department)
        steps: list[tuple[StepKind, dict[str, str], Clerk]] = []
        if fate == STRUCK:
            steps = [
                (StepKind.VERIFY, {"finding": str(Finding.MALICIOUS)}, handler),
                (
                    StepKind.APPEAL,
                    {"decision": str(AppealDecision.STRIKE), "reason": rng.choice(STRIKE_REASONS)},
                    handlers.supervisor,
                ),
            ]
        else:
            finding = rng.choice((Finding.TRUE, Finding.TRUE, Finding.REASONABLE))
            outcome = rng.choice(
                (CallbackOutcome.SATISFIED,) * 3
                + (CallbackOutcome.UNSATISFIED, CallbackOutcome.UNREACHABLE)
            )
            steps = [
                (
                    StepKind.VERIFY,
                    {"finding": str(finding), "notes": rng.choice(VERIFY_NOTES)},
                    handler,
                ),
                (StepKind.RECTIFY, {"notes": rng.choice(RECTIFY_NOTES)}, handler),
                (StepKind.REPLY, {"text": rng.choice(REPLIES)}, handler),
                (StepKind.CALLBACK, {"outcome": str(outcome)}, handler),
            ][: STEPS_TAKEN[fate]]
        after = [day for day in workdays if rating.rated_at.date() < day < today]
        moment = rating.rated_at
        for number, (kind, payload, clerk) in enumerate(steps):
            if number < len(after):
                moment = max(moment, _opening(rng, after[number]))
            moment += timedelta(minutes=rng.randint(*SAME_DAY_MINUTES))
            self.set_clock(moment)
            self.ratings.add_step(rating.uuid, kind, payload, clerk)

    def _level(self) -> RatingLevel | None:
        if not self.levels:
            self.levels = [level for level, n in LEVELS_PER_DECK.items() for _ in range(n)]
            self.rng.shuffle(self.levels)
        return self.levels.pop()

    def _fate(self) -> str:
        if not self.fates:
            self.fates = [fate for fate, n in FOLLOWUPS_PER_DECK.items() for _ in range(n)]
            self.rng.shuffle(self.fates)
        return self.fates.pop()

    def _seconds(self, bounds: tuple[int, int], most: int) -> timedelta:
        low, high = bounds
        return timedelta(seconds=self.rng.randint(min(low, most), min(high, most)))


def _opening(rng: random.Random, day: date) -> datetime:
    """A moment of the morning or afternoon opening hours of ``day``."""
    hour = rng.choice((9, 10, 11, 13, 14, 15))
    return datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=rng.randint(0, 59))
