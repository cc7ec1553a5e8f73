"""The pages of a case taken in at another window, as the reviewer reads them: fetched from a
real sandbox platform on the network lane with progress, then shown as thumbnails and kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from case_factory import CLERK, make_case
from page_samples import document_page
from platform_fixtures import SandboxProcess
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from test_review_workspace import open_first, review_of
from ui_test_helpers import find

from clerk_desk.desk import Desk
from ui.main_window import MainWindow
from ui.translations import Translators

OpenWindow = Callable[..., MainWindow]


def test_pages_not_on_this_desk_are_fetched_and_kept(
    qtbot: QtBot,
    tmp_path: Path,
    main_window: OpenWindow,
    demo_desk: Desk,
    sandbox_server: SandboxProcess,
    translators: Translators,
) -> None:
    translators.install("en")
    scan = tmp_path / "page.png"
    document_page(100).save(scan)
    case = make_case(demo_desk, attach=scan, accept_by=CLERK)
    sha256 = case.materials[0].files[0].sha256
    files = demo_desk.intake.files
    # The case and its page reach the platform from the window that scanned it (the platform
    # gives a reviewer only the files of their department's cases), and leave this desk.
    demo_desk.settings.override("platform_url", sandbox_server.url)
    demo_desk.sync.sign_in("clerk", "demo-clerk")
    assert demo_desk.sync.run_once().pending == 0
    files.path_for(sha256).unlink()
    demo_desk.sync.sign_in("reviewer", "demo-review")

    window = main_window("reviewer", "demo-review")
    workspace = review_of(qtbot, window)
    pages = workspace.view.materials
    seen: list[int] = []
    pages.progress.valueChanged.connect(seen.append)
    open_first(qtbot, workspace)
    status = find(workspace, QLabel, "review.pagesStatus")
    assert "not on this desk" in status.text()

    qtbot.waitUntil(lambda: sha256 in pages.on_desk, timeout=10_000)
    qtbot.waitUntil(lambda: sha256 in pages.pages_model.thumbnails, timeout=10_000)
    assert files.exists(sha256)
    assert seen and seen[-1] == pages.progress.maximum()
    assert not pages.progress.isVisible()
    assert status.text() == "1 page(s) · Enter: full view"
    index = pages.pages_model.index(0)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    # Kept: the next case view finds it on this desk and asks nobody.
    workspace.reload_case()
    qtbot.waitUntil(lambda: not workspace.loading)
    load = workspace.view.load
    assert load is not None and sha256 in load.on_desk
    # Enter opens the page at full size, for reading: no cropping here.
    pages.pages.setFocus()
    pages.pages.setCurrentIndex(index)
    qtbot.keyClick(pages.pages, Qt.Key.Key_Return)
    viewer = pages.viewer
    assert viewer is not None and viewer.isVisible()
    assert viewer.objectName() == "review.pageView"
    assert not viewer.crop_button.isVisible()
    qtbot.waitUntil(lambda: not viewer.canvas.image.isNull(), timeout=10_000)
    viewer.close()
