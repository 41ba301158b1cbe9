"""Words of a language for comparing claims, from ``claims/data/claimgroup_<lang>.toml``.

Code asks this record instead of spelling out words. A language without a data file gets an
empty lexicon: comparison then falls back to plain case/punctuation/number normalisation.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True, slots=True)
class ClaimLexicon:
    """Case-folded word tables for one language."""

    spelling: dict[str, str]
    numbers: dict[str, float]
    scales: dict[str, float]
    additive_scales: dict[str, float]
    scale_abbreviations: dict[str, str]
    currency: frozenset[str]
    fillers: frozenset[str]
    clitics: tuple[str, ...]
    prefixes: tuple[tuple[str, str], ...]
    titles: frozenset[str]
    synonyms: dict[str, str]
    negations: frozenset[str]
    boilerplate: tuple[tuple[str, ...], ...]
    organisation_aliases: dict[str, str]
    name_spelling: tuple[tuple[str, str], ...]


def _invert(table: dict[str, list[str]]) -> dict[str, str]:
    """``{standard: [variants]}`` -> ``{variant: standard}`` (single words only)."""
    out: dict[str, str] = {}
    for standard, variants in table.items():
        for variant in variants:
            if " " not in variant:
                out[variant.casefold()] = standard.casefold()
    return out


def _parser_titles() -> frozenset[str]:
    """Titles known to the parser, without dots, so names compare the same way everywhere."""
    try:
        from claims.parse.lexicon import title_words
    except ImportError:  # the parser package is optional for this pure module
        return frozenset()
    return frozenset(w.strip(".()").casefold() for w in title_words() if " " not in w)


@cache
def load_claim_lexicon(lang: str = "id") -> ClaimLexicon:
    """The lexicon for ``lang`` (cached); empty tables when no data file exists."""
    path = DATA_DIR / f"claimgroup_{lang}.toml"
    data: dict = {}
    if path.exists():
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    light = data.get("light", {})
    return ClaimLexicon(
        spelling=_invert(data.get("spelling", {})),
        numbers={k.casefold(): float(v) for k, v in data.get("numbers", {}).items()},
        scales={k.casefold(): float(v) for k, v in data.get("scales", {}).items()},
        additive_scales={
            k.casefold(): float(v) for k, v in data.get("additive_scales", {}).items()
        },
        scale_abbreviations={
            k.casefold(): v.casefold() for k, v in data.get("scale_abbreviations", {}).items()
        },
        currency=frozenset(w.casefold() for w in data.get("currency", {}).get("words", [])),
        fillers=frozenset(w.casefold() for w in light.get("fillers", [])),
        clitics=tuple(w.casefold() for w in light.get("clitics", [])),
        prefixes=tuple(
            (prefix.casefold(), initial.casefold())
            for prefix, initial in data.get("affixes", {}).get("prefixes", [])
        ),
        titles=frozenset(w.casefold() for w in light.get("titles", [])) | _parser_titles(),
        synonyms=_invert(data.get("synonyms", {})),
        negations=frozenset(w.casefold() for w in data.get("negations", {}).get("words", [])),
        boilerplate=tuple(
            tuple(opening.casefold().split())
            for opening in data.get("boilerplate", {}).get("openings", [])
        ),
        organisation_aliases=_invert(data.get("organisation_aliases", {})),
        name_spelling=tuple(
            (old.casefold(), new.casefold()) for old, new in data.get("name_spelling", {}).items()
        ),
    )
