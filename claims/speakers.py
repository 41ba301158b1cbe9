"""Speaker identity across articles: normalised keys for canonical names."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from claims.models import Speaker, SpeakerAlias
from claims.parse.lexicon import title_words
from claims.sqlutil import chunks

_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\s,.;:()\"'“”‘’]+|[\s,;:()\"'“”‘’]+$")


def strip_titles(name: str) -> str:
    """Drop honorifics, ranks and academic titles (before the name or after a comma)."""
    titles = title_words()
    # Degrees after the name come after a comma: "Irawati Kusumorasri, M.Sn".
    parts = [p.strip() for p in name.split(",")]
    head = parts[0]
    for extra in parts[1:]:
        if not extra or any(w.casefold() not in titles for w in extra.split()):
            head = f"{head}, {extra}" if extra else head
    words = head.split()
    changed = True
    while changed and words:
        changed = False
        for n in (3, 2, 1):  # multi-word ranks first ("Ajun Komisaris Besar")
            if len(words) > n and " ".join(words[:n]).casefold() in titles:
                words = words[n:]
                changed = True
                break
    while len(words) > 1 and words[-1].casefold() in titles:
        words = words[:-1]
    return " ".join(words)


def speaker_key(name: str) -> str:
    """Identity key of a name: titles dropped; case, accents and spacing folded."""
    bare = strip_titles(_EDGE_PUNCT.sub("", name))
    folded = unicodedata.normalize("NFKD", bare)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _SPACE.sub(" ", folded.replace(".", ". ")).strip().casefold().replace(" .", ".")


def resolve_speakers(conn: Connection, names: dict[str, tuple[str, str]]) -> dict[str, int]:
    """Map speaker keys to ids, creating speakers that do not exist yet.

    ``names`` maps key -> (display name, kind). Aliases (merged speakers) are
    followed, so a merge made by an editor holds for later ingests.
    """
    if not names:
        return {}
    keys = sorted(names)
    ids: dict[str, int] = {}
    for chunk in chunks(keys):
        found = conn.execute(select(Speaker.key, Speaker.id).where(Speaker.key.in_(chunk)))
        ids.update(found.all())
        missing = [k for k in chunk if k not in ids]
        if missing:
            ids.update(conn.execute(select(SpeakerAlias.key, SpeakerAlias.speaker_id)
                                    .where(SpeakerAlias.key.in_(missing))).all())
    new = [{"name": names[k][0], "key": k, "kind": names[k][1]} for k in keys if k not in ids]
    if new:
        ids.update(conn.execute(insert(Speaker).returning(Speaker.key, Speaker.id), new).all())
    return ids
