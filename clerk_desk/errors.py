"""Errors whose message is meant for the person at the desk (translated, says what to fix)."""

from __future__ import annotations

from typing import Any

from clerk_desk.i18n import Message


class UserError(Exception):
    """A refusal caused by input or environment, not by a bug."""

    def __init__(self, template: str, **params: Any) -> None:
        self.message = Message(template, params)
        super().__init__(self.message.render("en"))

    def render(self, language: str | None = None) -> str:
        return self.message.render(language)
