"""The ``clerk-desk`` console script: subcommands go to the core, no subcommand opens the window.

Qt is imported only when a window is needed, so headless subcommands start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from clerk_desk import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse(argv)
    if args.command is not None:
        return cli.dispatch(args)
    from ui.app import run_app

    cli.apply_run_options(args)
    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
