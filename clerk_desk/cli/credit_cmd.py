"""``clerk-desk credit …``: the arguments. The work is in :mod:`credit_actions`."""

from __future__ import annotations

import argparse
from pathlib import Path

from clerk_desk.cli.lazy import lazy_handler

ACTIONS = "clerk_desk.cli.credit_actions"


def register(
    subcommands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    credit = subcommands.add_parser(
        "credit",
        parents=[common],
        help="the dishonesty list (失信名单) kept at this desk; listed applicants cannot be "
        "accepted with gaps",
    )
    actions = credit.add_subparsers(dest="credit_command", metavar="ACTION", required=True)

    importing = actions.add_parser(
        "import",
        parents=[common],
        help="replace the list with a CSV file (columns 证件号码 or 统一社会信用代码, 名称, "
        "来源, 列入日期, optional 备注; UTF-8 or GB18030); a file with any fault is refused whole",
    )
    importing.add_argument("file", metavar="FILE.csv", type=Path)
    importing.add_argument(
        "--allow-empty",
        action="store_true",
        help="a file with no rows empties the list (without it such a file is refused)",
    )
    importing.set_defaults(handler=lazy_handler(ACTIONS, "import_list"))

    listing = actions.add_parser("list", parents=[common], help="the parties on the list")
    listing.add_argument("--json", action="store_true", help="a JSON array of the parties")
    listing.set_defaults(handler=lazy_handler(ACTIONS, "list_parties"))
