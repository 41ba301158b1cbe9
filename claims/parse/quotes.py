"""Finding quotation spans: pairing quotation marks the way scraped news really uses them.

Language independent. Marks are paired per paragraph (a newline ends a paragraph, but for the
soft line breaks of hard-wrapped text): a quote left open runs to the end of its paragraph
(re-opened or left open over several paragraphs), a closing mark with no opening one starts
the quote at the paragraph's first word, and the Kompas habit of opening with ” is handled by
looking at the characters around each mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

# A quotation mark: '' (two apostrophes, Republika print archives) or one of these characters
_ONE_CHARACTER_MARKS: Final = "\"“”„«»"
_OPEN_ONLY: Final = frozenset("“„«")
_CLOSE_ONLY: Final = frozenset("»")
_OPENER_LEFT: Final = frozenset("([{—–-:/")
_SENTENCE_END: Final = frozenset(".?!…")
# A missing opening mark is only assumed when the orphan closing mark ends a clause.
_CLAUSE_END: Final = frozenset(",.?!…")
_MAX_ORPHAN_SPAN: Final = 1200
# Hard-wrapped text: more lines than this, this many characters per line at most on average,
# and this share of them broken inside a sentence.
_MIN_WRAPPED_LINES: Final = 5
_MAX_WRAPPED_WIDTH: Final = 100
_WRAPPED_SHARE: Final = 0.4
_INSIDE_SENTENCE: Final = re.compile(r"(?:[^\W_]|,)\n[a-z0-9]")
_NONE: Final[frozenset[int]] = frozenset()
_NEWLINE: Final = re.compile("\n")


@dataclass(slots=True, init=False)
class Span:
    """A candidate quote: offsets include the marks that exist."""

    start: int
    end: int
    opened: bool  # an opening mark is present
    closed: bool  # a closing mark is present

    def __init__(self, start: int, end: int, opened: bool, closed: bool) -> None:
        # written out (init=False) so that mypyc compiles it (see names.Mention)
        self.start = start
        self.end = end
        self.opened = opened
        self.closed = closed

    @property
    def core(self) -> tuple[int, int]:
        return self.start + (1 if self.opened else 0), self.end - (1 if self.closed else 0)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph bounds: a newline ends one, except the soft line breaks of hard-wrapped text
    (see :func:`_soft_newlines`), where a quote runs on to the next line."""
    lines = text.count("\n") + 1
    short_lines = lines > _MIN_WRAPPED_LINES and len(text) <= _MAX_WRAPPED_WIDTH * lines
    soft = _soft_newlines(text, lines - 1) if short_lines else _NONE
    bounds = []
    start = 0
    for match in _NEWLINE.finditer(text):
        if match.start() not in soft:
            bounds.append((start, match.start()))
            start = match.end()
    bounds.append((start, len(text)))
    return bounds


def _soft_newlines(text: str, newlines: int) -> frozenset[int]:
    """The newlines that only wrap a line, in text hard-wrapped at a fixed width (mail, old
    archives, some scrapes): there, a newline after a word or a comma runs on. The text counts
    as hard-wrapped when at least ``_WRAPPED_SHARE`` of its ``newlines`` sit inside a sentence
    (a word or comma before, a lowercase letter or digit after); otherwise none is soft."""
    if len(_INSIDE_SENTENCE.findall(text)) < _WRAPPED_SHARE * newlines:
        return _NONE
    return frozenset(match.start() for match in _NEWLINE.finditer(text)
                     if match.start() and (text[match.start() - 1].isalnum()
                                           or text[match.start() - 1] in ",;-–"))


def _first_word(text: str, start: int, end: int) -> int:
    while start < end and (text[start].isspace() or text[start] in "-–—•*"):
        start += 1
    return start


def _last_char_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _prev_nonspace(text: str, pos: int, floor: int) -> str:
    pos -= 1
    while pos >= floor and text[pos].isspace():
        pos -= 1
    return text[pos] if pos >= floor else ""


def find_spans(text: str) -> list[Span]:
    """All quotation spans of ``text`` in order (unfiltered: titles and scare quotes included)."""
    spans: list[Span] = []
    marks = quotation_marks(text)
    k = 0
    for para_start, para_end in _paragraphs(text):
        first = k
        while k < len(marks) and marks[k][0] < para_end:
            k += 1
        if k > first:  # a paragraph without marks holds no span
            spans.extend(_spans_in_paragraph(text, para_start, para_end, marks[first:k]))
    return spans


def quotation_marks(text: str) -> list[tuple[int, int, str]]:
    """The quotation marks of ``text`` in order as (start, end, mark): what ``''|["“”„«»]``
    finds (apostrophes paired from the left). A str.find per mark rather than a regex, which
    tests a character class at every position of the article: about twice as fast."""
    found = []
    for mark in _ONE_CHARACTER_MARKS:
        pos = text.find(mark)
        while pos >= 0:
            found.append((pos, pos + 1, mark))
            pos = text.find(mark, pos + 1)
    pos = text.find("''")
    while pos >= 0:
        found.append((pos, pos + 2, "''"))
        pos = text.find("''", pos + 2)
    found.sort()
    return found


def _spans_in_paragraph(text: str, para_start: int, para_end: int,
                        marks: list[tuple[int, int, str]]) -> list[Span]:
    """The spans of one paragraph, from its quotation marks (``marks``)."""
    spans: list[Span] = []
    open_at: int | None = None
    last_end = para_start
    for pos, after, mark in marks:
        left = text[pos - 1] if pos > para_start else " "
        right = text[after] if after < para_end else " "
        if open_at is None:
            if mark in _OPEN_ONLY:
                open_at = pos
            elif mark in _CLOSE_ONLY or (
                not left.isspace() and left not in _OPENER_LEFT and (right.isspace() or not
                                                                      right.isalnum())
                and left in _CLAUSE_END
            ):
                start = _first_word(text, last_end, pos)
                after_pair = last_end > para_start and _prev_nonspace(
                    text, start, para_start) not in _SENTENCE_END
                if start < pos and pos - start <= _MAX_ORPHAN_SPAN and not after_pair:
                    spans.append(Span(start, after, opened=False, closed=True))
                    last_end = after
            else:
                open_at = pos
            continue
        # inside a quote
        reopens = mark in _OPEN_ONLY and (left.isspace() or left in _OPENER_LEFT)
        if not reopens and mark not in _CLOSE_ONLY and left.isspace() and right.isalnum():
            # ` "Next` after a finished sentence: the previous quote lost its closing mark
            reopens = _prev_nonspace(text, pos, open_at + 1) in _SENTENCE_END
        if reopens:
            end = _last_char_end(text, open_at + 1, pos)
            if end > open_at + 1:
                spans.append(Span(open_at, end, opened=True, closed=False))
            open_at = pos
            continue
        if after - open_at > 2:
            spans.append(Span(open_at, after, opened=True, closed=True))
        last_end = after
        open_at = None
    if open_at is not None:
        end = _last_char_end(text, open_at + 1, para_end)
        if end > open_at + 1:
            spans.append(Span(open_at, end, opened=True, closed=False))
    return spans
