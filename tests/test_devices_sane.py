"""Scanning from SANE's real ``test`` backend, enabled through the desk's private config."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PIL import Image

from clerk_desk.devices.base import (
    ColourMode,
    DeviceBusy,
    DeviceError,
    DeviceGone,
    DeviceNotFound,
    OptionNotOffered,
    PaperJam,
    PaperSource,
    ScanOptions,
)
from clerk_desk.devices.registry import list_devices, open_device
from clerk_desk.devices.sane_backend import FeederEmpty, SaneSource
from clerk_desk.devices.sane_env import DEMO_BACKENDS


def scan(options: ScanOptions, device: str = "test:0") -> list[Image.Image]:
    pages: list[Image.Image] = []
    open_device(device, DEMO_BACKENDS).capture(options, pages.append, lambda: False)
    return pages


def test_the_test_backend_lists_its_devices_with_their_options() -> None:
    devices = {device.name: device for device in list_devices(DEMO_BACKENDS)}
    assert "test:0" in devices
    test0 = devices["test:0"]
    assert test0.kind == "sane"
    assert 200 in test0.resolutions and 300 in test0.resolutions
    assert test0.modes == (ColourMode.COLOUR, ColourMode.GREY, ColourMode.BW)
    assert test0.sources == (PaperSource.FLATBED, PaperSource.FEEDER)


def test_a_grey_page_at_200_dpi_has_the_devices_scan_area_in_pixels() -> None:
    (page,) = scan(ScanOptions(resolution=200, mode=ColourMode.GREY))
    # The test device's default scan area is 80 x 100 mm: 80 / 25.4 * 200 = 629.9 pixels.
    assert page.size == (629, 787)
    assert page.mode == "L"
    assert page.info["dpi"] == (200, 200)


@pytest.mark.parametrize(
    ("mode", "pillow_mode"),
    [(ColourMode.COLOUR, "RGB"), (ColourMode.GREY, "L"), (ColourMode.BW, "1")],
)
def test_each_mode_gives_its_kind_of_image(mode: ColourMode, pillow_mode: str) -> None:
    (page,) = scan(ScanOptions(resolution=75, mode=mode))
    assert page.mode == pillow_mode
    assert page.size == (236, 295)


def test_the_feeder_stops_at_max_pages() -> None:
    pages = scan(ScanOptions(resolution=75, source=PaperSource.FEEDER, max_pages=3))
    assert len(pages) == 3


def test_the_feeder_runs_until_it_is_empty() -> None:
    # The test backend's feeder holds ten sheets.
    assert len(scan(ScanOptions(resolution=75, source=PaperSource.FEEDER))) == 10


def test_cancel_after_the_first_page_keeps_that_page_and_stops() -> None:
    pages: list[Image.Image] = []
    device = open_device("test:0", DEMO_BACKENDS)
    delivered = device.capture(
        ScanOptions(resolution=75, source=PaperSource.FEEDER), pages.append, lambda: bool(pages)
    )
    assert delivered == 1
    assert len(pages) == 1


def with_read_status(status: str) -> SaneSource:
    """test:0 answering every read with ``status``, like a real scanner in trouble."""
    info = open_device("test:0", DEMO_BACKENDS).info
    return SaneSource(info, DEMO_BACKENDS, {"read_return_value": status})


@pytest.fixture
def restore_read_status() -> Iterator[None]:
    """The test backend keeps its option values until SANE restarts: put back the default."""
    yield
    with_read_status("Default").capture(
        ScanOptions(resolution=75), lambda page: None, lambda: False
    )


@pytest.mark.parametrize(
    ("status", "error", "message"),
    [
        (
            "SANE_STATUS_NO_DOCS",
            FeederEmpty,
            "The feeder of test:0 is empty: put the pages in the feeder and scan again",
        ),
        (
            "SANE_STATUS_JAMMED",
            PaperJam,
            "Paper jam in test:0 after 0 page(s): clear the feeder, then scan the remaining pages",
        ),
        (
            "SANE_STATUS_IO_ERROR",
            DeviceGone,
            "Scanner test:0 stopped answering after 0 page(s) (Error during device I/O): "
            "check its cable and power, then scan the remaining pages",
        ),
        (
            "SANE_STATUS_DEVICE_BUSY",
            DeviceBusy,
            "Scanner test:0 is busy with another program: close it and try again",
        ),
    ],
)
def test_backend_failures_become_clear_messages(
    status: str, error: type[DeviceError], message: str, restore_read_status: None
) -> None:
    options = ScanOptions(resolution=75, source=PaperSource.FEEDER)
    with pytest.raises(error) as caught:
        with_read_status(status).capture(options, lambda page: None, lambda: False)
    assert caught.value.render("en") == message


def test_a_device_that_does_not_exist_is_not_found() -> None:
    with pytest.raises(DeviceNotFound) as caught:
        open_device("test:9", DEMO_BACKENDS)
    assert caught.value.render("en") == (
        "Scanner test:9 was not found: check its cable and power, "
        "then choose it again in the settings"
    )


def test_a_resolution_the_device_does_not_offer_is_refused_with_the_choices() -> None:
    with pytest.raises(OptionNotOffered) as caught:
        scan(ScanOptions(resolution=5000))
    message = caught.value.render("en")
    assert message.startswith("Scanner test:0 does not offer resolution 5000: choose one of 75,")
