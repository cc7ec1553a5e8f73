"""Every route refuses a body over its limit before holding it: 413, and the server stays small.

Real oversized requests over a raw socket (so the test, not an HTTP library, decides how much
is sent and when the reply is read), against the sandbox subprocess whose memory is measured.
"""

from __future__ import annotations

import json
import select
import socket
from urllib.parse import urlsplit

import psutil
from platform_fixtures import SandboxProcess
from sandbox_client import sha256, sign_in

from platform_sandbox.body_limit import JSON_LIMIT, SIGN_IN_LIMIT

HUGE = 400 * 1024 * 1024
CHUNK = b"x" * (256 * 1024)
MIB = 1024 * 1024
CASE_UUID = "00000000-0000-4000-8000-000000000000"


def _connect(url: str) -> socket.socket:
    parts = urlsplit(url)
    assert parts.hostname is not None and parts.port is not None
    return socket.create_connection((parts.hostname, parts.port), timeout=30)


def _reply(sock: socket.socket) -> tuple[int, dict[str, object]]:
    """Status and JSON body of the reply (the server closes or says how long it is)."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    length = int(headers["content-length"])
    while len(body) < length:
        body += sock.recv(65536)
    return int(lines[0].split()[1]), json.loads(body[:length])


def _send_until_answered(sock: socket.socket, total: int, chunked: bool) -> int:
    """Send up to ``total`` bytes of body until the server answers or hangs up; bytes sent."""
    sent = 0
    while sent < total:
        readable, _, _ = select.select([sock], [], [], 0)
        if readable:
            break
        piece = CHUNK if not chunked else b"%x\r\n%s\r\n" % (len(CHUNK), CHUNK)
        try:
            sock.sendall(piece)
        except (BrokenPipeError, ConnectionResetError):
            break
        sent += len(CHUNK)
    return sent


def _request(url: str, method: str, path: str, headers: dict[str, str]) -> socket.socket:
    sock = _connect(url)
    host = urlsplit(url).netloc
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Content-Type: application/json"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    return sock


def _rss(sandbox: SandboxProcess) -> int:
    return int(psutil.Process(sandbox.process.pid).memory_info().rss)


def test_a_declared_400_mb_sign_in_is_refused_before_its_body_is_read(
    sandbox_server: SandboxProcess,
) -> None:
    before = _rss(sandbox_server)
    headers = {"Content-Length": str(HUGE)}
    with _request(sandbox_server.url, "POST", "/api/v1/auth/token", headers) as sock:
        status, body = _reply(sock)  # answered with no byte of the body sent
    assert status == 413
    assert body["error"]["code"] == "too_large"  # type: ignore[index]
    assert str(SIGN_IN_LIMIT) in body["error"]["message"]  # type: ignore[index]
    assert _rss(sandbox_server) - before < 20 * MIB


def test_a_streamed_400_mb_body_is_cut_off_at_the_route_s_limit(
    sandbox_server: SandboxProcess,
) -> None:
    before = _rss(sandbox_server)
    routes = (
        ("POST", "/api/v1/auth/token", SIGN_IN_LIMIT),
        ("PUT", f"/api/v1/cases/{CASE_UUID}", JSON_LIMIT),  # no token: the body comes first
    )
    for method, path, limit in routes:
        headers = {"Transfer-Encoding": "chunked"}
        with _request(sandbox_server.url, method, path, headers) as sock:
            sent = _send_until_answered(sock, HUGE, chunked=True)
            status, body = _reply(sock)
        assert status == 413, (path, body)
        assert body["error"]["code"] == "too_large"  # type: ignore[index]
        assert sent < 64 * MIB, (path, sent)  # the server stopped listening long before 400 MB
        assert str(limit) in body["error"]["message"]  # type: ignore[index]
    assert _rss(sandbox_server) - before < 40 * MIB


def test_json_routes_take_a_few_mib_and_blob_chunks_more(sandbox_server: SandboxProcess) -> None:
    clerk = sign_in(sandbox_server.url, "clerk")
    reply = clerk.put(f"/cases/{CASE_UUID}", data=b" " * (JSON_LIMIT + 1))
    assert reply.status_code == 413 and reply.json()["error"]["code"] == "too_large"
    assert clerk.put(f"/cases/{CASE_UUID}", data=b"{}").status_code == 422  # small: read

    chunk = bytes(range(256)) * (2 * JSON_LIMIT // 256)  # twice a JSON route's limit
    uploaded = clerk.upload(chunk)
    assert uploaded.status_code == 204, uploaded.text
    assert clerk.get(f"/blobs/{sha256(chunk)}").content == chunk
