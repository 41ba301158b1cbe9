"""Generated Indonesian-style corpora for the ingest tests (and a check of the generator).

Articles are assembled from ``fixtures/ingest/templates.toml`` with a counter in the text, so
every article is distinct, deterministic, and free of third-party text.
"""

from __future__ import annotations

import json
import random
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).parent / "fixtures" / "ingest" / "templates.toml"


@cache
def templates() -> dict[str, Any]:
    return tomllib.loads(TEMPLATES.read_text(encoding="utf-8"))


def make_article(index: int, seed: int = 0) -> dict[str, Any]:
    """One JSONL record (id, outlet, url, title, date, lang, text); same index, same record."""
    t = templates()
    rng = random.Random(seed * 1_000_003 + index)
    person = rng.choice(t["people"])
    short = person["name"].split()[0]
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    outlet = rng.choice(t["outlets"])
    fill = {
        "city": rng.choice(t["cities"]), "outlet": outlet, "role": person["role"],
        "name": person["name"], "short": short, "topic": rng.choice(t["topics"]),
        "day": rng.choice(t["days"]), "d": day, "m": month, "cue": rng.choice(t["cues"]),
        "quote": rng.choice(t["quotes"]).format(n=index + 2),
        "quote2": rng.choice(t["quotes"]).format(n=index + 7),
    }
    text = "\n".join(t[part].format(**fill) for part in ("lead", "body", "tail"))
    return {
        "id": f"gen-{seed}-{index}", "outlet": outlet, "lang": "id",
        "url": f"https://contoh.example/{seed}/{index}",
        "title": f"Kabar {fill['topic']} nomor {index}",
        "date": f"2024-{month:02d}-{day:02d}", "text": text,
    }


def write_corpus(path: Path, count: int, seed: int = 0) -> Path:
    """``count`` generated articles as JSON Lines at ``path``."""
    with path.open("w", encoding="utf-8") as out:
        for index in range(count):
            out.write(json.dumps(make_article(index, seed), ensure_ascii=False) + "\n")
    return path


def test_generated_articles_are_distinct_and_deterministic() -> None:
    first = [make_article(i)["text"] for i in range(200)]
    assert len(set(first)) == 200
    assert first == [make_article(i)["text"] for i in range(200)]


def test_generated_article_reads_like_news() -> None:
    text = make_article(5)["text"]
    assert text.count('"') == 4
    assert " - " in text.splitlines()[0]
