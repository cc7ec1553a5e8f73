"""The 受理 workspace ready to capture pages: 食品经营许可（新办） chosen, the form's row current,
and a way to wait until every scan and page change has come back from its thread."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from intake_helpers import FOOD_LICENCE_NAME, Keyboard, choose_item, intake_of
from PIL import Image
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_desk.desk import Desk
from clerk_desk.domain.case import CaseMaterial
from ui.intake.workspace import IntakeWorkspace
from ui.main_window import MainWindow
from ui.translations import Translators

FORM = "食品经营许可申请书"


@dataclass
class Intake:
    workspace: IntakeWorkspace
    keys: Keyboard
    row: int

    def material(self) -> CaseMaterial:
        return self.workspace.table.materials.materials[self.row]

    def saved(self, desk: Desk) -> CaseMaterial:
        """The material as the draft in the database holds it."""
        assert self.workspace.case is not None
        case = desk.intake.case(self.workspace.case.uuid)
        assert case is not None
        (material,) = [m for m in case.materials if m.name == FORM]
        return material


def wait_for_pages(qtbot: QtBot, workspace: IntakeWorkspace, timeout: int = 10_000) -> None:
    """Until no scan runs, no page change is pending and the draft has been saved."""

    def done() -> bool:
        workspace.worker.wait_idle()
        QApplication.processEvents()
        return not workspace.capture.busy()

    qtbot.waitUntil(done, timeout=timeout)
    workspace.worker.wait_idle()
    QApplication.processEvents()


@contextmanager
def food_licence_intake(
    qtbot: QtBot, main_window: Callable[..., MainWindow], translators: Translators
) -> Iterator[Intake]:
    """The clerk's 受理 in English with the application form's row current (for a fixture)."""
    translators.install("en")
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    materials = workspace.table.materials.materials
    row = next(i for i, m in enumerate(materials) if m.name == FORM)
    table = workspace.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, 1))
    yield Intake(workspace, keys, row)
    window.close()


def write_pdf_pages(path: Path, count: int) -> Path:
    """A real PDF of ``count`` A6 pages, each with a different grey, made by Pillow."""
    pages = [Image.new("L", (300, 420), 60 + 60 * number) for number in range(count)]
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", save_all=True, append_images=pages[1:], resolution=72)
    path.write_bytes(buffer.getvalue())
    return path
