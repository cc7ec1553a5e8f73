"""What the 好差评 workspace asks the desk for, run on the database thread.

Only the roles that handle a 差评 open this workspace; a reviewer sees their department's
ratings and follow-ups, a supervisor the centre's (as the platform's feed gives them). The
rater's name and phone leave the database thread only where
:meth:`~clerk_desk.services.ratings.RatingService.sees_rater` allows it: everywhere else they
are blanked before the rows reach the window.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from clerk_desk.domain.followups import (
    AppealDecision,
    CallbackOutcome,
    FollowUpState,
    StepKind,
    step_problem,
)
from clerk_desk.domain.ratings import LEVELS, ContactState, Rating, RatingLevel, RatingOrigin
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.services.ratings import FollowUp, RatingService

if TYPE_CHECKING:
    from clerk_desk.desk import Desk

DESK_STEPS: tuple[StepKind, ...] = (
    StepKind.VERIFY,
    StepKind.APPEAL,
    StepKind.RECTIFY,
    StepKind.REPLY,
    StepKind.CALLBACK,
)
"""The steps a desk records (追评 is the rater's and comes from the platform)."""

# A payload each step accepts, so that asking the rule book about a step says only whether
# the role and the follow-up's state allow it, not what the form will say.
_SAMPLE: dict[StepKind, dict[str, Any]] = {
    StepKind.VERIFY: {"finding": "true"},
    StepKind.APPEAL: {"decision": str(AppealDecision.UPHOLD), "reason": "-"},
    StepKind.RECTIFY: {"notes": "-"},
    StepKind.REPLY: {"text": "-"},
    StepKind.CALLBACK: {"outcome": str(CallbackOutcome.SATISFIED)},
}
OPEN_STATES = frozenset(
    {
        FollowUpState.VERIFYING,
        FollowUpState.RECTIFYING,
        FollowUpState.REPLYING,
        FollowUpState.CALLING_BACK,
    }
)


def handles(clerk: Clerk, department: str) -> bool:
    """Whether ``clerk`` sees the ratings of ``department`` here."""
    return clerk.has_role(Role.SUPERVISOR) or (
        clerk.has_role(Role.REVIEWER) and clerk.department == department
    )


def _private(clerk: Clerk, rating: Rating) -> tuple[Rating, bool]:
    """``rating`` as ``clerk`` may see it, and whether the rater is shown."""
    if RatingService.sees_rater(clerk, rating):
        return rating, True
    return dataclasses.replace(rating, rater_name="", rater_phone=""), False


@dataclass(frozen=True)
class RatingLine:
    rating: Rating
    shows_rater: bool


@dataclass(frozen=True)
class DayLoad:
    """The ratings of one day with its counts: per level the active ones not struck, the
    platform's defaults, the struck ones and the contacts left unrated, apart."""

    day: date
    lines: list[RatingLine]
    levels: dict[RatingLevel, int]
    defaults: int
    struck: int
    unrated: int


def load_day(desk: Desk, clerk: Clerk, day: date | None) -> DayLoad:
    day = day or desk.ratings.clock().date()
    ratings = [r for r in desk.ratings.ratings_on(day) if handles(clerk, r.department)]
    contacts = [c for c in desk.ratings.contacts_on(day) if handles(clerk, c.department)]
    levels = dict.fromkeys(LEVELS, 0)
    for rating in ratings:
        if rating.origin is RatingOrigin.ACTIVE and not rating.struck:
            levels[rating.level] += 1
    return DayLoad(
        day=day,
        lines=[RatingLine(*_private(clerk, rating)) for rating in ratings],
        levels=levels,
        defaults=sum(r.origin is RatingOrigin.DEFAULT for r in ratings),
        struck=sum(r.struck for r in ratings),
        unrated=sum(c.state is ContactState.UNRATED for c in contacts),
    )


@dataclass(frozen=True)
class FollowUpLine:
    followup: FollowUp
    shows_rater: bool
    problems: dict[StepKind, str]  # why each desk step cannot be taken now ("" if it can)

    @property
    def uuid(self) -> str:
        return self.followup.rating.uuid

    @property
    def open(self) -> bool:
        return self.followup.state in OPEN_STATES


@dataclass(frozen=True)
class FollowUpsLoad:
    today: date
    lines: list[FollowUpLine]

    @property
    def open(self) -> int:
        return sum(line.open for line in self.lines)

    @property
    def overdue(self) -> int:
        return sum(line.followup.overdue for line in self.lines)


def load_followups(desk: Desk, clerk: Clerk) -> FollowUpsLoad:
    today = desk.ratings.clock().date()
    lines = []
    for followup in desk.ratings.followups(clerk, today):
        rating, shown = _private(clerk, followup.rating)
        lines.append(
            FollowUpLine(
                dataclasses.replace(followup, rating=rating),
                shown,
                step_problems(followup.steps, clerk.roles),
            )
        )
    return FollowUpsLoad(today, lines)


def step_problems(steps: Sequence[Any], roles: Sequence[Role]) -> dict[StepKind, str]:
    """Why each desk step may not be recorded now, by the one rule book (role, then state)."""
    problems = {}
    for kind in DESK_STEPS:
        problem = step_problem(steps, kind, _SAMPLE[kind], roles)
        problems[kind] = problem.render() if problem is not None else ""
    return problems
