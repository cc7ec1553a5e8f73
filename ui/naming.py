"""Object and accessible names: tests find widgets by the first, screen readers read the second."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, object_name: str, accessible_name: str) -> W:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    return widget


def described(widget: W, description: str) -> W:
    """What a control does, in full words: its tooltip for the eye, the accessible description
    a screen reader speaks after the name."""
    widget.setToolTip(description)
    widget.setAccessibleDescription(description)
    return widget
