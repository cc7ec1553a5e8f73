"""``clerk-desk demo-data``: the arguments. The work is in :mod:`demo_data_actions`."""

from __future__ import annotations

import argparse

from clerk_desk.cli.lazy import lazy_handler

ACTIONS = "clerk_desk.cli.demo_data_actions"


def register(
    subcommands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    demo_data = subcommands.add_parser(
        "demo-data",
        parents=[common],
        help="make realistic demo cases through the intake service (demo desks only)",
    )
    demo_data.add_argument(
        "--cases", metavar="N", type=int, required=True, help="how many cases (1 to 200000)"
    )
    demo_data.add_argument(
        "--days",
        metavar="D",
        type=int,
        default=30,
        help="spread them over the working days of the last D days (default 30)",
    )
    demo_data.add_argument(
        "--seed", metavar="S", type=int, default=1, help="the same seed makes the same cases"
    )
    demo_data.set_defaults(handler=lazy_handler(ACTIONS, "make_demo_data"))
