"""Every workspace of every role at 100 % and 200 % text and in high contrast: no text clipped.

One window per role and appearance; each workspace shown in turn (and each page of a tabbed
one) on a hall screen of 1366×768, or the window's minimum size where 200 % text needs more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from clipping import clipped_texts
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot
from ui_test_helpers import settle

from ui.app import apply_appearance
from ui.desk_worker import DeskWorker
from ui.main_window import MainWindow

HALL = QSize(1366, 768)
ACCOUNTS = [("clerk", "demo-clerk"), ("supervisor", "demo-super"), ("admin", "demo-admin")]
APPEARANCES = [
    pytest.param(1.0, False, id="100"),
    pytest.param(2.0, False, id="200"),
    pytest.param(1.0, True, id="high-contrast"),
]
Appearance = Callable[[float, bool], object]


@pytest.fixture
def appearance(qapp: QApplication) -> Iterator[Appearance]:
    """The desk's font and theme on the test application; put back afterwards."""
    font, style = qapp.font(), qapp.style().name()
    yield lambda scale, contrast: apply_appearance(qapp, scale, contrast)
    qapp.setStyleSheet("")
    qapp.setStyle(style)
    qapp.setFont(font)


def hall_window(
    main_window: Callable[..., MainWindow],
    appearance: Appearance,
    account: tuple[str, str],
    scale: float,
    contrast: bool,
) -> MainWindow:
    appearance(scale, contrast)
    window = main_window(*account)
    window.resize(window.minimumSizeHint().expandedTo(HALL))
    return window


def each_page(window: MainWindow, worker: DeskWorker) -> Iterator[str]:
    """Show each workspace, and each page of its tabs, in turn; yield where we are."""
    for workspace, page in window.workspaces.items():
        window.show_workspace(workspace)
        laid_out(worker)
        yield workspace.value
        for tabs in _tab_widgets(page):
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                laid_out(worker)
                yield f"{workspace.value}/{tabs.objectName()}[{index}]"
            tabs.setCurrentIndex(0)


def laid_out(worker: DeskWorker) -> None:
    """The page's data in, and the layouts it asked for done (a result shown posts one)."""
    settle(worker)
    QApplication.processEvents()


def _tab_widgets(page: QWidget) -> list[QTabWidget]:
    return [tabs for tabs in page.findChildren(QTabWidget) if tabs.isVisible()]


@pytest.mark.parametrize(("scale", "contrast"), APPEARANCES)
@pytest.mark.parametrize("account", ACCOUNTS, ids=[name for name, _ in ACCOUNTS])
def test_no_text_is_clipped_in_any_workspace(
    qtbot: QtBot,
    main_window: Callable[..., MainWindow],
    demo_worker: DeskWorker,
    appearance: Appearance,
    account: tuple[str, str],
    scale: float,
    contrast: bool,
) -> None:
    window = hall_window(main_window, appearance, account, scale, contrast)
    assert window.width() >= HALL.width() and window.height() >= HALL.height()
    problems = [
        f"{where}: {problem}"
        for where in each_page(window, demo_worker)
        for problem in clipped_texts(window)
    ]
    assert not problems, "\n".join(problems)
