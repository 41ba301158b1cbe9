"""Measure claim grouping on the shared news corpus (read at run time, never copied).

``python -m claims.claimgroup.bench [--limit N] [--show K]`` parses every article with the
project parser, adds a crude speaker guess where the parser gives none (an inverted cue right
after the quote, ``..." kata Budi``, an active cue right before it, ``Budi mengatakan, "...``,
or ``ujarnya`` carrying the article's last speaker), groups all quotes and prints timings,
relation counts and sample multi-outlet groups to stderr/stdout. The speaker guess exists only
so grouping can be measured before the real attribution lands; it is not part of the API.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path

from claims.claimgroup.audit import (
    SpeakerInfo,
    drift,
    find_conflicts,
    merge_candidates,
    name_words,
)
from claims.claimgroup.grouping import Appearance, ClaimGroup, group_claims
from claims.claimgroup.text import render_diff, word_diff

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "id-news.jsonl.gz"
_NAME = r"((?:[A-Z][\w'.-]*\s?){1,4})"


@cache
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    from claims.parse.lexicon import load_lexicon

    cues = load_lexicon("id").get("cues", {})
    inverted = sorted({w for c in cues.values() for w in c.get("inverted", [])}, key=len)
    clitic = sorted({w for c in cues.values() for w in c.get("clitic", [])}, key=len)
    active = sorted({w for c in cues.values() for w in c.get("active", [])}, key=len)
    after = re.compile(r"^[\s,]*(?:" + "|".join(reversed(inverted)) + r")\s+" + _NAME)
    carried = re.compile(r"^[\s,]*(?:" + "|".join(reversed(clitic)) + r")\b")
    before = re.compile(_NAME + r"\s+(?:" + "|".join(reversed(active)) + r")[\s,:]*$")
    return after, carried, before


def guess_speaker(text: str, start: int, end: int, previous: str | None) -> str | None:
    """A crude speaker name for one quote (benchmark only)."""
    after, carried, before = _cue_patterns()
    tail = text[end:end + 80]
    if m := after.match(tail):
        return m.group(1).strip(" .")
    if carried.match(tail):
        return previous
    if m := before.search(text[max(0, start - 80):start]):
        return m.group(1).strip(" .")
    return None


def read_corpus(path: Path, limit: int | None = None) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for index, line in enumerate(fh):
            if limit is not None and index >= limit:
                return
            yield json.loads(line)


def appearances_from_corpus(path: Path, limit: int | None = None) -> list[Appearance]:
    from claims.parse import parse_article

    out: list[Appearance] = []
    for article_id, row in enumerate(read_corpus(path, limit)):
        published = date.fromisoformat(row["date_iso"]) if row.get("date_iso") else None
        parsed = parse_article(row["text"], lang="id", outlet=row.get("outlet"),
                               published=published)
        previous: str | None = None
        for q in parsed.quotes:
            name = q.speaker or guess_speaker(row["text"], q.start, q.end, previous)
            previous = name or previous
            key = " ".join(name_words(name)) if name else None
            out.append(Appearance(
                quote_id=len(out), text=q.text, article_id=article_id,
                speaker_key=key or None, speaker_name=name, speaker_type=q.speaker_type,
                affiliation=q.affiliation, role=q.role, outlet=row.get("outlet"),
                day=q.said_on or published,
            ))
    return out


def describe(group: ClaimGroup) -> str:
    lines = [f"claim {group.claim_id}: {len(group.members)} quotes, {group.n_articles} articles, "
             f"outlets {group.outlets}"]
    for m in group.members:
        rel = group.relations[m.quote_id]
        text = m.text if m is group.first else render_diff(word_diff(group.first.text, m.text))
        lines.append(f"  [{rel:11}] {m.day} {m.outlet:15} {m.speaker_key!s:25} {text[:220]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=None,
                        help="pickle of parsed appearances: read if present, else written")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    if args.cache and args.cache.exists():
        apps = pickle.loads(args.cache.read_bytes())
    else:
        apps = appearances_from_corpus(args.corpus, args.limit)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(apps))
    t1 = time.perf_counter()
    groups = group_claims(apps)
    t2 = time.perf_counter()
    conflicts = find_conflicts(groups)
    drifts = drift(groups)
    t3 = time.perf_counter()
    speakers: dict[str, SpeakerInfo] = {}
    for a in apps:
        if a.speaker_key and a.speaker_key not in speakers:
            speakers[a.speaker_key] = SpeakerInfo(a.speaker_key, a.speaker_name or a.speaker_key,
                                                  a.speaker_type, a.role, a.affiliation)
    merges = merge_candidates(speakers.values())
    t4 = time.perf_counter()
    multi = [g for g in groups if len(g.members) > 1]
    cross = [g for g in multi if len(g.outlets) >= 2]
    rels = Counter(r for g in multi for q, r in g.relations.items() if q != g.first.quote_id)
    cross_rels = Counter(r for g in cross for q, r in g.relations.items()
                         if q != g.first.quote_id)
    with_speaker = sum(1 for a in apps if a.speaker_key)
    print(f"quotes {len(apps)} (with speaker {with_speaker}); parse {t1 - t0:.1f}s, "
          f"group {t2 - t1:.1f}s, audit {t3 - t2:.1f}s")
    print(f"groups {len(groups)}; with >=2 quotes {len(multi)}; spanning >=2 outlets {len(cross)}")
    print(f"relations to first (all multi groups): {dict(rels)}")
    print(f"relations to first (cross-outlet groups): {dict(cross_rels)}")
    print(f"conflicts {len(conflicts)}; drift items {len(drifts)} "
          f"({sum(d.relation == 'substantive' for d in drifts)} substantive)")
    print(f"speakers {len(speakers)}; merge candidates {len(merges)} "
          f"{dict(Counter(m.reason for m in merges))} in {t4 - t3:.1f}s")
    rng = random.Random(args.seed)
    for group in rng.sample(cross, min(args.show, len(cross))):
        print(describe(group))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
