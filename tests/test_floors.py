"""The floors of the house: ui → clerk_desk → local_cache, never upwards.

Two guards: every core module imports in a Python where Qt does not exist, and a scan of the
source finds no forbidden import statement (which also catches imports inside functions
that a plain import would not execute).
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
}

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
