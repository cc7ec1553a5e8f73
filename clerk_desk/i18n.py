"""Translation of user-visible text produced by the core.

The core must not import Qt, yet its messages (validation problems, CLI output) have to reach
the clerk in the UI's language. Source strings are English and are marked with
``QT_TRANSLATE_NOOP(context, text)`` so that ``pyside6-lupdate`` collects them into the same
``.ts`` files the Qt UI uses. Here the ``.ts`` file is read directly (it is plain XML), so the
CLI speaks the same language as the window without Qt.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from clerk_desk.resources import resource_path

DEFAULT_LANGUAGE = "zh_CN"
SUPPORTED_LANGUAGES = ("zh_CN", "en")
CORE_CONTEXT = "core"

_active_language = DEFAULT_LANGUAGE


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction by lupdate without translating it here."""
    del context
    return text


def N_(text: str) -> str:
    """Shorthand marker; lupdate does not see it, so core code uses QT_TRANSLATE_NOOP."""
    return text


@cache
def _catalog(language: str) -> dict[tuple[str, str], str]:
    if language == "en":
        return {}
    path = resource_path("translations", f"clerk_desk_{language}.ts")
    if not path.exists():
        return {}
    table: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in {
                "unfinished",
                "vanished",
                "obsolete",
            }:
                continue
            if translation.text:
                table[(name, source)] = translation.text
    return table


def set_language(language: str) -> None:
    global _active_language
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {SUPPORTED_LANGUAGES}")
    _active_language = language


def active_language() -> str:
    return _active_language


def translate(context: str, text: str, language: str | None = None) -> str:
    return _catalog(language or _active_language).get((context, text), text)


@dataclass(frozen=True)
class Message:
    """A user-visible message: an English template marked for translation, plus its values."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)
    context: str = CORE_CONTEXT

    def render(self, language: str | None = None) -> str:
        values = {
            key: value.render(language) if isinstance(value, Message) else value
            for key, value in self.params.items()
        }
        return translate(self.context, self.template, language).format(**values)

    def __str__(self) -> str:
        return self.render()


def msg(template: str, **params: Any) -> Message:
    """Build a core message. ``template`` must be a QT_TRANSLATE_NOOP-marked literal."""
    return Message(template, params)
