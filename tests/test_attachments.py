"""Attaching files to a case's materials on a real desk: checks, the store, 受理, the sweep,
and a desk killed with ``kill -9`` between storing a file and saving its case."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime
from pathlib import Path

import pytest
from case_factory import (
    FOOD_LICENCE,
    MINIMAL_PDF,
    Clock,
    intake_service,
    make_case,
    tiny_png,
    write_pdf,
    write_png,
)

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case, CaseMaterial, MaterialMark
from clerk_desk.domain.limits import IMPORT_MB_DEFAULT
from clerk_desk.services.attachments import AttachmentError
from clerk_desk.services.intake import IntakeError

MONDAY = datetime(2026, 9, 28, 9, 30)
FORM = "食品经营许可申请书"  # a key material of the food licence
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def clock() -> Clock:
    return Clock(MONDAY)


def _material(case: Case, name: str) -> CaseMaterial:
    return next(m for m in case.materials if m.name == name)


def test_an_attached_pdf_and_png_are_stored_and_count_as_present_at_acceptance(
    demo_desk: Desk, clock: Clock, tmp_path: Path
) -> None:
    service = intake_service(demo_desk, clock)
    case = make_case(service, [FOOD_LICENCE])
    _material(case, FORM).mark = MaterialMark.UNCHECKED
    assert service.accept_problems(case)

    service.attach_file(case, FORM, write_pdf(tmp_path, "申请书.pdf"))
    service.attach_file(case, FORM, write_png(tmp_path, "签字页.png"))

    material = _material(case, FORM)
    assert material.mark is MaterialMark.ATTACHED
    assert [(f.name, f.media_type, f.added_at) for f in material.files] == [
        ("申请书.pdf", "application/pdf", MONDAY),
        ("签字页.png", "image/png", MONDAY),
    ]
    assert [f.size for f in material.files] == [len(MINIMAL_PDF), len(tiny_png())]
    for file in material.files:
        assert service.files.path_for(file.sha256).read_bytes() in (MINIMAL_PDF, tiny_png())
    assert service.accept_problems(case) == []

    service.save_draft(case)
    assert service.case(case.uuid) == case
    accepted = service.accept(case, "clerk")
    assert accepted.case_no is not None
    stored = service.case(case.uuid)
    assert stored is not None and _material(stored, FORM).files == material.files


def test_the_same_file_twice_is_listed_and_stored_once(
    demo_desk: Desk, clock: Clock, tmp_path: Path
) -> None:
    service = intake_service(demo_desk, clock)
    case = make_case(service, [FOOD_LICENCE], mark=None)
    path = write_pdf(tmp_path)
    service.attach_file(case, FORM, path)
    service.attach_file(case, FORM, path)
    assert len(_material(case, FORM).files) == 1
    assert len([p for p in service.files.root.rglob("*") if p.is_file()]) == 1


def test_a_collected_paper_stays_collected_when_a_file_is_added(
    demo_desk: Desk, clock: Clock, tmp_path: Path
) -> None:
    service = intake_service(demo_desk, clock)
    case = make_case(service, [FOOD_LICENCE])
    service.attach_file(case, FORM, write_pdf(tmp_path))
    assert _material(case, FORM).mark is MaterialMark.RECEIVED
    assert len(_material(case, FORM).files) == 1


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("setup.exe", b"MZ\x90\x00", "setup.exe cannot be attached: only PDF、JPEG、PNG、TIFF"),
        ("假的.pdf", "这是一段文字".encode(), "假的.pdf is not really a PDF file"),
        ("photo.jpg", tiny_png(), "photo.jpg is not really a JPEG file"),
    ],
)
def test_other_kinds_of_file_are_refused_before_anything_is_stored(
    demo_desk: Desk, clock: Clock, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    service = intake_service(demo_desk, clock)
    case = make_case(service, [FOOD_LICENCE], mark=None)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AttachmentError) as refused:
        service.attach_file(case, FORM, path)
    assert expected in refused.value.render("en")
    assert "PDF、JPEG、PNG、TIFF" in refused.value.render()
    assert _material(case, FORM).mark is MaterialMark.UNCHECKED
    assert _material(case, FORM).files == ()
    assert not any(p.is_file() for p in service.files.root.rglob("*"))


def test_a_missing_or_too_large_file_is_refused(
    demo_desk: Desk, clock: Clock, tmp_path: Path
) -> None:
    service = intake_service(demo_desk, clock)
    case = make_case(service, [FOOD_LICENCE], mark=None)
    with pytest.raises(AttachmentError, match="cannot be read"):
        service.attach_file(case, FORM, tmp_path / "不存在.pdf")
    big = tmp_path / "大扫描件.pdf"
    with big.open("wb") as file:
        file.write(MINIMAL_PDF)
        file.truncate(IMPORT_MB_DEFAULT * 1024 * 1024 + 1)
    with pytest.raises(AttachmentError, match="files up to 50 MB"):
        service.attach_file(case, FORM, big)
    with pytest.raises(IntakeError, match="no material"):
        service.attach_file(case, "户口簿", write_pdf(tmp_path))


def test_detaching_the_last_file_unchecks_the_material(
    demo_desk: Desk, clock: Clock, tmp_path: Path
) -> None:
    service = intake_service(demo_desk, clock)
    case = make_case(service, [FOOD_LICENCE], mark=None)
    service.attach_file(case, FORM, write_pdf(tmp_path))
    service.attach_file(case, FORM, write_png(tmp_path))
    pdf, png = _material(case, FORM).files
    service.detach_file(case, FORM, pdf.sha256)
    assert _material(case, FORM).files == (png,)
    assert _material(case, FORM).mark is MaterialMark.ATTACHED
    service.detach_file(case, FORM, png.sha256)
    assert _material(case, FORM).mark is MaterialMark.UNCHECKED


def test_the_sweep_keeps_referenced_files_and_removes_old_orphans(
    demo_desk: Desk, clock: Clock, tmp_path: Path
) -> None:
    service = intake_service(demo_desk, clock)
    case = make_case(service, [FOOD_LICENCE], mark=None)
    service.attach_file(case, FORM, write_pdf(tmp_path))
    service.save_draft(case)
    orphan = service.files.put(tiny_png())
    young = service.files.put(b"\xff\xd8\xff stored a moment ago by another process")
    day_ago = time.time() - 86_400
    os.utime(orphan.path, (day_ago, day_ago))

    assert service.sweep_orphan_files() == 1

    kept = _material(case, FORM).files[0].sha256
    assert service.files.exists(kept) and service.files.exists(young.sha256)
    assert not orphan.path.exists()


DRIVER = """
import sys
from pathlib import Path
from clerk_desk.desk import Desk

data, pdf, png = sys.argv[1:]
desk = Desk.open(data, demo_mode=True)
case = desk.intake.create_draft(["000142130101"], "clerk")
desk.intake.attach_file(case, "食品经营许可申请书", pdf)
desk.intake.save_draft(case)
desk.intake.attach_file(case, "营业执照", png)  # stored; the case is never saved again
print("stored", flush=True)
sys.stdin.readline()
"""


def test_after_kill_9_the_saved_attachment_is_kept_and_the_unsaved_one_swept(
    demo_desk: Desk, tmp_path: Path
) -> None:
    data = demo_desk.data_dir.root
    script = tmp_path / "driver.py"
    script.write_text(textwrap.dedent(DRIVER), encoding="utf-8")
    pdf, png = write_pdf(tmp_path), write_png(tmp_path)
    with subprocess.Popen(
        [sys.executable, str(script), str(data), str(pdf), str(png)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        line = process.stdout.readline()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert line.strip() == "stored", process.stderr.read()
    stored = sorted(p for p in demo_desk.data_dir.files.rglob("*") if p.is_file())
    assert len(stored) == 2
    day_ago = time.time() - 86_400
    for path in stored:
        os.utime(path, (day_ago, day_ago))

    with Desk.open(data, demo_mode=True) as reopened:
        assert reopened.intake.sweep_orphan_files() == 1  # what the window runs at start
        (summary,) = reopened.intake.list_drafts("clerk")
        case = reopened.intake.case(summary.uuid)
        assert case is not None
        (file,) = _material(case, "食品经营许可申请书").files
        assert file.name == pdf.name
        assert reopened.intake.files.path_for(file.sha256).read_bytes() == MINIMAL_PDF
        assert _material(case, "营业执照").files == ()
        remaining = [p for p in reopened.data_dir.files.rglob("*") if p.is_file()]
        assert remaining == [reopened.intake.files.path_for(file.sha256)]
