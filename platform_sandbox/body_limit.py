"""A request body limit on every route, enforced before the body is read.

An ASGI middleware: a ``Content-Length`` over the route's limit is answered 413 at once,
without reading a byte of the body; a body without one (chunked) is counted as it arrives and
refused (413) as soon as it passes the limit, so no request holds more than its limit in memory.
Blob bytes (PATCH ``/blobs/…``) may be as large as a blob; sign-in takes a few hundred bytes;
the 好差评 routes (a contact, a rating, a follow-up step) a small JSON document; every other
route takes a JSON document of at most a few MiB.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from platform_sandbox.blob_store import MAX_BLOB_BYTES
from platform_sandbox.errors import ApiError, error_response

SIGN_IN_LIMIT = 16 * 1024
JSON_LIMIT = 4 * 1024 * 1024
# A step's longest payload: two free texts of TEXT_MAX characters, each \uXXXX-escaped.
RATING_LIMIT = 256 * 1024
BLOB_LIMIT = MAX_BLOB_BYTES
_SIGN_IN_PATH = "/api/v1/auth/token"
_BLOB_PREFIX = "/api/v1/blobs/"
_RATING_PREFIXES = ("/api/v1/contacts/", "/api/v1/ratings/", "/api/v1/followups/")


def limit_for(method: str, path: str) -> int:
    if method == "PATCH" and path.startswith(_BLOB_PREFIX):
        return BLOB_LIMIT
    if path == _SIGN_IN_PATH:
        return SIGN_IN_LIMIT
    if path.startswith(_RATING_PREFIXES):
        return RATING_LIMIT
    return JSON_LIMIT


def too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", f"请求内容超过该接口的上限（{limit}字节），平台不接收")


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when a body passes its limit (an HTTPException, so FastAPI's body
    parsing lets it through to the handler in :mod:`platform_sandbox.errors`)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413)
        self.limit = limit


def install(app: FastAPI) -> None:
    app.add_middleware(BodyLimit)
    app.add_exception_handler(BodyTooLarge, _refuse)


def _refuse(_request: Request, error: Any) -> JSONResponse:
    return error_response(too_large(error.limit))


class BodyLimit:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = limit_for(scope["method"], scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await error_response(too_large(limit))(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, counted, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
