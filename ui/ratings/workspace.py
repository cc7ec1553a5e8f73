"""好差评: the day's ratings and the 差评 follow-ups, for the roles that handle them
(a department's reviewers, the supervisors; ``shared/domain.md``, "Ratings (好差评) in detail").

Two panes: 差评整改 (the work: the follow-ups, overdue ones flagged in words and colour, the
chosen one's rating and steps, the steps at the foot with their function keys) and 评价 (one
day's ratings with the day's counts). Every desk call runs on the database thread; both panes
follow the change notices (``Changes.ratings``, ``Changes.cases``), so a pull or another
desk's step shows without asking.

**This workspace only reads ratings and records follow-up steps**: no control here enters,
changes or back-dates a rating (``desk.ratings.add_step`` is the one write it makes). The
rater's name and phone reach it only for the 差评 the clerk handles.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from clerk_desk.domain.followups import StepKind
from clerk_desk.domain.roles import Clerk
from clerk_desk.errors import UserError
from ui.desk_worker import DeskWorker
from ui.naming import named
from ui.ratings.dialogs import DIALOGS, StepDialog
from ui.ratings.loads import DESK_STEPS, DayLoad, FollowUpsLoad, load_day, load_followups
from ui.ratings.panes import DayPane, FollowUpsPane
from ui.ratings.step_bar import KEYS, StepBar
from ui.ratings.words import step_word
from ui.shortcuts import local_shortcut
from ui.theme import set_role

if TYPE_CHECKING:
    from clerk_desk.changes import Changes
    from clerk_desk.desk import Desk
    from clerk_desk.domain.followups import FollowUpStep

FOLLOWUPS_TAB, DAY_TAB = 0, 1


class RatingsWorkspace(QWidget):
    titleChanged = Signal(str)

    def __init__(self, worker: DeskWorker, clerk: Clerk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace.ratings")
        self.worker = worker
        self.clerk = clerk
        self.title = ""
        self.dialog: StepDialog | None = None
        self.day: date | None = None  # None: the desk's today
        self._asked = {"followups": 0, "day": 0}
        self._answered = {"followups": 0, "day": 0}
        self._stepping = False

        self.followups = FollowUpsPane()
        self.ratings = DayPane()
        self.tabs = named(QTabWidget(), "ratings.tabs", self.tr("Ratings panes"))
        self.tabs.addTab(self.followups, self.tr("Poor-rating &follow-up"))
        self.tabs.addTab(self.ratings, self.tr("&Ratings"))
        self.tabs.tabBar().setObjectName("ratings.tabBar")
        self.tabs.tabBar().setAccessibleName(self.tr("Ratings panes"))
        self.status = named(QLabel(), "ratings.status", self.tr("Ratings messages"))
        self.status.setWordWrap(True)
        self.status.hide()
        self.steps = StepBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.steps)
        self._shortcuts()

        self.followups.currentChanged.connect(self._offer_steps)
        self.followups.opened.connect(self._open_followup)
        self.ratings.opened.connect(self._open_rating)
        self.ratings.dayChosen.connect(self._choose_day)
        self.steps.stepChosen.connect(lambda kind: self.take(StepKind(kind)))
        self.tabs.currentChanged.connect(lambda _: self._offer_steps())
        worker.changed.connect(self._changed)
        self._show_counts(None)
        self._offer_steps()
        self.reload()

    def _shortcuts(self) -> None:
        for kind, key in KEYS.items():
            local_shortcut(self, key, partial(self._key, kind))
        local_shortcut(self, "Ctrl+F", self.setFocus)

    def setFocus(self) -> None:  # type: ignore[override]
        """Where the work starts: the search box of the pane shown."""
        pane = self.tabs.currentWidget()
        search = self.followups.list.search if pane is self.followups else self.ratings.list.search
        search.setFocus()
        search.selectAll()

    # Loading ------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """Whether a list or a step asked for is still on its way."""
        return self._asked != self._answered or self._stepping

    def reload(self) -> None:
        self.reload_followups()
        self.reload_day()

    def reload_followups(self) -> None:
        self._asked["followups"] += 1
        asked, clerk = self._asked["followups"], self.clerk
        self.worker.run(
            lambda desk: load_followups(desk, clerk),
            lambda load: self._followups_arrived(asked, load),
            lambda error: self._refused("followups", asked, error),
            owner=self,
        )

    def reload_day(self) -> None:
        self._asked["day"] += 1
        asked, clerk, day = self._asked["day"], self.clerk, self.day

        def job(desk: Desk) -> tuple[DayLoad, date]:
            return load_day(desk, clerk, day), desk.ratings.clock().date()

        self.worker.run(
            job,
            lambda answer: self._day_arrived(asked, *answer),
            lambda error: self._refused("day", asked, error),
            owner=self,
        )

    def _followups_arrived(self, asked: int, load: FollowUpsLoad) -> None:
        if asked != self._asked["followups"]:
            return
        self._answered["followups"] = asked
        self.followups.show_load(load)
        self._show_counts(load)
        self._offer_steps()

    def _day_arrived(self, asked: int, load: DayLoad, today: date) -> None:
        if asked != self._asked["day"]:
            return
        self._answered["day"] = asked
        self.ratings.show_load(load, today)

    def _refused(self, which: str, asked: int, error: UserError) -> None:
        if asked == self._asked[which]:
            self._answered[which] = asked
            self.say_error(error)

    def _changed(self, changes: Changes) -> None:
        """A rating, a step, a contact or a case came or changed (here, a pull, another
        desk): both lists as they are now."""
        if changes.ratings or changes.cases or changes.settings:
            self.reload()

    def _choose_day(self, day: date) -> None:
        self.day = day
        self.reload_day()

    def _show_counts(self, load: FollowUpsLoad | None) -> None:
        """The tab's title counts the open follow-ups: 好差评（待整改 2 · 已超期 1）; with none
        open, the tab keeps its plain name."""
        self.title = (
            self.tr("Ratings (to follow up {open} · overdue {overdue})").format(
                open=load.open, overdue=load.overdue
            )
            if load is not None and load.open
            else ""
        )
        self.titleChanged.emit(self.title)

    # Steps --------------------------------------------------------------------------------

    def _offer_steps(self) -> None:
        line = self.followups.current()
        if self.tabs.currentWidget() is not self.followups or line is None:
            choose = self.tr("choose a poor rating in the follow-up list first")
            self.steps.set_problems(dict.fromkeys(DESK_STEPS, choose))
        else:
            self.steps.set_problems(line.problems)

    def _key(self, kind: StepKind) -> None:
        if self.tabs.currentWidget() is not self.followups:
            self.tabs.setCurrentWidget(self.followups)
        self.steps.trigger(kind)

    def take(self, kind: StepKind) -> None:
        """Open the step's form for the chosen 差评 (or say why the step is not possible)."""
        line = self.followups.current()
        if line is None or self.steps.problems.get(kind):
            self.steps.explain(kind)
            return
        if self.dialog is not None:
            return
        dialog = DIALOGS[kind](self)
        self.dialog = dialog
        rating_uuid = line.uuid
        dialog.finished.connect(lambda _: self._dialog_closed(dialog))
        dialog.submitted.connect(lambda values: self._record(dialog, rating_uuid, kind, values))
        dialog.open()

    def _dialog_closed(self, dialog: StepDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            self.followups.list.table.setFocus()

    def _record(
        self, dialog: StepDialog, rating_uuid: str, kind: StepKind, values: dict[str, Any]
    ) -> None:
        clerk = self.clerk
        self._stepping = True
        self.worker.run(
            lambda desk: desk.ratings.add_step(rating_uuid, kind, values, clerk),
            lambda step: self._recorded(dialog, step),
            dialog.refuse,
            owner=self,
            after=self._step_answered,
        )

    def _step_answered(self) -> None:
        self._stepping = False

    def _recorded(self, dialog: StepDialog, step: FollowUpStep) -> None:
        dialog.done_ok()
        self.say_note(self.tr("Recorded: {step}").format(step=step_word(step.kind)))

    def _open_followup(self, uuid: str) -> None:
        """Enter on a 差评: the next step it needs, if one is possible now."""
        line = self.followups.current()
        if line is None or line.uuid != uuid:
            return
        kind = next((k for k in DESK_STEPS if not line.problems[k]), None)
        if kind is None:
            self.say_note(self.tr("No step is possible now for this poor rating."))
        else:
            self.take(kind)

    def _open_rating(self, uuid: str) -> None:
        """Enter on a rating: a 差评 this clerk handles opens in 差评整改."""
        if uuid in self.followups.lines:
            self.tabs.setCurrentWidget(self.followups)
            self.followups.list.search.clear()
            self.followups.list.select(uuid)
            self.followups.list.table.setFocus()

    # Messages -----------------------------------------------------------------------------

    def say_error(self, error: UserError) -> None:
        set_role(self.status, "error")
        self.status.setText(error.render())
        self.status.show()

    def say_note(self, text: str) -> None:
        set_role(self.status, "muted")
        self.status.setText(text)
        self.status.setVisible(bool(text))
