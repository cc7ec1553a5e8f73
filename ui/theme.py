"""A calm light theme with one accent colour. Sizes follow the font scale setting."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QWidget

from clerk_desk.resources import resource_path
from ui.fonts import BODY_PX, clamp_scale

ACCENT = "#1f6fb2"
ACCENT_DARK = "#17598f"
TEXT = "#1f2328"
MUTED = "#5b6470"
BORDER = "#c9ced6"
SURFACE = "#f5f6f8"
ERROR = "#b42318"

_QSS = """
QMainWindow, QDialog, QWidget[role="window"] {{ background: {surface}; }}
QWidget {{ color: {text}; }}
QLabel[role="title"] {{ font-size: {title}px; font-weight: 600; }}
QLabel[role="subtitle"], QLabel[role="muted"] {{ color: {muted}; }}
QLabel[role="error"] {{ color: {error}; }}
QLabel[role="banner"] {{
    background: #fff3d6; color: #7a4a00; border: 1px solid #f0d9a0;
    border-radius: 4px; padding: 6px 12px; font-weight: 600;
}}
QLabel[role="placeholder"] {{ color: {muted}; font-size: {large}px; }}
QFrame[role="card"] {{
    background: white; border: 1px solid {border}; border-radius: 6px;
}}
QFrame[role="topBar"] {{ background: white; border-bottom: 1px solid {border}; }}
QLineEdit, QSpinBox, QComboBox {{
    background: white; border: 1px solid {border}; border-radius: 4px;
    padding: 4px 8px; min-height: {field}px;
}}
QLineEdit:focus, QSpinBox:focus, QComboBox:focus {{ border: 1px solid {accent}; }}
QSpinBox QLineEdit, QComboBox QLineEdit {{
    border: none; padding: 0; min-height: 0; background: transparent;
}}
QSpinBox::up-button, QSpinBox::down-button {{ width: 0; border: none; }}
QComboBox {{ padding-right: 28px; }}
QComboBox::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 26px; border: none;
}}
QComboBox::down-arrow {{ image: url("{chevron}"); width: 12px; height: 8px; }}
QComboBox QAbstractItemView {{
    background: white; border: 1px solid {border}; selection-background-color: #d6e6f5;
    selection-color: {text};
}}
QPushButton {{
    background: white; border: 1px solid {border}; border-radius: 4px;
    padding: 5px 16px; min-height: {field}px;
}}
QPushButton:hover {{ border-color: {accent}; }}
QPushButton:focus {{ border: 2px solid {accent}; }}
QPushButton[primary="true"] {{ background: {accent}; color: white; border-color: {accent}; }}
QPushButton[primary="true"]:hover {{ background: {accent_dark}; }}
QPushButton[primary="true"]:focus {{ border: 2px solid {accent_dark}; }}
QPushButton[tab="true"] {{
    background: transparent; border: none; border-bottom: 3px solid transparent;
    border-radius: 0; padding: 8px 18px; font-size: {large}px;
}}
QPushButton[tab="true"]:checked {{
    color: {accent}; border-bottom-color: {accent}; font-weight: 600;
}}
QPushButton[tab="true"]:focus {{ background: #e8f0f8; }}
QTableView {{ background: white; border: 1px solid {border}; gridline-color: #e3e6ea; }}
QTableView::item:selected {{ background: #d6e6f5; color: {text}; }}
QHeaderView::section {{
    background: {surface}; border: none; border-bottom: 1px solid {border}; padding: 4px 8px;
}}
QStatusBar {{ background: #eceff3; border-top: 1px solid {border}; }}
QStatusBar QLabel {{ color: {muted}; padding: 0 4px; }}
QToolButton[role="alert"] {{ color: {error}; font-weight: 600; }}
QPlainTextEdit {{ background: white; border: 1px solid {border}; }}
"""


def stylesheet(scale: float) -> str:
    scale = clamp_scale(scale)
    return _QSS.format(
        accent=ACCENT,
        accent_dark=ACCENT_DARK,
        text=TEXT,
        muted=MUTED,
        border=BORDER,
        surface=SURFACE,
        error=ERROR,
        title=round(22 * scale),
        large=round((BODY_PX + 2) * scale),
        field=round(24 * scale),
        chevron=resource_path("icons", "chevron-down.svg").as_posix(),
    )


def align_spin_box(spin: QAbstractSpinBox) -> None:
    """Indent a spin box's text like a line edit's (style sheets do not reach its inner edit)."""
    inner = spin.findChild(QLineEdit)
    if inner is not None:
        inner.setTextMargins(7, 0, 0, 0)


def set_role(widget: QWidget, role: str) -> None:
    """Change a widget's style role at run time (Qt re-reads a style sheet only on polish)."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
