"""Score the quote parser against gold sets, exactly as ``shared/eval/FORMAT.md`` defines it.

The scoring is pure: gold articles and predictions in, an :class:`EvalReport` out. Only
:func:`load_gold` and :func:`evaluate_file` read files. Every metric is pooled over all
articles of a gold file (micro-averaged), so one long article weighs as much as its quotes.

Decisions FORMAT.md leaves open, made once here:

- Matching is per article. The exact match is the one-to-one matching at IoU == 1 (same
  core offsets); the overlap match is greedy over every gold x prediction pair with IoU >= 0.5,
  best IoU first, ties broken by gold then prediction position. Empty cores never match.
- ``direct.*`` restricts *both* gold and predictions to ``kind == "direct"``: a prediction
  labelled ``partial`` that covers a gold direct quote is neither a hit nor a false positive
  there (the gold quote counts as missed); ``all.*`` ignores kind altogether.
- Precision is pooled over complete articles only; with no complete article it is ``None``.
  With complete articles but no prediction on them it is 1.0 when they hold no gold quote either
  (nothing to find, nothing wrong) and 0.0 otherwise. Recall is ``None`` when there is no gold
  quote. F1 is ``None`` when P or R is.
- Speaker, role and cue are judged on the ``all.overlap`` matches, in every article.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from claims.parse.lexicon import title_words

#: Characters trimmed from both ends of a span to get its core (FORMAT.md, "Span core").
QUOTE_MARKS = "“”„\"'‘’«»"
_CORE_TRIM = frozenset(QUOTE_MARKS) | frozenset(" \t\n\r\f\v\u00a0\u2009\u200b")

OVERLAP_MIN_IOU = 0.5
ROLE_OK_F1 = 0.5
CONTEXT_CHARS = 40
SNIPPET_CHARS = 80

Span = tuple[int, int]
Metrics = dict[str, float | int | None]
Parser = Callable[..., Any]

_SCOPES = ("direct", "all")
_MODES = ("exact", "overlap")
#: Every metric name ``score`` reports, in display order (``--min`` accepts exactly these).
METRIC_NAMES: tuple[str, ...] = (
    *(f"{scope}.{mode}.{m}" for scope in _SCOPES for mode in _MODES for m in ("p", "r", "f1")),
    "speaker.acc", "role.f1", "role.acc", "cue.acc",
    "n.articles", "n.complete", "n.gold", "n.gold.direct", "n.pred", "n.pred.direct",
    "n.pred.scored", "n.matched", "n.speaker", "n.role", "n.cue",
)
#: Kinds of entries in ``EvalReport.misses`` (for ``--show-misses``).
MISS_KINDS: tuple[str, ...] = (
    "missed", "false_positive", "boundary", "kind", "speaker", "role", "cue",
)


@dataclass(slots=True)
class Miss:
    """One error for error analysis: what gold said, what the parser said, and where."""

    kind: str
    article: str
    start: int
    end: int
    text: str
    gold: Any = None
    pred: Any = None
    pred_start: int | None = None
    pred_end: int | None = None
    context: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class EvalReport:
    """Metrics of one gold set plus the individual errors behind them."""

    metrics: Metrics
    misses: list[Miss] = field(default_factory=list)
    source: str | None = None

    def misses_of(self, kinds: Iterable[str] | None = None) -> list[Miss]:
        """The misses of the given kinds (all when ``kinds`` is empty or None)."""
        wanted = set(kinds or ())
        return [m for m in self.misses if not wanted or m.kind in wanted]


# --------------------------------------------------------------------------- spans and matching


def span_core(text: str, start: int, end: int) -> Span:
    """The span without surrounding whitespace and quotation marks (may be empty)."""
    while start < end and text[start] in _CORE_TRIM:
        start += 1
    while end > start and text[end - 1] in _CORE_TRIM:
        end -= 1
    return start, end


def iou(a: Span, b: Span) -> float:
    """Intersection over union of two character spans; 0 when either is empty."""
    if a[1] <= a[0] or b[1] <= b[0]:
        return 0.0
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / ((a[1] - a[0]) + (b[1] - b[0]) - inter)


def match_spans(gold: Sequence[Span], pred: Sequence[Span], min_iou: float) -> list[
        tuple[int, int, float]]:
    """One-to-one matching, best IoU first: ``(gold index, pred index, iou)`` triples.

    Greedy over all pairs sorted by IoU descending (ties: gold then prediction order), so a
    prediction that fits one gold quote best is never stolen by a weaker pair.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            value = iou(g, p)
            if value > 0 and value >= min_iou:
                candidates.append((-value, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for neg_value, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi, -neg_value))
    return pairs


# --------------------------------------------------------------------------- attribution fields

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def _is_title(token: str, titles: frozenset[str]) -> bool:
    """A title word, with or without its abbreviation dot ("Prof" == "Prof.")."""
    return token in titles or f"{token}." in titles or token.rstrip(".") in titles


def _is_degree(token: str, titles: frozenset[str]) -> bool:
    """A degree after a name: a listed title or any dotted abbreviation ("S.H.", "M.Kn.")."""
    return _is_title(token, titles) or ("." in token and len(token) <= 8 and token[0].isalpha())


def _strip_degree_suffixes(name: str, titles: frozenset[str]) -> str:
    """Drop trailing comma segments made only of degrees: "Budi, S.H., M.H." -> "Budi"."""
    parts = name.split(",")
    while len(parts) > 1 and all(_is_degree(t, titles) for t in parts[-1].split()):
        parts.pop()
    return ",".join(parts)


def _strip_leading_titles(tokens: list[str], titles: frozenset[str]) -> list[str]:
    """Drop honorifics, ranks and titles before the name, longest multi-word title first."""
    longest = max((t.count(" ") + 1 for t in titles), default=1)
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for size in range(min(longest, len(tokens) - 1), 0, -1):
            if _is_title(" ".join(tokens[:size]), titles):
                tokens = tokens[size:]
                changed = True
                break
    return tokens


def normalize_speaker(name: str | None) -> str:
    """The comparable form of a speaker name (FORMAT.md, "Speaker accuracy").

    Case-folded, whitespace collapsed, honorifics/ranks/academic titles dropped before the
    name, degree suffixes dropped after a comma or a trailing dotted degree. Titles are only
    removed around the name, never inside it, so "Jack Ma" keeps its "Ma".
    """
    if not name:
        return ""
    titles = title_words()
    text = _WS.sub(" ", name.casefold()).strip(" ,")
    text = _strip_degree_suffixes(text, titles)
    tokens = _strip_leading_titles(text.replace(",", " ").split(), titles)
    while len(tokens) > 1 and "." in tokens[-1] and _is_title(tokens[-1], titles):
        tokens.pop()
    return " ".join(tokens)


def role_tokens(role: str | None, affiliation: str | None) -> list[str]:
    """Case-folded word tokens of ``role + affiliation``."""
    joined = " ".join(part for part in (role, affiliation) if part)
    return _WORD.findall(joined.casefold())


def token_f1(pred: Sequence[str], gold: Sequence[str]) -> float:
    """Bag-of-tokens F1 (as in SQuAD): shared tokens counted with multiplicity."""
    if not pred and not gold:
        return 1.0
    shared = sum((Counter(pred) & Counter(gold)).values())
    if shared == 0:
        return 0.0
    precision, recall = shared / len(pred), shared / len(gold)
    return 2 * precision * recall / (precision + recall)


def normalize_cue(cue: str | None) -> str:
    """The comparable form of a cue: case-folded, whitespace collapsed."""
    return _WS.sub(" ", cue.casefold()).strip() if cue else ""


# --------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class _Tally:
    """Counts for one (scope, mode) cell, pooled over articles."""

    gold: int = 0
    matched: int = 0
    pred_scored: int = 0
    gold_scored: int = 0
    matched_scored: int = 0
    complete_articles: int = 0

    def precision(self) -> float | None:
        if not self.complete_articles:
            return None
        if not self.pred_scored:
            return 0.0 if self.gold_scored else 1.0
        return self.matched_scored / self.pred_scored

    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _field(quote: Any, name: str, default: Any = None) -> Any:
    """Read a quote field from a dict or a record object alike."""
    if isinstance(quote, Mapping):
        return quote.get(name, default)
    return getattr(quote, name, default)


def _snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    flat = _WS.sub(" ", text)
    if len(flat) <= limit:
        return flat
    half = (limit - 1) // 2
    return f"{flat[:half]}…{flat[-half:]}"


def _context(text: str, start: int, end: int) -> str:
    """A few characters around a span, the span itself marked ⟦…⟧ and shortened."""
    before = _WS.sub(" ", text[max(0, start - CONTEXT_CHARS):start])
    after = _WS.sub(" ", text[end:end + CONTEXT_CHARS])
    return f"{before}⟦{_snippet(text[start:end])}⟧{after}"


def _predictions_by_id(predictions: Iterable[Any] | Mapping[str, Any]) -> dict[str, list[Any]]:
    """Accept ``[{"id", "quotes"}]``, ``{id: quotes}`` or ``{id: ParsedArticle}``."""
    if isinstance(predictions, Mapping):
        items = predictions.items()
    else:
        items = ((_field(p, "id"), p) for p in predictions)
    out: dict[str, list[Any]] = {}
    for article_id, value in items:
        quotes = value if isinstance(value, list) else _field(value, "quotes", []) or []
        out[str(article_id)] = list(quotes)
    return out


def _score_article(article: Mapping[str, Any], preds: list[Any],
                   tallies: dict[tuple[str, str], _Tally], attribution: Counter,
                   role_f1s: list[float], misses: list[Miss]) -> None:
    """Add one article's matches and errors to the running totals."""
    text: str = article["text"]
    article_id = str(article.get("id"))
    complete = bool(article.get("complete"))
    gold_q = list(article.get("quotes") or [])
    gold_cores = [span_core(text, q["start"], q["end"]) for q in gold_q]
    pred_cores = [span_core(text, int(_field(p, "start")), int(_field(p, "end"))) for p in preds]
    gold_kinds = [q.get("kind") or "direct" for q in gold_q]
    pred_kinds = [_field(p, "kind") or "direct" for p in preds]

    all_overlap: list[tuple[int, int, float]] = []
    for scope in _SCOPES:
        g_idx = [i for i, k in enumerate(gold_kinds) if scope == "all" or k == "direct"]
        p_idx = [i for i, k in enumerate(pred_kinds) if scope == "all" or k == "direct"]
        g_spans = [gold_cores[i] for i in g_idx]
        p_spans = [pred_cores[i] for i in p_idx]
        for mode in _MODES:
            pairs = match_spans(g_spans, p_spans, 1.0 if mode == "exact" else OVERLAP_MIN_IOU)
            tally = tallies[scope, mode]
            tally.gold += len(g_idx)
            tally.matched += len(pairs)
            if complete:
                tally.complete_articles += 1
                tally.pred_scored += len(p_idx)
                tally.gold_scored += len(g_idx)
                tally.matched_scored += len(pairs)
            if scope == "all" and mode == "overlap":
                all_overlap = pairs

    def miss(kind: str, gi: int | None, pi: int | None, gold: Any = None, pred: Any = None) -> None:
        q = gold_q[gi] if gi is not None else preds[pi]
        start, end = int(_field(q, "start")), int(_field(q, "end"))
        p_start = int(_field(preds[pi], "start")) if pi is not None else None
        p_end = int(_field(preds[pi], "end")) if pi is not None else None
        misses.append(Miss(kind, article_id, start, end, _snippet(text[start:end]), gold, pred,
                           p_start, p_end, _context(text, start, end)))

    matched_gold = {gi for gi, _, _ in all_overlap}
    matched_pred = {pi for _, pi, _ in all_overlap}
    for gi in range(len(gold_q)):
        if gi not in matched_gold:
            miss("missed", gi, None, gold=gold_q[gi].get("speaker"))
    if complete:
        for pi in range(len(preds)):
            if pi not in matched_pred:
                miss("false_positive", None, pi, pred=_field(preds[pi], "speaker"))

    for gi, pi, _ in sorted(all_overlap):
        g, p = gold_q[gi], preds[pi]
        if gold_cores[gi] != pred_cores[pi]:
            miss("boundary", gi, pi, gold=list(gold_cores[gi]), pred=list(pred_cores[pi]))
        if gold_kinds[gi] != pred_kinds[pi]:
            miss("kind", gi, pi, gold=gold_kinds[gi], pred=pred_kinds[pi])
        if g.get("speaker"):
            attribution["speaker.n"] += 1
            predicted = _field(p, "speaker")
            if normalize_speaker(predicted) == normalize_speaker(g["speaker"]):
                attribution["speaker.ok"] += 1
            else:
                miss("speaker", gi, pi, gold=g["speaker"], pred=predicted)
        if g.get("role") or g.get("affiliation"):
            gold_role = role_tokens(g.get("role"), g.get("affiliation"))
            pred_role = role_tokens(_field(p, "role"), _field(p, "affiliation"))
            value = token_f1(pred_role, gold_role)
            role_f1s.append(value)
            if value < ROLE_OK_F1:
                miss("role", gi, pi, gold=" + ".join(filter(None, (g.get("role"),
                                                                     g.get("affiliation")))),
                     pred=" + ".join(filter(None, (_field(p, "role"), _field(p, "affiliation")))))
        if g.get("cue"):
            attribution["cue.n"] += 1
            if normalize_cue(_field(p, "cue")) == normalize_cue(g["cue"]):
                attribution["cue.ok"] += 1
            else:
                miss("cue", gi, pi, gold=g["cue"], pred=_field(p, "cue"))


def score(gold_articles: Sequence[Mapping[str, Any]],
          predictions: Iterable[Any] | Mapping[str, Any]) -> EvalReport:
    """Score predictions against gold articles (pure).

    ``predictions`` is the FORMAT.md prediction shape (``[{"id", "quotes": [...]}]``), or a
    mapping from article id to its quotes or parsed article; quotes may be dicts or
    ``QuoteRecord``s. A gold article without predictions counts as "found nothing";
    predictions for ids not in the gold set are ignored.
    """
    by_id = _predictions_by_id(predictions)
    tallies = {(scope, mode): _Tally() for scope in _SCOPES for mode in _MODES}
    attribution: Counter = Counter()
    role_f1s: list[float] = []
    misses: list[Miss] = []
    n_pred = n_pred_direct = n_gold_direct = n_complete = 0
    for article in gold_articles:
        preds = by_id.get(str(article.get("id")), [])
        n_pred += len(preds)
        n_pred_direct += sum((_field(p, "kind") or "direct") == "direct" for p in preds)
        n_gold_direct += sum((q.get("kind") or "direct") == "direct"
                             for q in article.get("quotes") or [])
        n_complete += bool(article.get("complete"))
        _score_article(article, preds, tallies, attribution, role_f1s, misses)

    metrics: Metrics = {}
    for (scope, mode), tally in tallies.items():
        p, r = tally.precision(), tally.recall()
        metrics[f"{scope}.{mode}.p"] = p
        metrics[f"{scope}.{mode}.r"] = r
        metrics[f"{scope}.{mode}.f1"] = _f1(p, r)
    metrics["speaker.acc"] = _share(attribution["speaker.ok"], attribution["speaker.n"])
    metrics["role.f1"] = math.fsum(role_f1s) / len(role_f1s) if role_f1s else None
    metrics["role.acc"] = _share(sum(v >= ROLE_OK_F1 for v in role_f1s), len(role_f1s))
    metrics["cue.acc"] = _share(attribution["cue.ok"], attribution["cue.n"])
    metrics.update({
        "n.articles": len(gold_articles),
        "n.complete": n_complete,
        "n.gold": tallies["all", "overlap"].gold,
        "n.gold.direct": n_gold_direct,
        "n.pred": n_pred,
        "n.pred.direct": n_pred_direct,
        "n.pred.scored": tallies["all", "overlap"].pred_scored,
        "n.matched": tallies["all", "overlap"].matched,
        "n.speaker": attribution["speaker.n"],
        "n.role": len(role_f1s),
        "n.cue": attribution["cue.n"],
    })
    return EvalReport(metrics={name: metrics[name] for name in METRIC_NAMES}, misses=misses)


def _share(hits: int, total: int) -> float | None:
    return hits / total if total else None


# --------------------------------------------------------------------------- files


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a ``*.gold.jsonl`` file; a broken line is reported with its number.

    Predictions are joined to articles by id, so ids must be unique; an article without an
    id gets ``line-N``.
    """
    articles = []
    seen: set[str] = set()
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                article = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(article, dict) or "text" not in article:
                raise ValueError(f"{path}:{number}: not a gold article (no 'text')")
            article_id = str(article.setdefault("id", f"line-{number}"))
            if article_id in seen:
                raise ValueError(f"{path}:{number}: duplicate article id {article_id!r}")
            seen.add(article_id)
            articles.append(article)
    return articles


def _published(value: Any) -> date | None:
    """The article date for the parser; gold files write ISO dates or null."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def predict(gold_articles: Iterable[Mapping[str, Any]],
            parser: Parser | None = None) -> dict[str, list[Any]]:
    """Run the parser on each gold article's text: ``{id: quotes}``."""
    if parser is None:
        from claims.parse import parse_article as parser
    out: dict[str, list[Any]] = {}
    for article in gold_articles:
        parsed = parser(article["text"], lang=article.get("lang"), outlet=article.get("outlet"),
                        published=_published(article.get("published")))
        out[str(article.get("id"))] = list(_field(parsed, "quotes", []) or [])
    return out


def evaluate_file(path: str | Path, parser: Parser | None = None) -> EvalReport:
    """Parse every article of a gold file (default: ``claims.parse.parse_article``) and score it."""
    gold = load_gold(path)
    report = score(gold, predict(gold, parser))
    report.source = str(path)
    return report


# --------------------------------------------------------------------------- thresholds


def gold_stem(path: str | Path) -> str:
    """The short name of a gold file: ``news-dev`` for ``.../news-dev.gold.jsonl``."""
    name = Path(path).name
    for suffix in (".gold.jsonl", ".jsonl"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return Path(path).stem


@dataclass(frozen=True, slots=True)
class Minimum:
    """A quality floor: ``metric >= value``, for one gold file (``stem``) or for all."""

    metric: str
    value: float
    stem: str | None = None

    def __str__(self) -> str:
        scope = f"{self.stem}:" if self.stem else ""
        return f"{scope}{self.metric}={self.value:g}"


def parse_minimum(spec: str) -> Minimum:
    """Read ``[STEM:]METRIC=VALUE``; raises ValueError on an unknown metric or a bad value."""
    target, sep, raw_value = spec.partition("=")
    if not sep or not target.strip():
        raise ValueError(f"--min {spec!r}: expected [FILE:]METRIC=VALUE")
    stem, _, metric = target.strip().rpartition(":")
    metric = metric.strip()
    if metric not in METRIC_NAMES:
        raise ValueError(f"--min {spec!r}: unknown metric {metric!r} "
                         f"(known: {', '.join(METRIC_NAMES)})")
    try:
        value = float(raw_value)
    except ValueError:
        raise ValueError(f"--min {spec!r}: {raw_value!r} is not a number") from None
    stem = stem.strip()
    if stem.endswith(".gold"):
        stem = stem[: -len(".gold")]
    return Minimum(metric, value, stem or None)


def check_minimums(reports: Mapping[str, EvalReport],
                   minimums: Sequence[Minimum]) -> tuple[list[str], list[str]]:
    """Compare reports (keyed by gold path) with floors: ``(failures, warnings)``.

    A floor for all files skips files where the metric is undefined (e.g. precision on a set
    with no complete article) with a warning; a floor aimed at one file fails there instead.
    """
    failures: list[str] = []
    warnings: list[str] = []
    for minimum in minimums:
        for path, report in reports.items():
            stem = gold_stem(path)
            if minimum.stem and minimum.stem != stem:
                continue
            value = report.metrics[minimum.metric]
            if value is None:
                note = f"{stem}: {minimum.metric} is undefined (needed >= {minimum.value:g})"
                (failures if minimum.stem else warnings).append(note)
            elif value < minimum.value:
                failures.append(f"{stem}: {minimum.metric} {value:.4f} < {minimum.value:g}")
    return failures, warnings
