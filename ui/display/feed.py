"""What the customer display follows: which case is at the counter, told by the workspaces.

The main window owns one feed; the 受理 workspace says which case it is taking in, the 出件
workspace which case it is handing over. Nothing else reaches the display: it loads what it
shows itself, masked (:mod:`clerk_desk.services.visitor_view`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from clerk_desk.domain.ratings import ContactKind


@dataclass(frozen=True)
class GuidedScreen:
    """One page of the guided (帮办) intake as the visitor sees it on the display, in the same
    words and large type as at the desk. ``answers`` are (label, value) pairs already masked
    as the display requires: names ``李**``, ID numbers 6 + 4 characters, no phone or address.
    """

    step: int  # 1-based
    steps: int
    question: str
    hint: str = ""
    answers: tuple[tuple[str, str], ...] = ()


class CounterFeed(QObject):
    """``serving(uuid, kind)`` when a case comes to the counter (or another case replaces
    it); ``nextVisitor`` when the clerk starts over for the next visitor; ``guiding(screen)``
    while the guided intake moves from page to page."""

    serving = Signal(str, str)
    nextVisitor = Signal()
    guiding = Signal(object)  # a GuidedScreen, or None when the guided intake ends

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case_uuid = ""
        self.kind = ContactKind.INTAKE
        self.screen: GuidedScreen | None = None  # the guided page now, shown again on unlock

    def serve(self, case_uuid: str, kind: ContactKind) -> None:
        if not case_uuid:
            return
        if (case_uuid, kind) == (self.case_uuid, self.kind):
            return
        self.case_uuid, self.kind = case_uuid, kind
        self.serving.emit(case_uuid, str(kind))

    def guide(self, screen: GuidedScreen | None) -> None:
        """The guided intake's current page (``None``: it ended or the clerk left it)."""
        self.screen = screen
        self.guiding.emit(screen)

    def next_visitor(self) -> None:
        self.case_uuid = ""
        self.screen = None
        self.nextVisitor.emit()
