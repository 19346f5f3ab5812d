"""``python -m pingan …`` runs the ``pingan`` command line."""
import sys

from pingan.workbench._cli import main

sys.exit(main())
