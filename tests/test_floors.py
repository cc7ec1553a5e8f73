"""The floors of the house: ui → clerk_desk → local_cache, never upwards.

Two guards: every core module imports in a Python where Qt does not exist, and a scan of the
source finds no forbidden import statement (which also catches imports inside functions
that a plain import would not execute).

The reference platform (``platform_sandbox``) stands beside the house, not in it: it plays
the central platform, which shares with the desk only the domain's tables — case states and
events, case numbers, permissions by role, identity validators, limits — and never the
desk's own machinery. So ``platform_sandbox`` may import ``clerk_desk.domain.*``, the
message catalogue (``clerk_desk.i18n``, with ``clerk_desk.errors`` and
``clerk_desk.resources`` that it rests on) and the demo accounts it seeds
(``clerk_desk.demo``); never ``clerk_desk.services``, ``.sync``, ``.cli``, ``.desk``,
``.devices``, ``.documents`` or any other part of the desk, nor ``ui``, ``local_cache`` or Qt.
The desk, in turn, reaches the platform only over HTTP (``clerk_desk`` and ``ui`` never import
``platform_sandbox``). Guarded by a scan of its sources and by importing all of it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE_PACKAGES = ("clerk_desk", "local_cache")
FORBIDDEN = {
    "clerk_desk": {"PySide6", "shiboken6", "ui", "platform_sandbox"},
    "local_cache": {"PySide6", "shiboken6", "ui", "clerk_desk", "platform_sandbox"},
    "ui": {"sqlalchemy", "requests", "local_cache", "platform_sandbox"},
    "platform_sandbox": {"PySide6", "shiboken6", "ui", "local_cache"},
}
# What platform_sandbox may take from clerk_desk: the shared domain tables and what they rest on.
SANDBOX_MAY_IMPORT = ("clerk_desk.domain", "clerk_desk.i18n", "clerk_desk.errors")
SANDBOX_MAY_IMPORT += ("clerk_desk.resources", "clerk_desk.demo")

IMPORT_WITHOUT_QT = textwrap.dedent(
    """
    import importlib, importlib.abc, pkgutil, sys

    BLOCKED = ("PySide6", "shiboken6")

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is not available in this test")
            return None

    sys.meta_path.insert(0, NoQt())
    imported = []
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        imported.append(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            if info.name.endswith(".__main__"):
                continue
            importlib.import_module(info.name)
            imported.append(info.name)
    leaked = sorted(name for name in sys.modules if name.split(".")[0] in BLOCKED)
    assert not leaked, leaked
    print("\\n".join(imported))
    """
)


def test_core_imports_without_qt() -> None:
    code = f"PACKAGES = {CORE_PACKAGES!r}\n{IMPORT_WITHOUT_QT}"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    imported = set(result.stdout.split())
    assert {"clerk_desk.desk", "clerk_desk.diagnostics", "local_cache.db"} <= imported


def test_the_blocker_really_blocks_qt() -> None:
    """Guard the guard: the same finder makes ``import PySide6`` fail."""
    code = IMPORT_WITHOUT_QT.replace("for package_name in PACKAGES:", "for package_name in ():")
    code += "\nimport PySide6.QtCore\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode != 0
    assert "ImportError: PySide6 is not available in this test" in result.stderr


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def _sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_goes_the_wrong_way(package: str) -> None:
    sources = _sources(package)
    assert sources, f"no sources found under {package}/"
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imported_roots(path) & FORBIDDEN[package])
        for path in sources
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def _imported_modules(path: Path) -> set[str]:
    """Every module an import statement names, ``from a import b`` counting as ``a.b`` too."""
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def _sandbox_may_import(module: str) -> bool:
    if module == "clerk_desk":  # the package itself, as the parent of an allowed module
        return True
    return any(
        module == allowed or module.startswith(allowed + ".") for allowed in SANDBOX_MAY_IMPORT
    )


def test_the_sandbox_takes_only_the_domain_tables_from_the_desk() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            module
            for module in _imported_modules(path)
            if module.split(".")[0] == "clerk_desk" and not _sandbox_may_import(module)
        )
        for path in _sources("platform_sandbox")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_sandbox_scan_sees_a_forbidden_import(tmp_path: Path) -> None:
    """Guard the guard: a desk service imported inside a function is caught."""
    source = tmp_path / "leak.py"
    source.write_text(
        "from clerk_desk.domain.case_states import CaseState\n"
        "from clerk_desk import demo\n"
        "def f():\n"
        "    from clerk_desk.services.intake import IntakeService\n"
        "    from clerk_desk import sync\n",
        encoding="utf-8",
    )
    found = sorted(m for m in _imported_modules(source) if not _sandbox_may_import(m))
    assert found == [
        "clerk_desk.services.intake",
        "clerk_desk.services.intake.IntakeService",
        "clerk_desk.sync",
    ]


def test_the_whole_sandbox_loads_no_desk_machinery() -> None:
    """Importing every sandbox module pulls in nothing of the desk beyond the shared tables,
    also through the modules those import (a domain module importing a service would show)."""
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import platform_sandbox
        for info in pkgutil.walk_packages(platform_sandbox.__path__, "platform_sandbox."):
            if not info.name.endswith(".__main__"):
                importlib.import_module(info.name)
        print("\\n".join(sorted(sys.modules)))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.split()
    assert "platform_sandbox.app" in loaded
    desk_modules = [name for name in loaded if name.split(".")[0] == "clerk_desk"]
    assert "clerk_desk.domain.permissions" in desk_modules
    assert [name for name in desk_modules if not _sandbox_may_import(name)] == []
    assert [name for name in loaded if name.split(".")[0] in FORBIDDEN["platform_sandbox"]] == []
