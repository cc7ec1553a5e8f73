"""Write the sandbox platform's OpenAPI document to ``resources/openapi/platform-v1.json``.

Run after changing a route of ``platform_sandbox``; ``tests/test_sandbox_openapi.py`` fails
while the committed document and the server differ.

    python tools/export_openapi.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from platform_sandbox.app import create_app  # noqa: E402

DOCUMENT = ROOT / "resources" / "openapi" / "platform-v1.json"


def render() -> str:
    return json.dumps(create_app().openapi(), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    DOCUMENT.parent.mkdir(parents=True, exist_ok=True)
    DOCUMENT.write_text(render(), encoding="utf-8")
    print(f"wrote {DOCUMENT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
