"""``clerk-desk ratings …``: the arguments. The work is in :mod:`ratings_actions`."""

from __future__ import annotations

import argparse

from clerk_desk.cli.lazy import lazy_handler

ACTIONS = "clerk_desk.cli.ratings_actions"


def register(
    subcommands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    ratings = subcommands.add_parser(
        "ratings",
        parents=[common],
        help="好差评: the visitors' ratings of this desk's contacts and the 差评 follow-ups "
        "(read only; the rater's details are never shown here)",
    )
    actions = ratings.add_subparsers(dest="ratings_command", metavar="ACTION", required=True)

    listing = actions.add_parser(
        "list",
        parents=[common],
        help="the ratings recorded at or pulled to this desk, oldest first",
    )
    listing.add_argument(
        "--json",
        action="store_true",
        help="a JSON array of rating objects (case_no, contact, seq, level, staff, rated_at, "
        "window_number, department, reasons, comment, origin, struck, …)",
    )
    listing.add_argument("--date", metavar="YYYY-MM-DD", help="only ratings given that day")
    listing.set_defaults(handler=lazy_handler(ACTIONS, "list_ratings"))

    followups = actions.add_parser(
        "followups",
        parents=[common],
        help="the 差评 (不满意, 非常不满意) and where their follow-up stands, newest first",
    )
    followups.add_argument(
        "--json",
        action="store_true",
        help="a JSON array: each rating with its state, deadline, overdue flag and steps",
    )
    followups.add_argument(
        "--department", metavar="NAME", help="only the follow-ups this department handles"
    )
    followups.set_defaults(handler=lazy_handler(ACTIONS, "list_followups"))
