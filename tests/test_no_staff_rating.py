"""Staff cannot rate (好差评): the clerk's window has no path that enters, changes or back-dates
a rating. Only the visitor's input on the customer display (``ui/display/``) presses.

The proof has four parts, each holding whatever the display or the workspaces add:

(a) the code: no module under ``ui/`` but the display's reaches the pressing methods of the
    ratings service (``press``, ``submit``, ``walk_away``), read with :mod:`ast` so that only
    real code counts (not a comment or a string); nor does any other module of the desk but
    the demo's visitors;
(b) the services: no public method of any service but ``RatingService.press`` takes a level,
    none takes a time for a rating, and the ratings service has nothing that changes or
    removes one;
(c) the database: ratings and follow-up steps cannot be updated, deleted or replaced;
(d) the clerk's main window, signed in as every demo account while a contact waits for its
    rating: none of its widgets is a display control or a button with a level's name.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from case_factory import CLERK, Clock, make_case
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

import clerk_desk.services
import clerk_desk.sync
from clerk_desk.demo import DEMO_ACCOUNTS, DemoAccount
from clerk_desk.desk import Desk
from clerk_desk.domain.followups import StepKind
from clerk_desk.domain.ratings import LEVELS, RatingLevel
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.services.ratings import RatingService
from ui.desk_worker import DeskWorker
from ui.main_window import MainWindow
from ui.translations import Translators

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"
DISPLAY = UI / "display"
PRESSING = frozenset({"press", "submit", "walk_away"})
# Outside ``ui/``: the service itself, and the demo's visitors (demo desks only).
PRESSERS_OUTSIDE_UI = {
    ROOT / "clerk_desk" / "services" / "ratings.py",
    ROOT / "clerk_desk" / "services" / "demo_ratings.py",
}
MONDAY = datetime(2026, 9, 28, 9, 30)


# (a) The code ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Press:
    path: str
    line: int
    code: str


class _PressFinder(ast.NodeVisitor):
    """Finds every reach for a pressing method of the ratings service: ``x.ratings.press``,
    a name or attribute bound to the service (``ratings = desk.ratings``; a parameter typed
    ``RatingService``), ``RatingService.submit``, ``getattr(ratings, "walk_away")`` and
    ``methodcaller("press", …)`` — called or passed on alike."""

    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.source = source
        self.bound: set[str] = set()  # names and attribute names holding the service
        self.found: list[Press] = []

    def run(self, tree: ast.AST) -> list[Press]:
        # Bindings first (twice: an alias of an alias), then the reaches.
        for _ in range(2):
            for node in ast.walk(tree):
                self._bind(node)
        self.visit(tree)
        return self.found

    def _is_service(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Attribute):
            return node.attr == "ratings" or node.attr in self.bound
        if isinstance(node, ast.Name):
            return node.id in self.bound or node.id == RatingService.__name__
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name == RatingService.__name__:
                return True
            if name == "getattr" and len(node.args) >= 2:
                attribute = node.args[1]
                return isinstance(attribute, ast.Constant) and attribute.value == "ratings"
        return False

    def _bind(self, node: ast.AST) -> None:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign) and self._is_service(node.value):
            targets = list(node.targets)
        elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)) and node.value is not None:
            if self._is_service(node.value) or (
                isinstance(node, ast.AnnAssign) and _mentions_service(node.annotation)
            ):
                targets = [node.target]
        elif isinstance(node, ast.arg) and _mentions_service(node.annotation):
            self.bound.add(node.arg)
        for target in targets:
            if isinstance(target, ast.Name):
                self.bound.add(target.id)
            elif isinstance(target, ast.Attribute):
                self.bound.add(target.attr)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in PRESSING and self._is_service(node.value):
            self._note(node)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        first, second = [*node.args, None, None][:2]
        if (
            name == "getattr"
            and isinstance(second, ast.Constant)
            and second.value in PRESSING
            and first is not None
            and self._is_service(first)
        ):
            self._note(node)
        if name == "methodcaller" and isinstance(first, ast.Constant) and first.value in PRESSING:
            self._note(node)
        self.generic_visit(node)

    def _note(self, node: ast.AST) -> None:
        code = ast.get_source_segment(self.source, node) or ""
        self.found.append(Press(self.path, getattr(node, "lineno", 0), code))


def _mentions_service(annotation: ast.expr | None) -> bool:
    if annotation is None:
        return False
    text = ast.unparse(annotation)
    return RatingService.__name__ in text


def presses_in(source: str, path: str = "<source>") -> list[Press]:
    return _PressFinder(path, source).run(ast.parse(source, path))


def python_files(folder: Path) -> Iterator[Path]:
    yield from sorted(path for path in folder.rglob("*.py") if "__pycache__" not in path.parts)


def test_the_search_finds_every_way_of_reaching_a_press() -> None:
    """The finder itself: what it must catch, and what it must leave (or (a) proves nothing)."""
    caught = """
from operator import methodcaller
from clerk_desk.services.ratings import RatingService

def a(worker, uuid, level):
    worker.run(lambda desk: desk.ratings.press(uuid, level))
def b(desk, uuid):
    ratings = desk.ratings
    ratings.submit(uuid, [], "")
def c(service: RatingService, uuid):
    service.walk_away(uuid)
def d(self, uuid):
    self._service = self.worker.desk.ratings
    self._service.press(uuid, "满意")
def e(desk, uuid):
    getattr(desk.ratings, "press")(uuid, "满意")
def f(desk, uuid):
    return methodcaller("submit", uuid)(desk.ratings)
def g(worker, uuid):
    worker.run(RatingService.walk_away, uuid)
def h(desk, uuid):
    getattr(desk, "ratings").press(uuid, "满意")
def i(desk, uuid):
    worker.run(desk.ratings.submit)
"""
    found = presses_in(caught)
    assert sorted({p.line for p in found}) == [6, 9, 11, 14, 16, 18, 20, 22, 24], found

    left = '''
"""desk.ratings.press(uuid, level) is only for the display."""
# desk.ratings.submit(uuid) — never from here
def a(self, desk, executor, form):
    text = "desk.ratings.walk_away(uuid)"
    executor.submit(job)
    self.submit.clicked.connect(form.submit)
    desk.ratings.followups(clerk)
    desk.ratings.add_step(uuid, "verify", {}, clerk)
    button.press()
'''
    assert presses_in(left) == []


def test_no_module_of_the_clerks_window_reaches_a_press() -> None:
    found = [
        press
        for path in python_files(UI)
        if DISPLAY not in path.parents
        for press in presses_in(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert found == []


def test_nothing_else_of_the_desk_reaches_a_press_but_the_demos_visitors() -> None:
    found = [
        press
        for package in ("clerk_desk", "local_cache")
        for path in python_files(ROOT / package)
        if path not in PRESSERS_OUTSIDE_UI
        for press in presses_in(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert found == []


def test_the_display_is_where_the_presses_are() -> None:
    """The search sees the display's own presses: it looks where they are."""
    if not DISPLAY.is_dir():
        pytest.skip("the customer display (ui/display/) is not in this tree")
    methods = {
        press.code.rsplit(".", 1)[-1].split("(")[0]
        for path in python_files(DISPLAY)
        for press in presses_in(path.read_text(encoding="utf-8"), str(path))
    }
    assert "press" in methods


# (b) The services --------------------------------------------------------------------------


def service_classes() -> list[type]:
    """Every class the desk's services and sync define, the ratings service among them."""
    classes: list[type] = []
    for package in (clerk_desk.services, clerk_desk.sync):
        for module_info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            module = importlib.import_module(module_info.name)
            classes += [
                cls
                for _, cls in inspect.getmembers(module, inspect.isclass)
                if cls.__module__ == module.__name__
            ]
    return classes


def public_methods(cls: type) -> list[tuple[str, inspect.Signature]]:
    return [
        (name, inspect.signature(function))
        for name, function in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
    ]


def annotation_text(parameter: inspect.Parameter) -> str:
    annotation = parameter.annotation
    return annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")


def test_only_the_visitors_press_takes_a_level() -> None:
    classes = service_classes()
    assert RatingService in classes and len(classes) > 10
    taking_a_level = [
        f"{cls.__module__}.{cls.__name__}.{name}({parameter.name})"
        for cls in classes
        for name, signature in public_methods(cls)
        for parameter in signature.parameters.values()
        if "RatingLevel" in annotation_text(parameter)
        or parameter.name in {"level", "level_code", "levels", "rating_level"}
    ]
    assert taking_a_level == ["clerk_desk.services.ratings.RatingService.press(level)"]


def test_no_service_takes_the_time_of_a_rating() -> None:
    rating_times = [
        f"{cls.__name__}.{name}({parameter.name})"
        for cls in service_classes()
        for name, signature in public_methods(cls)
        for parameter in signature.parameters.values()
        if parameter.name in {"rated_at", "pressed_at", "rating_time"}
    ]
    assert rating_times == []
    # The ratings service takes no moment at all: the press is timed by the desk's clock.
    timed = [
        f"{name}({parameter.name})"
        for name, signature in public_methods(RatingService)
        for parameter in signature.parameters.values()
        if "datetime" in annotation_text(parameter)
        or parameter.name in {"at", "when", "moment", "now"}
    ]
    assert timed == []


def test_the_ratings_service_changes_and_removes_nothing() -> None:
    words = ("update", "delete", "remove", "edit", "change", "amend", "replace", "set_", "undo")
    names = [name for name, _ in public_methods(RatingService)]
    assert [name for name in names if any(word in name for word in words)] == []
    # Nor does its module, nor the repository, touch a stored rating or step.
    for path in (
        ROOT / "clerk_desk" / "services" / "ratings.py",
        ROOT / "clerk_desk" / "services" / "rating_rows.py",
    ):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                assert name not in {"delete", "update", "merge"}, ast.unparse(node)
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    # Rating columns (a contact's own pressed_level/state/closed_at may change).
                    if isinstance(target, ast.Attribute):
                        assert target.attr not in {
                            "level",
                            "rated_at",
                            "reasons",
                            "comment",
                            "origin",
                            "payload",
                        }, ast.unparse(node)


# (c) The database --------------------------------------------------------------------------


def test_the_database_refuses_to_change_a_rating_or_a_step(demo_desk: Desk) -> None:
    clock = Clock(MONDAY)
    ratings = RatingService(
        demo_desk.database, demo_desk.settings, clock, demo_desk.intake.work_calendar
    )
    make_case(demo_desk, clock=clock, accept_by=CLERK)
    contact = ratings.waiting_contact()
    assert contact is not None
    ratings.press(contact.uuid, RatingLevel.VERY_DISSATISFIED)
    rating = ratings.submit(contact.uuid, ["P02"], "态度差")
    reviewer = Clerk("reviewer", "王建国", (Role.REVIEWER,), "市场监督管理局")
    step = ratings.add_step(rating.uuid, StepKind.VERIFY, {"finding": "true"}, reviewer)
    database = demo_desk.data_dir.database
    statements = [
        "UPDATE ratings SET level = '非常满意'",
        "UPDATE ratings SET rated_at = '2026-09-27 09:00:00.000000'",
        "UPDATE ratings SET comment = ''",
        "DELETE FROM ratings",
        "INSERT OR REPLACE INTO ratings SELECT uuid, contact_uuid, case_uuid, case_no, "
        "contact_kind, seq, staff, staff_name, window_number, department, channel, rated_at, "
        "'非常满意', reasons, reasons_version, comment, origin, rater_name, rater_phone "
        "FROM ratings",
        'UPDATE followup_steps SET payload = \'{"finding": "malicious"}\'',
        "DELETE FROM followup_steps",
        "INSERT OR REPLACE INTO followup_steps SELECT uuid, rating_uuid, 'appeal', by, at, "
        "payload FROM followup_steps",
    ]
    connection = sqlite3.connect(database)
    try:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(ratings)")]
        assert columns[12] == "level"  # the REPLACE above puts its level there
        for statement in statements:
            with pytest.raises(sqlite3.DatabaseError, match="immutable"):
                connection.execute(statement)
            connection.rollback()
    finally:
        connection.close()
    (kept,) = ratings.ratings_on()
    assert (kept.level, kept.rated_at, kept.comment) == (
        RatingLevel.VERY_DISSATISFIED,
        MONDAY,
        "态度差",
    )
    (followup,) = ratings.followups(reviewer, MONDAY.date())
    assert [(s.uuid, s.kind, s.payload) for s in followup.steps] == [
        (step.uuid, StepKind.VERIFY, {"finding": "true"})
    ]


# (d) The clerk's window --------------------------------------------------------------------


def rating_controls(widgets: list[QWidget]) -> list[str]:
    """The display's widgets (by objectName or class) and buttons named for a level."""
    level_names = {str(level) for level in LEVELS}
    return [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in widgets
        if widget.objectName().startswith("display.")
        or type(widget).__module__.startswith("ui.display")
        or (
            isinstance(widget, QAbstractButton)
            and widget.text().replace("&", "").strip() in level_names
        )
    ]


@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=lambda account: account.username)
def test_the_clerks_window_has_no_rating_control(
    qtbot: QtBot, demo_desk: Desk, account: DemoAccount
) -> None:
    # A visitor at the counter whose contact waits for its rating, as the window opens.
    now = datetime.now().replace(microsecond=0)
    make_case(demo_desk, clock=Clock(now - timedelta(seconds=5)), accept_by=CLERK)
    assert demo_desk.ratings.waiting_contact() is not None
    translators = Translators(QApplication.instance())  # type: ignore[arg-type]
    assert translators.install("zh_CN")
    worker = DeskWorker.for_desk(demo_desk)
    try:
        clerk = demo_desk.accounts.sign_in(account.username, account.password)
        window = MainWindow(worker, clerk, idle_ms=0)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        worker.wait_idle()
        QApplication.processEvents()
        for workspace in list(window.workspaces):
            window.show_workspace(workspace)
            QApplication.processEvents()
        widgets = window.findChildren(QWidget)
        assert len(widgets) > 50
        assert rating_controls(widgets) == []
        # The display, if this tree has one, is a window of its own, never inside this one;
        # its level buttons are what the search above looks for.
        for top in QApplication.topLevelWidgets():
            if type(top).__module__.startswith("ui.display"):
                assert top not in widgets and top.window() is top
                assert rating_controls(top.findChildren(QWidget))
        window.close()
    finally:
        worker.shutdown()
        translators.install("en")
