"""Regenerate ``claims/data/trigrams.json``: how common each character trigram is in news text.

Search (``claims.query``) uses it to pick the rarest trigrams of a word, so the trigram index
intersects short posting lists instead of every trigram of the word. Only counts are stored,
never text. Run: ``python scripts/trigram-frequencies.py ../shared/corpus/*.jsonl.gz``.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).parents[1] / "claims" / "data" / "trigrams.json"
#: Sentences counted per corpus (each corpus weighs the same, whatever its size).
PER_CORPUS = 200_000
#: Trigrams rarer than this many sentences per 100,000 are left out (read as rare).
FLOOR = 20
_SENTENCE = re.compile(r"[^.!?\n]{20,}")


def sentences(path: Path):  # type: ignore[no-untyped-def]
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield from _SENTENCE.findall(json.loads(line).get("text") or "")


def main(paths: list[str]) -> int:
    total: Counter[str] = Counter()
    for name in paths:
        counts: Counter[str] = Counter()
        seen = 0
        for sentence in sentences(Path(name)):
            low = sentence.lower()
            counts.update({low[i:i + 3] for i in range(len(low) - 2)})
            seen += 1
            if seen >= PER_CORPUS:
                break
        for gram, n in counts.items():
            total[gram] += round(100_000 * n / seen / len(paths))
    kept = {g: n for g, n in sorted(total.items()) if n >= FLOOR and g.strip() == g}
    OUT.write_text(json.dumps(kept, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"{len(kept)} trigrams -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
