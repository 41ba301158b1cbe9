"""``python -m claims`` runs the CLI (same as the ``claims`` console script)."""

from claims.cli import main

main()
