"""Allow `python -m recovery_cli`."""

from recovery_cli import main

main()
