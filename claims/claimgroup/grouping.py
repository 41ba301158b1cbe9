"""Grouping appearances of one statement into claims.

Rules (in this order):

1. Appearances are visited in time order (``day`` = said_on, else the article's published day;
   unknown days last). Each either joins an existing claim or starts one; the claim's *first*
   appearance is therefore its earliest.
2. Candidates come from an inverted index on word 3-shingles of the canonical tokens (see
   ``text``), never from a scan of all claims. Shingles carried by more than ``max_df``
   appearances (stock phrases) and shingles inside a known institutional opening (data file,
   ``[boilerplate]``) are not used as evidence. Only claims whose first appearance lies inside
   the time window are counted. Quotes shorter than ``min_tokens`` canonical tokens (fragments,
   partial quotes) are never shingled: one joins another only as an identical/format copy by
   the same known speaker within the window (``min_fragment_tokens`` or more tokens); shorter
   ones (single words, scare quotes) stay alone.
3. A candidate is verified against the claim's first appearance and its longest one:
   - time: the day must lie within ``max_days`` after the first appearance (a statement repeated
     on another occasion is another claim); an unknown day is allowed but cannot carry a
     ``substantive`` link;
   - speaker (``speakers.speaker_link``): ``different`` speakers join only for
     identical/format copies or a long excerpt (>= ``min_conflict_tokens``) — that is a
     misattribution to report as a conflict, not a new claim;
   - text: ``identical``/``format``/``excerpt``/``minor`` join; ``substantive`` joins only if
     the meaning tokens are similar (>= ``min_similarity``) and the difference is not one block
     at the start or the end (two statements that merely open or close alike stay apart).
4. Two quotes of the SAME article join one claim only as identical/format copies (a duplicated
   paragraph, common in scraped text); otherwise an article repeating itself in other words is
   its own business, not a second outlet's version. Two articles of the SAME outlet join only
   as identical/format/excerpt: an outlet re-uses its own quote verbatim or trimmed, while a
   reworded one from the same outlet a day later is, in the corpus, a new statement built on
   the same template (daily market or weather bulletins that change two words a day).
5. When the first appearance is only a part of the new quote, the new quote must also fit the
   claim's longest version: a stock sentence quoted alone first must not glue together two
   different statements that both open with it.
6. Each member's relation is computed to the first appearance. Where the member only links
   through the longest version (two different excerpts of one long quote), the relation is
   ``excerpt``, not ``substantive``.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from claims.claimgroup.lexicon import load_claim_lexicon
from claims.claimgroup.speakers import speaker_link
from claims.claimgroup.text import (
    RELATION_ORDER,
    Relation,
    _canonical,
    canonical_set,
    clear_caches,
    differs_only_at_an_edge,
    relation,
    similarity,
)

SHINGLE = 3
COPY_RELATIONS = ("identical", "format")
REWORDINGS = ("minor", "substantive")
MIN_WORD_OVERLAP = 0.5


@dataclass(slots=True)
class Appearance:
    """One stored quote, as grouping needs it (plain and picklable)."""

    quote_id: int
    text: str  # as stored, quotation marks included
    speaker_key: str | None = None  # normalised speaker identity
    speaker_name: str | None = None
    speaker_type: str | None = None  # person / organization / anonymous
    affiliation: str | None = None
    role: str | None = None
    outlet: str | None = None
    article_id: int | None = None  # None: unknown, never treated as the same article
    day: date | None = None  # said_on, else the article's published day


@dataclass(slots=True)
class ClaimGroup:
    """One statement and every appearance of it, earliest first."""

    claim_id: int
    first: Appearance
    members: list[Appearance] = field(default_factory=list)
    relations: dict[int, Relation] = field(default_factory=dict)

    @property
    def member_ids(self) -> list[int]:
        return [m.quote_id for m in self.members]

    @property
    def outlets(self) -> list[str]:
        return sorted({m.outlet for m in self.members if m.outlet})

    @property
    def n_articles(self) -> int:
        return len({m.article_id if m.article_id is not None else ("quote", m.quote_id)
                    for m in self.members})


@dataclass(slots=True)
class _Open:
    """A claim being built, with what verification needs.

    A whole archive holds one per statement (tens of thousands, most never joined), so an open
    claim keeps two references and a counter; the members that join later get a list only
    when the first one comes, and the ``ClaimGroup`` is built once grouping is done.
    """

    first: Appearance
    longest: Appearance
    longest_tokens: int
    longest_relation: Relation = "identical"
    joined: list[tuple[Appearance, Relation]] | None = None

    def members(self) -> Iterator[Appearance]:
        """The first appearance, then the others in the order they joined."""
        yield self.first
        for app, _ in self.joined or ():
            yield app

    def join(self, app: Appearance, rel: Relation, n_tokens: int) -> None:
        if self.joined is None:
            self.joined = []
        self.joined.append((app, rel))
        if n_tokens > self.longest_tokens:
            self.longest, self.longest_tokens, self.longest_relation = app, n_tokens, rel

    def group(self, claim_id: int) -> ClaimGroup:
        relations: dict[int, Relation] = {self.first.quote_id: "identical"}
        for app, rel in self.joined or ():
            relations[app.quote_id] = rel
        return ClaimGroup(claim_id=claim_id, first=self.first, members=list(self.members()),
                          relations=relations)


def _sort_key(app: Appearance) -> tuple:
    return (app.day is None, app.day or date.min, app.article_id or 0, app.quote_id)


def _boilerplate_prefix_length(tokens: tuple[str, ...], lang: str) -> int:
    for opening in load_claim_lexicon(lang).boilerplate:
        if tokens[: len(opening)] == opening:
            return len(opening)
    return 0


def shingles(tokens: tuple[str, ...], lang: str = "id") -> set[tuple[str, ...]]:
    """Word 3-shingles usable as evidence (those inside a boilerplate opening dropped)."""
    skip = _boilerplate_prefix_length(tokens, lang)
    start = max(0, skip - SHINGLE + 1)
    return {tokens[i:i + SHINGLE] for i in range(start, len(tokens) - SHINGLE + 1)}


def shingle_keys(tokens: tuple[str, ...], lang: str = "id") -> list[int]:
    """The shingles as sorted integer keys (hashes): a few bytes each instead of a tuple of
    strings, so blocking over a whole archive fits in little memory. A hash collision can
    only propose a candidate; every candidate is verified on its text."""
    return sorted({hash(s) for s in shingles(tokens, lang)})


def _evidence_keys(keys: Iterable[list[int]], max_df: int) -> np.ndarray:
    """The sorted keys carried by more than one and at most ``max_df`` appearances: the only
    shingles usable as evidence (one seen once can never be shared; one seen too often is a
    stock phrase). Sorted in place, keys seen once dropped, the rest counted by runs: a whole
    archive needs one array of every key (8 bytes each) and little more."""
    flat = array("q")
    for ks in keys:
        flat.extend(ks)
    every = np.frombuffer(flat, dtype=np.int64)  # a view: no second copy of every key
    every.sort()
    # most keys occur once: drop them before counting runs, the index arrays stay small
    repeated = every[1:] == every[:-1]
    shared = np.zeros(len(every), dtype=bool)
    shared[1:] |= repeated
    shared[:-1] |= repeated
    del repeated
    keys_seen_twice = every[shared]
    del shared, every, flat
    if not len(keys_seen_twice):
        return keys_seen_twice
    starts = np.flatnonzero(np.concatenate(([True], keys_seen_twice[1:] != keys_seen_twice[:-1])))
    counts = np.diff(np.append(starts, len(keys_seen_twice)))
    return keys_seen_twice[starts[counts <= max_df]]


@dataclass(frozen=True, slots=True)
class GroupingRules:
    """Thresholds of the rules in the module docstring."""

    max_days: int = 3
    min_tokens: int = 5
    min_fragment_tokens: int = 3
    min_conflict_tokens: int = 10
    min_similarity: float = 0.6
    max_df: int = 300
    max_candidates: int = 10
    lang: str = "id"


def _word_overlap(a: str, b: str, lang: str) -> float:
    """Share of the smaller quote's distinct words found in the other one."""
    wa, wb = canonical_set(a, lang), canonical_set(b, lang)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def link_relation(base: Appearance, new: Appearance, rules: GroupingRules) -> Relation | None:
    """The relation of ``new`` to ``base`` if they are one claim, else None (rule 3)."""
    if base.day and new.day and abs((new.day - base.day).days) > rules.max_days:
        return None
    if _word_overlap(base.text, new.text, rules.lang) < MIN_WORD_OVERLAP:
        return None  # cheap filter: no relation but a rejected `substantive` is possible
    rel = relation(base.text, new.text, rules.lang)
    who = speaker_link(base, new, rules.lang)
    if who == "different":
        if rel in COPY_RELATIONS:
            return rel
        shorter = min(len(_canonical(base.text, rules.lang)), len(_canonical(new.text, rules.lang)))
        return rel if rel == "excerpt" and shorter >= rules.min_conflict_tokens else None
    if rel in REWORDINGS and base.outlet and base.outlet == new.outlet:
        return None
    if rel != "substantive":
        return rel
    if base.day is None or new.day is None:
        return None
    if similarity(base.text, new.text, rules.lang) < rules.min_similarity:
        return None
    if differs_only_at_an_edge(base.text, new.text, rules.lang):
        return None
    return rel


def _longer(a: Appearance, b: Appearance, rules: GroupingRules) -> bool:
    return len(_canonical(a.text, rules.lang)) > len(_canonical(b.text, rules.lang))


def _same_article_ok(open_claim: _Open, new: Appearance, rules: GroupingRules) -> bool:
    if new.article_id is None:
        return True
    # scanning the members is cheap: most claims have one, a few a few hundred
    siblings = [m for m in open_claim.members() if m.article_id == new.article_id]
    return not siblings or any(
        relation(s.text, new.text, rules.lang) in COPY_RELATIONS for s in siblings)


def _verify(open_claim: _Open, new: Appearance, rules: GroupingRules) -> Relation | None:
    """Relation of ``new`` to the claim's first appearance, or None if it does not belong."""
    first = open_claim.first
    if first.day and new.day and (new.day - first.day).days > rules.max_days:
        return None
    if not _same_article_ok(open_claim, new, rules):
        return None
    rel = link_relation(first, new, rules)
    longest = open_claim.longest
    if rel is not None:
        if rel == "excerpt" and longest is not first and _longer(new, first, rules):
            # The first appearance is a part of the new quote; so may be a stock sentence
            # that opens two different statements: the new one must also fit the fullest.
            return rel if link_relation(longest, new, rules) is not None else None
        return rel
    if longest is first:
        return None
    via_longest = link_relation(longest, new, rules)
    if via_longest is None:
        return None
    direct = relation(first.text, new.text, rules.lang)
    copies = ("identical", "format", "excerpt")
    longest_rel = open_claim.longest_relation
    if direct == "substantive" and via_longest in copies and longest_rel in copies:
        return "excerpt"
    return direct


def _verify_fragment(open_claim: _Open, new: Appearance, rules: GroupingRules) -> Relation | None:
    """A short quote joins only an exact (format-level) copy by the same known speaker, within
    the time window (rule 2)."""
    first = open_claim.first
    if first.day and new.day and (new.day - first.day).days > rules.max_days:
        return None
    if speaker_link(first, new, rules.lang) != "same":
        return None
    if not _same_article_ok(open_claim, new, rules):
        return None
    rel = relation(first.text, new.text, rules.lang)
    return rel if rel in COPY_RELATIONS else None


def _postings_from(slot: int | tuple[int, ...] | None, oldest: int) -> Iterable[int]:
    """Claim indexes >= ``oldest`` in one slot of the shingle index."""
    if slot is None:
        return ()
    if isinstance(slot, int):
        return (slot,) if slot >= oldest else ()
    return slot[bisect_left(slot, oldest):]


def _with_posting(slot: int | tuple[int, ...] | None, claim_index: int) -> int | tuple[int, ...]:
    """The slot with ``claim_index`` added. Most shingles only ever point at one claim (the
    copies of one quote), so a slot holds a bare int until a second claim shares it, then an
    exact-size tuple (a list would carry spare room in each of ~150,000 slots)."""
    if slot is None or slot == claim_index:
        return claim_index
    if isinstance(slot, int):
        return (slot, claim_index) if slot < claim_index else (claim_index, slot)
    at = bisect_left(slot, claim_index)
    if at < len(slot) and slot[at] == claim_index:
        return slot
    return (*slot[:at], claim_index, *slot[at:])


def group_claims(
    appearances: Iterable[Appearance], rules: GroupingRules | None = None, **overrides
) -> list[ClaimGroup]:
    """Group appearances into claims (rules in the module docstring); every appearance ends in
    exactly one group, singletons included. Runs in about linear time thanks to blocking."""
    rules = rules or GroupingRules(**overrides)
    ordered = sorted(appearances, key=_sort_key)
    # Two passes over the texts instead of keeping every quote's shingles: memory stays small
    # (one compact array of the usable keys) whatever the size of the archive.
    evidence = _evidence_keys(
        (shingle_keys(toks, rules.lang) for a in ordered
         if len(toks := _canonical(a.text, rules.lang)) >= rules.min_tokens), rules.max_df)
    last_key = len(evidence) - 1

    claims: list[_Open] = []
    first_days: list[date] = []  # non-decreasing: claims are opened in time order
    # position of a usable key in ``evidence`` -> claim index(es), sorted
    index: list[int | tuple[int, ...] | None] = [None] * len(evidence)
    short_index: dict[tuple[str, ...], list[int]] = defaultdict(list)  # fragment -> claims
    window = timedelta(days=rules.max_days)
    for app in ordered:
        toks = _canonical(app.text, rules.lang)
        long_enough = len(toks) >= rules.min_tokens
        usable: list[int] = []
        if long_enough and last_key >= 0:
            keys = shingle_keys(toks, rules.lang)
            at = np.searchsorted(evidence, keys)
            found = evidence[np.minimum(at, last_key)] == keys
            usable = at[found].tolist()
        best: tuple[int, int, Relation] | None = None  # (relation rank, claim index, relation)
        if not long_enough and len(toks) >= rules.min_fragment_tokens:
            for claim_index in short_index.get(toks, ()):
                rel = _verify_fragment(claims[claim_index], app, rules)
                if rel is not None:
                    best = (RELATION_ORDER[rel], claim_index, rel)
                    break
        if long_enough:
            oldest = bisect_left(first_days, app.day - window) if app.day else 0
            hits: Counter[int] = Counter()
            for s in usable:
                hits.update(_postings_from(index[s], oldest))
            # most shared shingles first; ties by claim age, so runs are reproducible
            ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))
            for claim_index, _ in ranked[:rules.max_candidates]:
                rel = _verify(claims[claim_index], app, rules)
                if rel is None:
                    continue
                rank = RELATION_ORDER[rel]
                if best is None or rank < best[0]:
                    best = (rank, claim_index, rel)
        if best is None:
            claims.append(_Open(first=app, longest=app, longest_tokens=len(toks)))
            first_days.append(app.day or date.max)
            target = len(claims) - 1
        else:
            _, target, rel = best
            claims[target].join(app, rel, len(toks))
        if not long_enough:
            if best is None:
                short_index[toks].append(target)
            continue  # fragments never become evidence for a longer quote
        for s in usable:
            index[s] = _with_posting(index[s], target)
    del index, short_index, evidence, first_days
    clear_caches()
    # each open claim is freed as its group is built: the two never all exist at once
    claims.reverse()
    groups: list[ClaimGroup] = []
    while claims:
        groups.append(claims.pop().group(len(groups)))
    return groups
