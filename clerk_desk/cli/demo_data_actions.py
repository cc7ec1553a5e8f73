"""What ``clerk-desk demo-data`` does: demo cases made through the intake service.

Only a demo desk takes them: made-up cases on a production desk would be uploaded to the
platform with the real ones.
"""

from __future__ import annotations

import argparse
import sys

from clerk_desk.desk import Desk
from clerk_desk.domain.case_states import STATE_LABELS
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg, translate
from clerk_desk.services.demo_data import check_request, make_demo_cases

# How many progress updates a run prints at most, so a big run does not flood the terminal.
PROGRESS_STEPS = 100


class DemoDataRefused(UserError):
    pass


def make_demo_data(args: argparse.Namespace) -> int:
    check_request(args.cases, args.days)
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        if not desk.demo_mode:
            raise DemoDataRefused(
                # 演示办件只能生成在演示模式的工作台中，请加上 --demo
                QT_TRANSLATE_NOOP(
                    "core", "Demo cases go only into a demo desk; add --demo to use one"
                )
            )
        progress = ProgressLine()
        try:
            states = make_demo_cases(desk, args.cases, args.days, args.seed, progress)
        finally:
            progress.end()  # also before an error message, which then reads as one line
    summary = "、".join(
        f"{translate('core', STATE_LABELS[state])} {count}"
        for state, count in sorted(states.items())
    )
    print(
        msg(
            # 已生成{count}件演示办件（{days}天内）：{states}
            QT_TRANSLATE_NOOP("core", "Made {count} demo cases over {days} days: {states}"),
            count=sum(states.values()),
            days=args.days,
            states=summary,
        )
    )
    return 0


class ProgressLine:
    """ "Making demo cases: done/total" rewritten in place on stderr."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        step = max(1, total // PROGRESS_STEPS)
        if done % step and done != total:
            return
        line = msg(
            # 正在生成演示办件：{done}/{total}
            QT_TRANSLATE_NOOP("core", "Making demo cases: {done}/{total}"),
            done=done,
            total=total,
        )
        print(f"\r{line}", end="", file=sys.stderr, flush=True)
        self.shown = True

    def end(self) -> None:
        """End the line, if one was shown."""
        if self.shown:
            print(file=sys.stderr)
            self.shown = False
