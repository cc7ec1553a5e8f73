"""The supervisor's figures counted a second way, from the cases, events and contacts the
services hand out (never from ``case_facts`` nor the report's queries), so a report can be
checked against a count made independently in the test.

``expected_totals(desk, day)`` gives the same keys as ``Report.to_json()["totals"]`` for the
counts; ``expected_by(desk, day, key_of)`` a count per breakdown key.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from case_factory import Clock

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case, CaseEventRecord, Outcome
from clerk_desk.domain.followups import FollowUpState, StepKind
from clerk_desk.domain.ratings import ContactState, RatingLevel, RatingOrigin
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.services.demo_data import make_demo_cases
from clerk_desk.services.intake import CaseQuery

EVENING = datetime(2026, 11, 20, 18, 30)  # a Friday evening: the 日报 is printed
SEED = 20261207
SUPERVISOR = Clerk("supervisor", "陈静", (Role.SUPERVISOR,), "")
INTAKE_KEYS = {
    "submit": "received",
    "accept": "accepted",
    "accept_with_gaps": "accepted_with_gaps",
    "notify_missing": "notified_missing",
    "reject": "rejected",
    "hand_over": "delivered_in_person",
    "deliver": "delivered_by_courier",
    "withdraw": "closed",
    "terminate": "closed",
}


@dataclass
class Hall:
    """Every case of a desk with its events, loaded once."""

    cases: list[Case]
    events: dict[str, list[CaseEventRecord]]


def lived_desk(root: Path, template: Path, cases: int, days: int) -> Desk:
    """A copy of the demo desk ``template`` at ``root`` on a clock stopped at :data:`EVENING`,
    with ``cases`` demo cases over the ``days`` days before, lived through review, output and
    ratings."""
    shutil.copytree(template, root)
    desk = Desk.open(root, demo_mode=True, clock=Clock(EVENING))
    make_demo_cases(desk, cases, days, SEED)
    return desk


def busy_days(hall: Hall) -> list[date]:
    """The days something happened, in order."""
    return sorted({e.at.date() for events in hall.events.values() for e in events})


def load_hall(desk: Desk) -> Hall:
    summaries = desk.intake.find_cases(CaseQuery(limit=100_000))
    cases = [case for s in summaries if (case := desk.intake.case(s.uuid)) is not None]
    return Hall(cases, {case.uuid: desk.intake.events(case.uuid) for case in cases})


def window_of(case: Case) -> int | None:
    return int(case.case_no[14:17]) if case.case_no else None


def lead_department(case: Case) -> str:
    lead = [part for part in case.parts if part.lead] or case.parts
    return lead[0].department if lead else case.items[0].department


def expected_counts(
    hall: Hall,
    day: date,
    key_of: Callable[[Case], object] = lambda case: "all",
    *,
    by_actor: bool = False,
) -> dict[object, Counter[str]]:
    """The case counts of ``day`` per ``key_of(case)`` (one key "all" by default); with
    ``by_actor`` an event counts under who did it instead."""
    found: dict[object, Counter[str]] = {}
    for case in hall.cases:
        counts = found.setdefault(key_of(case), Counter())
        for event in hall.events[case.uuid]:
            if event.at.date() != day or event.event not in INTAKE_KEYS:
                continue
            if by_actor:
                counts = found.setdefault(event.by, Counter())
            counts[INTAKE_KEYS[event.event]] += 1
            if event.event == "submit":
                immediate = all(item.case_kind == "即办件" for item in case.items)
                counts["immediate" if immediate else "committed"] += 1
                if case.assistance.helped:  # 帮办 and 代办, counted apart
                    counts[str(case.assistance.kind)] += 1
        counts = found.setdefault(key_of(case), Counter())
        if case.concluded_at is not None and case.concluded_at.date() == day:
            denied = all(part.outcome is Outcome.DENIED for part in case.parts)
            counts["denied" if denied else "approved"] += 1
            counts["decided"] += 1
            deadline = case.committed_deadline
            concluded = case.concluded_at.date()
            if deadline is not None and concluded < deadline:
                counts["concluded_early"] += 1
            elif deadline is not None and concluded > deadline:
                counts["concluded_late"] += 1
            counts["concluded_on_time"] += int(deadline is None or concluded <= deadline)
    for counts in found.values():
        counts["delivered"] = counts["delivered_in_person"] + counts["delivered_by_courier"]
    return found


def expected_ratings(desk: Desk, day: date) -> Counter[str]:
    """The rating counts of the contacts opened on ``day``."""
    ratings = {rating.contact_uuid: rating for rating in desk.ratings.ratings_on(None)}
    steps = {f.rating.uuid: f for f in desk.ratings.followups(SUPERVISOR, day)}
    counts: Counter[str] = Counter()
    for contact in desk.ratings.contacts_on(day):
        counts["contacts"] += 1
        rating = ratings.get(contact.uuid)
        if rating is None:
            counts["waiting" if contact.state is ContactState.OPEN else "unrated"] += 1
        elif rating.struck:
            counts["struck"] += 1
        else:
            counts[str(rating.level)] += 1
            counts["default_ratings"] += int(rating.origin is RatingOrigin.DEFAULT)
            if rating.level in (RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED):
                counts["bad"] += 1
                kinds = {step.kind for step in steps[rating.uuid].steps}
                counts["followed_up"] += int(StepKind.RECTIFY in kinds)
                counts["called_back"] += int(StepKind.CALLBACK in kinds)
                assert steps[rating.uuid].state is not FollowUpState.STRUCK
    return counts


def assert_counts(figures: dict[str, Any], expected: Counter[str]) -> None:
    """Every count key of ``figures`` (a JSON row) equals the expected count (0 if absent)."""
    for key, value in figures.items():
        if isinstance(value, int) and not isinstance(value, bool) and key in COUNT_KEYS:
            assert value == expected[key], (key, value, expected[key])


COUNT_KEYS = frozenset(
    {
        *INTAKE_KEYS.values(),
        "immediate",
        "committed",
        "decided",
        "approved",
        "denied",
        "delivered",
        "concluded_on_time",
        "concluded_early",
        "concluded_late",
        *(str(level) for level in RatingLevel),
        "unrated",
        "struck",
        "waiting",
        "default_ratings",
        "contacts",
        "bad",
        "followed_up",
        "called_back",
    }
)
