"""Allow `python -m recovery_cli`."""

from recovery_cli.cli import main

main()
