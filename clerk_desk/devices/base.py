"""What every capture source offers and the errors it may raise.

A source delivers pages one by one through ``on_page`` so that pages already captured stay
with the caller when a feed stops half way (jam, scanner unplugged, cancel).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from PIL import Image

from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message


class ColourMode(StrEnum):
    COLOUR = "colour"
    GREY = "grey"
    BW = "bw"


class PaperSource(StrEnum):
    FLATBED = "flatbed"
    FEEDER = "feeder"
    DUPLEX = "duplex"


@dataclass(frozen=True)
class ScanOptions:
    """``max_pages=None`` means: a flatbed gives one page, a feeder runs until it is empty."""

    resolution: int = 200
    mode: ColourMode = ColourMode.GREY
    source: PaperSource = PaperSource.FLATBED
    max_pages: int | None = None


@dataclass(frozen=True)
class DeviceInfo:
    name: str
    model: str
    kind: str
    resolutions: tuple[int, ...]
    modes: tuple[ColourMode, ...]
    sources: tuple[PaperSource, ...]


PageSink = Callable[[Image.Image], None]
CancelCheck = Callable[[], bool]


class CaptureSource(Protocol):
    info: DeviceInfo

    def capture(self, options: ScanOptions, on_page: PageSink, cancelled: CancelCheck) -> int:
        """Deliver pages to ``on_page``; return how many were delivered.

        When it raises, the pages delivered before the error stay delivered.
        """
        ...


class DeviceError(UserError):
    """Base of every capture failure."""


class DeviceNotFound(DeviceError):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core",
                "Scanner {name} was not found: check its cable and power, "
                "then choose it again in the settings",
            ),
            name=name,
        )


class DeviceGone(DeviceError):
    def __init__(self, name: str, pages: int, error: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core",
                "Scanner {name} stopped answering after {pages} page(s) ({error}): "
                "check its cable and power, then scan the remaining pages",
            ),
            name=name,
            pages=pages,
            error=error,
        )


class PaperJam(DeviceError):
    def __init__(self, name: str, pages: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core",
                "Paper jam in {name} after {pages} page(s): clear the feeder, "
                "then scan the remaining pages",
            ),
            name=name,
            pages=pages,
        )


class DeviceBusy(DeviceError):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core",
                "Scanner {name} is busy with another program: close it and try again",
            ),
            name=name,
        )


class OptionNotOffered(DeviceError):
    def __init__(self, name: str, option: str, value: object, offered: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core", "Scanner {name} does not offer {option} {value}: choose one of {offered}"
            ),
            name=name,
            option=option,
            value=str(value),
            offered=offered,
        )


class UnreadableFile(DeviceError):
    def __init__(self, path: str, error: str | Message) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core",
                "{path} is damaged or incomplete ({error}): copy it again or scan the paper",
            ),
            path=path,
            error=error,
        )


class UnsupportedFile(DeviceError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core",
                "{path} is not a JPEG, PNG, TIFF or PDF file: save it in one of these formats",
            ),
            path=path,
        )


class FileTooLarge(DeviceError):
    def __init__(self, path: str, size_mb: float, limit_mb: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core",
                "{path} is {size} MB, over the {limit} MB limit: scan it at a lower "
                "resolution or split it",
            ),
            path=path,
            size=f"{size_mb:.1f}",
            limit=limit_mb,
        )


class EmptyFile(DeviceError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core", "{path} is empty (0 bytes): copy the file again from its source"
            ),
            path=path,
        )
