"""``clerk-desk scan`` as a window's setup runs it: SANE's test device and real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from clerk_desk import cli

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, *argv: str) -> tuple[int, str, str]:
    data = ["--demo", "--data-dir", str(tmp_path / "desk"), "--lang", "en"]
    code = cli.main(["scan", *data, *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    document = pdfium.PdfDocument(path)
    try:
        sizes = []
        for index in range(len(document)):
            page = document[index]
            sizes.append(page.get_size())
            page.close()
        return sizes
    finally:
        document.close()


def test_two_pages_from_the_test_scanner_make_a_two_page_pdf(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "x.pdf"
    code, stdout, stderr = run(
        capsys, tmp_path, "--device", "test:0", "--pages", "2", "--out", str(out),
        "--resolution", "75",
    )  # fmt: skip
    assert (code, stderr) == (0, "")
    assert stdout == f"Scanned 2 page(s) into {out}\n"
    # The test device scans 80 x 100 mm: 226.8 x 283.5 points.
    assert pdf_pages(out) == [pytest.approx((226.8, 283.5), abs=1)] * 2


def test_a_file_is_imported_page_by_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "scan.tif"
    first = Image.new("L", (170, 240), 90)
    first.save(source, save_all=True, append_images=[first, first], dpi=(100, 100))
    out = tmp_path / "imported.pdf"
    code, _, stderr = run(
        capsys, tmp_path, "--device", f"file:{source}", "--pages", "3", "--out", str(out),
        "--mode", "bw",
    )  # fmt: skip
    assert (code, stderr) == (0, "")
    assert pdf_pages(out) == [pytest.approx((122.4, 172.8), abs=0.5)] * 3


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--device", "test:7"],
            "Error: Scanner test:7 was not found: check its cable and power, "
            "then choose it again in the settings",
        ),
        (["--device", "test:0", "--pages", "0"], "Error: --pages must be from 1 to 500"),
        (
            ["--device", "test:0", "--resolution", "2000"],
            "Error: Scanner test:0 does not offer resolution 2000: "
            "choose one of 75, 100, 150, 200, 240, 300, 400, 600, 1200",
        ),
        (
            ["--device", "test:0", "--source", "duplex"],
            "Error: Scanner test:0 does not offer source duplex: choose one of flatbed, feeder",
        ),
    ],
)
def test_bad_arguments_are_refused_in_one_line_with_what_to_fix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    out = tmp_path / "never.pdf"
    code, stdout, stderr = run(capsys, tmp_path, *argv, "--out", str(out))
    assert code == 2
    assert (stdout, stderr) == ("", message + "\n")
    assert not out.exists()


def test_a_short_feed_keeps_its_pages_and_still_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "feed.pdf"
    code, _, stderr = run(
        capsys, tmp_path, "--device", "test:0", "--source", "feeder", "--pages", "12",
        "--resolution", "75", "--out", str(out),
    )  # fmt: skip
    assert code == 2
    assert stderr == (
        f"Error: test:0 gave 10 of 12 page(s); the 10 are in {out}: "
        "add the missing pages and scan again\n"
    )
    assert len(pdf_pages(out)) == 10


def test_the_real_command_line_fails_with_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "clerk_desk", "scan", "--demo", "--data-dir", str(tmp_path / "d"),
         "--device", f"file:{empty}", "--out", str(tmp_path / "x.pdf")],
        capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert str(empty) in result.stderr
