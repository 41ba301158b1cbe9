"""Fuzzing the parser: it never raises, and every quote is exactly ``text[start:end]``.

Three kinds of input: random unicode, quotation-mark soup (quote marks of every style mixed
with words of the seed article), and real-looking articles mutated the way scraped text is
damaged (marks dropped or added, paragraphs glued, slices cut or repeated).
"""

from __future__ import annotations

import re

from conftest import SEED
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_ingest_corpus import make_article

from claims.parse import parse_article

QUOTE_MARKS = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e",
               "``", "''", "\u300c", "\u300d"]
SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_WORDS = sorted(set(re.findall(r"\w+|[^\w\s]", SEED_TEXT)))
ARTICLES = [SEED_TEXT, *(make_article(i)["text"] for i in range(8))]
LANGS = st.sampled_from(["id", "en", None])
FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check_invariant(text: str, lang: str | None) -> None:
    parsed = parse_article(text, lang=lang)
    assert parsed.text == text
    for q in parsed.quotes:
        assert 0 <= q.start <= q.end <= len(text), (q.start, q.end, len(text))
        assert text[q.start:q.end] == q.text


@FUZZ
@given(text=st.text(max_size=3000), lang=LANGS)
@example(text="\u201c", lang="id")
@example(text='"" "" ""', lang="id")
@example(text="\x00\ud7ff\U0010ffff\u200b\ufeff", lang=None)
def test_random_unicode(text: str, lang: str | None) -> None:
    check_invariant(text, lang)


soup_piece = st.one_of(
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(SEED_WORDS),
    st.sampled_from([" ", " ", "\n", "\n\n", ", ", ". ", " - ", "\t"]),
)


@FUZZ
@given(pieces=st.lists(soup_piece, max_size=400), lang=LANGS)
@example(pieces=["\u201c", "Kami", ",", "\u201d", " ", "kata", " ", "Carpenter", "."],
         lang="id")
def test_quotation_mark_soup(pieces: list[str], lang: str | None) -> None:
    check_invariant("".join(pieces), lang)


mutation = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.sampled_from(QUOTE_MARKS)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 40)),
    st.tuples(st.just("repeat"), st.integers(0, 10**6), st.integers(1, 200)),
    st.tuples(st.just("glue"), st.integers(0, 10**6), st.just("")),
    st.tuples(st.just("straighten"), st.integers(0, 10**6), st.just("")),
)


def mutate(text: str, steps: list[tuple[str, int, object]]) -> str:
    """Apply damage like scraping does; positions wrap around the current length."""
    for kind, position, arg in steps:
        at = position % (len(text) + 1)
        if kind == "insert":
            text = text[:at] + str(arg) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + int(arg):]  # type: ignore[call-overload]
        elif kind == "repeat":
            text = text[:at] + text[at:at + int(arg)] + text[at:]  # type: ignore[call-overload]
        elif kind == "glue":
            text = text.replace("\n", "", 1) if "\n" in text[at:] else text.replace("\n", "")
        elif kind == "straighten":
            text = re.sub("[\u201c\u201d]", '"', text)
    return text


@FUZZ
@given(index=st.integers(0, len(ARTICLES) - 1), steps=st.lists(mutation, max_size=12),
       lang=LANGS)
def test_mutated_real_looking_articles(index: int, steps: list, lang: str | None) -> None:
    check_invariant(mutate(ARTICLES[index], steps), lang)
