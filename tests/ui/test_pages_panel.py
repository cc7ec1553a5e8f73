"""Pages in the 受理 workspace: S scans from SANE's test device into the current material, the
thumbnails show them, and R / Ctrl+→ / Delete / A change them through the desk and the draft."""

from __future__ import annotations

from pathlib import Path

from capture_helpers import Intake, wait_for_pages, write_pdf_pages
from case_factory import write_png
from PIL import Image
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui_test_helpers import find

from clerk_desk.desk import Desk
from clerk_desk.domain.case import MaterialMark
from ui.intake.dialogs import ConfirmDialog
from ui.intake.page_view import PageViewDialog


def scan_pages(qtbot: QtBot, intake: Intake, times: int) -> None:
    for _ in range(times):
        intake.keys.key(intake.workspace.table, Qt.Key.Key_S)
        wait_for_pages(qtbot, intake.workspace)


def thumbnails(intake: Intake) -> list[str]:
    """The page numbers under the checklist, for the pages that have a thumbnail."""
    model = intake.workspace.capture.pages.model
    return [
        str(model.index(row).data())
        for row in range(model.rowCount())
        if model.index(row).data(Qt.ItemDataRole.DecorationRole) is not None
    ]


def test_s_scans_a_page_into_the_material_the_thumbnails_and_the_draft(
    qtbot: QtBot, intake: Intake, demo_desk: Desk
) -> None:
    workspace = intake.workspace
    count = find(workspace, QLabel, "pages.count")
    assert count.text() == "0 page(s) / catalog asks 1 · 1 more wanted"

    scan_pages(qtbot, intake, 1)

    qtbot.waitUntil(lambda: thumbnails(intake) == ["1"])
    assert count.text() == "1 page(s) / catalog asks 1"
    assert intake.material().mark is MaterialMark.ATTACHED
    assert "1 page(s)" in workspace.table.model().index(intake.row, 0).data()
    (page,) = intake.saved(demo_desk).files
    assert page.name == "第1页.jpg" and page.media_type == "image/jpeg"
    assert demo_desk.intake.files.exists(page.sha256)
    assert (
        "1 page(s) scanned into “食品经营许可申请书”"
        in find(workspace, QLabel, "intake.status").text()
    )


def test_r_rotates_ctrl_right_moves_and_delete_removes_after_asking(
    qtbot: QtBot, intake: Intake, demo_desk: Desk, tmp_path: Path
) -> None:
    workspace = intake.workspace
    scan_pages(qtbot, intake, 1)
    workspace.capture.choose_files = lambda: [str(write_png(tmp_path, "签字页.png"))]
    intake.keys.key(workspace.table, Qt.Key.Key_A)
    wait_for_pages(qtbot, workspace)
    scanned, imported = (f.sha256 for f in intake.material().files)
    view = workspace.capture.pages.view
    view.setFocus()
    view.setCurrentIndex(workspace.capture.pages.model.index(0))

    intake.keys.key(view, Qt.Key.Key_R)
    wait_for_pages(qtbot, workspace)
    rotated = intake.material().files[0].sha256
    assert rotated not in (scanned, imported)
    assert [f.sha256 for f in intake.saved(demo_desk).files] == [rotated, imported]

    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    wait_for_pages(qtbot, workspace)
    assert [f.sha256 for f in intake.material().files] == [imported, rotated]
    assert [f.name for f in intake.saved(demo_desk).files] == ["第1页.jpg", "第2页.jpg"]
    assert view.current_sha() == rotated, "the moved page stays current"

    intake.keys.key(view, Qt.Key.Key_Delete)
    dialog = workspace.findChild(ConfirmDialog, "pages.deleteDialog")
    assert dialog is not None and dialog.isVisible()
    intake.keys.key(dialog, Qt.Key.Key_Return)
    wait_for_pages(qtbot, workspace)
    assert [f.sha256 for f in intake.saved(demo_desk).files] == [imported]
    assert thumbnails(intake) == ["1"]


def test_a_two_page_pdf_gives_two_pages_and_a_corrupt_file_keeps_them(
    qtbot: QtBot, intake: Intake, demo_desk: Desk, tmp_path: Path
) -> None:
    workspace = intake.workspace
    workspace.capture.choose_files = lambda: [str(write_pdf_pages(tmp_path / "申请书.pdf", 2))]
    intake.keys.key(workspace.table, Qt.Key.Key_A)
    wait_for_pages(qtbot, workspace)
    qtbot.waitUntil(lambda: thumbnails(intake) == ["1", "2"])

    corrupt = tmp_path / "照片.jpg"
    corrupt.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    workspace.capture.choose_files = lambda: [str(corrupt)]
    intake.keys.key(workspace.table, Qt.Key.Key_A)
    wait_for_pages(qtbot, workspace)

    status = find(workspace, QLabel, "intake.status").text()
    assert "照片.jpg is damaged or incomplete" in status
    assert [f.name for f in intake.saved(demo_desk).files] == ["第1页.jpg", "第2页.jpg"]
    assert thumbnails(intake) == ["1", "2"]
    assert find(workspace, QLabel, "pages.count").text() == "2 page(s) / catalog asks 1"


def test_enter_shows_the_page_and_a_box_drawn_on_it_crops_the_stored_page(
    qtbot: QtBot, intake: Intake, demo_desk: Desk
) -> None:
    workspace = intake.workspace
    scan_pages(qtbot, intake, 1)
    (scanned,) = intake.material().files
    with Image.open(demo_desk.intake.files.path_for(scanned.sha256)) as image:
        width, height = image.size
    view = workspace.capture.pages.view
    view.setFocus()
    view.setCurrentIndex(workspace.capture.pages.model.index(0))

    intake.keys.key(view, Qt.Key.Key_Return)
    dialog = workspace.findChild(PageViewDialog, "pageView")
    assert dialog is not None and dialog.isVisible()
    canvas = dialog.canvas
    qtbot.waitUntil(lambda: not canvas.image.isNull())
    assert (canvas.image.width(), canvas.image.height()) == (width, height)
    intake.keys.key(dialog, Qt.Key.Key_C)
    shown = canvas.target()
    # The left half of the page as it is shown, from its top edge to half way down.
    start = shown.topLeft()
    end = QPoint(shown.left() + shown.width() // 2, shown.top() + shown.height() // 2)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    assert dialog.keep_button.isEnabled()
    intake.keys.key(dialog, Qt.Key.Key_Return)
    wait_for_pages(qtbot, workspace)

    (cropped,) = intake.saved(demo_desk).files
    assert cropped.sha256 != scanned.sha256
    with Image.open(demo_desk.intake.files.path_for(cropped.sha256)) as image:
        assert abs(image.width - width / 2) <= width / 100
        assert abs(image.height - height / 2) <= height / 100


def test_dropping_a_page_after_the_last_moves_it_there(
    qtbot: QtBot, intake: Intake, demo_desk: Desk, tmp_path: Path
) -> None:
    workspace = intake.workspace
    workspace.capture.choose_files = lambda: [str(write_pdf_pages(tmp_path / "申请书.pdf", 3))]
    intake.keys.key(workspace.table, Qt.Key.Key_A)
    wait_for_pages(qtbot, workspace)
    first, second, third = (f.sha256 for f in intake.material().files)
    model = workspace.capture.pages.model

    # What QListView asks of the model when the first thumbnail is dropped after the last.
    assert model.moveRow(QModelIndex(), 0, QModelIndex(), 3)
    wait_for_pages(qtbot, workspace)

    assert [f.sha256 for f in intake.saved(demo_desk).files] == [second, third, first]
    assert [model.index(row).data(Qt.ItemDataRole.UserRole) for row in range(3)] == [
        second,
        third,
        first,
    ]
