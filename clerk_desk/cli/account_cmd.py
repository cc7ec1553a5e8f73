"""``clerk-desk account …``: the arguments. The work is in :mod:`account_actions`.

Passwords are never arguments (they would show in the shell history and in ``ps``): they are
typed at a hidden prompt, or piped in with ``--password-stdin``.
"""

from __future__ import annotations

import argparse

from clerk_desk.cli.lazy import lazy_handler
from clerk_desk.domain.roles import Role

ACTIONS = "clerk_desk.cli.account_actions"


def register(
    subcommands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    account = subcommands.add_parser(
        "account", parents=[common], help="list, add, disable and unlock the clerks' accounts"
    )
    actions = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", parents=[common], help="print every account")
    listing.add_argument("--json", action="store_true", help="a JSON list of accounts")
    listing.set_defaults(handler=lazy_handler(ACTIONS, "list_accounts"))

    # No abbreviations: a mistyped "--password SECRET" is refused, not taken as --password-stdin.
    add = actions.add_parser("add", parents=[common], allow_abbrev=False, help="create an account")
    add.add_argument("username", metavar="USER")
    add.add_argument("--name", required=True, help="the person's name as shown on the desk")
    add.add_argument(
        "--role",
        dest="roles",
        action="append",
        required=True,
        choices=[role.value for role in Role],
        help="a role; repeat for several",
    )
    add.add_argument("--department", default="", help="the reviewer's department")
    add.add_argument("--staff-no", default="", help="the person's staff number (工号)")
    _password_stdin(add)
    add.set_defaults(handler=lazy_handler(ACTIONS, "add_account"))

    passwd = actions.add_parser(
        "passwd", parents=[common], allow_abbrev=False, help="set a new password"
    )
    passwd.add_argument("username", metavar="USER")
    _password_stdin(passwd)
    passwd.set_defaults(handler=lazy_handler(ACTIONS, "set_password"))

    edit = actions.add_parser(
        "edit", parents=[common], allow_abbrev=False, help="change an account's details"
    )
    edit.add_argument("username", metavar="USER")
    edit.add_argument("--name", help="the person's name as shown on the desk")
    edit.add_argument("--department", help="the reviewer's department")
    edit.add_argument("--staff-no", help="the person's staff number (工号); '' clears it")
    edit.set_defaults(handler=lazy_handler(ACTIONS, "edit_account"))

    for name, help_text, handler in (
        ("disable", "stop an account from signing in", "disable_account"),
        ("enable", "let a disabled account sign in again", "enable_account"),
        ("unlock", "clear a lock-out after failed sign-ins", "unlock_account"),
    ):
        action = actions.add_parser(name, parents=[common], help=help_text)
        action.add_argument("username", metavar="USER")
        action.set_defaults(handler=lazy_handler(ACTIONS, handler))


def _password_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input instead of a prompt",
    )
