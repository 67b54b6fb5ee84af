"""The ``tikapi`` command, installed by ``pip install`` (``[project.scripts]``).

All of it is the Rust command-line crate; this only hands over the arguments.
"""

import sys

from . import _native


def main() -> None:
    sys.exit(_native.cli_main(["tikapi", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
