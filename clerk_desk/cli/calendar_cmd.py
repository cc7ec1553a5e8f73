"""``clerk-desk calendar …``: the arguments. The work is in :mod:`calendar_actions`."""

from __future__ import annotations

import argparse
from pathlib import Path

from clerk_desk.cli.lazy import lazy_handler

ACTIONS = "clerk_desk.cli.calendar_actions"


def register(
    subcommands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    calendar = subcommands.add_parser(
        "calendar",
        parents=[common],
        help="the official working calendars deadlines are computed with",
    )
    actions = calendar.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)

    importing = actions.add_parser(
        "import",
        parents=[common],
        help="load the official calendar of a new year from a JSON file "
        "(format: resources/calendars/README.md; a file with any fault is refused whole) "
        "and compute the deadlines of open cases again",
    )
    importing.add_argument("file", metavar="FILE", type=Path)
    importing.add_argument(
        "--json",
        action="store_true",
        help="the loaded calendar and the deadlines it changed, as one JSON object",
    )
    importing.set_defaults(handler=lazy_handler(ACTIONS, "import_calendar"))

    listing = actions.add_parser(
        "list", parents=[common], help="the years whose official calendar is known, and sources"
    )
    listing.add_argument("--json", action="store_true", help="one JSON object per year")
    listing.set_defaults(handler=lazy_handler(ACTIONS, "list_calendars"))
