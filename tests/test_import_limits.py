"""Files that would expand without bound, or mislead, refused before decoding with a message
naming the limit: real files made here (a zip-bomb workbook, a PDF with a 200-inch page, a
13000×13000 PNG, an encrypted PDF, a FIFO), through the window's import (``desk.pages``), the
attachment service and the catalog import, with nothing added to the case or the catalog."""

from __future__ import annotations

import os
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

import pikepdf
import pytest
from case_factory import SEAL_FILING, Clock, intake_service, make_case
from PIL import Image

from clerk_desk.catalog_io.problems import CatalogFileError
from clerk_desk.catalog_io.reader import read_catalog
from clerk_desk.catalog_io.writer import write_catalog
from clerk_desk.desk import Desk
from clerk_desk.devices.file_source import render_scale
from clerk_desk.domain.case import Case, CaseMaterial
from clerk_desk.domain.limits import IMAGE_PIXELS_MAX, PDF_POINTS_PER_INCH
from clerk_desk.errors import UserError

FORM = "印章刻制备案信息表"
MB = 1024 * 1024


@pytest.fixture
def case(demo_desk: Desk) -> Case:
    return make_case(
        intake_service(demo_desk, Clock(datetime(2026, 9, 14, 9, 30))), (SEAL_FILING,), mark=None
    )


def material(case: Case) -> CaseMaterial:
    return next(m for m in case.materials if m.name == FORM)


def pdf(path: Path, inches: float = 8.27, encrypted: bool = False) -> Path:
    document = pikepdf.new()
    side = inches * PDF_POINTS_PER_INCH
    document.add_blank_page(page_size=(side, side))
    if encrypted:
        document.save(path, encryption=pikepdf.Encryption(owner="所有者", user="密码"))
    else:
        document.save(path)
    return path


def giant_png(path: Path) -> Path:
    Image.new("1", (13_000, 13_000), 1).save(path)
    return path


def both_ways(desk: Desk, case: Case, path: Path) -> list[str]:
    """The window's import and the attachment service, each refusing; nothing was added."""
    messages = []
    with pytest.raises(UserError) as imported:
        desk.pages.import_file(case, FORM, path)
    messages.append(imported.value.render())
    with pytest.raises(UserError) as attached:
        desk.intake.attach_file(case, FORM, path)
    messages.append(attached.value.render())
    assert material(case).files == ()
    assert not any(p.is_file() for p in desk.intake.files.root.rglob("*"))
    return messages


def test_a_pdf_with_a_200_inch_page_is_refused_before_rendering(
    demo_desk: Desk, case: Case, tmp_path: Path
) -> None:
    path = pdf(tmp_path / "巨幅.pdf", inches=200)
    assert path.stat().st_size < 1000
    for message in both_ways(demo_desk, case, path):
        assert message == (
            f"{path} 第 1 页为 200×200 英寸，超过长边 50 英寸的上限：请拆分或缩小该页"
        )


def test_a_13000_pixel_square_png_is_refused_from_its_header(
    demo_desk: Desk, case: Case, tmp_path: Path
) -> None:
    path = giant_png(tmp_path / "照片.png")
    for message in both_ways(demo_desk, case, path):
        assert message == (
            f"{path} 有 169 百万像素，超过 80 百万像素的上限：请用较低的分辨率扫描或缩小图片"
        )


def test_an_encrypted_pdf_is_called_encrypted_not_damaged(
    demo_desk: Desk, case: Case, tmp_path: Path
) -> None:
    path = pdf(tmp_path / "加密.pdf", encrypted=True)
    for message in both_ways(demo_desk, case, path):
        assert message == (
            f"{path} 已加密（有密码保护），无法读取：请提供未加密的文件，或打印后扫描纸质件"
        )


def test_a_damaged_pdf_never_shows_pdfiums_wording(
    demo_desk: Desk, case: Case, tmp_path: Path
) -> None:
    path = tmp_path / "损坏.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00" * 300)
    for message in both_ways(demo_desk, case, path):
        assert "不是有效的 PDF 文件" in message
        assert "PDFium" not in message


def test_a_fifo_is_refused_without_waiting_for_a_writer(
    demo_desk: Desk, case: Case, tmp_path: Path
) -> None:
    path = tmp_path / "管道.pdf"
    os.mkfifo(path)
    for message in both_ways(demo_desk, case, path):
        assert message == f"{path} 不是普通文件（而是文件夹、管道或设备）；请选择文件本身"


def test_the_windows_import_and_attachments_honour_max_import_mb(
    demo_desk: Desk, case: Case, tmp_path: Path
) -> None:
    path = pdf(tmp_path / "扫描件.pdf")
    with path.open("ab") as file:
        file.write(b"%" + b" " * (2 * MB))  # a PDF comment: still a valid file of 2 MB
    demo_desk.settings.set("max_import_mb", 1)
    messages = both_ways(demo_desk, case, path)
    assert messages[0] == f"{path} 大小为 2.0 MB，超过 1 MB 的上限：请以较低分辨率扫描或拆分文件"
    assert "1 MB" in messages[1]
    demo_desk.settings.set("max_import_mb", 5)
    demo_desk.pages.import_file(case, FORM, path)
    assert len(material(case).files) == 1


def test_a_big_page_within_the_limit_is_rendered_at_a_capped_scale() -> None:
    side = 45 * PDF_POINTS_PER_INCH  # an A0-sized square, asked for at 600 dpi
    scale = render_scale("A0.pdf", 0, (side, side), 600)
    assert (side * scale) ** 2 <= IMAGE_PIXELS_MAX
    assert render_scale("A4.pdf", 0, (595.0, 842.0), 300) == 300 / PDF_POINTS_PER_INCH


def bomb(source: Path, target: Path, padding_mb: int) -> Path:
    """The workbook with ``padding_mb`` of spaces inside its first sheet's XML (an XML
    comment), written as a real deflated zip: it packs a thousand to one."""
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as packed,
    ):
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                packed.writestr(info.filename, data)
                continue
            head, _, tail = data.partition(b"?>")
            with packed.open(info.filename, "w", force_zip64=True) as stream:
                stream.write(head + b"?><!--")
                for _ in range(padding_mb):
                    stream.write(b" " * MB)
                stream.write(b"-->" + tail)
    return target


@pytest.fixture(scope="module")
def exported(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("catalog")
    shutil.copytree(demo_template, folder / "desk")
    path = folder / "目录.xlsx"
    with Desk.open(folder / "desk", demo_mode=True) as desk:
        write_catalog(path, desk.catalog.items(), "2026.1")
    return path


def test_a_zip_bomb_workbook_is_refused_from_its_directory(exported: Path, tmp_path: Path) -> None:
    path = bomb(exported, tmp_path / "炸弹.xlsx", padding_mb=150)
    assert path.stat().st_size < 2 * MB
    with pytest.raises(CatalogFileError) as refused:
        read_catalog(path)
    assert refused.value.render() == (
        f"{path} 解压后有 150 MB，超过事项目录工作簿 100 MB 的上限；请删去不需要的工作表和内容"
    )


def test_a_part_packed_a_thousand_to_one_is_refused(exported: Path, tmp_path: Path) -> None:
    path = bomb(exported, tmp_path / "压缩.xlsx", padding_mb=20)
    with pytest.raises(CatalogFileError) as refused:
        read_catalog(path)
    assert refused.value.render() == (
        f"{path}：其中的 xl/worksheets/sheet1.xml 压缩比超过 100 倍，不是正常的工作簿；"
        "请在 Excel 或 WPS 中重新保存"
    )


def test_an_image_past_pillows_own_limit_is_named_too_large(
    demo_desk: Desk, case: Case, tmp_path: Path
) -> None:
    path = tmp_path / "扫描.png"
    Image.new("1", (20_000, 10_000), 1).save(path)
    for message in both_ways(demo_desk, case, path):
        assert message.startswith(f"{path} 有 200 百万像素，超过 80 百万像素的上限")
