"""What ``clerk-desk account …`` does. The command line acts as the local administrator, so
every change is logged as made ``by=cli``."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable

from clerk_desk.cli.tables import aligned_table
from clerk_desk.desk import Desk
from clerk_desk.domain.accounts import STATE_LABELS, AccountSummary
from clerk_desk.domain.roles import ROLE_LABELS, Role
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg, translate
from clerk_desk.services.accounts import AccountService, normalize_username

BY = "cli"


class PasswordEntryError(UserError):
    pass


def read_password(from_stdin: bool) -> str:
    """The new password: the first line of standard input, or typed twice at a hidden prompt."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise PasswordEntryError(
                QT_TRANSLATE_NOOP("core", "No password on standard input (--password-stdin)")
            )
        return password
    first = getpass.getpass(translate("core", QT_TRANSLATE_NOOP("core", "New password: ")))
    again = getpass.getpass(translate("core", QT_TRANSLATE_NOOP("core", "New password again: ")))
    if first != again:
        raise PasswordEntryError(
            QT_TRANSLATE_NOOP("core", "The two passwords differ; nothing was changed")
        )
    return first


def list_accounts(args: argparse.Namespace) -> int:
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        accounts = desk.accounts.account_rows()
    if args.json:
        print(json.dumps([_as_json(account) for account in accounts], ensure_ascii=False, indent=2))
        return 0
    headers = [
        translate("core", text)
        for text in (
            QT_TRANSLATE_NOOP("core", "User name"),
            QT_TRANSLATE_NOOP("core", "Person"),
            QT_TRANSLATE_NOOP("core", "Roles"),
            QT_TRANSLATE_NOOP("core", "Department"),
            # 工号
            QT_TRANSLATE_NOOP("core", "Staff number"),
            QT_TRANSLATE_NOOP("core", "State"),
        )
    ]
    rows = [
        [
            account.username,
            account.display_name,
            role_labels(account.roles),
            account.department,
            account.staff_no,
            translate("core", STATE_LABELS[account.state]),
        ]
        for account in accounts
    ]
    for line in aligned_table(headers, rows):
        print(line)
    return 0


def role_labels(roles: tuple[Role, ...]) -> str:
    return "、".join(translate("core", ROLE_LABELS[role]) for role in roles)


def _as_json(account: AccountSummary) -> dict[str, object]:
    return {
        "username": account.username,
        "display_name": account.display_name,
        "roles": [role.value for role in account.roles],
        "department": account.department,
        "staff_no": account.staff_no,
        "active": account.active,
        "state": account.state.value,
        "locked_until": account.locked_until.isoformat() if account.locked_until else None,
    }


def add_account(args: argparse.Namespace) -> int:
    password = read_password(args.password_stdin)
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        clerk = desk.accounts.create(
            args.username,
            password,
            args.name,
            [Role(role) for role in args.roles],
            args.department,
            by=BY,
            staff_no=args.staff_no,
        )
    print(
        msg(
            QT_TRANSLATE_NOOP("core", "Created account {username} for {name} ({roles})"),
            username=clerk.username,
            name=clerk.display_name,
            roles=role_labels(clerk.roles),
        )
    )
    return 0


def edit_account(args: argparse.Namespace) -> int:
    """Change the name, department or 工号; what is not given stays."""
    return _change(
        args,
        lambda accounts: accounts.update(
            args.username,
            display_name=args.name,
            department=args.department,
            staff_no=args.staff_no,
            by=BY,
        ),
        # 已修改账户 {username}
        QT_TRANSLATE_NOOP("core", "Changed account {username}"),
    )


def set_password(args: argparse.Namespace) -> int:
    password = read_password(args.password_stdin)
    return _change(
        args,
        lambda accounts: accounts.set_password(args.username, password, by=BY),
        QT_TRANSLATE_NOOP("core", "Set a new password for {username}"),
    )


def disable_account(args: argparse.Namespace) -> int:
    return _change(
        args,
        lambda accounts: accounts.set_active(args.username, False, by=BY),
        QT_TRANSLATE_NOOP("core", "Disabled account {username}"),
    )


def enable_account(args: argparse.Namespace) -> int:
    return _change(
        args,
        lambda accounts: accounts.set_active(args.username, True, by=BY),
        QT_TRANSLATE_NOOP("core", "Enabled account {username}"),
    )


def unlock_account(args: argparse.Namespace) -> int:
    return _change(
        args,
        lambda accounts: accounts.unlock(args.username, by=BY),
        QT_TRANSLATE_NOOP("core", "Cleared the sign-in lock of {username}"),
    )


def _change(args: argparse.Namespace, change: Callable[[AccountService], object], done: str) -> int:
    """Apply one change to the named account and say it was done."""
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        change(desk.accounts)
    print(msg(done, username=normalize_username(args.username)))
    return 0
