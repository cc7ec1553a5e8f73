"""``clerk-desk sandbox serve|stats``: the arguments. The work is in :mod:`sandbox_actions`."""

from __future__ import annotations

import argparse
from pathlib import Path

from clerk_desk.cli.lazy import lazy_handler

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
    serve.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    _storage_options(serve)
    serve.set_defaults(handler=lazy_handler(ACTIONS, "serve"))

    stats = actions.add_parser(
        "stats", parents=[common], help="count the cases, events and files the platform holds"
    )
    _storage_options(stats)
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    stats.set_defaults(handler=lazy_handler(ACTIONS, "stats"))


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
