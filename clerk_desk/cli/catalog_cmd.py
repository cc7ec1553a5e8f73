"""``clerk-desk catalog …``: the arguments. The work is in :mod:`catalog_actions`."""

from __future__ import annotations

import argparse
from pathlib import Path

from clerk_desk.cli.lazy import lazy_handler

ACTIONS = "clerk_desk.cli.catalog_actions"


def register(
    subcommands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    catalog = subcommands.add_parser(
        "catalog", parents=[common], help="import, export and list the service catalog"
    )
    actions = catalog.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)

    template = actions.add_parser(
        "export-template", parents=[common], help="write a blank catalog workbook (.xlsx)"
    )
    template.add_argument("file", metavar="FILE", type=Path)
    template.set_defaults(handler=lazy_handler(ACTIONS, "export_template"))

    importing = actions.add_parser(
        "import",
        parents=[common],
        help="replace the catalog with a workbook; a file with any problem is refused whole; "
        "一件事 bundles are kept unless an item of theirs is gone",
    )
    importing.add_argument("file", metavar="FILE", type=Path)
    importing.set_defaults(handler=lazy_handler(ACTIONS, "import_catalog"))

    export = actions.add_parser(
        "export", parents=[common], help="write the current catalog as a workbook (.xlsx)"
    )
    export.add_argument("file", metavar="FILE", type=Path)
    export.set_defaults(handler=lazy_handler(ACTIONS, "export_catalog"))

    listing = actions.add_parser("list", parents=[common], help="print the current catalog")
    listing.add_argument("--json", action="store_true", help="one JSON object per item")
    listing.set_defaults(handler=lazy_handler(ACTIONS, "list_catalog"))
