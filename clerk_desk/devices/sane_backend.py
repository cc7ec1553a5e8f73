"""Scanners through SANE (python-sane), Linux.

SANE is initialised once per process for one configuration (the system's, or a private one
naming only some backends, see :mod:`clerk_desk.devices.sane_env`); switching configuration
re-initialises it. SANE is not thread-safe, so every call holds one lock: a listing waits for
a running feed to end.

Option names and values differ between backends, so they are read from the device: a mode
containing "color" is colour, "gray" is grey, "lineart"/"binary" is black-and-white (a device
without one scans grey and the page is thresholded here); a source containing "duplex" is
duplex, "feeder"/"adf" is the feeder, anything else the flatbed.

Backend errors arrive as SANE's status text (``sane_strstatus``), translated by libsane when
the process runs in a Chinese locale; they are matched in English and in that translation.
"""

from __future__ import annotations

import gettext
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import _sane
import sane
from PIL import Image

from clerk_desk.devices.base import (
    CancelCheck,
    ColourMode,
    DeviceBusy,
    DeviceError,
    DeviceGone,
    DeviceInfo,
    DeviceNotFound,
    OptionNotOffered,
    PageSink,
    PaperJam,
    PaperSource,
    ScanOptions,
)
from clerk_desk.devices.sane_env import use_in_process
from clerk_desk.i18n import QT_TRANSLATE_NOOP

STANDARD_RESOLUTIONS = (75, 100, 150, 200, 240, 300, 400, 600, 1200)
_NO_DOCS = "Document feeder out of documents"
_JAMMED = "Document feeder jammed"
_BUSY = "Device busy"
_MODE_WORDS = {
    ColourMode.COLOUR: ("color", "colour"),
    ColourMode.GREY: ("gray", "grey"),
    ColourMode.BW: ("lineart", "binary", "black"),
}

_lock = threading.RLock()
_active: list[tuple[str, ...] | None] = []


class FeederEmpty(DeviceError):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core", "The feeder of {name} is empty: put the pages in the feeder and scan again"
            ),
            name=name,
        )


def _status_texts(text: str) -> frozenset[str]:
    catalog = gettext.translation("sane-backends", "/usr/share/locale", fallback=True)
    return frozenset({text, catalog.gettext(text)})


def _is(error: Exception, status: str) -> bool:
    return str(error) in _status_texts(status)


@contextmanager
def _session(backends: Sequence[str] | None) -> Iterator[None]:
    """Hold SANE, initialised for ``backends`` (``None``: the system's configuration)."""
    key = tuple(backends) if backends is not None else None
    # The configuration stays named for the whole session: the dll backend loads the others
    # (and they read their own files, such as test.conf) only when a device is listed or
    # opened, after ``sane.init``.
    with _lock, use_in_process(key):
        if _active != [key]:
            if _active:
                sane.exit()
                _active.clear()
            try:
                sane.init()
            except _sane.error as error:
                raise OSError(f"SANE did not start: {error}") from error
            _active.append(key)
        yield


def _open(name: str) -> Any:
    try:
        return sane.open(name)
    except _sane.error as error:
        if _is(error, _BUSY):
            raise DeviceBusy(name) from error
        raise DeviceNotFound(name) from error


def _choices(device: Any, option: str) -> list[Any]:
    if option not in device.opt or not device.opt[option].is_active():
        return []
    constraint = device.opt[option].constraint
    return list(constraint) if isinstance(constraint, list) else []


def _match(values: Sequence[str], words: Sequence[str], exclude: Sequence[str] = ()) -> str | None:
    for value in values:
        lower = value.lower()
        if any(word in lower for word in words) and not any(word in lower for word in exclude):
            return value
    return None


def _source_values(device: Any) -> dict[PaperSource, str | None]:
    sources = [str(value) for value in _choices(device, "source")]
    return {
        PaperSource.FLATBED: _match(sources, ("flatbed", "normal", "glass")) if sources else None,
        PaperSource.FEEDER: _match(sources, ("feeder", "adf"), exclude=("duplex",)),
        PaperSource.DUPLEX: _match(sources, ("duplex",)),
    }


def _mode_values(device: Any) -> dict[ColourMode, str | None]:
    modes = [str(value) for value in _choices(device, "mode")]
    return {mode: _match(modes, words) for mode, words in _MODE_WORDS.items()}


def _resolution_range(device: Any) -> tuple[float, float, float] | list[float]:
    if "resolution" not in device.opt:
        return []
    constraint = device.opt["resolution"].constraint
    if isinstance(constraint, tuple):
        low, high, step = constraint
        return (float(low), float(high), float(step or 1))
    return [float(value) for value in constraint or []]


def _offered_resolutions(device: Any) -> tuple[int, ...]:
    constraint = _resolution_range(device)
    if isinstance(constraint, tuple):
        low, high, step = constraint
        return tuple(r for r in STANDARD_RESOLUTIONS if low <= r <= high and (r - low) % step == 0)
    return tuple(sorted({int(value) for value in constraint}))


def _accepts_resolution(device: Any, resolution: int) -> bool:
    constraint = _resolution_range(device)
    if isinstance(constraint, tuple):
        low, high, step = constraint
        return low <= resolution <= high and (resolution - low) % step == 0
    return float(resolution) in constraint


def _describe(name: str, model: str, device: Any) -> DeviceInfo:
    modes = _mode_values(device)
    offered = [mode for mode in (ColourMode.COLOUR, ColourMode.GREY) if modes[mode]]
    if modes[ColourMode.BW] or modes[ColourMode.GREY]:
        offered.append(ColourMode.BW)
    sources = _source_values(device)
    return DeviceInfo(
        name=name,
        model=model,
        kind="sane",
        resolutions=_offered_resolutions(device),
        modes=tuple(offered) or (ColourMode.GREY,),
        sources=tuple(source for source, value in sources.items() if value)
        or (PaperSource.FLATBED,),
    )


def list_sane_devices(backends: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """``[(device name, "vendor model")]`` SANE can see; ``OSError`` when SANE fails."""
    with _session(backends):
        try:
            devices = sane.get_devices()
        except _sane.error as error:
            raise OSError(str(error)) from error
    return [(name, f"{vendor} {model}") for name, vendor, model, _ in devices]


def describe_sane_device(
    name: str, model: str, backends: Sequence[str] | None = None
) -> DeviceInfo:
    with _session(backends):
        device = _open(name)
        try:
            return _describe(name, model, device)
        finally:
            device.close()


class SaneSource:
    """A SANE device, opened for each capture so an unplugged scanner fails only that scan."""

    def __init__(
        self,
        info: DeviceInfo,
        backends: Sequence[str] | None = None,
        extra_options: Mapping[str, str | int | float] | None = None,
    ) -> None:
        """``extra_options``: backend-specific SANE options (python-sane names) set after the
        standard ones, for a scanner that needs one (a page height, a test backend's
        ``read_return_value`` to fail like a jammed or unplugged scanner)."""
        self.info = info
        self._backends = tuple(backends) if backends is not None else None
        self._extra_options = dict(extra_options or {})

    def capture(self, options: ScanOptions, on_page: PageSink, cancelled: CancelCheck) -> int:
        with _session(self._backends):
            device = _open(self.info.name)
            try:
                self._configure(device, options)
                return self._feed(device, options, on_page, cancelled)
            finally:
                device.close()

    def _configure(self, device: Any, options: ScanOptions) -> None:
        name = self.info.name
        if not _accepts_resolution(device, options.resolution):
            offered = ", ".join(str(r) for r in self.info.resolutions)
            raise OptionNotOffered(name, "resolution", options.resolution, offered)
        if options.mode not in self.info.modes:
            offered = ", ".join(self.info.modes)
            raise OptionNotOffered(name, "mode", options.mode.value, offered)
        if options.source not in self.info.sources:
            offered = ", ".join(self.info.sources)
            raise OptionNotOffered(name, "source", options.source.value, offered)
        modes = _mode_values(device)
        mode = modes[options.mode] or modes[ColourMode.GREY]
        if mode:
            device.mode = mode
        source = _source_values(device)[options.source]
        if source:
            device.source = source
        if options.mode is not ColourMode.BW and 8 in _choices(device, "depth"):
            device.depth = 8
        device.resolution = options.resolution
        for option, value in self._extra_options.items():
            setattr(device, option, value)

    def _feed(
        self, device: Any, options: ScanOptions, on_page: PageSink, cancelled: CancelCheck
    ) -> int:
        feeder = options.source is not PaperSource.FLATBED
        limit = options.max_pages if options.max_pages is not None else (None if feeder else 1)
        delivered = 0
        try:
            while (limit is None or delivered < limit) and not cancelled():
                try:
                    device.start()
                    image = device.snap(True)
                except _sane.error as error:
                    if _is(error, _NO_DOCS):
                        if delivered == 0:
                            raise FeederEmpty(self.info.name) from error
                        break
                    if _is(error, _JAMMED):
                        raise PaperJam(self.info.name, delivered) from error
                    if _is(error, _BUSY):
                        raise DeviceBusy(self.info.name) from error
                    raise DeviceGone(self.info.name, delivered, str(error)) from error
                except RuntimeError as error:
                    raise DeviceGone(self.info.name, delivered, str(error)) from error
                on_page(_finish(image, options))
                delivered += 1
        finally:
            device.cancel()
        return delivered


def _finish(image: Image.Image, options: ScanOptions) -> Image.Image:
    """The page in the asked mode, with its resolution recorded (PDF page size needs it)."""
    if options.mode is ColourMode.BW and image.mode != "1":
        image = image.convert("L").convert("1", dither=Image.Dither.NONE)
    elif options.mode is ColourMode.GREY and image.mode != "L":
        image = image.convert("L")
    image.info["dpi"] = (options.resolution, options.resolution)
    return image
