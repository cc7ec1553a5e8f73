"""The customer display: a second top-level window facing the visitor.

It follows the counter (:class:`~ui.display.feed.CounterFeed`) and the desk's change notices:
the case at the counter is loaded masked on the database thread and reloaded whenever a job
changed it (the intake autosave makes the checklist tick over live). When a service contact
opens (an intake decision, a hand-over) it asks for the rating: a level, then the reasons and a
comment; the press is the service's (:meth:`RatingService.press`), timed by the desk. It never
shows anything of another visitor: a new case, the next visitor or the clerk's lock brings the
idle page at once, and a rating left half-done is closed with what was chosen. While the guided
(帮办) intake runs, its current page shows instead of the case (``CounterFeed.guiding``).

On the screen named by the ``display_screen`` setting, full screen, when that screen is
present; a movable window otherwise, and again when its screen goes mid-use (what shows and
what the visitor chose stay).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent, QScreen
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from clerk_desk.domain.ratings import Contact, ContactKind, RatingLevel, ReasonList
from clerk_desk.domain.roles import Clerk
from clerk_desk.errors import UserError
from clerk_desk.services.visitor_view import (
    CounterView,
    Stage,
    VisitorView,
    counter_view,
    load_view,
)
from ui.desk_worker import DeskWorker
from ui.display.evaluator import Evaluator
from ui.display.feed import CounterFeed, GuidedScreen
from ui.display.guided_page import GuidedPage
from ui.display.pages import (
    CasePage,
    IdlePage,
    NoticePage,
    RatingPage,
    ReasonsPage,
    deadline_text,
)
from ui.display.style import stylesheet, unit_for

if TYPE_CHECKING:
    from clerk_desk.changes import Changes
    from clerk_desk.desk import Desk

log = logging.getLogger(__name__)

MOVABLE_SIZE = QSize(1024, 640)
BACK_TO_IDLE_MS = 6000
# What the display asks the desk about a waiting contact, in one database job.
Waiting = tuple[Contact | None, datetime, ReasonList, VisitorView | None]


def find_screen(name: str) -> QScreen | None:
    """The present screen called ``name`` (``QScreen.name()``); None for "" or when absent."""
    if not name:
        return None
    return next((s for s in QGuiApplication.screens() if s.name() == name), None)


class CustomerDisplay(QWidget):
    def __init__(
        self, worker: DeskWorker, clerk: Clerk, feed: CounterFeed, parent: QWidget | None = None
    ) -> None:
        # A window of its own, never inside the clerk's: it is on the visitor's screen.
        super().__init__(parent, Qt.WindowType.Window)
        if worker.desk is None:
            raise RuntimeError("the customer display needs an open desk")
        self.worker = worker
        self.desk = worker.desk
        self.settings = worker.desk.settings
        self.clerk = clerk
        self.feed = feed
        self.setObjectName("display")
        self.setWindowTitle(self.tr("Customer display"))
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        # Showing it never takes the keyboard from the clerk.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.back_ms = BACK_TO_IDLE_MS
        self.locked = False
        self.wanted = True  # shown unless the clerk hid it
        self.case_uuid = ""  # the case shown (or being rated)
        self.kind = ContactKind.INTAKE
        self.view: VisitorView | None = None
        self.counter: CounterView | None = None
        self.contact: Contact | None = None
        self.level: RatingLevel | None = None
        self.reasons: ReasonList | None = None
        self._pressing = False
        self._submitting = False
        # Contacts this display finished: an answer about them still on its way is stale.
        self._done: set[str] = set()
        self._unit = 0.0

        self.idle_page = IdlePage()
        self.intake_page = CasePage("intake")
        self.handover_page = CasePage("handover")
        self.rating_page = RatingPage()
        self.reasons_page = ReasonsPage()
        self.thanks_page = NoticePage("thanks")
        self.ended_page = NoticePage("ended")
        self.guided_page = GuidedPage()
        self.stack = QStackedWidget()
        self.stack.setObjectName("display.pages")
        for page in (
            self.idle_page,
            self.intake_page,
            self.handover_page,
            self.rating_page,
            self.reasons_page,
            self.thanks_page,
            self.ended_page,
            self.guided_page,
        ):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.expiry = QTimer(self)
        self.expiry.setSingleShot(True)
        self.expiry.timeout.connect(self.time_up)
        self.back = QTimer(self)
        self.back.setSingleShot(True)
        self.back.timeout.connect(self.go_idle)
        self.evaluator = Evaluator(self)
        self.evaluator.pressed.connect(self.press)
        self.evaluator_problem = self.evaluator.configure(str(self.settings.get("evaluator_keys")))
        self.rating_page.chosen.connect(self.press)
        self.reasons_page.submitted.connect(self.submit)
        feed.serving.connect(lambda uuid, kind: self.serve(uuid, ContactKind(kind)))
        feed.nextVisitor.connect(self.next_visitor)
        feed.guiding.connect(self.guide)
        worker.changed.connect(self._changed)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.connect(self.screen_removed)
            app.screenAdded.connect(self._screen_added)
        self._restyle(MOVABLE_SIZE.height())
        self.resize(MOVABLE_SIZE)
        self._load_counter()
        self._ask_waiting()

    # Where it shows ------------------------------------------------------------------------

    def present(self) -> None:
        """Show it where the setting says: full screen on that screen, else movable."""
        self.wanted = True
        self.place()

    def conceal(self) -> None:
        self.wanted = False
        self.hide()

    def toggle(self) -> None:
        if self.wanted and self.isVisible():
            self.conceal()
        else:
            self.present()

    def place(self, avoid: QScreen | None = None) -> None:
        screen = find_screen(str(self.settings.get("display_screen")))
        if screen is not None and screen is not avoid:
            self._full_screen_on(screen)
        else:
            self._movable(avoid)

    @property
    def full_screen(self) -> bool:
        return bool(self.windowState() & Qt.WindowState.WindowFullScreen)

    def _full_screen_on(self, screen: QScreen) -> None:
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        if self.wanted:
            self.showFullScreen()

    def _movable(self, avoid: QScreen | None) -> None:
        screens = [s for s in QGuiApplication.screens() if s is not avoid]
        primary = QGuiApplication.primaryScreen()
        screen = primary if primary in screens else (screens[0] if screens else None)
        if self.full_screen:
            self.setWindowState(Qt.WindowState.WindowNoState)
        if screen is not None:
            self.setScreen(screen)
            area = screen.availableGeometry()
            size = MOVABLE_SIZE.boundedTo(area.size())
            self.resize(size)
            self.move(area.center() - QPoint(size.width() // 2, size.height() // 2))
        if self.wanted:
            self.showNormal()

    def screen_removed(self, screen: QScreen) -> None:
        """Its screen was unplugged: a movable window on a remaining screen, same page."""
        chosen = str(self.settings.get("display_screen"))
        if screen.name() == chosen or self.screen() is screen or self.full_screen:
            self.place(avoid=screen)

    def _screen_added(self, screen: QScreen) -> None:
        if screen.name() and screen.name() == self.settings.get("display_screen"):
            self.place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle(event.size().height())

    def _restyle(self, height: int) -> None:
        unit = unit_for(height)
        if abs(unit - self._unit) > 0.02:
            self._unit = unit
            self.setStyleSheet(stylesheet(unit))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closed from its title bar (a movable window): hidden; the clerk shows it again."""
        self.wanted = False
        super().closeEvent(event)

    # What shows ----------------------------------------------------------------------------

    def page(self) -> str:
        """The page in view, by name (idle, intake, handover, rating, reasons, thanks, ended,
        guided)."""
        current = self.stack.currentWidget()
        return current.objectName().removeprefix("display.") if current is not None else ""

    def _load_counter(self) -> None:
        username = self.clerk.username
        self.worker.run(
            lambda desk: counter_view(desk.database, desk.settings, username),
            self._show_counter,
            self._ignored,
            owner=self,
        )

    def _show_counter(self, counter: CounterView) -> None:
        self.counter = counter
        self.idle_page.show_counter(counter)

    def go_idle(self) -> None:
        self.back.stop()
        self.stack.setCurrentWidget(self.idle_page)

    def serve(self, case_uuid: str, kind: ContactKind) -> None:
        """A case at the counter: a different one than shown means another visitor."""
        if self.locked or not case_uuid:
            return
        if self.contact is not None and self.contact.case_uuid != case_uuid:
            self._close_rating()
        if case_uuid != self.case_uuid or kind is not self.kind:
            self.case_uuid, self.kind, self.view = case_uuid, kind, None
            # The guided intake's draft comes to the counter while its pages show.
            if self.contact is None and self.stack.currentWidget() is not self.guided_page:
                self.go_idle()
        self._load_view()

    def next_visitor(self) -> None:
        """The clerk starts over: nothing of the last visitor stays in view."""
        self._close_rating()
        self.case_uuid, self.view = "", None
        self.go_idle()

    def guide(self, screen: GuidedScreen | None) -> None:
        """The guided intake's page in large type while it runs (a rating being asked keeps
        its page); ``None``: back to the case at the counter, or idle."""
        if self.locked:
            return
        if screen is not None:
            self.guided_page.show_screen(screen)
            if self.contact is None:
                self.back.stop()
                self.stack.setCurrentWidget(self.guided_page)
        elif self.stack.currentWidget() is self.guided_page:
            self._leave_guide()

    def _leave_guide(self) -> None:
        view = self.view
        if view is None or view.case_uuid != self.case_uuid:
            self.go_idle()
            return
        page = self.handover_page if view.kind is ContactKind.HANDOVER else self.intake_page
        page.show_view(view)
        self.stack.setCurrentWidget(page)

    def lock(self, locked: bool) -> None:
        """The clerk's window locked: idle at once (a rating half-done is closed); unlocked:
        the case at the counter again."""
        self.locked = locked
        if locked:
            self.next_visitor()
            return
        if self.feed.case_uuid:
            self.serve(self.feed.case_uuid, self.feed.kind)
        if self.feed.screen is not None:
            self.guide(self.feed.screen)

    def _load_view(self) -> None:
        uuid, kind = self.case_uuid, self.kind
        self.worker.run(
            lambda desk: load_view(desk.database, desk.settings, uuid, kind),
            self._show_view,
            self._ignored,
            owner=self,
        )

    def _show_view(self, view: VisitorView | None) -> None:
        if view is None or view.case_uuid != self.case_uuid or self.locked:
            return
        self.view = view
        page = self.handover_page if view.kind is ContactKind.HANDOVER else self.intake_page
        page.show_view(view)
        if self.contact is None and self.stack.currentWidget() not in (
            self.thanks_page,
            self.ended_page,
            self.guided_page,
        ):
            self.back.stop()
            self.stack.setCurrentWidget(page)

    def _changed(self, changes: Changes) -> None:
        if changes.settings:
            self.evaluator_problem = self.evaluator.configure(
                str(self.settings.get("evaluator_keys"))
            )
            if self.wanted:
                self.place()
        if changes.settings or changes.accounts:
            self._load_counter()
        if self.locked:
            return
        if self.case_uuid and self.case_uuid in changes.cases:
            self._load_view()
        if changes.ratings:
            self._ask_waiting()

    # The rating ----------------------------------------------------------------------------

    def _ask_waiting(self) -> None:
        def waiting(desk: Desk) -> Waiting:
            contact = desk.ratings.waiting_contact()
            view = None
            if contact is not None:
                kind = (
                    ContactKind.HANDOVER
                    if contact.kind is ContactKind.HANDOVER
                    else ContactKind.INTAKE
                )
                view = load_view(desk.database, desk.settings, contact.case_uuid, kind)
            return contact, desk.ratings.clock(), desk.ratings.reason_list(), view

        self.worker.run(waiting, self._waiting, self._ignored, owner=self)

    def _waiting(self, result: Waiting) -> None:
        contact, now, reasons, view = result
        if self.locked:
            return
        if contact is not None and (
            contact.staff != self.clerk.username or contact.uuid in self._done
        ):
            contact = None  # another clerk's (left from before this sign-in), or stale
        current = self.contact
        if contact is None:
            if current is not None and not self._pressing and not self._submitting:
                # Closed elsewhere (its time ran out, the next contact opened).
                self._end_rating()
                self.go_idle()
            return
        if current is not None and current.uuid == contact.uuid:
            return
        if current is not None:
            self._close_rating()
        self._ask(contact, now, reasons, view)

    def _ask(
        self, contact: Contact, now: datetime, reasons: ReasonList, view: VisitorView | None
    ) -> None:
        self.contact, self.level, self.reasons = contact, None, reasons
        self._pressing = self._submitting = False
        self.case_uuid, self.kind = (
            contact.case_uuid,
            (view.kind if view is not None else ContactKind.INTAKE),
        )
        if view is not None:
            self.view = view
            page = self.handover_page if view.kind is ContactKind.HANDOVER else self.intake_page
            page.show_view(view)
        self.rating_page.ask(self.summary(view))
        self.back.stop()
        self.stack.setCurrentWidget(self.rating_page)
        self.evaluator.listen(True)
        remaining = (contact.expires_at - now).total_seconds()
        self.expiry.start(max(0, round(remaining * 1000)))

    def summary(self, view: VisitorView | None) -> str:
        """The outcome in one line above the rating buttons."""
        if view is None:
            return ""
        number = self.tr("Case {number}").format(number=view.case_no) if view.case_no else ""
        if view.stage in (Stage.ACCEPTED, Stage.ACCEPTED_WITH_GAPS) and view.deadline:
            outcome = self.tr("Accepted, promised by {date}").format(
                date=deadline_text(view.deadline, view.provisional)
            )
        elif view.stage is Stage.NOTIFIED:
            outcome = self.tr("{count} material(s) to bring").format(count=len(view.missing))
        elif view.stage is Stage.REJECTED:
            outcome = self.tr("Not accepted; the notice says why")
        elif view.kind is ContactKind.HANDOVER:
            outcome = self.tr("Result handed over")
        else:
            outcome = ""
        return " · ".join(part for part in (number, outcome) if part)

    @property
    def asking(self) -> bool:
        return self.contact is not None

    def press(self, level: RatingLevel) -> None:
        """The visitor chose ``level`` (a button or the evaluator): counted once."""
        contact = self.contact
        if contact is None or self.level is not None or self._pressing:
            return
        if self.stack.currentWidget() is not self.rating_page:
            return
        self._pressing = True
        self.rating_page.enable(False)
        uuid = contact.uuid
        self.worker.run(
            lambda desk: desk.ratings.press(uuid, level),
            lambda _: self._pressed(uuid, level),
            lambda error: self._refused(uuid, error),
            owner=self,
        )

    def _pressed(self, uuid: str, level: RatingLevel) -> None:
        self._pressing = False
        if self.contact is None or self.contact.uuid != uuid:
            return
        self.level = level
        reasons = self.reasons.for_level(level) if self.reasons is not None else ()
        self.reasons_page.ask(level, reasons)
        self.stack.setCurrentWidget(self.reasons_page)

    def submit(self) -> None:
        contact = self.contact
        if contact is None or self.level is None or self._submitting:
            return
        self._submitting = True
        self.reasons_page.submit.setEnabled(False)
        uuid = contact.uuid
        codes = self.reasons_page.chosen_codes()
        comment = self.reasons_page.comment_text()
        version = self.reasons.version if self.reasons is not None else None
        self.worker.run(
            lambda desk: desk.ratings.submit(uuid, codes, comment, version),
            lambda _: self._submitted(uuid),
            lambda error: self._refused(uuid, error),
            owner=self,
        )

    def _submitted(self, uuid: str) -> None:
        if self.contact is None or self.contact.uuid != uuid:
            return
        self._end_rating()
        self.thanks_page.say(
            self.tr("Thank you for your rating"), self.tr("We look forward to serving you again")
        )
        self._notice(self.thanks_page)

    def _refused(self, uuid: str, error: UserError) -> None:
        """A press or submit the desk refused (too late, already taken): said kindly."""
        if self.contact is None or self.contact.uuid != uuid:
            return
        log.info("rating refused: %s", error.render())
        self._end_rating()
        self.ended_page.say(self.tr("This rating has ended"), self.tr("Thank you all the same"))
        self._notice(self.ended_page)

    def _notice(self, page: QWidget) -> None:
        self.case_uuid, self.view = "", None
        self.stack.setCurrentWidget(page)
        self.back.start(self.back_ms)

    def time_up(self) -> None:
        """The visitor walked away: a pressed level is recorded with what was chosen."""
        if self.contact is None:
            return
        self._close_rating()
        self.case_uuid, self.view = "", None
        self.go_idle()

    def _close_rating(self) -> None:
        """Leave the rating (time up, another visitor, the lock): a level pressed is kept
        with the reasons and comment chosen so far; without a press the contact is unrated."""
        contact = self.contact
        if contact is None:
            return
        uuid = contact.uuid
        if self.level is not None and not self._submitting:
            codes = self.reasons_page.chosen_codes()
            comment = self.reasons_page.comment_text()
            version = self.reasons.version if self.reasons is not None else None
            self.worker.run(
                lambda desk: desk.ratings.submit(uuid, codes, comment, version),
                on_failure=self._ignored,
            )
        elif not self._submitting:
            self.worker.run(lambda desk: desk.ratings.walk_away(uuid), on_failure=self._ignored)
        self._end_rating()

    def _end_rating(self) -> None:
        if self.contact is not None:
            self._done.add(self.contact.uuid)
        self.expiry.stop()
        self.evaluator.listen(False)
        self.contact, self.level = None, None
        self._pressing = self._submitting = False

    def _ignored(self, error: UserError) -> None:
        """The display says nothing of the desk's troubles to the visitor; the log keeps it."""
        log.info("customer display: %s", error.render())

    def shut(self) -> None:
        """Sign-out: a rating under way is closed as it stands, the window goes."""
        self.lock(True)
        self.evaluator.listen(False)
        self.close()
