"""The display's look: the desk's colours, type sized to the window for a metre's distance."""

from __future__ import annotations

from ui.fonts import BODY_PX
from ui.theme import ACCENT, ACCENT_DARK, BORDER, ERROR, MUTED, SURFACE, TEXT

# The window height the sizes below are drawn for; larger screens scale them up.
DESIGN_HEIGHT = 720
MIN_UNIT = 0.8
MAX_UNIT = 2.5
BODY = 2 * BODY_PX  # 28 px at 720 px: twice the clerk's text, ≥ 1.5× at the smallest
LEVEL_BUTTON_HEIGHT = 96  # ≥ 60 px at the smallest unit

RECEIVED = "#1e7b34"
MISSING = ERROR
GAP = "#9a5b00"
PENDING = MUTED

_QSS = """
QWidget#display {{ background: {surface}; }}
QWidget#display QLabel {{ font-size: {body}px; color: {text}; }}
QWidget#display QLabel[shown="title"] {{ font-size: {title}px; font-weight: 600; }}
QWidget#display QLabel[shown="huge"] {{ font-size: {huge}px; font-weight: 600; color: {accent}; }}
QWidget#display QLabel[shown="big"] {{ font-size: {big}px; font-weight: 600; }}
QWidget#display QLabel[shown="muted"] {{ color: {muted}; }}
QWidget#display QLabel[shown="promise"] {{
    font-size: {big}px; font-weight: 600; color: {accent};
    border: 2px solid {accent}; border-radius: {radius}px; padding: {pad}px {pad2}px;
}}
QWidget#display QLabel[state="received"] {{ color: {received}; font-weight: 600; }}
QWidget#display QLabel[state="missing"] {{ color: {missing}; font-weight: 600; }}
QWidget#display QLabel[state="gap"] {{ color: {gap}; font-weight: 600; }}
QWidget#display QLabel[state="pending"] {{ color: {muted}; }}
QWidget#display QFrame[shown="card"] {{
    background: white; border: 1px solid {border}; border-radius: {radius}px;
}}
QWidget#display QFrame[shown="card"] QLabel {{ background: transparent; }}
QWidget#display QPushButton {{
    font-size: {button}px; background: white; color: {text};
    border: 2px solid {border}; border-radius: {radius}px;
    padding: {pad}px {pad2}px; min-height: {reason}px;
}}
QWidget#display QPushButton[shown="level"] {{
    font-size: {level}px; font-weight: 600; min-height: {level_height}px;
}}
QWidget#display QPushButton:checked {{
    background: #d6e6f5; border: 3px solid {accent}; color: {accent_dark};
}}
QWidget#display QPushButton:disabled {{ color: {muted}; background: #eceff3; }}
QWidget#display QPushButton[shown="primary"] {{
    background: {accent}; color: white; border-color: {accent}; font-weight: 600;
}}
QWidget#display QPushButton[shown="primary"]:disabled {{ background: #8fb3d3; }}
QWidget#display QPlainTextEdit {{
    font-size: {body}px; background: white; border: 2px solid {border};
    border-radius: {radius}px; min-height: {comment}px; max-height: {comment}px;
}}
QWidget#display QScrollArea {{ background: transparent; border: none; }}
"""


def unit_for(height: int) -> float:
    return min(MAX_UNIT, max(MIN_UNIT, height / DESIGN_HEIGHT))


def stylesheet(unit: float) -> str:
    def px(value: float) -> int:
        return round(value * unit)

    return _QSS.format(
        surface=SURFACE,
        text=TEXT,
        muted=MUTED,
        accent=ACCENT,
        accent_dark=ACCENT_DARK,
        border=BORDER,
        received=RECEIVED,
        missing=MISSING,
        gap=GAP,
        body=px(BODY),
        title=px(BODY * 1.45),
        big=px(BODY * 1.2),
        huge=px(BODY * 1.7),
        button=px(BODY),
        level=px(BODY * 1.15),
        level_height=max(60, px(LEVEL_BUTTON_HEIGHT)),
        reason=max(48, px(64)),
        comment=px(BODY * 4.4),  # three lines
        radius=px(8),
        pad=px(8),
        pad2=px(16),
    )
