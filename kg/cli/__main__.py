"""``python -m kg.cli``: the ``ctkg`` command."""

import sys

from kg.cli import main

sys.exit(main())
