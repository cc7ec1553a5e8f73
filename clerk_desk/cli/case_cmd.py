"""``clerk-desk case …``: the arguments. The work is in :mod:`case_actions`."""

from __future__ import annotations

import argparse

from clerk_desk.cli.lazy import lazy_handler

ACTIONS = "clerk_desk.cli.case_actions"


def register(
    subcommands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    case = subcommands.add_parser("case", parents=[common], help="list and show cases")
    actions = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)

    listing = actions.add_parser(
        "list", parents=[common], help="cases received on this desk, newest first"
    )
    listing.add_argument(
        "--json",
        action="store_true",
        help="a JSON array of case objects (with their parts, special procedures, payments "
        "and delivery)",
    )
    listing.add_argument("--date", metavar="YYYY-MM-DD", help="only cases received that day")
    listing.add_argument(
        "--state",
        metavar="STATE",
        help="only cases in this state (draft, received, in_review, paused, decided, "
        "ready_for_pickup, shipped, delivered, …)",
    )
    listing.set_defaults(handler=lazy_handler(ACTIONS, "list_cases"))

    show = actions.add_parser("show", parents=[common], help="one case with its history")
    show.add_argument("case_no", metavar="CASE_NO", help="the 22-character case number")
    show.add_argument("--json", action="store_true", help="a JSON object with the events")
    show.set_defaults(handler=lazy_handler(ACTIONS, "show_case"))
