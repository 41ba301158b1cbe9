"""Plain, picklable records that the parser returns.

The parser is pure: text in, these records out. Storage, evaluation, export and
distributed ingest all consume the same shapes, so they stay dataclasses of
builtin types (no ORM objects, no compiled regexes).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

QuoteKind = Literal["direct", "partial"]
SpeakerType = Literal["person", "organization", "anonymous"]
Resolution = Literal["named", "alias", "pronoun", "clitic", "continuation", "none"]


@dataclass(slots=True)
class QuoteRecord:
    """One quotation found in an article.

    Invariant: ``text == article_text[start:end]`` (offsets are code points).
    """

    start: int
    end: int
    text: str
    kind: QuoteKind = "direct"
    speaker: str | None = None
    speaker_type: SpeakerType | None = None
    mention: str | None = None
    cue: str | None = None
    resolution: Resolution = "none"
    role: str | None = None
    affiliation: str | None = None
    via: str | None = None
    said_on: date | None = None
    confidence: float = 0.0

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as positional fields: a slots dataclass's default state dict unpickles ~3x
        slower, and every quote parsed in a worker process crosses a process boundary."""
        return (QuoteRecord, (self.start, self.end, self.text, self.kind, self.speaker,
                              self.speaker_type, self.mention, self.cue, self.resolution,
                              self.role, self.affiliation, self.via, self.said_on,
                              self.confidence))

    def to_prediction(self) -> dict[str, Any]:
        """The prediction shape of ``shared/eval/FORMAT.md`` (dates as ISO strings)."""
        out = asdict(self)
        out["said_on"] = self.said_on.isoformat() if self.said_on else None
        return out


@dataclass(slots=True)
class ParsedArticle:
    """An article's text with its metadata as the parser understood it."""

    text: str
    lang: str
    outlet: str | None = None
    published: date | None = None
    quotes: list[QuoteRecord] = field(default_factory=list)

    def __reduce__(self) -> tuple[Any, ...]:
        return (ParsedArticle, (self.text, self.lang, self.outlet, self.published, self.quotes))
