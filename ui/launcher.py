"""The ``clerk-desk`` console script: subcommands go to the core, no subcommand opens the window.

Qt is imported only when a window is needed, so headless subcommands start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_desk import cli

if TYPE_CHECKING:
    from clerk_desk.domain.report import Report

_pdf_app: Any = None  # the offscreen QGuiApplication a headless PDF needs, kept for the run


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse(argv)
    if args.command is not None:
        # The core may not import Qt; a report's PDF is laid out by the window's toolkit.
        args.write_pdf = write_report_pdf
        return cli.dispatch(args)
    from ui.app import run_app

    cli.apply_run_options(args)
    return run_app(args)


def write_report_pdf(report: Report, path: Path, printed_at: datetime) -> int:
    """``ui.report_pdf.write_report_pdf`` for a headless command: Qt is loaded only now, with
    an offscreen QGuiApplication (for the fonts) when the process has none."""
    global _pdf_app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _pdf_app = QGuiApplication(["clerk-desk", "-platform", "offscreen"])
    from ui.report_pdf import write_report_pdf as write

    return write(report, path, printed_at)


if __name__ == "__main__":
    sys.exit(main())
