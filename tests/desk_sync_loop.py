"""A desk process that runs sync passes back to back until nothing is pending.

    python tests/desk_sync_loop.py DATA_DIR PLATFORM_URL

The resilience test starts it and kills it with SIGKILL at random moments. It is the engine
the window's timer runs, without the pause between passes: through a link that breaks a
third of the requests, a pass ends at its first failure, so a fresh ``clerk-desk sync
--once`` process per pass would spend its time importing. Prints one JSON line at the end;
exits 1 as soon as a row is refused or waits for a sign-in (passes would not help).
"""

from __future__ import annotations

import json
import sys

from clerk_desk.desk import Desk


def main(data_dir: str, platform_url: str) -> int:
    with Desk.open(data_dir, demo_mode=True) as desk:
        desk.settings.override("platform_url", platform_url)
        passes = pushed = 0
        while True:
            passes += 1
            report = desk.sync.run_pass(force=True)
            pushed += report.pushed
            status = report.status
            if status.refused or status.waiting_for:
                print(json.dumps({"refused": status.refused, "waiting_for": status.waiting_for}))
                return 1
            if status.pending == 0:
                print(json.dumps({"passes": passes, "pushed": pushed}))
                return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
