"""``clerk-desk sandbox serve|stats``: the arguments. The work is in :mod:`sandbox_actions`."""

from __future__ import annotations

import argparse
from pathlib import Path

from clerk_desk.cli.lazy import lazy_handler
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg

PORT_MAX = 65535
PORT_DIGITS = len(str(PORT_MAX))
ACTIONS = "clerk_desk.cli.sandbox_actions"


def register(
    subcommands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    sandbox = subcommands.add_parser(
        "sandbox",
        parents=[common],
        help="run the reference central platform (training halls, demos, tests)",
    )
    actions = sandbox.add_subparsers(dest="sandbox_command", metavar="ACTION", required=True)

    serve = actions.add_parser(
        "serve", parents=[common], help="serve the platform's REST API until stopped"
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=port, default=8765, help="0 picks a free port")
    _storage_options(serve)
    serve.set_defaults(handler=lazy_handler(ACTIONS, "serve"))

    stats = actions.add_parser(
        "stats", parents=[common], help="count the cases, events and files the platform holds"
    )
    _storage_options(stats)
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    stats.set_defaults(handler=lazy_handler(ACTIONS, "stats"))


def port(text: str) -> int:
    """A TCP port, 0 to 65535, refused by argparse with what to write otherwise."""
    if text.isdigit() and len(text) <= PORT_DIGITS and int(text) <= PORT_MAX:
        return int(text)
    # 端口须为 0 到 65535 之间的整数，而不是 {value}
    raise argparse.ArgumentTypeError(
        msg(
            QT_TRANSLATE_NOOP(
                "core", "the port must be a whole number from 0 to {most}, not {value}"
            ),
            most=PORT_MAX,
            value=text[:20],
        ).render()
    )


def _storage_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        required=True,
        metavar="URL",
        help="sqlite:////path/platform.sqlite or postgresql+psycopg://user@host/db",
    )
    parser.add_argument(
        "--blob-dir",
        type=Path,
        metavar="DIR",
        help="where file bytes are kept (default: <db file stem>-blobs beside a SQLite file; "
        "required for PostgreSQL)",
    )
