"""Command-line interface: a thin Typer layer over the library.

Each feature registers its commands on ``app`` from its own module; importing
them here is all the wiring there is.
"""

from __future__ import annotations

import signal

# Feature modules register their commands on import.
from claims.cli import claims_cmd, core, db, evaluate, ingest, review, speaker  # noqa: E402,F401
from claims.cli.app import app


def main() -> None:
    """Console-script entry point."""
    if hasattr(signal, "SIGPIPE"):
        # Behave like other Unix tools when piped into `head`.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    app()


__all__ = ["app", "main"]
