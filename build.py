"""`python build.py` is `readouts build`: import new readouts, then render site/."""

import sys

from readouts.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
