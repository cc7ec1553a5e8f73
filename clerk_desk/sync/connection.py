"""Where the platform is and how to reach it, checked before any request is made.

Kept apart from the HTTP client (no ``requests`` here) so the settings page can check an
address the administrator types with the same rules the sync engine applies.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from clerk_desk.i18n import QT_TRANSLATE_NOOP
from clerk_desk.settings import Settings
from clerk_desk.sync.errors import PlatformAddressRefused, PlatformNotConfigured


def check_address(url: str, ca_bundle: str, allow_plain_http: bool) -> None:
    """Refuse an address the desk will not use: not http(s) with a host, plain http:// to
    another computer unless allowed, a CA bundle file that is not there. "" passes (the desk
    then works on its own)."""
    url = url.strip().rstrip("/")
    if not url:
        return
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise PlatformAddressRefused(
            QT_TRANSLATE_NOOP(
                "core", "The platform address {url} must start with https:// and name a host"
            ),
            url=url,
        )
    if parts.scheme == "http" and not _is_loopback(parts.hostname) and not allow_plain_http:
        raise PlatformAddressRefused(
            QT_TRANSLATE_NOOP(
                "core",
                "The platform address {url} uses plain http:// to another computer; use "
                "https://, or set allow_plain_http to true if the administrator allows it",
            ),
            url=url,
        )
    bundle = ca_bundle.strip()
    if bundle and not Path(bundle).is_file():
        raise PlatformAddressRefused(
            QT_TRANSLATE_NOOP(
                "core",
                "The CA bundle file {path} (setting ca_bundle) does not exist; "
                "fix the setting or clear it to use the system's certificates",
            ),
            path=bundle,
        )


@dataclass(frozen=True)
class Connection:
    """Where the platform is and how to reach it, checked from the settings."""

    base_url: str
    verify: bool | str
    timeout: float

    @classmethod
    def from_settings(cls, settings: Settings) -> Connection:
        url = str(settings.get("platform_url")).strip().rstrip("/")
        if not url:
            raise PlatformNotConfigured(
                QT_TRANSLATE_NOOP(
                    "core",
                    "No central platform is configured; set platform_url or start with "
                    "--platform URL",
                )
            )
        bundle = str(settings.get("ca_bundle")).strip()
        check_address(url, bundle, bool(settings.get("allow_plain_http")))
        return cls(url, bundle or True, float(settings.get("request_timeout_seconds")))


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
