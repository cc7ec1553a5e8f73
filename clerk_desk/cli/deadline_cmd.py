"""``clerk-desk deadline``: the arguments. The work is in :mod:`deadline_actions`.

Dates and numbers are taken as plain strings and checked by the action, so that a typing
mistake is answered in the desk's language (argparse would answer in English).
"""

from __future__ import annotations

import argparse

from clerk_desk.cli.lazy import lazy_handler


def register(
    subcommands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    deadline = subcommands.add_parser(
        "deadline",
        parents=[common],
        help="compute a committed deadline in working days (holidays and 调休 counted)",
    )
    deadline.add_argument(
        "--from",
        dest="accepted_on",
        metavar="DATE",
        required=True,
        help="acceptance date, YYYY-MM-DD",
    )
    deadline.add_argument(
        "--days",
        metavar="N",
        required=True,
        help="promised working days, counted from the next day; 0 = 即办件 (the same day)",
    )
    deadline.add_argument(
        "--pause",
        metavar="START/END",
        action="append",
        default=[],
        help="days in a special procedure (特别程序), both ends included, do not count; repeatable",
    )
    deadline.add_argument("--json", action="store_true", help="print the result as JSON")
    deadline.set_defaults(handler=lazy_handler("clerk_desk.cli.deadline_actions", "compute"))
