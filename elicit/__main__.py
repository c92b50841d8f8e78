"""``python -m elicit``."""

import sys

from elicit.cli import main

sys.exit(main())
