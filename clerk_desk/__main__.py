import sys

from clerk_desk.cli import main

sys.exit(main())
