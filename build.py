#!/usr/bin/env python3
"""Check the collection and build the Desclasificado site: `python build.py --help`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

try:
    from desclasificado.cli import main
except ModuleNotFoundError as exc:  # run outside the project's environment
    if (exc.name or "").startswith("desclasificado"):
        raise
    sys.exit(f"error: the Python package '{exc.name}' is not installed for {sys.executable}: "
             "set up the project's environment once (python3 -m venv .venv && .venv/bin/pip "
             "install -r requirements.txt), then run .venv/bin/python build.py, or activate it "
             "first (source .venv/bin/activate)")

if __name__ == "__main__":
    sys.exit(main(root=Path(__file__).resolve().parent))
