"""导入文件 in the 受理 workspace: key A (or the button) asks for files, the desk turns every page
of them into a stored page image on its thread (a PDF page becomes 第N页.jpg), the row and the
detail line show them, and the draft refers to them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from case_factory import write_pdf, write_png
from intake_helpers import FOOD_LICENCE_NAME, Keyboard, choose_item, intake_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot
from ui_test_helpers import find, settle

from clerk_desk.desk import Desk
from clerk_desk.domain.case import MaterialMark
from ui.intake.dialogs import DetachFilesDialog
from ui.intake.workspace import IntakeWorkspace
from ui.main_window import MainWindow
from ui.translations import Translators

FORM = "食品经营许可申请书"


@pytest.fixture
def food_licence(
    qtbot: QtBot, main_window: Callable[..., MainWindow], translators: Translators
) -> Iterator[tuple[IntakeWorkspace, Keyboard, int]]:
    """The clerk's 受理 in English with 食品经营许可（新办） chosen, and the row of its form."""
    translators.install("en")
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    materials = workspace.table.materials.materials
    yield workspace, keys, next(i for i, m in enumerate(materials) if m.name == FORM)
    window.close()


def test_key_a_imports_files_into_the_material_and_the_draft(
    food_licence: tuple[IntakeWorkspace, Keyboard, int], demo_desk: Desk, tmp_path: Path
) -> None:
    workspace, keys, row = food_licence
    table = workspace.table
    materials = table.materials.materials
    pdf, png = write_pdf(tmp_path, "申请书.pdf"), write_png(tmp_path, "签字页.png")
    asked: list[bool] = []

    def choose() -> list[str]:
        asked.append(True)
        return [str(pdf), str(png)]

    workspace.capture.choose_files = choose
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, 1))
    keys.key(table, Qt.Key.Key_A)
    settle(workspace.worker)
    settle(workspace.worker)

    assert asked == [True]
    assert materials[row].mark is MaterialMark.ATTACHED
    assert "2 page(s)" in table.model().index(row, 0).data()
    assert "Files: 第1页.jpg、第2页.jpg" in find(workspace, QLabel, "materials.detail").text()
    assert workspace.case is not None
    saved = demo_desk.intake.case(workspace.case.uuid)
    assert saved is not None
    (material,) = [m for m in saved.materials if m.name == FORM]
    assert [f.name for f in material.files] == ["第1页.jpg", "第2页.jpg"]
    assert [f.media_type for f in material.files] == ["image/jpeg", "image/jpeg"]
    assert all(demo_desk.intake.files.exists(f.sha256) for f in material.files)


def test_the_button_imports_and_a_refused_file_is_explained(
    qtbot: QtBot,
    main_window: Callable[..., MainWindow],
    translators: Translators,
    tmp_path: Path,
) -> None:
    translators.install("en")
    window = main_window("clerk", "demo-clerk")  # referenced until the test ends
    workspace = intake_of(window)
    choose_item(Keyboard(qtbot), workspace, "spjy", FOOD_LICENCE_NAME)
    table = workspace.table
    table.setCurrentIndex(table.model().index(0, 1))
    renamed = tmp_path / "说明.pdf"
    renamed.write_text("只是一段文字", encoding="utf-8")
    workspace.capture.choose_files = lambda: [str(renamed)]

    find(workspace, QPushButton, "materials.attach").click()
    settle(workspace.worker)

    status = find(workspace, QLabel, "intake.status").text()
    assert "说明.pdf is not a JPEG, PNG, TIFF or PDF file" in status
    assert table.materials.materials[0].files == ()
    assert table.materials.materials[0].mark is MaterialMark.UNCHECKED


def test_delete_takes_the_ticked_files_off_and_the_draft_forgets_them(
    food_licence: tuple[IntakeWorkspace, Keyboard, int], demo_desk: Desk, tmp_path: Path
) -> None:
    workspace, keys, row = food_licence
    table = workspace.table
    materials = table.materials.materials
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, 1))
    keys.key(table, Qt.Key.Key_Delete)
    assert "No file is attached" in find(workspace, QLabel, "intake.status").text()

    pdf, png = write_pdf(tmp_path, "申请书.pdf"), write_png(tmp_path, "签字页.png")
    workspace.capture.choose_files = lambda: [str(pdf), str(png)]
    keys.key(table, Qt.Key.Key_A)
    settle(workspace.worker)
    settle(workspace.worker)
    assert len(materials[row].files) == 2

    keys.key(table, Qt.Key.Key_Delete)
    dialog = workspace.findChild(DetachFilesDialog, "materials.detachDialog")
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok.isEnabled()
    keys.key(dialog.list, Qt.Key.Key_Space)
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    settle(workspace.worker)  # the page comes off on the database thread,
    settle(workspace.worker)  # then the draft is saved

    assert [file.name for file in materials[row].files] == ["第1页.jpg"]
    assert materials[row].mark is MaterialMark.ATTACHED
    assert workspace.case is not None
    saved = demo_desk.intake.case(workspace.case.uuid)
    assert saved is not None
    (material,) = [m for m in saved.materials if m.name == FORM]
    assert [file.name for file in material.files] == ["第1页.jpg"]
