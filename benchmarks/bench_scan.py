"""Scanning: time from request to stored page, and the stored size of an A4 page per mode.

Per page, from SANE's ``test`` device set to an A4 scan area: the desk's way (open the device,
scan, compress as the desk stores it, ``FileStore.put`` with its fsync) against
``scanimage -d test:0 --resolution R --format=pnm > file`` scanning the same page with the
same private SANE configuration in the same run; grey, at 200 and 300 dpi, median of RUNS.
Sizes are those of the synthetic A4 form of tests/page_samples.py (the test device draws
patterns, not a document). Runs in a child process (this file as a script) so its SANE
configuration is its own.

The test device fills a page from memory in about 10 ms, so the ratio shows what the desk
adds on top of the scan (JPEG encoding and an fsynced write, tens of milliseconds); with a
real scanner, whose A4 page takes seconds, the same addition is a small fraction. No target:
the issue asks for the ratio.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PIL import Image
from report import Result

HERE = Path(__file__).resolve().parent
RUNS = 5
RESOLUTIONS = (200, 300)
# The test backend's own settings, in its test.conf: an A4 scan area and a patterned page.
TEST_CONF = """\
mode Gray
depth 8
test-picture "Color pattern"
geometry_min 0.0
geometry_max 297.0
geometry_quant 1.0
tl_x 0.0
tl_y 0.0
br_x 210.0
br_y 297.0
"""


def _desk_page(resolution: int, store_root: Path) -> float:
    from clerk_desk.devices.base import ColourMode, ScanOptions
    from clerk_desk.devices.registry import open_device
    from clerk_desk.devices.sane_env import DEMO_BACKENDS
    from clerk_desk.imaging.encode import encode_page
    from local_cache.file_store import FileStore

    store = FileStore(store_root)
    sizes: list[tuple[int, int]] = []

    def stored(image: Image.Image) -> None:
        sizes.append(image.size)
        store.put(encode_page(image, ColourMode.GREY).data)

    started = time.perf_counter()
    device = open_device("test:0", DEMO_BACKENDS)
    device.capture(ScanOptions(resolution=resolution, mode=ColourMode.GREY), stored, lambda: False)
    elapsed = time.perf_counter() - started
    _check_a4(sizes, resolution)
    return elapsed


def _check_a4(sizes: list[tuple[int, int]], resolution: int) -> None:
    """The figures are for A4 pages only: a test.conf the backend ignored would show here."""
    width, height = (round(mm / 25.4 * resolution) for mm in (210, 297))
    if len(sizes) != 1 or abs(sizes[0][0] - width) > 2 or abs(sizes[0][1] - height) > 2:
        raise SystemExit(f"expected one {width}x{height} page at {resolution} dpi, got {sizes}")


def _scanimage_page(resolution: int, out: Path) -> float:
    from clerk_desk.devices.sane_env import DEMO_BACKENDS, sane_environment

    command = ["scanimage", "-d", "test:0", "--resolution", str(resolution), "--format=pnm"]
    started = time.perf_counter()
    with out.open("wb") as file:
        subprocess.run(command, stdout=file, env=sane_environment(DEMO_BACKENDS), check=True)
    return time.perf_counter() - started


def _sizes() -> dict[str, float]:
    sys.path.insert(0, str(HERE.parent / "tests"))
    from page_samples import document_page

    from clerk_desk.devices.base import ColourMode
    from clerk_desk.imaging.encode import encode_page

    sizes = {}
    for resolution in RESOLUTIONS:
        page = document_page(resolution)
        for mode in ColourMode:
            sizes[f"{mode.value} {resolution}"] = len(encode_page(page, mode).data) / 1024
    return sizes


def measure() -> dict[str, Any]:
    from clerk_desk.devices.sane_env import DEMO_BACKENDS, config_dir

    (config_dir(DEMO_BACKENDS) / "test.conf").write_text(TEST_CONF, encoding="utf-8")
    timings: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as tmp:
        _desk_page(RESOLUTIONS[0], Path(tmp, "warm-up"))  # imports and SANE start-up
        for resolution in RESOLUTIONS:
            desk, tool = [], []
            for run in range(RUNS):
                tool.append(_scanimage_page(resolution, Path(tmp, f"page-{resolution}.pnm")))
                desk.append(_desk_page(resolution, Path(tmp, f"store-{resolution}-{run}")))
            timings[str(resolution)] = {"desk": desk, "scanimage": tool}
    return {"timings": timings, "sizes": _sizes()}


def run() -> list[Result]:
    helper = subprocess.run(
        [sys.executable, __file__], capture_output=True, text=True, cwd=HERE, check=False
    )
    if helper.returncode:
        reason = (helper.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"scan benchmark not available: {reason}")
        return [Result("Scan one A4 page to the file store", "s", None, note=reason)]
    measured = json.loads(helper.stdout.strip().splitlines()[-1])
    results = []
    for resolution, runs in measured["timings"].items():
        print(
            f"{resolution} dpi: desk {' '.join(f'{s:.3f}' for s in runs['desk'])} s; "
            f"scanimage {' '.join(f'{s:.3f}' for s in runs['scanimage'])} s"
        )
        results.append(
            Result(
                f"SANE test:0, one grey A4 page at {resolution} dpi, request to stored page "
                f"(median of {RUNS})",
                "s",
                statistics.median(runs["desk"]),
                statistics.median(runs["scanimage"]),
                "scanimage to a PNM file",
            )
        )
    for name, kib in measured["sizes"].items():
        mode, resolution = name.split()
        results.append(
            Result(f"Stored size of an A4 form page, {mode}, {resolution} dpi", "KiB", kib)
        )
    return results


if __name__ == "__main__":
    print(json.dumps(measure()))
