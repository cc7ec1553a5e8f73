"""``python -m platform_sandbox serve|stats|record-payment|publish-reasons|append-rating|
apply-default-ratings``: the sandbox's own command line.

``clerk-desk sandbox …`` runs this as a subprocess (the desk never imports the platform).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from clerk_desk.domain.ratings import CodeOrder
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
    publish = commands.add_parser(
        "publish-reasons", help="publish the next version of the rating reasons list"
    )
    _storage_options(publish)
    publish.add_argument(
        "--file",
        required=True,
        type=Path,
        help='JSON: {"1": [{"code", "text"}, …], …, "5": […]} keyed by the platform\'s codes',
    )
    append = commands.add_parser(
        "append-rating", help="the rater's further comment (追评) on a poor rating (user rater)"
    )
    _storage_options(append)
    append.add_argument("--rating", required=True, metavar="UUID", help="the rating's UUID")
    append.add_argument("--text", required=True, help="what the rater adds")
    defaults = commands.add_parser(
        "apply-default-ratings",
        help="rate 基本满意 (origin default) every contact left unrated for N days",
    )
    _storage_options(defaults)
    defaults.add_argument("--days", required=True, type=_days, help="e.g. 7")
    defaults.add_argument(
        "--now", type=_moment, metavar="ISO", help="the time to count from (default: now)"
    )
    return parser


def _days(text: str) -> int:
    if text.isdigit() and len(text) <= 4:
        return int(text)
    raise argparse.ArgumentTypeError(f"天数须为 0 到 9999 之间的整数，而不是 {text[:20]}")


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is not None:
        raise argparse.ArgumentTypeError(
            f"时间须为不带时区的 ISO 8601 格式（如 2026-12-07T09:30:00），而不是 {text[:40]}"
        )
    return moment


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
    parser.add_argument(
        "--rating-code-order",
        choices=[str(order) for order in CodeOrder],
        default=str(CodeOrder.NATIONAL),
        help="how the platform numbers rating levels: national (1 = 非常满意, GB/T 39046) "
        "or reversed (1 = 非常不满意)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        platform = Platform.open(args.db, args.blob_dir, args.rating_code_order)
    except ConfigurationError as error:
        print(f"platform_sandbox: {error}", file=sys.stderr)
        return USAGE_EXIT
    try:
        if args.command == "serve":
            return _serve(platform, args.host, args.port, args.exit_with_stdin)
        if args.command == "record-payment":
            return _record_payment(platform, args.case_no, args.amount, args.number)
        if args.command in _RATING_COMMANDS:
            return _rating_command(platform, args)
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


_RATING_COMMANDS = ("publish-reasons", "append-rating", "apply-default-ratings")


def _rating_command(platform: Platform, args: argparse.Namespace) -> int:
    from platform_sandbox import rating_commands
    from platform_sandbox.errors import ApiError
    from platform_sandbox.migrate import upgrade_to_head

    upgrade_to_head(platform.database)
    now = datetime.now().replace(microsecond=0)
    try:
        if args.command == "publish-reasons":
            data = _read_json(args.file)
            version = rating_commands.publish_reasons(platform, data, now)
            print(f"已发布第 {version} 版评价理由（评价代码顺序 {platform.rating_code_order}）")
        elif args.command == "append-rating":
            seq = rating_commands.append_rating(platform, args.rating, args.text, now)
            print(f"已记录评价{args.rating}的追评（评价变更序号 {seq}）")
        else:
            made = rating_commands.apply_default_ratings(platform, args.days, args.now or now)
            print(f"已为 {made} 条超过 {args.days} 天未评价的服务记录作默认评价（基本满意）")
    except ApiError as refusal:
        details = "；".join(f"{p.field}：{p.message}" for p in refusal.problems)
        print(
            f"platform_sandbox: {refusal.message}{'：' + details if details else ''}",
            file=sys.stderr,
        )
        return REFUSED_EXIT
    return 0


def _read_json(path: Path) -> Any:
    from platform_sandbox.errors import ApiError

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        message = f"找不到文件 {path}"
    except (OSError, UnicodeDecodeError) as error:
        message = f"无法读取文件 {path}（{error}）"
    except json.JSONDecodeError as error:
        message = f"文件 {path} 不是有效的 JSON（第 {error.lineno} 行第 {error.colno} 列）"
    raise ApiError(422, "invalid", message)


def _stats(platform: Platform, as_json: bool) -> int:
    from platform_sandbox.stats import collect

    counts = collect(platform)
    if as_json:
        print(json.dumps(counts))
    else:
        for name, value in counts.items():
            print(f"{name}: {value}")
    return 0
