"""Roles, the workspaces each role sees, and the signed-in clerk.

Kept apart from the account service so that the sign-in window can list roles without
loading the database layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clerk_desk.i18n import QT_TRANSLATE_NOOP

MIN_PASSWORD_LENGTH = 8


class Role(StrEnum):
    INTAKE_CLERK = "intake_clerk"
    REVIEWER = "reviewer"
    OUTPUT_CLERK = "output_clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.INTAKE_CLERK: QT_TRANSLATE_NOOP("core", "Intake clerk"),
    Role.REVIEWER: QT_TRANSLATE_NOOP("core", "Reviewer"),
    Role.OUTPUT_CLERK: QT_TRANSLATE_NOOP("core", "Output clerk"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("core", "Supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("core", "Administrator"),
}


class Workspace(StrEnum):
    INTAKE = "intake"
    REVIEW = "review"
    OUTPUT = "output"
    RATINGS = "ratings"  # 好差评: the day's ratings and the 差评 follow-ups
    STATISTICS = "statistics"
    PROXY = "proxy"  # 代办: the service acting for an applicant on a written authorisation
    SETTINGS = "settings"


WORKSPACES_BY_ROLE: dict[Role, tuple[Workspace, ...]] = {
    # The comprehensive window hands results out at the same window it took them in.
    Role.INTAKE_CLERK: (Workspace.INTAKE, Workspace.OUTPUT, Workspace.PROXY),
    # Those who handle a 差评 (谁办理谁负责): a department's reviewers and the supervisors.
    Role.REVIEWER: (Workspace.REVIEW, Workspace.RATINGS),
    Role.OUTPUT_CLERK: (Workspace.OUTPUT,),
    Role.SUPERVISOR: (
        Workspace.INTAKE,
        Workspace.REVIEW,
        Workspace.OUTPUT,
        Workspace.RATINGS,
        Workspace.STATISTICS,
        Workspace.PROXY,
    ),
    Role.ADMIN: (Workspace.STATISTICS, Workspace.SETTINGS),
}


@dataclass(frozen=True)
class Clerk:
    """The signed-in person, as the rest of the desk sees them."""

    username: str
    display_name: str
    roles: tuple[Role, ...]
    department: str
    staff_no: str = ""  # 工号, as the customer display and the ratings show it

    def workspaces(self) -> tuple[Workspace, ...]:
        allowed = {w for role in self.roles for w in WORKSPACES_BY_ROLE[role]}
        return tuple(w for w in Workspace if w in allowed)

    def has_role(self, role: Role) -> bool:
        return role in self.roles
