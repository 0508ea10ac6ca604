"""``python -m lptpb_ext.cli``: the same as the ``lptpb`` console script."""

import sys

from lptpb_ext.cli import main

sys.exit(main())
