"""A calm light theme with one accent colour, or a high-contrast one (black on white, strong
focus rings). Sizes follow the font scale setting."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Palette:
    """The colours of a theme. ``focus`` rings every focused control; ``selection`` is the
    background of a selected row or list entry (text on it stays ``text``)."""

    accent: str
    accent_dark: str
    text: str
    muted: str
    border: str
    surface: str
    error: str
    focus: str
    selection: str
    field: str = "#ffffff"
    # A button that waits (a decision not possible yet) must look it, and stay readable.
    disabled_text: str = "#8a929c"
    disabled_background: str = "#eceef1"
    disabled_border: str = "#d5d9df"


CALM = Palette(
    accent=ACCENT,
    accent_dark=ACCENT_DARK,
    text=TEXT,
    muted=MUTED,
    border=BORDER,
    surface=SURFACE,
    error=ERROR,
    focus=ACCENT,
    selection="#d6e6f5",
)
# Black on white: body text 21:1, muted text 12.6:1, every other colour at least 7:1 on white.
HIGH_CONTRAST = Palette(
    accent="#0b3d91",
    accent_dark="#062a66",
    text="#000000",
    muted="#333333",
    border="#000000",
    surface="#ffffff",
    error="#8a1005",
    focus="#c2410c",
    selection="#ffe066",
    disabled_text="#404040",
    disabled_background="#e6e6e6",
    disabled_border="#404040",
)

_QSS = """
QMainWindow, QDialog, QWidget[role="window"] {{ background: {surface}; }}
QWidget {{ color: {text}; }}
QLabel[role="title"] {{ font-size: {title}px; font-weight: 600; }}
QLabel[role="subtitle"], QLabel[role="muted"] {{ color: {muted}; }}
QLabel[role="error"] {{ color: {error}; }}
QLabel[role="banner"] {{
    background: #fff3d6; color: #5c3700; border: 1px solid {banner_border};
    border-radius: 4px; padding: 6px 12px; font-weight: 600;
}}
QLabel[role="placeholder"] {{ color: {muted}; font-size: {large}px; }}
QFrame[role="card"] {{
    background: white; border: 1px solid {border}; border-radius: 6px;
}}
QFrame[role="topBar"] {{ background: white; border-bottom: 1px solid {border}; }}
QLineEdit, QSpinBox, QDateEdit, QComboBox {{
    background: {field}; border: 1px solid {border}; border-radius: 4px;
    padding: 4px 8px; min-height: {field_px}px;
}}
QLineEdit:focus, QSpinBox:focus, QDateEdit:focus, QComboBox:focus {{
    border: {ring}px solid {focus}; padding: {ring_pad_v}px {ring_pad_h}px;
}}
QSpinBox QLineEdit, QDateEdit QLineEdit, QComboBox QLineEdit {{
    border: none; padding: 0; min-height: 0; background: transparent;
}}
QSpinBox::up-button, QSpinBox::down-button {{ width: 0; border: none; }}
QComboBox {{ padding-right: 28px; }}
QComboBox:focus {{ padding-right: {combo_ring_pad}px; }}
QComboBox::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 26px; border: none;
}}
QComboBox::down-arrow {{ image: url("{chevron}"); width: 12px; height: 8px; }}
QComboBox QAbstractItemView {{
    background: white; border: 1px solid {border}; selection-background-color: {selection};
    selection-color: {text};
}}
QPushButton {{
    background: white; border: 1px solid {border}; border-radius: 4px;
    padding: 5px 16px; min-height: {field_px}px;
}}
QPushButton:hover {{ border-color: {accent}; }}
QPushButton:focus {{ border: {ring}px solid {focus}; padding: {button_pad_v}px {button_pad_h}px; }}
QPushButton[primary="true"] {{ background: {accent}; color: white; border-color: {accent}; }}
QPushButton[primary="true"]:hover {{ background: {accent_dark}; }}
QPushButton[primary="true"]:focus {{ border: {ring}px solid {primary_focus}; }}
QPushButton:disabled, QPushButton[primary="true"]:disabled {{
    color: {disabled_text}; background: {disabled_background}; border-color: {disabled_border};
}}
QPushButton[tab="true"] {{
    background: transparent; border: none; border-bottom: 3px solid transparent;
    border-radius: 0; padding: 8px 18px; font-size: {large}px;
}}
QPushButton[tab="true"]:checked {{
    color: {accent}; border-bottom-color: {accent}; font-weight: 600;
}}
QPushButton[tab="true"]:focus {{
    background: {tab_focus}; border: {ring}px solid {focus}; padding: {tab_pad_v}px {tab_pad_h}px;
}}
QToolButton:focus {{ border: {ring}px solid {focus}; border-radius: 3px; }}
QCheckBox, QRadioButton {{ border: 2px solid transparent; border-radius: 3px; padding: 1px; }}
QCheckBox:focus, QRadioButton:focus {{ border-color: {focus}; }}
QTableView, QTreeView, QListView {{
    background: white; border: 1px solid {border}; gridline-color: {grid};
}}
QTableView:focus, QTreeView:focus, QListView:focus, QPlainTextEdit:focus, QTextEdit:focus {{
    border: {ring}px solid {focus};
}}
QTableView::item:selected, QTreeView::item:selected, QListView::item:selected {{
    background: {selection}; color: {text};
}}
QHeaderView::section {{
    background: {surface}; border: none; border-bottom: 1px solid {border}; padding: 4px 8px;
}}
QTabBar::tab {{ padding: 6px 14px; border: {ring}px solid transparent; }}
QTabBar::tab:selected {{ border-bottom-color: {accent}; font-weight: 600; }}
QTabBar::tab:focus {{ border-color: {focus}; }}
QStatusBar {{ background: {status}; border-top: 1px solid {border}; }}
QStatusBar QLabel {{ color: {muted}; padding: 0 4px; }}
QToolButton[role="alert"] {{ color: {error}; font-weight: 600; }}
QPlainTextEdit, QTextEdit {{ background: white; border: 1px solid {border}; }}
"""


def palette(high_contrast: bool = False) -> Palette:
    return HIGH_CONTRAST if high_contrast else CALM


def stylesheet(scale: float, high_contrast: bool = False) -> str:
    """The desk's style sheet at ``scale`` (1.0–2.0); the high-contrast theme when asked.

    A focused control gets a ring ``ring`` px wide (2, 3 in high contrast) and gives up as
    much padding, so focus never moves or clips its text.
    """
    scale = clamp_scale(scale)
    colours = palette(high_contrast)
    ring = 3 if high_contrast else 2
    return _QSS.format(
        accent=colours.accent,
        accent_dark=colours.accent_dark,
        text=colours.text,
        muted=colours.muted,
        border=colours.border,
        surface=colours.surface,
        error=colours.error,
        focus=colours.focus,
        selection=colours.selection,
        field=colours.field,
        primary_focus=colours.text if high_contrast else colours.accent_dark,
        banner_border=colours.border if high_contrast else "#f0d9a0",
        grid="#767676" if high_contrast else "#e3e6ea",
        status="#ffffff" if high_contrast else "#eceff3",
        tab_focus=colours.selection if high_contrast else "#e8f0f8",
        disabled_text=colours.disabled_text,
        disabled_background=colours.disabled_background,
        disabled_border=colours.disabled_border,
        ring=ring,
        ring_pad_v=max(0, 4 - (ring - 1)),
        ring_pad_h=max(0, 8 - (ring - 1)),
        combo_ring_pad=28 - (ring - 1),
        button_pad_v=max(0, 5 - (ring - 1)),
        button_pad_h=16 - (ring - 1),
        tab_pad_v=max(0, 8 - ring),
        tab_pad_h=18 - ring,
        title=round(22 * scale),
        large=round((BODY_PX + 2) * scale),
        field_px=round(24 * scale),
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
