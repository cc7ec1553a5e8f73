"""``clerk-desk scan --device DEVICE --pages N --out FILE.pdf``: scan pages into one PDF.

For setting up a window's scanner: DEVICE is a scanner name (``test:0`` for SANE's test
device, listed by ``clerk-desk doctor``) or ``file:PATH`` to import a file. Exit status 0 when
every asked page was captured and written; a failure prints one line and exits non-zero.
"""

from __future__ import annotations

import argparse
from typing import Any

from clerk_desk.cli.lazy import lazy_handler

MODES = ("colour", "grey", "bw")
SOURCES = ("flatbed", "feeder", "duplex")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "scan",
        parents=[common],
        help="scan pages from a scanner or a file into one PDF",
        description="Scan N pages from DEVICE (test:0, file:PATH, ...) into one PDF.",
    )
    parser.add_argument("--device", required=True, help="scanner name, or file:PATH")
    parser.add_argument("--pages", type=int, default=1, metavar="N", help="pages to scan")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="PDF to write")
    parser.add_argument("--resolution", type=int, default=200, metavar="DPI", help="dots/inch")
    parser.add_argument("--mode", choices=MODES, default="grey", help="colour, grey or bw")
    parser.add_argument("--source", choices=SOURCES, default="flatbed", help="paper source")
    parser.set_defaults(handler=lazy_handler("clerk_desk.cli.scan_actions", "run"))
