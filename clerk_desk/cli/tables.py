"""Plain-text tables for the terminal, aligned by display width."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any


def aligned_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """Columns padded by display width: a Chinese character takes two terminal cells."""
    cells = [[str(value) for value in row] for row in [headers, *rows]]
    widths = [max(display_width(row[index]) for row in cells) for index in range(len(headers))]
    lines = []
    for row in cells:
        padded = [
            value + " " * (width - display_width(value))
            for value, width in zip(row, widths, strict=True)
        ]
        lines.append("  ".join(padded).rstrip())
    lines.insert(1, "  ".join("-" * width for width in widths))
    return lines


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
