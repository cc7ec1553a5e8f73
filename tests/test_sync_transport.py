"""How the engine reaches the platform: plain http only to loopback, TLS verified (with a CA
bundle when asked), timeouts and cut-off replies recorded as offline, capped back-off."""

from __future__ import annotations

import json
import random
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from clerk_desk.desk import Desk
from clerk_desk.i18n import Message, translate
from clerk_desk.sync import backoff
from clerk_desk.sync.connection import Connection
from clerk_desk.sync.errors import PlatformAddressRefused, PlatformUnreachable, TransportFailure
from local_cache.repositories import sync_repo


class _Platform(BaseHTTPRequestHandler):
    """Just enough platform for sign-in; ``/api/v1/health`` is cut off when asked."""

    cut_off = False

    def do_GET(self) -> None:
        body = json.dumps({"status": "ok", "version": "1"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body) + (100 if self.cut_off else 0)))
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        body = json.dumps(
            {"access_token": "t0ken", "token_type": "bearer", "roles": ["intake_clerk"]}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def serve() -> Iterator[list[ThreadingHTTPServer]]:
    servers: list[ThreadingHTTPServer] = []
    yield servers
    for server in servers:
        server.shutdown()
        server.server_close()


def _start(
    servers: list[ThreadingHTTPServer], handler: type, context: ssl.SSLContext | None
) -> int:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    servers.append(server)
    return int(server.server_address[1])


def _self_signed(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "platform.crt", folder / "platform.key"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def test_plain_http_goes_only_to_loopback_unless_the_admin_allows_it(demo_desk: Desk) -> None:
    settings = demo_desk.settings
    for url in (
        "http://127.0.0.1:8000",
        "http://127.8.0.1",
        "http://localhost:1",
        "http://[::1]:1",
    ):
        settings.override("platform_url", url)
        assert Connection.from_settings(settings).base_url == url
    settings.override("platform_url", "http://192.0.2.10:8000")

    with pytest.raises(PlatformAddressRefused) as refused:
        demo_desk.sync.sign_in("clerk", "demo-clerk")
    assert "allow_plain_http" in refused.value.render("en")
    assert "https://" in refused.value.render("en")
    status = demo_desk.sync.run_once()
    assert status.online is None and status.last_error == refused.value.render()

    settings.override("allow_plain_http", True)
    assert Connection.from_settings(settings).base_url == "http://192.0.2.10:8000"


def test_tls_is_verified_and_a_ca_bundle_makes_a_private_certificate_trusted(
    demo_desk: Desk, tmp_path: Path, serve: list[ThreadingHTTPServer]
) -> None:
    cert, key = _self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    port = _start(serve, _Platform, context)
    settings = demo_desk.settings
    settings.override("platform_url", f"https://127.0.0.1:{port}")

    with pytest.raises(PlatformUnreachable) as refused:
        demo_desk.sync.sign_in("clerk", "demo-clerk")
    assert "certificate cannot be verified" in refused.value.render("en")
    assert demo_desk.sync.tokens.get("clerk") is None

    settings.override("ca_bundle", str(tmp_path / "missing.pem"))
    with pytest.raises(PlatformAddressRefused):
        demo_desk.sync.sign_in("clerk", "demo-clerk")

    settings.override("ca_bundle", str(cert))
    demo_desk.sync.sign_in("clerk", "demo-clerk")
    token = demo_desk.sync.tokens.get("clerk")
    assert token is not None and token.value == "t0ken"


def test_a_platform_that_does_not_answer_leaves_the_desk_offline_and_backing_off(
    demo_desk: Desk,
) -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # connections complete in the backlog; nobody ever answers
    try:
        demo_desk.settings.override("platform_url", f"http://127.0.0.1:{silent.getsockname()[1]}")
        demo_desk.settings.override("request_timeout_seconds", 1)

        status = demo_desk.sync.run_once()

        assert status.online is False
        template = "The platform did not answer within {seconds} seconds"
        assert status.last_error == translate("core", template).format(seconds="1")
        assert 0.5 <= demo_desk.sync.seconds_until_due() <= 1.0
        demo_desk.sync.run_once()
        assert 1.0 <= demo_desk.sync.seconds_until_due() <= 2.0
        started = time.monotonic()
        demo_desk.sync.run_once(force=False)  # the timer's pass waits out the back-off
        assert time.monotonic() - started < 0.5
        with demo_desk.database.read() as session:
            assert sync_repo.get_state(session, "failures") == "2"
    finally:
        silent.close()


def test_a_refused_connection_is_said_in_a_few_words(demo_desk: Desk) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{closed.getsockname()[1]}"
    closed.close()  # nothing listens there now
    demo_desk.settings.override("platform_url", url)

    status = demo_desk.sync.run_once()

    assert status.online is False
    assert status.last_error == f"无法连接平台 {url}（连接被拒绝）"


def test_a_cut_off_reply_is_a_failure_to_retry(
    demo_desk: Desk, serve: list[ThreadingHTTPServer]
) -> None:
    handler = type("CutOff", (_Platform,), {"cut_off": True})
    demo_desk.settings.override("platform_url", f"http://127.0.0.1:{_start(serve, handler, None)}")

    status = demo_desk.sync.run_once()

    assert status.online is False
    template = "The platform's reply was cut off or not understood; will retry"
    assert status.last_error == translate("core", template)


def test_back_off_doubles_up_to_the_cap_with_jitter() -> None:
    rng = random.Random(7)
    for failures in range(1, 16):
        ceiling = min(backoff.CAP_SECONDS, backoff.BASE_SECONDS * 2 ** (failures - 1))
        delays = {backoff.delay(failures, rng) for _ in range(20)}
        assert all(ceiling / 2 <= delay <= ceiling for delay in delays)
        assert len(delays) == 20  # jittered: desks that failed together do not retry together
    assert max(backoff.delay(60, rng) for _ in range(100)) <= backoff.CAP_SECONDS


def test_a_request_is_tried_three_times_in_a_pass_before_the_pass_gives_up() -> None:
    failure = TransportFailure(Message("The platform's reply was cut off or not understood"))
    outcomes: list[object] = [failure, failure, "reply"]
    pauses: list[float] = []

    def flaky() -> object:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    assert backoff.retrying(flaky, pauses.append) == "reply"
    assert len(pauses) == 2 and all(0 < pause <= 0.5 for pause in pauses)

    outcomes[:] = [failure, failure, failure, "never reached"]
    with pytest.raises(TransportFailure):
        backoff.retrying(flaky, pauses.append)
    assert outcomes == ["never reached"]
