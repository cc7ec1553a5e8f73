"""A real HTTP proxy on 127.0.0.1 that breaks some of the requests passing through it.

It stands between a desk and the platform and, following a seeded random plan (one draw per
request, in arrival order), does one of:

* ``refuse_503``: answer 503 without forwarding; the platform never sees the request;
* ``drop_after_commit``: forward, let the platform answer, then close the connection
  without a byte of the reply (the platform committed, the desk does not know);
* ``slow_reply``: forward, then hold the reply longer than the desk's timeout;
* ``truncated_body``: forward, then send the reply with a ``Content-Length`` larger than the
  bytes that follow, and close (a reply without a body is cut inside its status line).

Separately from the random plan, ``cut_uploads_at`` cuts blob uploads: when a ``PATCH`` body
would carry the blob past one of those byte offsets, only the bytes up to it are forwarded
(as a complete PATCH, so the platform holds them) and the desk's connection is reset, as if
the line went down mid-upload. Each offset cuts once. ``patches`` lists the offset and length
of every PATCH begun, so a test sees where each upload resumed and how much was sent.

Every connection carries one request (``Connection: close``), so a fault never leaks into
the next request. Counts of each fault kind, of requests and of PATCH body bytes read from
clients are kept for assertions; unexpected errors inside the proxy are kept in ``errors``.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import random
import socket
import threading
import traceback
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import BinaryIO
from urllib.parse import urlsplit

UPSTREAM_TIMEOUT_S = 120.0
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade"}
READ_CHUNK = 64 * 1024


class Fault(StrEnum):
    REFUSE = "refuse_503"
    DROP = "drop_after_commit"
    SLOW = "slow_reply"
    TRUNCATE = "truncated_body"
    CUT_UPLOAD = "cut_upload"


RANDOM_FAULTS = (Fault.REFUSE, Fault.DROP, Fault.SLOW, Fault.TRUNCATE)


@dataclass
class FaultPlan:
    """``rate``: share of requests that get a fault; ``weights``: how the faulty ones split
    between the kinds (slow replies cost the desk a whole timeout each, so they can be made
    rarer than the others); ``slow_seconds``: how long a slow reply is held."""

    rate: float = 0.0
    seed: int = 0
    weights: dict[Fault, float] = field(default_factory=lambda: dict.fromkeys(RANDOM_FAULTS, 1.0))
    slow_seconds: float = 3.0

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()

    def draw(self) -> Fault | None:
        with self._lock:
            if self._rng.random() >= self.rate:
                return None
            kinds = list(self.weights)
            return self._rng.choices(kinds, weights=[self.weights[k] for k in kinds])[0]


@dataclass
class _Reply:
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes


class FaultProxy:
    """``with FaultProxy("http://127.0.0.1:8000", FaultPlan(rate=0.3)) as proxy:`` and point
    the desk at ``proxy.url``."""

    def __init__(
        self,
        target: str,
        plan: FaultPlan | None = None,
        cut_uploads_at: Sequence[int] = (),
    ) -> None:
        parts = urlsplit(target)
        if parts.scheme != "http" or not parts.hostname or not parts.port:
            raise ValueError(f"the proxy forwards to http://host:port only, not {target!r}")
        self.target_host, self.target_port = parts.hostname, parts.port
        self.plan = plan or FaultPlan()
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._cuts = sorted(cut_uploads_at)
        self._counts: Counter[str] = Counter()
        self._requests = 0
        self._upload_bytes = 0
        self._patches: list[tuple[int, int]] = []
        self.errors: list[str] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._server.handle_error = self._record_error  # type: ignore[method-assign]
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    # Life cycle ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # What happened ------------------------------------------------------------------------

    @property
    def counts(self) -> Counter[str]:
        """How many requests got each fault kind (a copy)."""
        with self._lock:
            return Counter(self._counts)

    @property
    def requests(self) -> int:
        with self._lock:
            return self._requests

    @property
    def faults(self) -> int:
        return sum(self.counts.values())

    @property
    def upload_bytes(self) -> int:
        """PATCH body bytes the proxy read from its clients."""
        with self._lock:
            return self._upload_bytes

    @property
    def patches(self) -> list[tuple[int, int]]:
        """``(Upload-Offset, Content-Length)`` of every PATCH a client began to send, in
        arrival order: the bytes it meant to send, cut or not."""
        with self._lock:
            return list(self._patches)

    # Used by the handler ------------------------------------------------------------------

    def _begin(self) -> Fault | None:
        fault = self.plan.draw()
        with self._lock:
            self._requests += 1
            if fault is not None:
                self._counts[fault] += 1
        return fault

    def _began_patch(self, offset: int, length: int) -> None:
        with self._lock:
            self._patches.append((offset, length))

    def _count_upload(self, size: int) -> None:
        with self._lock:
            self._upload_bytes += size

    def _take_cut(self, offset: int, length: int) -> int | None:
        """The first pending cut inside ``(offset, offset + length)``, consumed."""
        with self._lock:
            for cut in self._cuts:
                if offset < cut < offset + length:
                    self._cuts.remove(cut)
                    self._counts[Fault.CUT_UPLOAD] += 1
                    return cut
        return None

    def _record_error(self, _request: object, _address: object) -> None:
        self.errors.append(traceback.format_exc())

    def _forward(
        self, method: str, path: str, headers: list[tuple[str, str]], body: bytes
    ) -> _Reply:
        connection = http.client.HTTPConnection(
            self.target_host, self.target_port, timeout=UPSTREAM_TIMEOUT_S
        )
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for name, value in headers:
                connection.putheader(name, value)
            connection.endheaders(body)
            response = connection.getresponse()
            content = response.read()
            return _Reply(response.status, response.reason, response.getheaders(), content)
        finally:
            connection.close()


def _handler_for(proxy: FaultProxy) -> type[BaseHTTPRequestHandler]:
    class Handler(_ProxyHandler):
        owner = proxy

    return Handler


class _ProxyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    owner: FaultProxy

    def do_GET(self) -> None:
        self._proxy()

    do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_GET

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: a test run passes thousands of requests."""

    def _proxy(self) -> None:
        self.close_connection = True
        fault = self.owner._begin()
        headers = [(k, v) for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP]
        headers = [(k, v) for k, v in headers if k.lower() not in ("content-length", "host")]
        headers.append(("Host", f"{self.owner.target_host}:{self.owner.target_port}"))
        if self.command == "PATCH" and self._cut_upload(headers):
            return
        body = b"".join(self._body())
        if self.command == "PATCH":
            self.owner._count_upload(len(body))
        if fault is Fault.REFUSE:
            message = {"error": {"code": "unavailable", "message": "服务暂不可用", "problems": []}}
            self._send(_Reply(503, "Service Unavailable", [], json.dumps(message).encode()))
            return
        if body or self.command in ("POST", "PUT", "PATCH"):
            headers.append(("Content-Length", str(len(body))))
        try:
            reply = self.owner._forward(self.command, self.path, headers, body)
        except OSError as error:
            self._send(_Reply(502, "Bad Gateway", [], str(error).encode()))
            return
        if fault is Fault.DROP:
            self._reset()
        elif fault is Fault.SLOW:
            if not self.owner.stopping.wait(self.owner.plan.slow_seconds):
                self._send(reply)
        elif fault is Fault.TRUNCATE:
            self._send_truncated(reply)
        else:
            self._send(reply)

    def _cut_upload(self, headers: list[tuple[str, str]]) -> bool:
        """Forward a PATCH only up to a pending cut and reset the desk's connection."""
        length = int(self.headers.get("Content-Length") or 0)
        offset = int(self.headers.get("Upload-Offset") or 0)
        self.owner._began_patch(offset, length)
        cut = self.owner._take_cut(offset, length) if length else None
        if cut is None:
            return False
        part = _read_exactly(self.rfile, cut - offset)
        self.owner._count_upload(len(part))
        headers.append(("Content-Length", str(len(part))))
        try:
            self.owner._forward("PATCH", self.path, headers, part)
        finally:
            self._reset()
        return True

    def _body(self) -> Iterator[bytes]:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            yield from _read_chunked(self.rfile)
        else:
            yield _read_exactly(self.rfile, int(self.headers.get("Content-Length") or 0))

    def _head(self, reply: _Reply, content_length: int | None) -> bytes:
        lines = [f"HTTP/1.1 {reply.status} {reply.reason}"]
        for name, value in reply.headers:
            if name.lower() in HOP_BY_HOP or name.lower() == "content-length":
                continue
            lines.append(f"{name}: {value}")
        if self.command == "HEAD":
            upstream = [v for k, v in reply.headers if k.lower() == "content-length"]
            lines.extend(f"Content-Length: {v}" for v in upstream)
        elif content_length is not None:
            lines.append(f"Content-Length: {content_length}")
        lines.append("Connection: close")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    def _send(self, reply: _Reply) -> None:
        body = b"" if self.command == "HEAD" else reply.body
        self._write(self._head(reply, len(body)) + body)

    def _send_truncated(self, reply: _Reply) -> None:
        """Promise more than is sent; a reply that has no body is cut in its status line."""
        if self.command == "HEAD" or reply.status in (204, 304) or not reply.body:
            self._write(f"HTTP/1.1 {reply.status}"[:10].encode("latin-1"))
        else:
            half = reply.body[: len(reply.body) // 2]
            self._write(self._head(reply, len(reply.body)) + half)
        self._reset()

    def _write(self, data: bytes) -> None:
        try:
            self.wfile.write(data)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the desk gave up waiting (slow reply): what the fault is for

    def _reset(self) -> None:
        """Close at once; unread request bytes make the kernel send the desk a reset."""
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)


def _read_exactly(stream: BinaryIO, size: int) -> bytes:
    parts, left = [], size
    while left > 0:
        part = stream.read(min(left, READ_CHUNK))
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _read_chunked(stream: BinaryIO) -> Iterator[bytes]:
    while True:
        size = int(stream.readline().split(b";")[0].strip() or b"0", 16)
        if size == 0:
            while stream.readline() not in (b"\r\n", b"\n", b""):
                pass
            return
        yield _read_exactly(stream, size)
        stream.readline()
