"""The tokenizer every noun-phrase reader works on: words, offsets, separators."""

import re
import sys

import pytest

from claims.parse.names import SPACES, tokens


def test_spaces_are_exactly_what_backslash_s_matches() -> None:
    # TOKEN spells ``\s`` out (a bitmap class is faster); the two must never disagree
    every_char = "".join(map(chr, range(sys.maxunicode + 1)))
    assert set(re.findall(r"\s", every_char)) == set(SPACES)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a no-break space and an ideographic space separate words as a space does
        ("kata\u00a0Budi Santoso\u3000(Unair), Senin.",
         ["kata", "Budi", "Santoso", "Unair", "Senin", "."]),
        ("“Kami siap,” ujar Dr. Ani; lalu [pergi]?!", ["Kami", "siap", "ujar", "Dr.", "Ani",
                                                       "lalu", "pergi"]),
    ],
)
def test_tokens_split_on_spaces_and_clause_punctuation(text: str, words: list[str]) -> None:
    found = tokens(text, 0, len(text))
    assert [t.text for t in found] == words
    assert all(text[t.start:t.end] == t.text for t in found)
