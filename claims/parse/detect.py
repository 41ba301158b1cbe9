"""Language of an article from the share of each language's function words.

Cheap on purpose (the parser must stay fast): a byte translation and a split of the first
thousand characters, and set look-ups. Each language lists its function words in the ``[detect]``
section of its data file, so adding a language adds it to the detector.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from claims.parse.lexicon import available_languages, load_lexicon

SAMPLE_CHARS: Final = 1000
DEFAULT_LANGUAGE: Final = "id"
_WORD: Final = re.compile(r"[^\W\d_]+")
# Quoted speech may be in another language than the article ("…," kata Budi): not counted.
_QUOTED: Final = re.compile(r'"[^"\n]{0,2000}"|“[^”\n]{0,2000}”')
# bytes of UTF-8 text: ASCII letters stay, other ASCII (digits, "_", punctuation, spaces) is
# a space, and the bytes of other characters stay (runs holding them go through ``_WORD``)
_ASCII_LETTERS: Final = bytes(c if chr(c).isalpha() or c >= 128 else 32 for c in range(256))


@cache
def _function_words() -> dict[str, frozenset[str]]:
    words: dict[str, frozenset[str]] = {}
    for code in available_languages():
        listed = load_lexicon(code).get("detect", {}).get("function_words", [])
        if listed:
            words[code] = frozenset(w.casefold() for w in listed)
    return words


@cache
def _function_words_utf8() -> dict[str, frozenset[bytes]]:
    return {code: frozenset(w.encode() for w in listed)
            for code, listed in _function_words().items()}


def language_scores(text: str) -> dict[str, float]:
    """Share of the sample's words that are function words of each language.

    The words are what ``_WORD`` finds in the case-folded sample, counted without running
    it: an ASCII word is a run of a byte translation, split (C loops, three times faster);
    only runs holding another character (a curly quote, an accent) go through ``_WORD``."""
    sample = text[:SAMPLE_CHARS]
    if '"' in sample or "“" in sample:
        sample = _QUOTED.sub(" ", sample)
    folded = sample.casefold()
    runs = folded.encode("utf-8", "surrogatepass").translate(_ASCII_LETTERS).split()
    others: list[str] = []  # the words of runs that are not ASCII letters only
    if not folded.isascii():
        for run in runs:
            if not run.isalpha():
                others += _WORD.findall(run.decode("utf-8", "surrogatepass"))
        runs = [run for run in runs if run.isalpha()]
    total = len(runs) + len(others)
    if not total:
        return {code: 0.0 for code in _function_words()}
    plain = _function_words()
    return {code: (sum(map(listed.__contains__, runs))
                   + sum(map(plain[code].__contains__, others))) / total
            for code, listed in _function_words_utf8().items()}


def detect_language(text: str, default: str = DEFAULT_LANGUAGE) -> str:
    """The language code whose function words are most frequent; ``default`` when none occurs."""
    scores = language_scores(text)
    if not scores:
        return default
    best = max(scores, key=lambda code: (scores[code], code == default))
    return best if scores[best] > 0 else default
