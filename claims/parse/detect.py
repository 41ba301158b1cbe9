"""Language of an article from the share of each language's function words.

Cheap on purpose (the parser must stay fast): one regex pass over the first few thousand
characters and set look-ups. Each language lists its function words in the ``[detect]``
section of its data file, so adding a language adds it to the detector.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from claims.parse.lexicon import available_languages, load_lexicon

SAMPLE_CHARS = 1000
DEFAULT_LANGUAGE = "id"
_WORD = re.compile(r"[^\W\d_]+")
# Quoted speech may be in another language than the article ("…," kata Budi): not counted.
_QUOTED = re.compile(r'"[^"\n]{0,2000}"|“[^”\n]{0,2000}”')


@cache
def _function_words() -> dict[str, frozenset[str]]:
    words: dict[str, frozenset[str]] = {}
    for code in available_languages():
        listed = load_lexicon(code).get("detect", {}).get("function_words", [])
        if listed:
            words[code] = frozenset(w.casefold() for w in listed)
    return words


def language_scores(text: str) -> dict[str, float]:
    """Share of the sample's words that are function words of each language."""
    words = _WORD.findall(_QUOTED.sub(" ", text[:SAMPLE_CHARS]).casefold())
    if not words:
        return {code: 0.0 for code in _function_words()}
    counts = Counter(words)
    return {code: sum(counts[w] for w in listed.intersection(counts)) / len(words)
            for code, listed in _function_words().items()}


def detect_language(text: str, default: str = DEFAULT_LANGUAGE) -> str:
    """The language code whose function words are most frequent; ``default`` when none occurs."""
    scores = language_scores(text)
    if not scores:
        return default
    best = max(scores, key=lambda code: (scores[code], code == default))
    return best if scores[best] > 0 else default
