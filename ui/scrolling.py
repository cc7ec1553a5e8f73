"""A part of a page that scrolls when the screen is short (large text on 1366×768) rather
than squeezing its fields over each other, and keeps the focused field in view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget


class FollowingScroll(QScrollArea):
    """A scroll area that brings the field with the focus into view (F-keys and Enter move
    the focus without Tab, which is all QScrollArea follows by itself)."""

    def __init__(self) -> None:
        super().__init__()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        content = self.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self.ensureWidgetVisible(new)


def scrolling(content: QWidget, name: str) -> QScrollArea:
    """``content`` in a frameless, vertically scrolling area named ``name``."""
    scroll = FollowingScroll()
    scroll.setObjectName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    # QScrollArea paints its viewport and widget grey; the card behind is white.
    scroll.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    return scroll
