"""The platform's REST contract v1 over ``requests`` (docs/platform-contract.md).

Every request carries the configured timeout and an explicit ``verify=``. Answers are sorted
into three outcomes: the parsed 2xx reply, :class:`Refused` (a 4xx: the platform said no),
or :class:`TransportFailure` (nothing usable came back: retry later). A 2xx whose body is
not the JSON object the contract promises counts as a failure, so a cut-off reply is
retried, never half-applied.
"""

from __future__ import annotations

import errno
import logging
import re
import socket
from dataclasses import dataclass
from typing import Any

import requests

from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg
from clerk_desk.sync.connection import Connection
from clerk_desk.sync.errors import (
    Refused,
    TransportFailure,
    Unauthorized,
)

API = "/api/v1"
# A failed request is routine (offline, back-off): its chain goes to the log at INFO, which
# the window and the commands keep, and never to the terminal of a program without a log.
log = logging.getLogger(__name__)
# Statuses that say "not now" rather than "no": retried like a dropped connection.
_RETRY_STATUSES = {408, 425, 429}
_CONTENT_RANGE = re.compile(r"bytes (?P<start>\d+)-\d+/(?P<total>\d+)")


@dataclass(frozen=True)
class BlobPart:
    """Bytes of a blob from ``start``, and the blob's whole size."""

    start: int
    data: bytes
    total: int


class PlatformClient:
    """One HTTP session to the platform; not shared between threads."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.http = requests.Session()

    def close(self) -> None:
        self.http.close()

    # The endpoints --------------------------------------------------------------------------

    def token(self, desk_id: str, username: str, password: str) -> dict[str, Any]:
        body = {"desk_id": desk_id, "username": username, "password": password}
        return _json(self.call("POST", "/auth/token", json_body=body))

    def put_case(self, token: str, case_uuid: str, body: dict[str, Any]) -> dict[str, Any]:
        return _json(self.call("PUT", f"/cases/{case_uuid}", token=token, json_body=body))

    def post_event(self, token: str, case_uuid: str, body: dict[str, Any]) -> dict[str, Any]:
        return _json(self.call("POST", f"/cases/{case_uuid}/events", token=token, json_body=body))

    def case(self, token: str, case_uuid: str) -> dict[str, Any]:
        return _json(self.call("GET", f"/cases/{case_uuid}", token=token))

    def blob_offset(self, token: str, sha256: str) -> tuple[int, bool]:
        """How many bytes of the blob the platform holds, and whether it is complete."""
        try:
            reply = self.call("HEAD", f"/blobs/{sha256}", token=token)
        except Refused as refused:
            if refused.status == 404:
                return 0, False
            raise
        return _offset(reply.headers), reply.headers.get("Blob-Complete") == "1"

    def patch_blob(
        self, token: str, sha256: str, offset: int, total: int, chunk: bytes
    ) -> tuple[int, bool]:
        """Append ``chunk`` at ``offset``; the platform's new offset, and whether complete."""
        headers = {
            "Upload-Offset": str(offset),
            "Upload-Length": str(total),
            "Content-Type": "application/offset+octet-stream",
        }
        reply = self.call("PATCH", f"/blobs/{sha256}", token=token, body=chunk, headers=headers)
        return _offset(reply.headers), reply.headers.get("Blob-Complete") == "1"

    def blob_range(self, token: str, sha256: str, offset: int, length: int) -> BlobPart:
        """Up to ``length`` bytes of the blob from ``offset`` (HTTP Range). A platform that
        ignores the range answers 200 with the whole blob: the part then starts at 0."""
        headers = {"Range": f"bytes={offset}-{offset + length - 1}"}
        reply = self.call("GET", f"/blobs/{sha256}", token=token, headers=headers)
        if reply.status_code != 206:
            return BlobPart(0, reply.content, len(reply.content))
        match = _CONTENT_RANGE.fullmatch(reply.headers.get("Content-Range", ""))
        if match is None:
            raise unreadable_reply()
        start, total = int(match["start"]), int(match["total"])
        return BlobPart(start, reply.content, total)

    def changes(self, token: str, after: int, limit: int) -> dict[str, Any]:
        params = {"after": str(after), "limit": str(limit)}
        return _json(self.call("GET", "/changes", token=token, params=params))

    # 好差评 (clerk_desk.sync.ratings_wire builds and reads the bodies) -----------------------

    def put_contact(self, token: str, contact_uuid: str, body: dict[str, Any]) -> dict[str, Any]:
        reply = _json(self.call("PUT", f"/contacts/{contact_uuid}", token=token, json_body=body))
        return _holding(reply, "contact")

    def put_rating(self, token: str, rating_uuid: str, body: dict[str, Any]) -> dict[str, Any]:
        reply = _json(self.call("PUT", f"/ratings/{rating_uuid}", token=token, json_body=body))
        return _holding(reply, "rating")

    def post_step(self, token: str, rating_uuid: str, body: dict[str, Any]) -> dict[str, Any]:
        path = f"/followups/{rating_uuid}/steps"
        return _holding(_json(self.call("POST", path, token=token, json_body=body)), "step")

    def rating_changes(self, token: str, after: int, limit: int) -> dict[str, Any]:
        """A page of the ratings feed: ``changes`` (at most ``limit``, each a dict),
        ``last_seq`` (an int not behind ``after``), ``more`` (a bool); else unreadable."""
        params = {"after": str(after), "limit": str(limit)}
        page = _json(self.call("GET", "/ratings/changes", token=token, params=params))
        changes, last_seq = page.get("changes"), page.get("last_seq")
        if (
            not isinstance(changes, list)
            or len(changes) > limit
            or not all(isinstance(change, dict) for change in changes)
            or isinstance(last_seq, bool)
            or not isinstance(last_seq, int)
            or last_seq < after
            or not isinstance(page.get("more"), bool)
        ):
            raise unreadable_reply()
        return page

    def rating_reasons(self, token: str) -> dict[str, Any]:
        """The platform's current reasons list (``version``, ``code_order``, ``reasons``)."""
        return _json(self.call("GET", "/rating-reasons", token=token))

    def catalog(self, token: str, etag: str | None) -> tuple[str, dict[str, Any]] | None:
        """``(etag, catalog)``, or ``None`` when the platform's catalog is still ``etag``."""
        headers = {"If-None-Match": etag} if etag else {}
        reply = self.call("GET", "/catalog", token=token, headers=headers)
        if reply.status_code == 304:
            return None
        return reply.headers.get("ETag", ""), _json(reply)

    # One request ----------------------------------------------------------------------------

    def call(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        json_body: dict[str, Any] | None = None,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        params: dict[str, str] | None = None,
    ) -> requests.Response:
        """A 2xx or 304 reply with its body read in full; anything else raised."""
        all_headers = dict(headers or {})
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        url = f"{self.connection.base_url}{API}{path}"
        timeout = self.connection.timeout
        try:
            reply = self.http.request(
                method,
                url,
                json=json_body,
                data=body,
                headers=all_headers,
                params=params,
                timeout=(timeout, timeout),
                verify=self.connection.verify,
            )
            # The whole body now: a reply cut off mid-body fails here, not later.
            _ = reply.content
        except requests.exceptions.SSLError as error:
            log.info("%s %s failed", method, url, exc_info=True)
            raise TransportFailure(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The platform's certificate cannot be verified ({error}); set "
                        "ca_bundle to the CA file that signed it",
                    ),
                    {"error": _first_line(error)},
                )
            ) from error
        except requests.exceptions.Timeout as error:
            log.info("%s %s failed", method, url, exc_info=True)
            raise TransportFailure(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core", "The platform did not answer within {seconds} seconds"
                    ),
                    {"seconds": f"{timeout:g}"},
                )
            ) from error
        except (
            requests.exceptions.ChunkedEncodingError,
            requests.exceptions.ContentDecodingError,
        ) as error:
            log.info("%s %s failed", method, url, exc_info=True)
            raise unreadable_reply() from error
        except requests.exceptions.RequestException as error:
            log.info("%s %s failed", method, url, exc_info=True)
            raise TransportFailure(
                Message(
                    QT_TRANSLATE_NOOP("core", "The platform {url} cannot be reached ({error})"),
                    {"url": self.connection.base_url, "error": connection_cause(error)},
                )
            ) from error
        return _classify(reply)


def _classify(reply: requests.Response) -> requests.Response:
    status = reply.status_code
    if 200 <= status < 300 or status == 304:
        return reply
    if status >= 500 or status in _RETRY_STATUSES:
        raise TransportFailure(
            Message(
                QT_TRANSLATE_NOOP("core", "The platform answered {status} ({reason}); will retry"),
                {"status": status, "reason": reply.reason or ""},
            )
        )
    code, reason, fields = _error_body(reply)
    if status == 401:
        raise Unauthorized(status, code, reason, fields, dict(reply.headers))
    raise Refused(status, code, reason, fields, dict(reply.headers))


def _error_body(reply: requests.Response) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """The contract's ``{"error": {"code", "message", "problems"}}``, leniently."""
    try:
        error = reply.json()["error"]
        problems = tuple(
            (str(problem["field"]), str(problem["message"]))
            for problem in error.get("problems") or ()
        )
        return str(error.get("code", "")), str(error.get("message", "")), problems
    except (ValueError, KeyError, TypeError, AttributeError):
        return "", reply.text.strip()[:500] or (reply.reason or ""), ()


def _json(reply: requests.Response) -> dict[str, Any]:
    try:
        data = reply.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise unreadable_reply()
    return data


def _holding(reply: dict[str, Any], key: str) -> dict[str, Any]:
    """A reply that must hold the object ``key`` (what was stored); else unreadable."""
    if not isinstance(reply.get(key), dict):
        raise unreadable_reply()
    return reply


def _offset(headers: Any) -> int:
    try:
        return int(headers.get("Upload-Offset", "0"))
    except ValueError as error:
        raise unreadable_reply() from error


def unreadable_reply() -> TransportFailure:
    return TransportFailure(
        Message(
            QT_TRANSLATE_NOOP(
                "core", "The platform's reply was cut off or not understood; will retry"
            )
        )
    )


def connection_cause(error: Exception) -> Message:
    """Why a connection failed, in a few words the clerk can act on, instead of the long
    English chain ``requests`` and urllib3 build (which stays in the log)."""
    seen: BaseException | None = error
    visited: set[int] = set()
    while seen is not None and id(seen) not in visited:
        visited.add(id(seen))
        if isinstance(seen, socket.gaierror):
            return msg(QT_TRANSLATE_NOOP("core", "host name not found"))
        if isinstance(seen, ConnectionRefusedError):
            return msg(QT_TRANSLATE_NOOP("core", "connection refused"))
        if isinstance(seen, OSError) and seen.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return msg(QT_TRANSLATE_NOOP("core", "network unreachable"))
        if isinstance(seen, ConnectionResetError | ConnectionAbortedError):
            return msg(QT_TRANSLATE_NOOP("core", "connection dropped"))
        nested = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = getattr(seen, "reason", None) or nested or seen.__cause__ or seen.__context__
    return msg(QT_TRANSLATE_NOOP("core", "connection failed"))


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:300] if text else type(error).__name__
