"""The FastAPI application: routers, error handlers, and the platform it serves."""

from __future__ import annotations

from fastapi import FastAPI

from platform_sandbox import (
    API_VERSION,
    auth,
    blobs,
    body_limit,
    cases,
    catalog,
    changes,
    events,
    health,
    ratings,
)
from platform_sandbox.errors import install_handlers
from platform_sandbox.platform import Platform

TITLE = "clerk-desk platform (sandbox)"


def create_app(platform: Platform | None = None) -> FastAPI:
    """The application; without ``platform`` it can describe itself (OpenAPI) but not serve."""
    app = FastAPI(title=TITLE, version=API_VERSION, openapi_url="/api/v1/openapi.json")
    app.state.platform = platform
    install_handlers(app)
    body_limit.install(app)
    for module in (health, auth, catalog, cases, events, blobs, changes, ratings):
        app.include_router(module.router, prefix="/api/v1")
    return app
