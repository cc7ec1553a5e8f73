"""Account management by an administrator, in the core and through ``clerk-desk account …``:
real demo desks on SQLite in temp dirs."""

from __future__ import annotations

import io
import json
from collections.abc import Callable

import pytest

from clerk_desk import cli
from clerk_desk.cli import account_actions
from clerk_desk.desk import Desk
from clerk_desk.domain.accounts import AccountError, AccountState
from clerk_desk.domain.roles import Role
from clerk_desk.i18n import translate
from clerk_desk.services.accounts import MAX_FAILURES, SignInError
from local_cache.repositories import account_repo

PASSWORD = "a-long-password"


def last_event(desk: Desk) -> tuple[str, str, str]:
    with desk.database.read() as session:
        event = account_repo.events(session, 1)[0]
        return event.username, event.event, event.detail


def refusal(call: Callable[..., object], *args: object, **kwargs: object) -> AccountError:
    with pytest.raises(AccountError) as refused:
        call(*args, **kwargs)
    return refused.value


def lock_out(desk: Desk, username: str) -> None:
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInError):
            desk.accounts.sign_in(username, "not the password")


def state_of(desk: Desk, username: str) -> AccountState:
    return next(row.state for row in desk.accounts.account_rows() if row.username == username)


def test_set_password_replaces_the_old_one_and_names_the_admin(demo_desk: Desk) -> None:
    demo_desk.accounts.set_password("clerk", PASSWORD, by="admin")
    assert last_event(demo_desk) == ("clerk", "password_set", "by=admin")
    assert demo_desk.accounts.sign_in("clerk", PASSWORD).username == "clerk"
    with pytest.raises(SignInError):
        demo_desk.accounts.sign_in("clerk", "demo-clerk")


def test_a_short_password_is_refused(demo_desk: Desk) -> None:
    error = refusal(demo_desk.accounts.set_password, "clerk", "short", by="admin")
    assert error.render("en") == "Password must have at least 8 characters"
    assert error.render("zh_CN") == "密码至少需要 8 个字符"
    assert error.field == "password"


def test_unknown_accounts_are_refused(demo_desk: Desk) -> None:
    error = refusal(demo_desk.accounts.unlock, "nobody", by="admin")
    assert error.render("en") == "There is no account named nobody"
    assert error.render("zh_CN") == "没有名为 nobody 的账户"


def test_a_disabled_account_cannot_sign_in_until_enabled(demo_desk: Desk) -> None:
    demo_desk.accounts.set_active("clerk", False, by="admin")
    assert last_event(demo_desk) == ("clerk", "disabled", "by=admin")
    assert state_of(demo_desk, "clerk") is AccountState.DISABLED
    with pytest.raises(SignInError):
        demo_desk.accounts.sign_in("clerk", "demo-clerk")

    demo_desk.accounts.set_active("clerk", True, by="admin")
    assert last_event(demo_desk) == ("clerk", "enabled", "by=admin")
    assert demo_desk.accounts.sign_in("clerk", "demo-clerk").username == "clerk"


def test_the_last_active_admin_stays(demo_desk: Desk) -> None:
    accounts = demo_desk.accounts
    message = "admin is the last active administrator; make another account an administrator first"
    assert refusal(accounts.set_active, "admin", False, by="admin").render("en") == message
    assert refusal(accounts.update, "admin", roles=[Role.SUPERVISOR], by="cli").field == "roles"

    accounts.update("supervisor", roles=[Role.SUPERVISOR, Role.ADMIN], by="admin")
    accounts.set_active("supervisor", False, by="admin")
    assert refusal(accounts.set_active, "admin", False, by="admin").render("en") == message

    accounts.set_active("supervisor", True, by="admin")
    accounts.set_active("admin", False, by="supervisor")
    assert state_of(demo_desk, "admin") is AccountState.DISABLED
    assert refusal(accounts.update, "supervisor", roles=[Role.SUPERVISOR], by="x").field == "roles"


def test_update_changes_only_what_is_given(demo_desk: Desk) -> None:
    clerk = demo_desk.accounts.update(
        "clerk", roles=[Role.INTAKE_CLERK, Role.REVIEWER], department="税务局", by="admin"
    )
    assert (clerk.display_name, clerk.roles, clerk.department) == (
        "张敏",
        (Role.INTAKE_CLERK, Role.REVIEWER),
        "税务局",
    )
    assert last_event(demo_desk) == (
        "clerk",
        "updated",
        "roles=intake_clerk,reviewer; department=税务局; by=admin",
    )
    assert demo_desk.accounts.sign_in("clerk", "demo-clerk").roles == clerk.roles


def test_a_reviewer_keeps_a_department(demo_desk: Desk) -> None:
    error = refusal(demo_desk.accounts.update, "reviewer", department=" ", by="admin")
    assert (error.render("en"), error.field) == ("A reviewer needs a department", "department")
    error = refusal(demo_desk.accounts.update, "clerk", roles=[Role.REVIEWER], by="admin")
    assert error.field == "department"


def test_unlock_clears_a_lock_out(demo_desk: Desk) -> None:
    lock_out(demo_desk, "output")
    row = next(row for row in demo_desk.accounts.account_rows() if row.username == "output")
    assert row.state is AccountState.LOCKED and row.locked_until is not None
    with pytest.raises(SignInError, match="Too many failed sign-ins"):
        demo_desk.accounts.sign_in("output", "demo-output")

    demo_desk.accounts.unlock("output", by="admin")
    assert last_event(demo_desk) == ("output", "unlocked", "by=admin")
    assert state_of(demo_desk, "output") is AccountState.ACTIVE
    assert demo_desk.accounts.sign_in("output", "demo-output").username == "output"


def test_account_rows_list_every_account(demo_desk: Desk) -> None:
    rows = demo_desk.accounts.account_rows()
    assert [row.username for row in rows] == [
        "clerk",
        "reviewer",
        "reviewer2",
        "police",
        "output",
        "supervisor",
        "admin",
    ]
    reviewer = rows[1]
    assert (reviewer.display_name, reviewer.roles, reviewer.department) == (
        "王建国",
        (Role.REVIEWER,),
        "市场监督管理局",
    )
    assert all(row.active and row.locked_until is None for row in rows)


def test_a_staff_number_is_kept_checked_and_changed(demo_desk: Desk) -> None:
    accounts = demo_desk.accounts
    assert [row.staff_no for row in accounts.account_rows()][:2] == ["A0101", "A0102"]
    assert accounts.sign_in("clerk", "demo-clerk").staff_no == "A0101"
    clerk = accounts.create("zhaoliu", PASSWORD, "赵六", [Role.INTAKE_CLERK], staff_no=" B0201 ")
    assert clerk.staff_no == "B0201"
    too_long = refusal(accounts.update, "zhaoliu", staff_no="B" * 33, by="admin")
    assert (too_long.field, too_long.render("en")) == (
        "staff_no",
        "The staff number must have at most 32 characters",
    )
    taken = refusal(accounts.create, "wangwu", PASSWORD, "王五", [Role.ADMIN], staff_no="A0101")
    assert (taken.field, taken.render("en")) == ("staff_no", "Staff number A0101 is already 张敏's")
    assert refusal(accounts.update, "zhaoliu", staff_no="B 02", by="admin").field == "staff_no"
    accounts.update("zhaoliu", staff_no="B" * 32, by="admin")
    assert last_event(demo_desk) == ("zhaoliu", "updated", f"staff_no={'B' * 32}; by=admin")
    accounts.update("zhaoliu", display_name="赵六六", by="admin")  # the number stays
    row = next(row for row in accounts.account_rows() if row.username == "zhaoliu")
    assert (row.display_name, row.staff_no) == ("赵六六", "B" * 32)


# The command line -----------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], desk: Desk, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["account", *argv, "--demo", "--data-dir", str(desk.data_dir.root)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_cli_adds_an_account_with_the_password_from_stdin(
    demo_desk: Desk, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(monkeypatch, PASSWORD + "\n")
    code, out, err = run(
        capsys,
        demo_desk,
        "add",
        "ZhaoLiu",
        "--name",
        "赵六",
        "--role",
        "reviewer",
        "--role",
        "intake_clerk",
        "--department",
        "市场监督管理局",
        "--password-stdin",
    )
    assert (code, err) == (0, "")
    assert out == "已为赵六新建账户 zhaoliu（审批人员、受理人员）\n"
    assert last_event(demo_desk) == ("zhaoliu", "created", "roles=reviewer,intake_clerk; by=cli")
    clerk = demo_desk.accounts.sign_in("zhaoliu", PASSWORD)
    assert clerk.roles == (Role.REVIEWER, Role.INTAKE_CLERK)
    assert PASSWORD not in out


def test_cli_sets_and_changes_a_staff_number(
    demo_desk: Desk, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(monkeypatch, PASSWORD + "\n")
    code, _, err = run(
        capsys,
        demo_desk,
        *("add", "zhaoliu", "--name", "赵六", "--role", "intake_clerk"),
        *("--staff-no", "B0201", "--password-stdin"),
    )
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, demo_desk, "edit", "zhaoliu", "--staff-no", "B0202", "--lang", "en")
    assert (code, out) == (0, "Changed account zhaoliu\n")
    listed = {a["username"]: a for a in json.loads(run(capsys, demo_desk, "list", "--json")[1])}
    assert (listed["zhaoliu"]["staff_no"], listed["zhaoliu"]["display_name"]) == ("B0202", "赵六")
    code, _, err = run(capsys, demo_desk, "edit", "zhaoliu", "--staff-no", "X" * 33, "--lang", "en")
    assert (code, err) == (2, "Error: The staff number must have at most 32 characters\n")
    assert run(capsys, demo_desk, "edit", "zhaoliu", "--staff-no", "")[0] == 0
    assert demo_desk.accounts.sign_in("zhaoliu", PASSWORD).staff_no == ""


def test_cli_prompts_twice_for_the_password(
    demo_desk: Desk, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = iter([PASSWORD, PASSWORD + "x"])
    prompts: list[str] = []

    def getpass(prompt: str) -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr(account_actions.getpass, "getpass", getpass)
    code, out, err = run(capsys, demo_desk, "passwd", "clerk", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == "Error: The two passwords differ; nothing was changed\n"
    assert prompts == ["New password: ", "New password again: "]
    assert demo_desk.accounts.sign_in("clerk", "demo-clerk").username == "clerk"

    typed = iter([PASSWORD, PASSWORD])
    assert (
        run(capsys, demo_desk, "passwd", "clerk", "--lang", "zh_CN")[1] == "已为 clerk 设置新密码\n"
    )
    assert demo_desk.accounts.sign_in("clerk", PASSWORD).username == "clerk"


def test_a_password_is_never_an_argument(
    demo_desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = cli.build_parser()
    for argv in (
        ["account", "passwd", "clerk", "--password", PASSWORD],
        ["account", "add", "x", "--name", "X", "--role", "admin", "--pass", PASSWORD],
    ):
        with pytest.raises(SystemExit) as exited:
            parser.parse_args(argv)
        assert exited.value.code == 2
    capsys.readouterr()
    assert demo_desk.accounts.sign_in("clerk", "demo-clerk").username == "clerk"


def test_cli_refusals_exit_2_with_the_message(
    demo_desk: Desk, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(monkeypatch, PASSWORD + "\n")
    code, _, err = run(
        capsys, demo_desk, "add", "wang", "--name", "王五", "--role", "reviewer", "--password-stdin"
    )
    assert (code, err) == (2, "错误：审批人员需要填写所属部门\n")

    stdin(monkeypatch, "")
    code, _, err = run(capsys, demo_desk, "passwd", "clerk", "--password-stdin", "--lang", "en")
    assert (code, err) == (2, "Error: No password on standard input (--password-stdin)\n")

    code, _, err = run(capsys, demo_desk, "disable", "admin", "--lang", "en")
    assert code == 2
    assert err == (
        "Error: admin is the last active administrator; "
        "make another account an administrator first\n"
    )


def test_cli_disable_enable_unlock_and_list(
    demo_desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, demo_desk, "disable", "clerk")[:2] == (0, "已停用账户 clerk\n")
    lock_out(demo_desk, "output")

    code, out, _ = run(capsys, demo_desk, "list")
    lines = out.splitlines()
    assert code == 0
    # The 工号 column's heading comes with the next .ts.
    staff_no = translate("core", "Staff number", "zh_CN").split()
    assert lines[0].split() == ["用户名", "姓名", "角色", "部门", *staff_no, "状态"]
    assert lines[2].split() == ["clerk", "张敏", "受理人员", "A0101", "已停用"]
    assert lines[3].split() == ["reviewer", "王建国", "审批人员", "市场监督管理局", "A0102", "正常"]
    assert lines[5].split() == ["police", "孙伟", "审批人员", "公安局", "A0104", "正常"]
    assert lines[6].split() == ["output", "李娜", "出件人员", "A0105", "已锁定"]

    assert run(capsys, demo_desk, "unlock", "output")[:2] == (0, "已解除 output 的登录锁定\n")
    assert run(capsys, demo_desk, "enable", "clerk")[:2] == (0, "已启用账户 clerk\n")
    listed = json.loads(run(capsys, demo_desk, "list", "--json")[1])
    assert listed[0] == {
        "username": "clerk",
        "display_name": "张敏",
        "roles": ["intake_clerk"],
        "department": "",
        "staff_no": "A0101",
        "active": True,
        "state": "active",
        "locked_until": None,
    }
    assert {account["state"] for account in listed} == {"active"}
    assert demo_desk.accounts.sign_in("output", "demo-output").username == "output"
