"""Errors a user can fix. The CLI prints them as one line (exit 1), without a traceback."""


class ClaimsError(Exception):
    """Base class for user-fixable errors raised by the library."""
