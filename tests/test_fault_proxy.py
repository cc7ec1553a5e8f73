"""The fault-injecting proxy, against a tiny real HTTP server that records what reached it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from fault_proxy import RANDOM_FAULTS, Fault, FaultPlan, FaultProxy


class _Upstream:
    """Answers every request with what it got; PATCH appends to one in-memory blob."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, bytes]] = []
        self.blob = bytearray()
        upstream = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                upstream.seen.append((self.command, self.path, body))
                if self.command == "PATCH":
                    upstream.blob += body
                    self.send_response(204)
                    self.send_header("Upload-Offset", str(len(upstream.blob)))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                reply = f"{self.command} {self.path} {len(body)}".encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(reply)))
                self.send_header("X-Seen", str(len(upstream.seen)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(reply)

            do_HEAD = do_PUT = do_POST = do_PATCH = do_GET

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def upstream() -> Iterator[_Upstream]:
    server = _Upstream()
    yield server
    server.close()


def _only(kind: Fault, **extra: float) -> FaultPlan:
    return FaultPlan(rate=1.0, weights={kind: 1.0}, **extra)  # type: ignore[arg-type]


def test_without_faults_requests_pass_unchanged(upstream: _Upstream) -> None:
    with FaultProxy(upstream.url) as proxy:
        got = requests.put(f"{proxy.url}/api/v1/cases/x?a=1", json={"k": "值"}, timeout=5)
        head = requests.head(f"{proxy.url}/api/v1/blobs/abc", timeout=5)
    assert got.status_code == 200
    assert got.text == "PUT /api/v1/cases/x?a=1 15"
    assert got.headers["X-Seen"] == "1"
    assert head.status_code == 200 and head.headers["Content-Length"] == "24"
    assert [(m, p) for m, p, _ in upstream.seen] == [
        ("PUT", "/api/v1/cases/x?a=1"),
        ("HEAD", "/api/v1/blobs/abc"),
    ]
    assert proxy.requests == 2 and proxy.faults == 0 and not proxy.errors


def test_refused_requests_never_reach_the_platform(upstream: _Upstream) -> None:
    with FaultProxy(upstream.url, _only(Fault.REFUSE)) as proxy:
        got = requests.post(f"{proxy.url}/events", data=b"x" * 10, timeout=5)
    assert got.status_code == 503
    assert got.json()["error"]["code"] == "unavailable"
    assert upstream.seen == []
    assert proxy.counts == {Fault.REFUSE: 1}


def test_dropped_reply_after_the_platform_committed(upstream: _Upstream) -> None:
    with (
        FaultProxy(upstream.url, _only(Fault.DROP)) as proxy,
        pytest.raises(requests.ConnectionError),
    ):
        requests.put(f"{proxy.url}/cases/1", json={"a": 1}, timeout=5)
    assert [(m, p) for m, p, _ in upstream.seen] == [("PUT", "/cases/1")]
    assert proxy.counts == {Fault.DROP: 1} and not proxy.errors


def test_slow_reply_outlasts_the_client_timeout(upstream: _Upstream) -> None:
    with FaultProxy(upstream.url, _only(Fault.SLOW, slow_seconds=1.0)) as proxy:
        with pytest.raises(requests.ReadTimeout):
            requests.get(f"{proxy.url}/changes", timeout=0.3)
        assert len(upstream.seen) == 1
        proxy.plan = FaultPlan()
        assert requests.get(f"{proxy.url}/changes", timeout=5).status_code == 200
    assert proxy.counts == {Fault.SLOW: 1}


def test_truncated_bodies_fail_in_the_client(upstream: _Upstream) -> None:
    with FaultProxy(upstream.url, _only(Fault.TRUNCATE)) as proxy:
        with pytest.raises(requests.exceptions.ChunkedEncodingError):
            requests.get(f"{proxy.url}/with-body", timeout=5)
        with pytest.raises(requests.ConnectionError):
            requests.patch(f"{proxy.url}/blob", data=b"abc", timeout=5)  # a 204: no body
        with pytest.raises(requests.ConnectionError):
            requests.head(f"{proxy.url}/blob", timeout=5)
    assert len(upstream.seen) == 3
    assert upstream.blob == b"abc"
    assert proxy.counts == {Fault.TRUNCATE: 3} and not proxy.errors


def test_the_plan_is_seeded_and_keeps_its_rate() -> None:
    def draws(seed: int) -> list[Fault | None]:
        plan = FaultPlan(rate=0.3, seed=seed)
        return [plan.draw() for _ in range(2000)]

    first = draws(7)
    assert first == draws(7) and first != draws(8)
    faulty = [kind for kind in first if kind is not None]
    assert 0.27 < len(faulty) / len(first) < 0.33
    assert set(faulty) == set(RANDOM_FAULTS)


def test_a_mixed_run_counts_every_fault(upstream: _Upstream) -> None:
    plan = FaultPlan(rate=0.5, seed=3, slow_seconds=0.5)
    outcomes = []
    with FaultProxy(upstream.url, plan) as proxy:
        for number in range(40):
            try:
                reply = requests.get(f"{proxy.url}/n/{number}", timeout=0.2)
                outcomes.append(reply.status_code)
            except requests.RequestException:
                outcomes.append(0)
    counts = proxy.counts
    assert proxy.requests == 40 and not proxy.errors
    assert outcomes.count(200) == 40 - proxy.faults
    assert outcomes.count(503) == counts[Fault.REFUSE]
    assert outcomes.count(0) == counts[Fault.DROP] + counts[Fault.SLOW] + counts[Fault.TRUNCATE]
    assert len(upstream.seen) == 40 - counts[Fault.REFUSE]


def test_an_upload_is_cut_at_the_given_offset(upstream: _Upstream) -> None:
    data = bytes(range(256)) * 40  # 10,240 bytes
    with FaultProxy(upstream.url, cut_uploads_at=[3000, 8000]) as proxy:
        sent = 0
        for _ in range(5):
            offset = len(upstream.blob)
            try:
                reply = requests.patch(
                    f"{proxy.url}/blob",
                    data=data[offset:],
                    headers={"Upload-Offset": str(offset)},
                    timeout=5,
                )
            except requests.ConnectionError:
                continue
            finally:
                sent += 1
            assert reply.status_code == 204
            break
    assert bytes(upstream.blob) == data
    assert sent == 3
    assert proxy.counts == {Fault.CUT_UPLOAD: 2}
    assert proxy.upload_bytes == len(data)
    assert [len(body) for _, _, body in upstream.seen] == [3000, 5000, 2240]
    assert proxy.patches == [(0, 10240), (3000, 7240), (8000, 2240)]
