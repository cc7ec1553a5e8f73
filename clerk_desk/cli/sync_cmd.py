"""``clerk-desk sync …``: the arguments. The work is in :mod:`sync_actions`."""

from __future__ import annotations

import argparse

from clerk_desk.cli.lazy import lazy_handler

ACTIONS = "clerk_desk.cli.sync_actions"


def register(
    subcommands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    sync = subcommands.add_parser(
        "sync",
        parents=[common],
        help="send the outbox to the central platform and fetch its changes; exit 0 only "
        "when the whole pass reached the platform and nothing is left pending or refused",
    )
    sync.add_argument("--once", action="store_true", required=True, help="one full pass, then exit")
    sync.add_argument("--json", action="store_true", help="print the result as one JSON object")
    sync.add_argument(
        "--user",
        metavar="NAME",
        help="sign in to the platform as NAME first (password from standard input when it "
        "is not a terminal, else asked for); not needed in demo mode",
    )
    sync.set_defaults(handler=lazy_handler(ACTIONS, "sync_once"))
