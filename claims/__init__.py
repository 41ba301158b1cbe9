"""claims: who said what in the news, as a queryable database."""

__version__ = "0.1.0"
