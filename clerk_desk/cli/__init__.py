"""Command-line interface of the core: argument parsing and the headless subcommands.

The console script ``clerk-desk`` is :func:`ui.launcher.main`: it uses :func:`build_parser`
and hands every subcommand to :func:`dispatch`; with no subcommand it starts the window.
Every subcommand accepts ``--demo`` and ``--data-dir`` (declared once, on the parent parser).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from types import ModuleType

from clerk_desk import __version__, i18n, logging_setup, paths, settings
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, translate

from . import (
    account_cmd,
    calendar_cmd,
    case_cmd,
    catalog_cmd,
    credit_cmd,
    deadline_cmd,
    demo_data_cmd,
    doctor_cmd,
    proxy_cmd,
    ratings_cmd,
    report_cmd,
    sandbox_cmd,
    scan_cmd,
    sync_cmd,
)

COMMAND_MODULES: tuple[ModuleType, ...] = (
    catalog_cmd,
    account_cmd,
    doctor_cmd,
    deadline_cmd,
    calendar_cmd,
    case_cmd,
    proxy_cmd,
    demo_data_cmd,
    ratings_cmd,
    report_cmd,
    credit_cmd,
    sync_cmd,
    sandbox_cmd,
    scan_cmd,
)


def common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS,
        help="demo / training mode in its own data directory",
    )
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="keep every file of this desk under DIR",
    )
    common.add_argument(
        "--lang",
        choices=i18n.SUPPORTED_LANGUAGES,
        default=argparse.SUPPRESS,
        help="language of messages (default: zh_CN)",
    )
    common.add_argument(
        "--platform",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="central platform to sync with for this run (the saved setting is kept)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="clerk-desk",
        description="clerk_desk: the comprehensive-window workbench",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"clerk-desk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the main window offscreen, check database, resources, translations, fonts",
    )
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subcommands, common)
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    for name, default in (("demo", False), ("data_dir", None), ("lang", None), ("platform", None)):
        if not hasattr(args, name):
            setattr(args, name, default)
    return args


def apply_run_options(args: argparse.Namespace) -> None:
    """Options that change settings for this run only (``--platform``), never saved."""
    settings.set_run_overrides({"platform_url": args.platform} if args.platform else {})


def dispatch(args: argparse.Namespace) -> int:
    """Run a headless subcommand; a refusal prints its translated message and exits 2 (a
    storage failure's error chain is in the data directory's log, never on the terminal)."""
    if args.lang:
        i18n.set_language(args.lang)
    try:
        logging_setup.configure(paths.resolve(args.data_dir, args.demo).logs)
        apply_run_options(args)
        return int(args.handler(args))
    except BrokenPipeError:
        # The reader went away (``clerk-desk catalog list | head``): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UserError as error:
        print(translate("core", "Error: {message}").format(message=error.render()), file=sys.stderr)
        return 2
    except Exception as error:
        cause = _storage_cause(error)
        if cause is None:
            raise
        # 数据无法写入（{error}）：请释放磁盘空间或检查数据目录的权限后重试
        refusal = UserError(
            QT_TRANSLATE_NOOP(
                "core",
                "The desk's data cannot be written ({error}): free disk space or check the "
                "data folder's permissions, then run the command again",
            ),
            error=cause,
        )
        print(
            translate("core", "Error: {message}").format(message=refusal.render()), file=sys.stderr
        )
        return 2


def _storage_cause(error: Exception) -> str | None:
    """What the disk or SQLite said, when ``error`` is a storage failure (a full disk, a
    read-only or vanished folder); ``None`` for anything else, which is a bug to report."""
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return where + (error.strerror or str(error))
    original = getattr(error, "orig", None)
    if isinstance(original, sqlite3.Error):
        return str(original)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Headless entry point (no window): ``python -m clerk_desk.cli``."""
    args = parse(argv)
    if args.command is None:
        build_parser().print_help()
        return 0
    return dispatch(args)
