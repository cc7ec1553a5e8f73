"""Every workspace of every role at 100 % and 200 % text, calm and high contrast: no text clipped.

One window per role and appearance; each workspace shown in turn (and each page of a tabbed
one) on a hall screen of 1366×768, or the window's minimum size where 200 % text needs more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from clipping import clipped_texts
from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_test_helpers import find, settle

from clerk_desk.domain.roles import Workspace
from ui import theme
from ui.app import apply_appearance
from ui.desk_worker import DeskWorker
from ui.main_window import MainWindow
from ui.stats.workspace import StatsWorkspace

HALL = QSize(1366, 768)
ACCOUNTS = [("clerk", "demo-clerk"), ("supervisor", "demo-super"), ("admin", "demo-admin")]
APPEARANCES = [
    pytest.param(1.0, False, id="100"),
    pytest.param(2.0, False, id="200"),
    pytest.param(1.0, True, id="100-high-contrast"),
    pytest.param(2.0, True, id="200-high-contrast"),
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
        if isinstance(page, StatsWorkspace):
            page.refresh()  # its pages are built after the first paint: now, with the figures
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


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_themes_text_is_readable() -> None:
    """High contrast: every text colour ≥ 7:1 on its backgrounds (a disabled button's too),
    the focus ring ≥ 4.5:1;
    the calm theme's text ≥ 4.5:1."""
    hc = theme.HIGH_CONTRAST
    for background in (hc.surface, hc.field, hc.selection):
        for colour in (hc.text, hc.muted, hc.error, hc.accent):
            assert contrast(colour, background) >= 7, (colour, background)
        assert contrast(hc.focus, background) >= 4.5 or background == hc.selection
    assert contrast("#ffffff", hc.accent) >= 7  # a primary button's text
    assert contrast(hc.disabled_text, hc.disabled_background) >= 7  # a decision that waits
    assert "QPushButton:disabled" in theme.stylesheet(1.0, high_contrast=True)
    calm = theme.CALM
    for colour in (calm.text, calm.muted, calm.error, calm.accent):
        assert contrast(colour, calm.surface) >= 4.5, colour


def test_saved_text_size_and_contrast_apply_at_once(
    qapp: QApplication,
    main_window: Callable[..., MainWindow],
    demo_worker: DeskWorker,
    appearance: Appearance,
) -> None:
    appearance(1.0, False)
    window = main_window("admin", "demo-admin")
    window.show_workspace(Workspace.SETTINGS)
    page = window.workspaces[Workspace.SETTINGS]
    tab = find(window, QPushButton, "main.tab.settings")
    before = tab.fontMetrics().height()
    scale = find(page, QComboBox, "settings.fontScale")
    scale.setCurrentIndex(scale.findData(2.0))
    find(page, QCheckBox, "settings.highContrast").setChecked(True)
    find(page, QPushButton, "settings.save").click()
    laid_out(demo_worker)
    assert qapp.font().pixelSize() == 28
    assert theme.HIGH_CONTRAST.focus in qapp.styleSheet()
    assert tab.fontMetrics().height() > 1.5 * before
    assert window.desk.settings.get("high_contrast") is True


@pytest.mark.parametrize("account", ACCOUNTS, ids=[name for name, _ in ACCOUNTS])
def test_at_100_percent_no_page_scrolls_sideways_on_the_hall_screen(
    qtbot: QtBot,
    main_window: Callable[..., MainWindow],
    demo_worker: DeskWorker,
    appearance: Appearance,
    account: tuple[str, str],
) -> None:
    """With the desk's own font on 1366×768, a page may scroll down (设置 does), never sideways."""
    window = hall_window(main_window, appearance, account, 1.0, False)
    assert (window.width(), window.height()) == (HALL.width(), HALL.height())
    sideways = [
        f"{where}: {area.objectName() or type(area.widget()).__name__}"
        for where in each_page(window, demo_worker)
        for area in window.findChildren(QScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]
    assert not sideways, "\n".join(sideways)
