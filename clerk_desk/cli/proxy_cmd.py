"""``clerk-desk proxy …``: the arguments. The work is in :mod:`proxy_actions`."""

from __future__ import annotations

import argparse

from clerk_desk.cli.lazy import lazy_handler

ACTIONS = "clerk_desk.cli.proxy_actions"


def register(
    subcommands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    proxy = subcommands.add_parser(
        "proxy", parents=[common], help="list and show 代办 (proxy service) records"
    )
    actions = proxy.add_subparsers(dest="proxy_command", metavar="ACTION", required=True)

    listing = actions.add_parser(
        "list",
        parents=[common],
        help="代办 records with something left to do, the soonest due first",
    )
    listing.add_argument(
        "--all", action="store_true", help="every record, the newest first, finished ones too"
    )
    listing.add_argument(
        "--json", action="store_true", help="a JSON array of records with their cases"
    )
    listing.set_defaults(handler=lazy_handler(ACTIONS, "list_records"))

    show = actions.add_parser("show", parents=[common], help="one record with its history")
    show.add_argument("number", metavar="NUMBER", help="the 代办编号, e.g. DB20261208-03-001")
    show.add_argument("--json", action="store_true", help="a JSON object with its steps")
    show.set_defaults(handler=lazy_handler(ACTIONS, "show_record"))
