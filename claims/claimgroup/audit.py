"""What ``claims audit`` reports over grouped claims: conflicts, drift, duplicate speakers.

- **Conflict**: one claim whose appearances credit speakers that ``speaker_link`` calls
  ``different``. An institution and its own spokesperson/member are not in conflict; appearances
  without a speaker (or anonymous) are ignored.
- **Drift**: an appearance whose relation to the first appearance is ``substantive`` or
  ``minor`` (``format`` and ``excerpt`` are how outlets copy, not drift). Substantive first, then
  minor; within each, bigger claims first. Each carries a word diff of first -> this appearance.
- **Merge candidates**: speaker records that look like one person or body:
  same name once titles, punctuation and old spellings are set aside (``Dr. Soekarno`` /
  ``Sukarno``); the same multi-word name with a one-letter typo in one word; a short form
  (``Retno``) of a full name (``Retno Marsudi``) when role or affiliation agree and the short form
  fits only one full name; a body and its abbreviation (``Kemlu``). Two people who merely share a
  surname (``Budi Santoso`` / ``Agus Santoso``) are not candidates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz.distance import OSA

from claims.claimgroup.grouping import Appearance, ClaimGroup
from claims.claimgroup.lexicon import load_claim_lexicon
from claims.claimgroup.speakers import names_same_body, organisation_words, speaker_link
from claims.claimgroup.text import DiffOp, Relation, normalise, render_diff, word_diff

DRIFT_RELATIONS: tuple[Relation, ...] = ("substantive", "minor")
_TYPO_MIN_LENGTH = 5
_MAX_BUCKET = 500


@dataclass(slots=True)
class ConflictSide:
    """One speaker credited with the claim, and where."""

    speaker_key: str
    speaker_name: str | None
    quote_ids: list[int] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Conflict:
    claim_id: int
    first_quote_id: int
    sides: list[ConflictSide]


@dataclass(slots=True)
class Drift:
    claim_id: int
    first_quote_id: int
    quote_id: int
    relation: Relation
    first_outlet: str | None
    outlet: str | None
    diff: list[tuple[DiffOp, list[str], list[str]]]
    rendered: str


@dataclass(slots=True)
class SpeakerInfo:
    """A stored speaker, as merge detection needs it."""

    key: str
    name: str
    speaker_type: str | None = None
    role: str | None = None
    affiliation: str | None = None


@dataclass(slots=True)
class MergeCandidate:
    key_a: str
    key_b: str
    reason: str


def _credited(app: Appearance) -> bool:
    return bool(app.speaker_key) and app.speaker_type != "anonymous"


def find_conflicts(groups: Iterable[ClaimGroup], lang: str = "id") -> list[Conflict]:
    """Claims credited to speakers that are neither the same nor institution and member."""
    conflicts: list[Conflict] = []
    for group in groups:
        by_key: dict[str, list[Appearance]] = defaultdict(list)
        for app in group.members:
            if _credited(app):
                by_key[app.speaker_key].append(app)  # type: ignore[index]
        if len(by_key) < 2:
            continue
        reps = {key: apps[0] for key, apps in by_key.items()}
        clash = any(
            speaker_link(reps[a], reps[b], lang) == "different" for a, b in combinations(reps, 2)
        )
        if not clash:
            continue
        sides = [
            ConflictSide(
                speaker_key=key,
                speaker_name=apps[0].speaker_name,
                quote_ids=[a.quote_id for a in apps],
                outlets=sorted({a.outlet for a in apps if a.outlet}),
            )
            for key, apps in by_key.items()
        ]
        conflicts.append(Conflict(group.claim_id, group.first.quote_id, sides))
    return conflicts


def drift(groups: Iterable[ClaimGroup], context: int | None = 4) -> list[Drift]:
    """Wording drift from the first appearance: substantive first, then minor."""
    found: list[tuple[int, int, Drift]] = []
    for group in groups:
        for app in group.members:
            rel = group.relations.get(app.quote_id)
            if rel not in DRIFT_RELATIONS:
                continue
            ops = word_diff(group.first.text, app.text)
            item = Drift(
                claim_id=group.claim_id,
                first_quote_id=group.first.quote_id,
                quote_id=app.quote_id,
                relation=rel,
                first_outlet=group.first.outlet,
                outlet=app.outlet,
                diff=ops,
                rendered=render_diff(ops, context),
            )
            found.append((DRIFT_RELATIONS.index(rel), -len(group.members), item))
    found.sort(key=lambda t: (t[0], t[1], t[2].claim_id, t[2].quote_id))
    return [item for _, _, item in found]


def _title_forms(lang: str) -> frozenset[str]:
    return frozenset(t.replace(".", "") for t in load_claim_lexicon(lang).titles)


def name_words(name: str, lang: str = "id") -> tuple[str, ...]:
    """A person's name without titles, degrees (after a comma) and old spellings, case-folded."""
    lex = load_claim_lexicon(lang)
    titles = _title_forms(lang)
    head = name.split(",")[0]
    words: list[str] = []
    for raw in head.split():
        word = re.sub(r"[^\w]", "", raw.casefold())
        if not word or word in titles:
            continue
        for old, new in lex.name_spelling:
            word = word.replace(old, new)
        words.append(word)
    return tuple(words)


def _one_typo_apart(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) != len(b) or len(a) < 2:
        return False
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(diffs) != 1:
        return False
    x, y = diffs[0]
    if x[0] != y[0]:
        return False  # Jamil / Kamil: a different first letter is a different name
    return min(len(x), len(y)) >= _TYPO_MIN_LENGTH and OSA.distance(x, y) <= 1


def _context_agrees(a: SpeakerInfo, b: SpeakerInfo, lang: str) -> bool:
    if a.affiliation and b.affiliation and names_same_body(a.affiliation, b.affiliation, lang):
        return True
    return bool(a.role and b.role and normalise(a.role) == normalise(b.role))


def _is_short_form(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    return 0 < len(short) < len(full) and set(short) <= set(full)


def merge_candidates(speakers: Iterable[SpeakerInfo], lang: str = "id") -> list[MergeCandidate]:
    """Pairs of speaker records that probably name one speaker (rules in module docstring)."""
    infos = list(speakers)
    words = {s.key: (
        organisation_words(s.name, lang) if s.speaker_type == "organization"
        else name_words(s.name, lang)
    ) for s in infos}
    buckets: dict[str, list[SpeakerInfo]] = defaultdict(list)
    for s in infos:
        for w in set(words[s.key]):
            buckets[w].append(s)
    short_fits: dict[str, set[str]] = defaultdict(set)
    pairs: set[tuple[str, str]] = set()
    found: dict[tuple[str, str], str] = {}
    for bucket in buckets.values():
        if len(bucket) > _MAX_BUCKET:
            continue
        for a, b in combinations(bucket, 2):
            pair = tuple(sorted((a.key, b.key)))
            if a.key == b.key or pair in pairs:
                continue
            pairs.add(pair)  # type: ignore[arg-type]
            wa, wb = words[a.key], words[b.key]
            if wa == wb:
                found[pair] = "same name"  # type: ignore[index]
            elif _one_typo_apart(wa, wb):
                found[pair] = "spelling"  # type: ignore[index]
            elif "organization" not in (a.speaker_type, b.speaker_type):
                short, full, short_info, full_info = (
                    (wa, wb, a, b) if len(wa) < len(wb) else (wb, wa, b, a)
                )
                if _is_short_form(short, full) and _context_agrees(short_info, full_info, lang):
                    found[pair] = "short form"  # type: ignore[index]
                    short_fits[short_info.key].add(" ".join(full))
    ambiguous = {key for key, fulls in short_fits.items() if len(fulls) > 1}
    return [
        MergeCandidate(a, b, reason)
        for (a, b), reason in sorted(found.items())
        if not (reason == "short form" and (a in ambiguous or b in ambiguous))
    ]
