#!/usr/bin/env python3
"""Check the collection and build the Desclasificado site: `python build.py --help`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from desclasificado.cli import main

if __name__ == "__main__":
    sys.exit(main(root=Path(__file__).resolve().parent))
