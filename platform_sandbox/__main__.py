"""``python -m platform_sandbox serve|stats …``."""

import sys

from platform_sandbox.cli import main

sys.exit(main())
