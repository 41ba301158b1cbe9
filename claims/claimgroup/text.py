"""Comparing two quotations of (perhaps) one statement.

Three levels of tokens, each a coarser view of the quote:

1. ``normalise``: case-folded words, quotation marks and punctuation gone, spacing collapsed.
   Equal -> ``identical``.
2. *canonical* tokens: level 1, plus spelling variants (``gak`` -> ``tidak``, ``yg`` -> ``yang``),
   units (``%`` -> ``persen``) and numbers with their scale words folded into one value
   (``Rp5 M`` == ``Rp 5 miliar``; ``lima`` == ``5``; ``4,5`` == ``4.5``; ``4%-5%`` ==
   ``4-5 persen``). Equal, or equal up to
   one-letter typos in long words and split/glued words (``di rumah``/``dirumah``) -> ``format``.
3. *meaning* tokens: level 2 without fillers (``sih``, ``kok``, ``pun``, ...), without forms of
   address in front of a capitalised name (``Ibu Winda Sari``), without editorial insertions in
   brackets (``hedging (lindung nilai)``), clitic ``-nya`` cut from long words, synonyms mapped
   to one word, a word written twice in a row kept once.
   Equal -> ``minor`` (only light words differ, even at an edge). Otherwise, canonical tokens of
   one a contiguous run of the other, or pieces of it between ellipses (``A … C``) ->
   ``excerpt``. Otherwise meaning tokens equal as multisets (word order, each negation kept
   before the same word), equal up to typos and verb prefixes (``dorong``/``mendorong``), or one
   a contiguous part of the other -> ``minor``.
   Anything else (a number, a negation, a name, a verb, a clause) -> ``substantive``.

Negations are never fillers and never typos: ``tidak``/``bukan``/``belum`` added or dropped is
always substantive, and a cut that drops the negation right before the kept part is no excerpt.
Numbers compare by value only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from sys import intern
from typing import Literal

from rapidfuzz.distance import OSA

from claims.claimgroup.lexicon import ClaimLexicon, load_claim_lexicon

Relation = Literal["identical", "format", "excerpt", "minor", "substantive"]
DiffOp = Literal["equal", "delete", "insert", "replace"]
RELATION_ORDER: dict[str, int] = {
    "identical": 0, "format": 1, "excerpt": 2, "minor": 3, "substantive": 4,
}

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]{1,3}\$|[^\W\d_]+|[%$]")  # US$ is one word
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_NUMBER_PREFIX = "#"
_TYPO_MIN_LENGTH = 5
_MIN_STEM = 4
_EDITORIAL = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_ELLIPSIS = re.compile(r"\.{3,}|…")


def normalise(text: str) -> str:
    """Case-folded words separated by single spaces: the key for ``identical``."""
    return " ".join(m.group().casefold() for m in re.finditer(r"[^\W_]+|[%$]", text))


def display_words(text: str) -> list[str]:
    """Words as written (case kept), with quotation marks and edge punctuation stripped."""
    words = (w.strip("\"'“”‘’«»„‚,.;:!?()[]…-–—") for w in text.split())
    return [w for w in words if w]


def _number_value(token: str) -> float:
    """``1.000.000`` -> 1e6 (Indonesian thousands), ``4,5`` and ``4.5`` -> 4.5."""
    if _THOUSANDS.fullmatch(token):
        return float(token.replace(".", ""))
    if token.count(",") == 1 and "." not in token:
        return float(token.replace(",", "."))
    if token.count(".") == 1 and "," not in token:
        return float(token)
    return float(re.sub(r"[.,]", "", token))


def _number_token(value: float) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return _NUMBER_PREFIX + text


def _fold_numbers(words: list[str], lex: ClaimLexicon) -> list[str]:
    """Merge digits, number words and scale words into single ``#value`` tokens."""
    if not (lex.numbers.keys() & set(words)) and not any(w[0].isdigit() for w in words):
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if not (_NUMBER.fullmatch(word) or word in lex.numbers):
            out.append(word)
            i += 1
            continue
        total, current, seen_any = 0.0, 0.0, False
        while i < len(words):
            word = words[i]
            if _NUMBER.fullmatch(word) or word in lex.numbers:
                previous = words[i - 1] if i else ""
                if seen_any and (_NUMBER.fullmatch(previous) or previous in lex.numbers):
                    break  # two bare numbers in a row ("4 5") stay apart
                value = _number_value(word) if _NUMBER.fullmatch(word) else lex.numbers[word]
                current += value
                seen_any = True
            elif seen_any and word in lex.additive_scales:
                current += lex.additive_scales[word]
            elif seen_any and (word in lex.scales or _scale_abbreviation(words, i, lex)):
                scale = lex.scales.get(word) or lex.scales[lex.scale_abbreviations[word]]
                if scale >= 1000:
                    total += (current or 1) * scale
                    current = 0.0
                else:
                    current = (current or 1) * scale
            else:
                break
            i += 1
        out.append(_number_token(total + current))
    return out


def _scale_abbreviation(words: list[str], i: int, lex: ClaimLexicon) -> bool:
    """``M`` or ``T`` mean a scale only right after a number that follows a currency word."""
    if words[i] not in lex.scale_abbreviations or i < 2:
        return False
    return lex.spelling.get(words[i - 2], words[i - 2]) in lex.currency


def canonical_tokens(text: str, lang: str = "id") -> list[str]:
    """Level-2 tokens: spelling variants, units and numbers folded (see module docstring)."""
    return list(_canonical(text, lang))


def meaning_tokens(text: str, lang: str = "id") -> list[str]:
    """Level-3 tokens: canonical tokens without fillers and titles, synonyms unified."""
    return list(_meaning(text, lang))


#: Texts whose token forms are kept. Grouping visits quotes in time order and compares each
#: with claims inside a window of days, so recent texts are the ones asked for again; a small
#: cache keeps memory flat over an archive of any size.
TEXT_CACHE = 4_096


def clear_caches() -> None:
    """Forget cached token forms (after grouping a whole archive)."""
    for cached in (_canonical, _meaning):
        cached.cache_clear()


@lru_cache(maxsize=TEXT_CACHE)
def _canonical(text: str, lang: str) -> tuple[str, ...]:
    lex = load_claim_lexicon(lang)
    words = [m.group().casefold() for m in _WORD.finditer(text)]
    folded = [lex.spelling.get(w, w) for w in _fold_numbers(words, lex)]
    # interned: the cached texts share one string per word instead of a copy per occurrence
    return tuple(map(intern, _shared_range_unit(folded)))


def _is_number(token: str) -> bool:
    return token.startswith(_NUMBER_PREFIX)


def canonical_set(text: str, lang: str = "id") -> frozenset[str]:
    """The distinct canonical tokens (used for cheap overlap filters). Not cached: a set costs
    several times its tuple of tokens, and building it from the cached tuple is cheap."""
    return frozenset(_canonical(text, lang))


def _shared_range_unit(tokens: list[str]) -> list[str]:
    """``4 persen - 5 persen`` -> ``4 - 5 persen``: a range names its unit once."""
    if sum(1 for t in tokens if t[0] == _NUMBER_PREFIX) < 2:
        return tokens
    out: list[str] = []
    i = 0
    while i < len(tokens):
        window = tokens[i:i + 4]
        if (
            len(window) == 4 and _is_number(window[0]) and _is_number(window[2])
            and not _is_number(window[1]) and window[1] == window[3]
        ):
            out.append(window[0])
            i += 2
            continue
        out.append(tokens[i])
        i += 1
    return out


@lru_cache(maxsize=TEXT_CACHE)
def _meaning(text: str, lang: str) -> tuple[str, ...]:
    lex = load_claim_lexicon(lang)
    raw = [m.group() for m in _WORD.finditer(_EDITORIAL.sub(" ", text))]
    title_positions = {
        i for i, w in enumerate(raw[:-1])
        if w.casefold() in lex.titles and raw[i + 1][:1].isupper()
    }
    kept = " ".join(w for i, w in enumerate(raw) if i not in title_positions)
    out: list[str] = []
    for token in _canonical(kept, lang):
        if token in lex.fillers:
            continue
        token = _strip_clitic(token, lex)
        token = lex.synonyms.get(token, token)
        if not out or out[-1] != token:  # "kisaran kisaran": a doubled word is a slip
            out.append(token)
    return tuple(out)


def _strip_clitic(token: str, lex: ClaimLexicon) -> str:
    """``kontraknya`` -> ``kontrak``; short words (``hanya``, ``punya``) are left whole."""
    for clitic in lex.clitics:
        if token.endswith(clitic) and len(token) - len(clitic) >= _MIN_STEM:
            return token[: -len(clitic)]
    return token


def _ellipsis_parts(text: str, lang: str) -> list[tuple[str, ...]]:
    """Canonical tokens of the pieces between ellipses (an outlet's marked omissions)."""
    return [p for p in (_canonical(piece, lang) for piece in _ELLIPSIS.split(text)) if p]


def _elided_from(short: str, long: str, lang: str) -> bool:
    """``A … C`` quoting ``A B C``: every piece occurs in the long quote, in order."""
    parts = _ellipsis_parts(short, lang)
    if len(parts) < 2:
        return False
    whole = _canonical(long, lang)
    position = 0
    for part in parts:
        offset = contiguous_offset(part, whole[position:])
        if offset is None:
            return False
        position += offset + len(part)
    return True


def _typo_close(a: str, b: str, lex: ClaimLexicon) -> bool:
    """A one-edit typo in a long word, never touching negations or numbers."""
    if a == b:
        return True
    if min(len(a), len(b)) < _TYPO_MIN_LENGTH or not (a.isalpha() and b.isalpha()):
        return False
    if a in lex.negations or b in lex.negations:
        return False
    return OSA.distance(a, b) <= 1


def _opcodes(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def equivalent_up_to_typos(
    a: Sequence[str], b: Sequence[str], lang: str = "id", affixes: bool = False
) -> bool:
    """Equal except one-letter typos and words split or glued differently (and, with
    ``affixes``, verb prefixes)."""
    lex = load_claim_lexicon(lang)
    return all(
        tag == "equal"
        or (tag == "replace" and _blocks_equivalent(a[i1:i2], b[j1:j2], lex, affixes))
        for tag, i1, i2, j1, j2 in _opcodes(a, b)
    )


def contiguous_offset(part: Sequence[str], whole: Sequence[str]) -> int | None:
    """Where ``part`` occurs as one run inside the longer ``whole``, else None."""
    n = len(part)
    if n == 0 or n >= len(whole):
        return None
    first, part_t = part[0], tuple(part)
    for i in range(len(whole) - n + 1):
        if whole[i] == first and tuple(whole[i:i + n]) == part_t:
            return i
    return None


def is_contiguous_part(part: Sequence[str], whole: Sequence[str]) -> bool:
    """``part`` occurs as one run inside ``whole`` (and is shorter)."""
    return contiguous_offset(part, whole) is not None


def _affix_variant(a: str, b: str, lex: ClaimLexicon) -> bool:
    """``dorong``/``mendorong``, ``tingkatkan``/``meningkatkan``: one word, prefix aside."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < _MIN_STEM:
        return False
    return any(
        long.startswith(prefix) and initial + long[len(prefix):] == short
        for prefix, initial in lex.prefixes
    )


def _blocks_equivalent(
    left: Sequence[str], right: Sequence[str], lex: ClaimLexicon, affixes: bool = False
) -> bool:
    """Two differing runs that say the same: glued/split words or one-letter typos (and, at
    the meaning level, verb prefixes)."""
    if left and right and "".join(left) == "".join(right):
        return True
    return len(left) == len(right) and all(
        _typo_close(x, y, lex) or (affixes and _affix_variant(x, y, lex))
        for x, y in zip(left, right, strict=True)
    )


def _is_cut(
    a: Sequence[str], b: Sequence[str], lex: ClaimLexicon, affixes: bool = False
) -> bool:
    """One is the other with words cut from its start and/or end (typos aside), and the cut
    does not drop a negation that governed the kept part (``tidak setuju ...`` -> ``setuju``)."""
    ops = _opcodes(a, b)
    trimmed_side: str | None = None
    for position, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        at_edge = position in (0, len(ops) - 1)
        if tag in ("delete", "insert") and at_edge and len(ops) > 1:
            side = "a" if tag == "delete" else "b"
            if trimmed_side not in (None, side):
                return False
            trimmed_side = side
            removed = a[i1:i2] if side == "a" else b[j1:j2]
            if position == 0 and removed[-1] in lex.negations:
                return False
            continue
        if tag == "replace" and _blocks_equivalent(a[i1:i2], b[j1:j2], lex, affixes):
            continue
        return False
    return trimmed_side is not None


def _reordered(a: Sequence[str], b: Sequence[str], lex: ClaimLexicon) -> bool:
    """Same words in another order, each negation still in front of the same word
    (``tidak menolak, mendukung`` vs ``menolak, tidak mendukung`` is no reordering)."""
    if Counter(a) != Counter(b):
        return False

    def negated(tokens: Sequence[str]) -> Counter[tuple[str, str]]:
        return Counter(
            (w, tokens[i + 1] if i + 1 < len(tokens) else "")
            for i, w in enumerate(tokens) if w in lex.negations
        )

    return negated(a) == negated(b)


def relation(first: str, other: str, lang: str = "id") -> Relation:
    """How ``other`` relates to ``first`` (see the module docstring for the ladder)."""
    if normalise(first) == normalise(other):
        return "identical"
    lex = load_claim_lexicon(lang)
    ca, cb = _canonical(first, lang), _canonical(other, lang)
    if ca == cb or equivalent_up_to_typos(ca, cb, lang):
        return "format"
    ma, mb = _meaning(first, lang), _meaning(other, lang)
    if ma == mb:
        return "minor"
    if _is_cut(ca, cb, lex) or _elided_from(other, first, lang) or _elided_from(first, other, lang):
        return "excerpt"
    if (
        _reordered(ma, mb, lex)
        or equivalent_up_to_typos(ma, mb, lang, affixes=True)
        or _is_cut(ma, mb, lex, affixes=True)
    ):
        return "minor"
    return "substantive"


def similarity(first: str, other: str, lang: str = "id") -> float:
    """Share of meaning tokens in common (0..1, Dice over the longest matching blocks)."""
    ma, mb = _meaning(first, lang), _meaning(other, lang)
    if not ma or not mb:
        return 0.0
    return SequenceMatcher(None, ma, mb, autojunk=False).ratio()


def differs_only_at_an_edge(first: str, other: str, lang: str = "id", min_tail: int = 3) -> bool:
    """True when the two share a start (or an end) and then say different things.

    That is how recurring boilerplate looks (``Kami mengimbau masyarakat untuk ...`` followed by
    two different requests): one block of difference that reaches the end (or the start) of
    both quotes, with at least ``min_tail`` words on each side.
    """
    ma, mb = _meaning(first, lang), _meaning(other, lang)
    changes = [op for op in _opcodes(ma, mb) if op[0] != "equal"]
    if len(changes) != 1:
        return False
    _, i1, i2, j1, j2 = changes[0]
    at_end = i2 == len(ma) and j2 == len(mb)
    at_start = i1 == 0 and j1 == 0
    return (at_end or at_start) and min(i2 - i1, j2 - j1) >= min_tail


def word_diff(a: str, b: str) -> list[tuple[DiffOp, list[str], list[str]]]:
    """Word-level diff of two quotes as written; words compare case- and punctuation-blind."""
    wa, wb = display_words(a), display_words(b)
    ka, kb = [normalise(w) for w in wa], [normalise(w) for w in wb]
    return [(tag, wa[i1:i2], wb[j1:j2]) for tag, i1, i2, j1, j2 in _opcodes(ka, kb)]  # type: ignore[misc]


def render_diff(ops: list[tuple[DiffOp, list[str], list[str]]], context: int | None = 4) -> str:
    """One line, ``[-old-]{+new+}`` style; long unchanged runs shortened to ``…``."""
    parts: list[str] = []
    for index, (tag, left, right) in enumerate(ops):
        if tag == "equal":
            words = left
            if context is not None and len(words) > 2 * context:
                head = words[:context] if index > 0 else []
                tail = words[-context:] if index < len(ops) - 1 else []
                words = [*head, "…", *tail]
            parts.append(" ".join(words))
            continue
        if left:
            parts.append("[-" + " ".join(left) + "-]")
        if right:
            parts.append("{+" + " ".join(right) + "+}")
    return " ".join(p for p in parts if p)
