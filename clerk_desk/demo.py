"""Demo / training mode: a sample centre, one account per role, the demo catalog.

Demo passwords are public on purpose: the sign-in screen lists them.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk_desk.domain.roles import Role


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    display_name: str
    roles: tuple[Role, ...]
    department: str = ""
    staff_no: str = ""  # 工号


def _numbered(*accounts: DemoAccount) -> tuple[DemoAccount, ...]:
    """The demo staff numbers: A0101, A0102, … in the order listed."""
    return tuple(
        DemoAccount(a.username, a.password, a.display_name, a.roles, a.department, f"A01{i:02d}")
        for i, a in enumerate(accounts, start=1)
    )


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = _numbered(
    DemoAccount("clerk", "demo-clerk", "张敏", (Role.INTAKE_CLERK,)),
    DemoAccount("reviewer", "demo-review", "王建国", (Role.REVIEWER,), "市场监督管理局"),
    # A second reviewer of the same department (two reviewers on one case) and one of another
    # (a 一件事 case reviewed in two parts).
    DemoAccount("reviewer2", "demo-review", "赵磊", (Role.REVIEWER,), "市场监督管理局"),
    DemoAccount("police", "demo-review", "孙伟", (Role.REVIEWER,), "公安局"),
    DemoAccount("output", "demo-output", "李娜", (Role.OUTPUT_CLERK,)),
    DemoAccount("supervisor", "demo-super", "陈静", (Role.SUPERVISOR,)),
    DemoAccount("admin", "demo-admin", "刘洋", (Role.ADMIN,)),
)

DEMO_SETTINGS = {
    "centre_code": "340100",
    "centre_name": "合肥市政务服务中心（演示）",
    "window_number": 3,
    "window_category": "企业开办",
}
