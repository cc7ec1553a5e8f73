"""The application font: an explicit Simplified Chinese family list, 14 px body text.

Under ``LANG=C.UTF-8`` fontconfig falls back to Noto Sans CJK JP, which draws 直, 骨, 令 in
their Japanese forms; naming the SC families first keeps the mainland forms.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

SC_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "PingFang SC",
)
BODY_PX = 14
MIN_SCALE = 1.0
MAX_SCALE = 2.0


def clamp_scale(scale: float) -> float:
    return min(MAX_SCALE, max(MIN_SCALE, scale))


def installed_sc_families() -> list[str]:
    available = set(QFontDatabase.families())
    return [family for family in SC_FAMILIES if family in available]


def apply_font(app: QApplication, scale: float) -> str | None:
    """Set the application font; return the Chinese family used, or None if none is installed."""
    families = installed_sc_families()
    font = QFont(app.font())
    if families:
        font.setFamilies(families)
    font.setPixelSize(round(BODY_PX * clamp_scale(scale)))
    app.setFont(font)
    return families[0] if families else None
