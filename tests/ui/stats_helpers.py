"""The 统计 workspace's tests: a demo desk on a settable clock, cases made through the real
intake service at known moments, and the workspace shown with its first refresh in."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from case_factory import CLERK, FOOD_LICENCE, SEAL_FILING, Clock, make_case, person
from pytestqt.qtbot import QtBot
from ui_test_helpers import show_active

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case, MaterialMark
from clerk_desk.domain.roles import Clerk
from ui.desk_worker import DeskWorker
from ui.stats.workspace import StatsWorkspace

MONDAY = datetime(2026, 11, 2, 9, 30)  # a working Monday; no holiday in November 2026
TIMEOUT_MS = 15_000


@contextmanager
def clocked_desk(
    template: Path, root: Path, now: datetime = MONDAY
) -> Iterator[tuple[Desk, Clock]]:
    """A copy of the demo desk (accounts, catalog, no cases) whose clock the test sets."""
    shutil.copytree(template, root)
    clock = Clock(now)
    desk = Desk.open(root, demo_mode=True, clock=clock)
    try:
        yield desk, clock
    finally:
        desk.close()


def accepted(
    desk: Desk, clock: Clock, at: datetime, sequence: int = 12, code: str = FOOD_LICENCE
) -> Case:
    clock.now = at
    return make_case(desk, (code,), applicant=person(sequence=sequence), accept_by=CLERK)


def notified(desk: Desk, clock: Clock, at: datetime, sequence: int = 30) -> Case:
    """一次告知: the food licence with every material missing."""
    clock.now = at
    case = make_case(
        desk, (FOOD_LICENCE,), applicant=person(sequence=sequence), mark=MaterialMark.MISSING
    )
    return desk.intake.notify_missing(case, CLERK)


def rejected(desk: Desk, clock: Clock, at: datetime, sequence: int = 40) -> Case:
    clock.now = at
    case = make_case(desk, (SEAL_FILING,), applicant=person(sequence=sequence))
    return desk.intake.reject(case, CLERK, "不属于本中心受理范围")


def open_stats(qtbot: QtBot, worker: DeskWorker, clerk: Clerk) -> StatsWorkspace:
    """The workspace shown, its pages built and today's first figures in."""
    workspace = StatsWorkspace(worker, clerk)
    workspace.resize(1366, 700)
    qtbot.addWidget(workspace)
    with qtbot.waitSignal(workspace.refreshed, timeout=TIMEOUT_MS):
        show_active(qtbot, workspace)
    return workspace
