"""The doctor's checks against real things: an HTTP server, SANE's test backend, SQLite files."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from clerk_desk import diagnostics, paths
from clerk_desk.diagnostics import Severity
from clerk_desk.settings import Settings
from local_cache.db import Database


class _Health(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status = 200 if self.path == diagnostics.HEALTH_PATH else 404
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"status": "ok"}')

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture
def platform_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_reachable_platform(platform_url: str) -> None:
    result = diagnostics.check_platform(platform_url)
    assert result.ok
    assert result.detail.render("en") == (
        f"{platform_url.rstrip('/')}{diagnostics.HEALTH_PATH} answered 200"
    )


def test_an_unreachable_platform_is_a_warning() -> None:
    result = diagnostics.check_platform("http://127.0.0.1:9")
    assert result.status == "warning"
    assert "is not reachable" in result.detail.render("en")
    assert result.remedy is not None


def test_no_platform_configured_is_fine() -> None:
    result = diagnostics.check_platform("")
    assert result.ok
    assert result.detail.render("en") == "Not configured: the desk works on its own"


@pytest.mark.skipif(shutil.which("scanimage") is None, reason="sane-utils not installed")
def test_the_sane_test_backend_lists_its_devices() -> None:
    result = diagnostics.check_scanners(("test",))
    assert result.ok, result.detail.render("en")
    assert "test:0" in result.detail.render("en")


@pytest.mark.skipif(shutil.which("scanimage") is None, reason="sane-utils not installed")
def test_no_scanner_is_a_warning() -> None:
    result = diagnostics.check_scanners(("no_such_backend",))
    assert result.status == "warning"
    assert result.detail.render("en") == "No scanner found: pages can only be imported"


def test_the_installed_sc_font_is_found() -> None:
    result = diagnostics.check_cjk_font()
    assert result.ok, result.remedy.render("en") if result.remedy else ""
    assert any(family in result.detail.render() for family in diagnostics.SC_FONT_FAMILIES)


def test_an_unwritable_data_dir_is_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = diagnostics.check_data_dir(paths.DataDir(blocker / "data"))
    assert result.is_error
    assert result.detail.render("en").startswith(f"Cannot write in {blocker}")


def test_a_database_without_the_schema_is_an_error(tmp_path: Path) -> None:
    database = Database(tmp_path / "desk.sqlite3")
    database.pragma("user_version")
    database.dispose()
    result = diagnostics.check_database(tmp_path / "desk.sqlite3")
    assert result.is_error
    assert result.detail.render("en").startswith("Schema revision is -, this program needs ")


def test_a_settings_file_from_the_future_is_an_error(tmp_path: Path) -> None:
    location = paths.DataDir(tmp_path)
    location.config_file.write_text('{"settings_version": 99}', encoding="utf-8")
    result, settings = diagnostics.check_settings(location)
    assert settings is None
    assert result.is_error
    assert "newer clerk_desk" in result.detail.render("en")


def test_a_demo_desk_without_a_platform_reports_the_training_platform(tmp_path: Path) -> None:
    """The window of a demo desk starts the reference platform itself, so the doctor says that
    rather than "not configured"."""
    location = paths.DataDir(tmp_path / "demo")
    results = {r.name: r for r in diagnostics.headless_checks(location, demo=True)}
    platform = results["platform"]
    assert platform.ok
    assert platform.detail.render("en") == (
        "Demo mode: the window starts the training platform on this machine,"
        f" with its data in {tmp_path / 'demo' / 'platform'}"
    )
    assert platform.detail.render("zh_CN").startswith("演示模式：窗口启动时在本机启动训练平台")


def test_a_production_desk_without_a_platform_works_on_its_own(tmp_path: Path) -> None:
    results = {r.name: r for r in diagnostics.headless_checks(paths.DataDir(tmp_path), demo=False)}
    assert results["platform"].ok
    assert results["platform"].detail.render("en") == "Not configured: the desk works on its own"


def test_a_missing_cups_client_names_the_client_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """lpstat comes with cups-client; the server package (cups) would not bring it."""
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine where lpstat is not installed
    result = diagnostics.check_printers()
    assert result.status == "warning"
    assert result.detail.render("en") == "No CUPS client (lpstat): printing to PDF only"
    assert result.remedy is not None
    assert result.remedy.render("en") == (
        "Install: sudo apt-get install --no-install-recommends cups-client"
    )


def test_the_configured_platform_is_checked(tmp_path: Path, platform_url: str) -> None:
    location = paths.DataDir(tmp_path)
    settings = Settings.load(location.config_file)
    settings.update(platform_url=platform_url)
    settings.save()
    results = {r.name: r for r in diagnostics.headless_checks(location, demo=True)}
    assert results["platform"].ok
    assert "answered 200" in results["platform"].detail.render("en")
    assert not diagnostics.has_errors(list(results.values()))
    assert results["scanners"].severity is Severity.WARNING


@pytest.mark.skipif(shutil.which("scanimage") is None, reason="sane-utils not installed")
def test_the_windows_scanner_missing_from_the_list_is_named() -> None:
    assert diagnostics.check_scanners(("test",), chosen="test:0").ok
    result = diagnostics.check_scanners(("test",), chosen="test:9")
    assert result.status == "warning"
    detail = result.detail.render("en")
    assert detail.startswith("This window's scanner test:9 is not connected; found: test:0")
    assert result.remedy is not None and "Settings" in result.remedy.render("en")


def test_a_listing_that_hangs_is_reported_after_the_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Stands in for a network backend probing a host that never answers, which this machine
    # does not have; the real listing is the one above.
    release = threading.Event()
    monkeypatch.setattr(diagnostics, "list_devices", lambda _: release.wait(5) and [])
    try:
        result = diagnostics.check_scanners(None, timeout=0.2)
    finally:
        release.set()
    assert result.status == "warning"
    assert result.detail.render("en").startswith("Listing scanners took longer than 0.2 s")
    assert result.remedy is not None and "scanimage -L" in result.remedy.render("en")
