"""The column titles of the desk's table models, shared so that each model answers alike."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt


def column_header(
    headers: Sequence[str], section: int, orientation: Qt.Orientation, role: int
) -> str | None:
    """``headers[section]`` for a horizontal header's display text; nothing for any other
    question, including a section past the last column (Qt's model tester asks)."""
    if (
        orientation == Qt.Orientation.Horizontal
        and role == Qt.ItemDataRole.DisplayRole
        and 0 <= section < len(headers)
    ):
        return headers[section]
    return None
