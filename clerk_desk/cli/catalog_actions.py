"""What ``clerk-desk catalog …`` does: the catalog as a spreadsheet, and a listing of it."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable

from clerk_desk.catalog_io import (
    CatalogFileRejected,
    read_catalog,
    write_catalog,
    write_template,
)
from clerk_desk.cli.tables import aligned_table
from clerk_desk.desk import Desk
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg, translate
from clerk_desk.services.catalog import CatalogRejected

REFUSED_EXIT = 2


def export_template(args: argparse.Namespace) -> int:
    write_template(args.file)
    print(msg(QT_TRANSLATE_NOOP("core", "Wrote the catalog template to {path}"), path=args.file))
    return 0


def import_catalog(args: argparse.Namespace) -> int:
    try:
        imported = read_catalog(args.file)
        with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
            bundles = desk.catalog.replace_items(
                imported.items, version=imported.version, source=str(args.file)
            )
    except (CatalogFileRejected, CatalogRejected) as refusal:
        return _refuse(refusal.render(), (problem.render() for problem in refusal.problems))
    print(
        msg(
            QT_TRANSLATE_NOOP(
                "core",
                "Imported {items} items and {materials} materials from {path} "
                "(catalog version {version})",
            ),
            items=len(imported.items),
            materials=imported.material_count,
            path=args.file,
            version=imported.version,
        )
    )
    if bundles.kept or bundles.dropped:
        print(
            msg(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{kept} 一件事 bundle(s) kept; {dropped} dropped because an item of theirs "
                    "is no longer in the catalog",
                ),
                kept=len(bundles.kept),
                dropped=len(bundles.dropped),
            )
        )
    return 0


def _refuse(summary: str, problems: Iterable[str]) -> int:
    print(translate("core", "Error: {message}").format(message=summary), file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
    return REFUSED_EXIT


def export_catalog(args: argparse.Namespace) -> int:
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        items = desk.catalog.items()
        version = desk.catalog.meta().get("version", "")
    write_catalog(args.file, items, version)
    print(
        msg(
            QT_TRANSLATE_NOOP("core", "Exported {items} items and {materials} materials to {path}"),
            items=len(items),
            materials=sum(len(item.materials) for item in items),
            path=args.file,
        )
    )
    return 0


def list_catalog(args: argparse.Namespace) -> int:
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        items = desk.catalog.items()
    if args.json:
        print(json.dumps([item.to_dict() for item in items], ensure_ascii=False, indent=2))
        return 0
    if not items:
        print(
            msg(
                QT_TRANSLATE_NOOP(
                    "core", "The catalog is empty; import one with: clerk-desk catalog import FILE"
                )
            )
        )
        return 0
    headers = [
        translate("core", text)
        for text in (
            QT_TRANSLATE_NOOP("core", "Basic code"),
            QT_TRANSLATE_NOOP("core", "Name"),
            QT_TRANSLATE_NOOP("core", "Window category"),
            QT_TRANSLATE_NOOP("core", "Department"),
            QT_TRANSLATE_NOOP("core", "Legal days"),
            QT_TRANSLATE_NOOP("core", "Promised days"),
            QT_TRANSLATE_NOOP("core", "Materials"),
        )
    ]
    rows = [
        [
            item.basic_code,
            item.name,
            item.window_category,
            item.department,
            item.legal_limit_days,
            item.promised_limit_days,
            len(item.materials),
        ]
        for item in items
    ]
    for line in aligned_table(headers, rows):
        print(line)
    return 0
