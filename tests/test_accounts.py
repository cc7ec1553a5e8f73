"""Local accounts: argon2 hashes, sign-in, lock-out after five failures, roles and workspaces."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from clerk_desk import demo
from clerk_desk.desk import Desk
from clerk_desk.domain.roles import Role, Workspace
from clerk_desk.services.accounts import LOCK_DURATION, MAX_FAILURES, AccountError, SignInError

PASSWORD = "correct horse"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(tmp_path: Path, clock: Clock) -> Iterator[Desk]:
    desk = Desk.open(tmp_path / "desk-data", clock=clock)
    desk.accounts.create("zhangmin", PASSWORD, "张敏", [Role.INTAKE_CLERK])
    yield desk
    desk.close()


def _refusal(desk: Desk, username: str, password: str) -> SignInError:
    with pytest.raises(SignInError) as refused:
        desk.accounts.sign_in(username, password)
    return refused.value


def test_only_an_argon2_hash_is_stored(desk: Desk) -> None:
    with closing(sqlite3.connect(desk.data_dir.database)) as connection:
        (stored,) = connection.execute(
            "SELECT password_hash FROM accounts WHERE username = 'zhangmin'"
        ).fetchone()
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert PASSWORD.encode() not in desk.data_dir.database.read_bytes()


def test_sign_in_with_the_right_password(desk: Desk) -> None:
    clerk = desk.accounts.sign_in("  ZhangMin ", PASSWORD)
    assert clerk.username == "zhangmin"
    assert clerk.display_name == "张敏"
    assert clerk.roles == (Role.INTAKE_CLERK,)


def test_wrong_password_and_unknown_user_read_the_same(desk: Desk) -> None:
    wrong_password = _refusal(desk, "zhangmin", "not the password")
    unknown_user = _refusal(desk, "nobody", PASSWORD)
    for language in ("zh_CN", "en"):
        assert wrong_password.render(language) == unknown_user.render(language)
    assert "Wrong user name or password" in wrong_password.render("en")


def test_five_failures_lock_the_name_for_five_minutes(desk: Desk, clock: Clock) -> None:
    for _ in range(MAX_FAILURES):
        _refusal(desk, "zhangmin", "not the password")

    locked = _refusal(desk, "zhangmin", PASSWORD)
    assert "Too many failed sign-ins: try again in 5 minute(s)" in locked.render("en")

    clock.advance(LOCK_DURATION - timedelta(seconds=30))
    assert "try again in 1 minute(s)" in _refusal(desk, "zhangmin", PASSWORD).render("en")

    clock.advance(timedelta(seconds=30))
    assert desk.accounts.sign_in("zhangmin", PASSWORD).username == "zhangmin"


def test_four_failures_do_not_lock_and_success_resets_the_count(desk: Desk) -> None:
    for _ in range(MAX_FAILURES - 1):
        _refusal(desk, "zhangmin", "not the password")
    desk.accounts.sign_in("zhangmin", PASSWORD)
    for _ in range(MAX_FAILURES - 1):
        _refusal(desk, "zhangmin", "not the password")
    assert desk.accounts.sign_in("zhangmin", PASSWORD).username == "zhangmin"


def test_unknown_names_lock_like_real_ones(desk: Desk) -> None:
    """Otherwise the lock-out would tell which names exist."""
    for _ in range(MAX_FAILURES):
        _refusal(desk, "nobody", "whatever1")
    locked_unknown = _refusal(desk, "nobody", "whatever1").render("en")
    for _ in range(MAX_FAILURES):
        _refusal(desk, "zhangmin", "whatever1")
    assert _refusal(desk, "zhangmin", "whatever1").render("en") == locked_unknown


def test_a_reviewer_needs_a_department(desk: Desk) -> None:
    with pytest.raises(AccountError) as refused:
        desk.accounts.create("wangjg", PASSWORD, "王建国", [Role.REVIEWER])
    assert refused.value.render("en") == "A reviewer needs a department"
    reviewer = desk.accounts.create("wangjg", PASSWORD, "王建国", [Role.REVIEWER], "市场监督管理局")
    assert reviewer.department == "市场监督管理局"


@pytest.mark.parametrize(
    ("username", "password", "display_name", "expected"),
    [
        ("bad name", PASSWORD, "张三", "User name must be letters, digits, '.' or '_'"),
        ("zhangsan", "short", "张三", "Password must have at least 8 characters"),
        ("zhangsan", PASSWORD, "  ", "Enter the person's name"),
        ("zhangmin", PASSWORD, "张敏", "User name zhangmin is already taken"),
    ],
)
def test_account_input_is_checked(
    desk: Desk, username: str, password: str, display_name: str, expected: str
) -> None:
    with pytest.raises(AccountError) as refused:
        desk.accounts.create(username, password, display_name, [Role.INTAKE_CLERK])
    assert refused.value.render("en") == expected


def test_each_role_opens_its_workspaces(demo_desk: Desk) -> None:
    signed_in = {
        account.username: demo_desk.accounts.sign_in(account.username, account.password)
        for account in demo.DEMO_ACCOUNTS
    }
    assert {name: clerk.workspaces() for name, clerk in signed_in.items()} == {
        "clerk": (Workspace.INTAKE, Workspace.OUTPUT, Workspace.PROXY),
        "reviewer": (Workspace.REVIEW, Workspace.RATINGS),
        "reviewer2": (Workspace.REVIEW, Workspace.RATINGS),
        "police": (Workspace.REVIEW, Workspace.RATINGS),
        "output": (Workspace.OUTPUT,),
        "supervisor": (
            Workspace.INTAKE,
            Workspace.REVIEW,
            Workspace.OUTPUT,
            Workspace.RATINGS,
            Workspace.STATISTICS,
            Workspace.PROXY,
        ),
        "admin": (Workspace.STATISTICS, Workspace.SETTINGS),
    }


def test_several_roles_open_the_union_in_menu_order(desk: Desk) -> None:
    desk.accounts.create("chenj", PASSWORD, "陈静", [Role.ADMIN, Role.INTAKE_CLERK])
    assert desk.accounts.sign_in("chenj", PASSWORD).workspaces() == (
        Workspace.INTAKE,
        Workspace.OUTPUT,
        Workspace.STATISTICS,
        Workspace.PROXY,
        Workspace.SETTINGS,
    )
