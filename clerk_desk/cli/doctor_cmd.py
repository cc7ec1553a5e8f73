"""``clerk-desk doctor [--json]``: check this machine and data directory, say what to fix.

Exit status 0 when no check failed with an error (warnings allowed), 1 otherwise.
"""

from __future__ import annotations

import argparse
from typing import Any

from clerk_desk.cli.lazy import lazy_handler


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "doctor",
        parents=[common],
        help="check fonts, data directory, database, printers, scanners, platform",
        description="Check this machine and the desk's data directory; exit 1 on any error.",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.set_defaults(handler=lazy_handler("clerk_desk.cli.doctor_actions", "run"))
