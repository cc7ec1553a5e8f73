"""``python -m platform_sandbox serve|stats|record-payment``: the sandbox's own command line.

``clerk-desk sandbox …`` runs this as a subprocess (the desk never imports the platform).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from platform_sandbox.platform import ConfigurationError, Platform

USAGE_EXIT = 2
REFUSED_EXIT = 1
PORT_MAX = 65535


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="platform_sandbox", description="the reference central platform (sandbox)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    serve = commands.add_parser("serve", help="serve the platform's REST API over HTTP")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=_port, default=8765, help="0 picks a free port")
    serve.add_argument(
        "--exit-with-stdin",
        action="store_true",
        help="stop when stdin reaches its end (the starting process died or closed the pipe)",
    )
    _storage_options(serve)
    stats = commands.add_parser("stats", help="count what the platform holds")
    _storage_options(stats)
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    pay = commands.add_parser(
        "record-payment", help="a fee paid by payment code: store its pay event (user platform)"
    )
    _storage_options(pay)
    pay.add_argument("--case-no", required=True, help="the case number, as printed")
    pay.add_argument("--amount", required=True, help="yuan with two decimals, e.g. 80.00")
    pay.add_argument("--number", default="", help="缴款单号 (default: the case's payment code)")
    return parser


def _port(text: str) -> int:
    if text.isdigit() and len(text) <= len(str(PORT_MAX)) and int(text) <= PORT_MAX:
        return int(text)
    raise argparse.ArgumentTypeError(f"端口须为 0 到 {PORT_MAX} 之间的整数，而不是 {text[:20]}")


def _storage_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        required=True,
        metavar="URL",
        help="sqlite:////path/platform.sqlite or postgresql+psycopg://…",
    )
    parser.add_argument(
        "--blob-dir",
        type=Path,
        metavar="DIR",
        help="where blob bytes are kept (default: <db file stem>-blobs beside a SQLite file)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        platform = Platform.open(args.db, args.blob_dir)
    except ConfigurationError as error:
        print(f"platform_sandbox: {error}", file=sys.stderr)
        return USAGE_EXIT
    try:
        if args.command == "serve":
            return _serve(platform, args.host, args.port, args.exit_with_stdin)
        if args.command == "record-payment":
            return _record_payment(platform, args.case_no, args.amount, args.number)
        return _stats(platform, args.json)
    except (OSError, SQLAlchemyError) as error:
        # A database that cannot be opened, a port in use: say which, in one line.
        cause = getattr(error, "orig", None) or error
        print(f"platform_sandbox: 无法使用 {args.db}（{cause}）", file=sys.stderr)
        return USAGE_EXIT
    finally:
        platform.close()


def _serve(platform: Platform, host: str, port: int, exit_with_stdin: bool) -> int:
    from platform_sandbox.migrate import upgrade_to_head
    from platform_sandbox.seeding import seed
    from platform_sandbox.server import serve

    upgrade_to_head(platform.database)
    seed(platform)
    serve(platform, host, port, exit_with_stdin)
    return 0


def _record_payment(platform: Platform, case_no: str, amount: str, number: str) -> int:
    from platform_sandbox.errors import ApiError
    from platform_sandbox.migrate import upgrade_to_head
    from platform_sandbox.payments import record_payment

    upgrade_to_head(platform.database)
    try:
        reply = record_payment(
            platform, case_no, amount, number, datetime.now().replace(microsecond=0)
        )
    except ApiError as refusal:
        details = "；".join(problem.message for problem in refusal.problems)
        print(
            f"platform_sandbox: {refusal.message}{'：' + details if details else ''}",
            file=sys.stderr,
        )
        return REFUSED_EXIT
    print(f"已记录办件{case_no}的缴费 {amount} 元（变更序号 {reply['seq']}）")
    return 0


def _stats(platform: Platform, as_json: bool) -> int:
    from platform_sandbox.stats import collect

    counts = collect(platform)
    if as_json:
        print(json.dumps(counts))
    else:
        for name, value in counts.items():
            print(f"{name}: {value}")
    return 0
