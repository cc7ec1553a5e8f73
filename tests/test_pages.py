"""Pages of a material: stored in the real file store of a demo desk, changed, assembled."""

from __future__ import annotations

import copy
import io
from datetime import datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from case_factory import SEAL_FILING, Clock, intake_service, make_case
from PIL import Image

from clerk_desk.desk import Desk
from clerk_desk.devices.base import ColourMode, UnsupportedFile
from clerk_desk.domain.case import Case, CaseMaterial, MaterialMark
from clerk_desk.imaging.encode import EncodedPage, encode_page
from clerk_desk.services.pages import PageError, PageService, pages_short_of

LICENCE = "营业执照"  # 电子, no paper copies asked for
FORM = "印章刻制备案信息表"


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 9, 14, 9, 30))


@pytest.fixture
def service(demo_desk: Desk, clock: Clock) -> PageService:
    return PageService(demo_desk.intake.files, demo_desk.database, clock)


@pytest.fixture
def case(demo_desk: Desk, clock: Clock) -> Case:
    return make_case(intake_service(demo_desk, clock), (SEAL_FILING,), mark=None)


def page(width: int, height: int, mode: ColourMode = ColourMode.COLOUR) -> EncodedPage:
    """A page with a dark band across its top, so rotations and crops are visible."""
    image = Image.new("RGB", (width, height), (250, 250, 245))
    image.paste((20, 20, 120), (0, 0, width, height // 4))
    return encode_page(image, mode)


def material(case: Case, name: str = LICENCE) -> CaseMaterial:
    return next(m for m in case.materials if m.name == name)


def stored(service: PageService, sha256: str) -> Image.Image:
    image = Image.open(service.files.path_for(sha256))
    image.load()
    return image


def sizes(service: PageService, case: Case, name: str = LICENCE) -> list[tuple[int, int]]:
    return [stored(service, f.sha256).size for f in material(case, name).files]


def stored_count(service: PageService) -> int:
    return sum(1 for path in service.files.root.rglob("*") if path.is_file())


def with_pages(service: PageService, case: Case, *dimensions: tuple[int, int]) -> Case:
    return service.add_pages(case, LICENCE, [page(w, h) for w, h in dimensions])


def test_added_pages_are_stored_in_order_named_by_position_and_survive_a_save(
    demo_desk: Desk, service: PageService, case: Case, clock: Clock
) -> None:
    with_pages(service, case, (300, 400), (320, 400), (340, 400))
    files = material(case).files
    assert [f.name for f in files] == ["第1页.jpg", "第2页.jpg", "第3页.jpg"]
    assert {f.media_type for f in files} == {"image/jpeg"}
    assert sizes(service, case) == [(300, 400), (320, 400), (340, 400)]
    assert material(case).mark is MaterialMark.ATTACHED
    assert all(f.added_at == clock.now for f in files)

    intake_service(demo_desk, clock).save_draft(case)
    reloaded = demo_desk.intake.case(case.uuid)
    assert reloaded is not None
    assert material(reloaded).files == files


def test_a_collected_material_keeps_its_mark_when_pages_are_added(
    service: PageService, case: Case
) -> None:
    material(case).mark = MaterialMark.RECEIVED
    with_pages(service, case, (300, 400))
    assert material(case).mark is MaterialMark.RECEIVED


def test_rotating_stores_a_new_page_in_the_same_place(service: PageService, case: Case) -> None:
    with_pages(service, case, (300, 400), (320, 480), (340, 400))
    before = material(case).files
    original = stored(service, before[1].sha256)

    service.rotate(case, LICENCE, before[1].sha256, 1)

    after = material(case).files
    assert after[0] == before[0] and after[2] == before[2]
    assert after[1].sha256 != before[1].sha256
    assert after[1].name == "第2页.jpg" and after[1].media_type == "image/jpeg"
    rotated = stored(service, after[1].sha256)
    assert rotated.size == (480, 320)
    assert rotated.format == "JPEG"
    assert rotated.quantization == original.quantization  # type: ignore[attr-defined]
    # Turned clockwise: the dark band at the top is now on the right.
    assert rotated.getpixel((470, 160))[2] > 100  # type: ignore[index]
    assert rotated.getpixel((10, 160))[0] > 200  # type: ignore[index]
    assert service.files.exists(before[1].sha256)

    service.rotate(case, LICENCE, after[1].sha256, -1)
    assert sizes(service, case)[1] == (320, 480)


def test_a_black_and_white_page_stays_one_bit_png_when_rotated(
    service: PageService, case: Case
) -> None:
    service.add_pages(case, LICENCE, [page(200, 300, ColourMode.BW)])
    service.rotate(case, LICENCE, material(case).files[0].sha256, 2)
    entry = material(case).files[0]
    assert (entry.name, entry.media_type) == ("第1页.png", "image/png")
    image = stored(service, entry.sha256)
    assert (image.format, image.mode, image.size) == ("PNG", "1", (200, 300))


def test_cropping_keeps_the_box(service: PageService, case: Case) -> None:
    with_pages(service, case, (300, 400))
    service.crop(case, LICENCE, material(case).files[0].sha256, (10, 20, 210, 120))
    assert sizes(service, case) == [(200, 100)]
    assert material(case).files[0].name == "第1页.jpg"


@pytest.mark.parametrize(
    ("box", "message"),
    [
        ((0, 0, 301, 400), "The crop area goes beyond the page (300×400 pixels)"),
        ((-5, 0, 100, 100), "The crop area goes beyond the page (300×400 pixels)"),
        ((50, 50, 50, 100), "The crop area is empty"),
        ((50, 90, 100, 80), "The crop area is empty"),
    ],
)
def test_a_bad_crop_box_is_refused_and_changes_nothing(
    service: PageService, case: Case, box: tuple[int, int, int, int], message: str
) -> None:
    with_pages(service, case, (300, 400))
    before = copy.deepcopy(case)
    files_before = stored_count(service)
    with pytest.raises(PageError) as refusal:
        service.crop(case, LICENCE, material(case).files[0].sha256, box)
    assert refusal.value.render("en").startswith(message)
    assert case == before
    assert stored_count(service) == files_before


def test_moving_and_deleting_pages_renumbers_them(service: PageService, case: Case) -> None:
    with_pages(service, case, (300, 400), (320, 400), (340, 400))
    first, second, third = material(case).files

    service.move(case, LICENCE, third.sha256, 0)
    assert sizes(service, case) == [(340, 400), (300, 400), (320, 400)]
    assert [f.name for f in material(case).files] == ["第1页.jpg", "第2页.jpg", "第3页.jpg"]

    service.move(case, LICENCE, third.sha256, 99)
    assert [f.sha256 for f in material(case).files] == [first.sha256, second.sha256, third.sha256]
    service.move(case, LICENCE, second.sha256, -1)
    assert [f.sha256 for f in material(case).files] == [second.sha256, first.sha256, third.sha256]

    service.delete(case, LICENCE, first.sha256)
    assert sizes(service, case) == [(320, 400), (340, 400)]
    assert [f.name for f in material(case).files] == ["第1页.jpg", "第2页.jpg"]
    assert material(case).mark is MaterialMark.ATTACHED

    service.delete(case, LICENCE, second.sha256)
    service.delete(case, LICENCE, third.sha256)
    assert material(case).files == ()
    assert material(case).mark is MaterialMark.UNCHECKED


def test_a_page_no_longer_there_is_refused(service: PageService, case: Case) -> None:
    with_pages(service, case, (300, 400))
    gone = material(case).files[0].sha256
    service.delete(case, LICENCE, gone)
    with pytest.raises(PageError) as refusal:
        service.rotate(case, LICENCE, gone, 1)
    assert "has no such page" in refusal.value.render("en")


def test_the_material_pdf_has_a_page_per_image_in_order(service: PageService, case: Case) -> None:
    with_pages(service, case, (300, 400), (400, 300), (200, 500))
    document = pdfium.PdfDocument(service.material_pdf(case, LICENCE))
    try:
        shapes = [document[i].get_size() for i in range(len(document))]
    finally:
        document.close()
    assert len(shapes) == 3
    ratios = [round(width / height, 2) for width, height in shapes]
    assert ratios == [0.75, 1.33, 0.4]


def test_a_material_without_pages_has_no_pdf(service: PageService, case: Case) -> None:
    with pytest.raises(PageError) as refusal:
        service.material_pdf(case, LICENCE)
    assert refusal.value.render("en") == (
        "“营业执照” has no scanned pages yet: scan or import its pages first"
    )


def test_importing_a_pdf_and_a_tiff_adds_a_page_per_page(
    service: PageService, case: Case, tmp_path: Path
) -> None:
    grey = [Image.new("RGB", (200 + 10 * i, 280), (200, 200, 200)) for i in range(3)]
    tiff = tmp_path / "申请表.tif"
    grey[0].save(tiff, save_all=True, append_images=grey[1:])
    coloured = [Image.new("RGB", (300, 420), (255, 255, 255)) for _ in range(2)]
    coloured[1].paste((200, 20, 20), (100, 150, 200, 250))  # a red stamp on page 2
    pdf = tmp_path / "营业执照.pdf"
    coloured[0].save(pdf, save_all=True, append_images=coloured[1:], resolution=100)

    service.import_file(case, FORM, tiff)
    service.import_file(case, LICENCE, pdf)

    assert [f.name for f in material(case, FORM).files] == ["第1页.jpg", "第2页.jpg", "第3页.jpg"]
    assert sizes(service, case, FORM) == [(200, 280), (210, 280), (220, 280)]
    assert [stored(service, f.sha256).mode for f in material(case, FORM).files] == ["L"] * 3
    assert len(material(case).files) == 2
    assert [stored(service, f.sha256).mode for f in material(case).files] == ["L", "RGB"]
    assert material(case, FORM).mark is MaterialMark.ATTACHED


def test_an_unsupported_file_is_refused_and_adds_nothing(
    service: PageService, case: Case, tmp_path: Path
) -> None:
    text = tmp_path / "说明.pdf"
    text.write_text("not a pdf", encoding="utf-8")
    with pytest.raises(UnsupportedFile):
        service.import_file(case, LICENCE, text)
    assert material(case).files == ()
    assert material(case).mark is MaterialMark.UNCHECKED


def test_thumbnails_have_the_asked_longest_side_and_are_cached(
    service: PageService, case: Case
) -> None:
    with_pages(service, case, (1000, 500), (100, 80))
    large, small = material(case).files
    thumbnail = service.thumbnail(large.sha256, 200)
    assert Image.open(io.BytesIO(thumbnail)).size == (200, 100)
    assert service.thumbnail(large.sha256, 200) is thumbnail
    assert Image.open(io.BytesIO(service.thumbnail(small.sha256, 200))).size == (100, 80)


def test_pages_short_of_what_the_catalog_asks(service: PageService, case: Case) -> None:
    electronic = material(case)
    assert (electronic.form, electronic.copies) == ("电子", 0)
    assert pages_short_of(electronic) == 1
    with_pages(service, case, (300, 400))
    assert pages_short_of(electronic) == 0

    paper = CaseMaterial("建筑工程施工许可申请表", ("000112120300",), copies=2)
    assert pages_short_of(paper) == 2
    paper.files = material(case).files * 3
    assert service.pages_short_of(paper) == 0
