"""`python -m diplograph` does what the `diplograph` command does."""

import sys

from diplograph.cli import main

sys.exit(main())
