"""What ``clerk-desk sync --once`` does: one full pass of the sync engine, headless."""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from clerk_desk.cli.account_actions import PasswordEntryError
from clerk_desk.desk import Desk
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg, translate
from clerk_desk.sync.status import PassReport

INCOMPLETE_EXIT = 1


def sync_once(args: argparse.Namespace) -> int:
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        if args.user:
            desk.sync.sign_in(args.user, _password(args.user))
        report = desk.sync.run_pass()
    status = report.status
    if args.json:
        print(json.dumps(_as_json(report), ensure_ascii=False))
    else:
        _print(report)
    # Complete: the pass reached the platform (pull included) and nothing waits or was refused.
    complete = status.online is True and status.pending == 0 and status.refused == 0
    return 0 if complete else INCOMPLETE_EXIT


def _password(username: str) -> str:
    if not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        prompt = translate("core", QT_TRANSLATE_NOOP("core", "Platform password of {user}: "))
        password = getpass.getpass(prompt.format(user=username))
    if not password:
        raise PasswordEntryError(QT_TRANSLATE_NOOP("core", "No password was given"))
    return password


def _as_json(report: PassReport) -> dict[str, object]:
    status = report.status
    return {
        "pushed": report.pushed,
        "pulled": report.pulled,
        "pending": status.pending,
        "refused": status.refused,
        "waiting_for": list(status.waiting_for),
        "online": status.online,
        "error": status.last_error,
    }


def _print(report: PassReport) -> None:
    status = report.status
    if not status.configured:
        print(
            msg(
                QT_TRANSLATE_NOOP(
                    "core",
                    "No central platform is configured; set platform_url or start with "
                    "--platform URL",
                )
            )
        )
    print(
        msg(
            QT_TRANSLATE_NOOP(
                "core", "Sent {pushed}, received {pulled}; {pending} pending, {refused} refused"
            ),
            pushed=report.pushed,
            pulled=report.pulled,
            pending=status.pending,
            refused=status.refused,
        )
    )
    if status.waiting_for:
        print(
            msg(
                QT_TRANSLATE_NOOP("core", "Waiting for these users to sign in: {users}"),
                users=", ".join(status.waiting_for),
            )
        )
    if status.last_error:
        print(msg(QT_TRANSLATE_NOOP("core", "Last error: {error}"), error=status.last_error))
