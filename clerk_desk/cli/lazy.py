"""Subcommand handlers imported only when their command runs.

``clerk-desk`` with no subcommand opens the window; it parses the same arguments, so the
argument definitions must stay light. Handlers that need openpyxl, SQLAlchemy or the
diagnostics are named here by module and loaded on use.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

Handler = Callable[[argparse.Namespace], int]


def lazy_handler(module: str, function: str) -> Handler:
    def run(args: argparse.Namespace) -> int:
        handler: Handler = getattr(importlib.import_module(module), function)
        return int(handler(args))

    run.__qualname__ = f"{module}.{function}"
    return run
