"""What route handlers depend on: the platform, the caller (from the bearer token), its roles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from clerk_desk.domain.permissions import Call, may_call
from platform_sandbox.errors import forbidden, unauthorized
from platform_sandbox.platform import Platform
from platform_sandbox.tokens import principal_for_token

_bearer = HTTPBearer(auto_error=False, description="a token from POST /api/v1/auth/token")


@dataclass(frozen=True)
class Principal:
    username: str
    roles: tuple[str, ...]
    centre_code: str
    desk_id: str
    department: str


def get_platform(request: Request) -> Platform:
    platform = request.app.state.platform
    assert isinstance(platform, Platform), "create_app() was given no platform to serve"
    return platform


PlatformDep = Annotated[Platform, Depends(get_platform)]


def current_principal(
    platform: PlatformDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise unauthorized()
    found = principal_for_token(platform.database, credentials.credentials)
    if found is None:
        raise unauthorized()
    return Principal(*found)


PrincipalDep = Annotated[Principal, Depends(current_principal)]


def require(call: Call) -> Callable[[Principal], Principal]:
    """A dependency: the caller, if one of their roles may make ``call`` (else 403)."""

    def check(principal: PrincipalDep) -> Principal:
        if not may_call(principal.roles, call):
            raise forbidden()
        return principal

    return check
