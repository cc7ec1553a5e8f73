"""What ``clerk-desk credit …`` does: load the dishonesty list from CSV, show it."""

from __future__ import annotations

import argparse
import json
import sys

from clerk_desk.cli.tables import aligned_table
from clerk_desk.desk import Desk
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg, translate
from clerk_desk.services.credit_list import CreditListFileRejected

REFUSED_EXIT = 2


def import_list(args: argparse.Namespace) -> int:
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        try:
            listings = desk.intake.credit_list.import_file(args.file, args.allow_empty)
        except CreditListFileRejected as refusal:
            print(
                translate("core", "Error: {message}").format(message=refusal.render()),
                file=sys.stderr,
            )
            for problem in refusal.problems:
                print(f"  - {problem.render()}", file=sys.stderr)
            return REFUSED_EXIT
    # 已从{path}导入失信名单，共{count}个主体
    template = QT_TRANSLATE_NOOP(
        "core", "Loaded the dishonesty list from {path}: {count} part(ies)"
    )
    print(msg(template, path=args.file, count=len(listings)))
    return 0


def list_parties(args: argparse.Namespace) -> int:
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        listings = desk.intake.credit_list.listings()
    if args.json:
        print(json.dumps([entry.to_dict() for entry in listings], ensure_ascii=False, indent=2))
        return 0
    headers = [
        translate("core", text)
        for text in (
            QT_TRANSLATE_NOOP("core", "ID number / credit code"),  # 证件号码/统一社会信用代码
            QT_TRANSLATE_NOOP("core", "Name"),  # 名称
            QT_TRANSLATE_NOOP("core", "Source"),  # 来源
            QT_TRANSLATE_NOOP("core", "Listed on"),  # 列入日期
            QT_TRANSLATE_NOOP("core", "Note"),  # 备注
        )
    ]
    rows = [
        [entry.number, entry.name, entry.source, entry.listed_on.isoformat(), entry.note]
        for entry in listings
    ]
    for line in aligned_table(headers, rows):
        print(line)
    return 0
