"""Plain, picklable records that the parser returns.

The parser is pure: text in, these records out. Storage, evaluation, export and
distributed ingest all consume the same shapes, so they stay dataclasses of
builtin types (no ORM objects, no compiled regexes).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

QuoteKind = Literal["direct", "partial"]
SpeakerType = Literal["person", "organization", "anonymous"]
Resolution = Literal["named", "alias", "pronoun", "clitic", "continuation", "none"]


@dataclass(slots=True, init=False)
class QuoteRecord:
    """One quotation found in an article.

    Invariant: ``text == article_text[start:end]`` (offsets are code points).
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None
    speaker_type: SpeakerType | None
    mention: str | None
    cue: str | None
    resolution: Resolution
    role: str | None
    affiliation: str | None
    via: str | None
    said_on: date | None
    confidence: float

    def __init__(self, start: int, end: int, text: str, kind: QuoteKind = "direct",
                 speaker: str | None = None, speaker_type: SpeakerType | None = None,
                 mention: str | None = None, cue: str | None = None,
                 resolution: Resolution = "none", role: str | None = None,
                 affiliation: str | None = None, via: str | None = None,
                 said_on: date | None = None, confidence: float = 0.0) -> None:
        # written out (init=False) so that mypyc compiles it (see names.Mention)
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.speaker_type = speaker_type
        self.mention = mention
        self.cue = cue
        self.resolution = resolution
        self.role = role
        self.affiliation = affiliation
        self.via = via
        self.said_on = said_on
        self.confidence = confidence

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


@dataclass(slots=True, init=False)
class ParsedArticle:
    """An article's text with its metadata as the parser understood it."""

    text: str
    lang: str
    outlet: str | None
    published: date | None
    quotes: list[QuoteRecord]

    def __init__(self, text: str, lang: str, outlet: str | None = None,
                 published: date | None = None, quotes: list[QuoteRecord] | None = None,
                 ) -> None:
        # written out (init=False) so that mypyc compiles it (see names.Mention)
        self.text = text
        self.lang = lang
        self.outlet = outlet
        self.published = published
        self.quotes = [] if quotes is None else quotes

    def __reduce__(self) -> tuple[Any, ...]:
        return (ParsedArticle, (self.text, self.lang, self.outlet, self.published, self.quotes))
