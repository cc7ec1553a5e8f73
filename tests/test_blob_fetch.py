"""Pages not on this desk, fetched from a real sandbox platform process: desk A uploads a page
with its own upload path, desk B fetches it by ranges, cut off and resumed, checked by sha256
before it enters B's file store, and served from the store the second time."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from case_factory import CLERK, make_case, padded_pdf
from fault_proxy import Fault, FaultPlan, FaultProxy
from platform_fixtures import SandboxProcess
from sync_helpers import PASSWORDS

from clerk_desk.desk import Desk
from clerk_desk.sync.blob_fetch import fetch_blob, partial_path
from clerk_desk.sync.client import PlatformClient
from clerk_desk.sync.connection import Connection
from clerk_desk.sync.errors import Refused, TransportFailure
from local_cache.file_store import CHUNK_SIZE

PAGE_SIZE = 2 * CHUNK_SIZE + 12_345  # three ranges
TIMEOUT = 10.0


class WindowClosed(Exception):
    """The desk went away in the middle of a fetch."""


def client_for(url: str, username: str, desk_id: str) -> tuple[PlatformClient, str]:
    client = PlatformClient(Connection(url, True, TIMEOUT))
    token = str(client.token(desk_id, username, PASSWORDS[username])["access_token"])
    return client, token


@pytest.fixture
def desks(tmp_path: Path, demo_template: Path) -> Iterator[tuple[Desk, Desk]]:
    opened = []
    for name in ("desk-a", "desk-b"):
        shutil.copytree(demo_template, tmp_path / name)
        opened.append(Desk.open(tmp_path / name, demo_mode=True))
    yield opened[0], opened[1]
    for desk in opened:
        desk.close()


@pytest.fixture
def page(
    tmp_path: Path, sandbox_server: SandboxProcess, desks: tuple[Desk, Desk]
) -> tuple[str, bytes]:
    """A scanned page of a case desk A took in, uploaded with the case by A's own sync (the
    platform gives a reviewer only the files of their department's cases)."""
    data = padded_pdf(PAGE_SIZE)
    scan = tmp_path / "page.pdf"
    scan.write_bytes(data)
    window = desks[0]
    case = make_case(window, attach=scan, accept_by=CLERK)
    window.settings.override("platform_url", sandbox_server.url)
    window.sync.sign_in(CLERK, PASSWORDS[CLERK])
    assert window.sync.run_once().pending == 0
    return case.materials[0].files[0].sha256, data


def test_the_platform_answers_ranges(
    sandbox_server: SandboxProcess, page: tuple[str, bytes]
) -> None:
    sha256, data = page
    client, token = client_for(sandbox_server.url, "reviewer", "desk-b")
    try:
        part = client.blob_range(token, sha256, 100, 50)
    finally:
        client.close()
    assert (part.start, part.data, part.total) == (100, data[100:150], len(data))


def test_desk_b_fetches_a_page_of_desk_a_once(
    sandbox_server: SandboxProcess, desks: tuple[Desk, Desk], page: tuple[str, bytes]
) -> None:
    sha256, data = page
    files = desks[1].intake.files
    assert not files.exists(sha256)
    seen: list[tuple[int, int]] = []
    client, token = client_for(sandbox_server.url, "reviewer", "desk-b")
    try:
        path = fetch_blob(client, token, files, sha256, len(data), lambda *p: seen.append(p))
    finally:
        client.close()

    assert path == files.path_for(sha256) and path.read_bytes() == data
    assert seen == [(CHUNK_SIZE, PAGE_SIZE), (2 * CHUNK_SIZE, PAGE_SIZE), (PAGE_SIZE, PAGE_SIZE)]
    assert not partial_path(files, sha256).exists()

    # The second time no platform is asked: this one cannot even be reached.
    offline = PlatformClient(Connection("http://127.0.0.1:9", True, TIMEOUT))
    try:
        assert fetch_blob(offline, "no-token", files, sha256, len(data)) == path
    finally:
        offline.close()


def test_a_fetch_cut_off_continues_where_it_stopped(
    sandbox_server: SandboxProcess, desks: tuple[Desk, Desk], page: tuple[str, bytes]
) -> None:
    sha256, data = page
    files = desks[1].intake.files

    def close_after_first_range(held: int, _total: int) -> None:
        raise WindowClosed

    client, token = client_for(sandbox_server.url, "reviewer", "desk-b")
    try:
        with pytest.raises(WindowClosed):
            fetch_blob(client, token, files, sha256, len(data), close_after_first_range)
    finally:
        client.close()
    partial = partial_path(files, sha256)
    assert partial.read_bytes() == data[:CHUNK_SIZE] and not files.exists(sha256)

    # Then over a line that breaks half the requests: each attempt keeps what arrived.
    starts: list[int] = []
    plan = FaultPlan(rate=0.5, seed=11, weights=dict.fromkeys((Fault.TRUNCATE, Fault.DROP), 1.0))
    with FaultProxy(sandbox_server.url, plan) as proxy:
        client, token = client_for(sandbox_server.url, "reviewer", "desk-b")
        client.connection = Connection(proxy.url, True, TIMEOUT)
        attempts = 0
        try:
            while True:
                attempts += 1
                starts.append(partial.stat().st_size if partial.exists() else -1)
                try:
                    path = fetch_blob(client, token, files, sha256, len(data))
                    break
                except TransportFailure:
                    assert attempts < 20
        finally:
            client.close()
        assert proxy.faults > 0
    assert path.read_bytes() == data and hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    assert starts[0] == CHUNK_SIZE and starts == sorted(starts)  # never started over
    assert not partial.exists()


def test_bytes_that_do_not_match_the_hash_never_enter_the_store(
    sandbox_server: SandboxProcess, desks: tuple[Desk, Desk], page: tuple[str, bytes]
) -> None:
    sha256, data = page
    files = desks[1].intake.files
    partial = partial_path(files, sha256)
    partial.parent.mkdir(exist_ok=True)
    partial.write_bytes(b"\0" * CHUNK_SIZE)  # a damaged partial file
    client, token = client_for(sandbox_server.url, "reviewer", "desk-b")
    try:
        with pytest.raises(TransportFailure, match="checksum"):
            fetch_blob(client, token, files, sha256, len(data))
        assert not partial.exists() and not files.exists(sha256)
        assert files.is_empty()

        assert fetch_blob(client, token, files, sha256, len(data)).read_bytes() == data
    finally:
        client.close()


def test_a_page_the_platform_does_not_hold_is_refused(
    sandbox_server: SandboxProcess, desks: tuple[Desk, Desk]
) -> None:
    missing = hashlib.sha256(b"never uploaded").hexdigest()
    # A clerk may ask for any file of the centre (a reviewer would get 403 for a file no case
    # of their department names); the platform has none such.
    client, token = client_for(sandbox_server.url, CLERK, "desk-b")
    try:
        with pytest.raises(Refused) as refused:
            fetch_blob(client, token, desks[1].intake.files, missing, 100)
    finally:
        client.close()
    assert refused.value.status == 404
    assert not desks[1].intake.files.exists(missing)


def test_plain_get_still_returns_the_whole_page(
    sandbox_server: SandboxProcess, page: tuple[str, bytes]
) -> None:
    sha256, data = page
    client, token = client_for(sandbox_server.url, "reviewer", "desk-b")
    client.close()
    reply = requests.get(
        f"{sandbox_server.url}/api/v1/blobs/{sha256}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=TIMEOUT,
    )
    assert reply.status_code == 200 and reply.content == data
