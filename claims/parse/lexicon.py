"""Per-language data (``lang/<code>.toml``) loaded once and cached.

Code never spells out words of a language; it asks the lexicon. Adding a
language means adding a data file, not a branch in the code.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any, Final

LANG_DIR: Final = Path(__file__).with_name("lang")


@cache
def load_lexicon(lang: str) -> dict[str, Any]:
    """The raw data of one language file (``id``, ``en``, ...)."""
    path = LANG_DIR / f"{lang}.toml"
    if not path.exists():
        raise KeyError(f"no language data for {lang!r} (expected {path})")
    with path.open("rb") as fh:
        return tomllib.load(fh)


@cache
def available_languages() -> tuple[str, ...]:
    """Language codes that have a data file."""
    return tuple(sorted(p.stem for p in LANG_DIR.glob("*.toml")))


@cache
def title_words() -> frozenset[str]:
    """Honorifics, ranks and academic titles of every language, case-folded, dots kept.

    Names are compared without these (FORMAT.md: "Roland Manurung", not
    "Ajun Komisaris Roland Manurung").
    """
    words: set[str] = set()
    for lang in available_languages():
        titles = load_lexicon(lang).get("titles", {})
        for group in titles.values():
            words.update(w.casefold() for w in group)
    return frozenset(words)
