"""The evaluator must score exactly as shared/eval/FORMAT.md says; each rule is pinned here.

Articles are written for these tests in the style of Indonesian news (no corpus text).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claims.evaluate import (
    METRIC_NAMES,
    EvalReport,
    evaluate_file,
    iou,
    load_gold,
    match_spans,
    normalize_speaker,
    parse_minimum,
    role_tokens,
    score,
    span_core,
    token_f1,
)
from claims.parse.records import ParsedArticle, QuoteRecord

ARTICLE = (
    "JAKARTA, KOMPAS — Kepala Kepolisian Sektor Menteng Ajun Komisaris Budi Hartono memastikan "
    "penyelidikan kasus pencurian di pasar itu terus berjalan.\n"
    "“Kami sudah memeriksa lima saksi dan rekaman kamera pengawas,” kata Budi, Senin (8/7).\n"
    "Budi menyebut kasus itu “bukan perkara sepele” bagi warga sekitar pasar.\n"
    "“Kami minta warga tetap tenang dan melapor bila melihat hal mencurigakan,” ujarnya.\n"
    "Ketua RW 05 Siti Aminah mengaku lega. “Sekarang patroli lebih sering,” katanya.\n"
)
FIRST = "“Kami sudah memeriksa lima saksi dan rekaman kamera pengawas,”"
PARTIAL = "“bukan perkara sepele”"
SECOND = "“Kami minta warga tetap tenang dan melapor bila melihat hal mencurigakan,”"
THIRD = "“Sekarang patroli lebih sering,”"


def quote(fragment: str, text: str = ARTICLE, **fields: Any) -> dict[str, Any]:
    """A gold or predicted quote covering ``fragment`` (first occurrence) of ``text``."""
    start = text.index(fragment)
    record = {"start": start, "end": start + len(fragment), "text": fragment, "kind": "direct",
              "speaker": None, "cue": None, "role": None, "affiliation": None}
    record.update(fields)
    return record


def shifted(q: dict[str, Any], start_delta: int = 0, end_delta: int = 0,
            **fields: Any) -> dict[str, Any]:
    """A copy of a quote with moved boundaries (and other fields replaced)."""
    out = {**q, "start": q["start"] + start_delta, "end": q["end"] + end_delta, **fields}
    out["text"] = ARTICLE[out["start"]:out["end"]]
    return out


def gold_article(quotes: list[dict[str, Any]], article_id: str = "a1", complete: bool = True,
                 text: str = ARTICLE) -> dict[str, Any]:
    return {"id": article_id, "lang": "id", "outlet": "Kompas", "published": "2024-07-08",
            "complete": complete, "text": text, "quotes": quotes}


def run(gold: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]]) -> EvalReport:
    return score(gold, [{"id": key, "quotes": value} for key, value in preds.items()])


# --------------------------------------------------------------------------- span core


@pytest.mark.parametrize(("span", "core"), [
    ("“Kami siap,”", "Kami siap,"),
    ("  \"Kami siap.\"  ", "Kami siap."),
    ("„Wir sind bereit“", "Wir sind bereit"),
    ("«Nous sommes prêts»", "Nous sommes prêts"),
    ("‘waktu yang penting’", "waktu yang penting"),
    ("'It's fine'", "It's fine"),
    ("Kami siap", "Kami siap"),
    ("“ ”", ""),
])
def test_span_core_trims_whitespace_and_quotation_marks_only(span: str, core: str) -> None:
    text = f"Ia berkata {span} kemarin."
    start = text.index(span)
    core_start, core_end = span_core(text, start, start + len(span))
    assert text[core_start:core_end] == core


def test_iou_of_cores() -> None:
    assert iou((0, 10), (0, 10)) == 1.0
    assert iou((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert iou((0, 10), (10, 20)) == 0.0
    assert iou((3, 3), (3, 3)) == 0.0


# --------------------------------------------------------------------------- exact vs overlap


def test_quotation_marks_do_not_matter_for_exact_match() -> None:
    gold = quote(FIRST)
    without_marks = shifted(gold, 1, -1)
    report = run([gold_article([gold])], {"a1": [without_marks]})
    assert report.metrics["all.exact.f1"] == 1.0
    assert report.metrics["all.overlap.f1"] == 1.0


def test_span_running_into_the_cue_is_an_overlap_but_not_an_exact_match() -> None:
    gold = quote(FIRST)
    with_cue = shifted(gold, 0, len(" kata Budi"))
    report = run([gold_article([gold])], {"a1": [with_cue]})
    assert report.metrics["all.exact.r"] == 0.0
    assert report.metrics["all.exact.p"] == 0.0
    assert report.metrics["all.overlap.r"] == 1.0
    assert report.metrics["all.overlap.p"] == 1.0
    assert [m.kind for m in report.misses] == ["boundary"]


def test_iou_threshold_is_inclusive_at_one_half() -> None:
    gold = quote(FIRST)  # core is len(FIRST) - 2 characters long
    core_len = len(FIRST) - 2
    half = shifted(gold, 0, -(core_len // 2 + 1))  # drop the closing mark and half the core
    assert core_len % 2 == 0
    less_than_half = shifted(half, 0, -1)
    assert run([gold_article([gold])], {"a1": [half]}).metrics["all.overlap.r"] == 1.0
    assert run([gold_article([gold])], {"a1": [less_than_half]}).metrics["all.overlap.r"] == 0.0


def test_iou_threshold_counts_union_not_only_gold_coverage() -> None:
    text = "Warga bilang “tidak tahu” kepada petugas kemarin sore."
    gold = quote("“tidak tahu”", text)  # core "tidak tahu": 10 characters
    core_start = gold["start"] + 1
    exactly_half = {**gold, "start": core_start, "end": core_start + 20}  # "tidak tahu” kepada p"
    below_half = {**gold, "start": core_start, "end": core_start + 21}
    assert span_core(text, exactly_half["start"], exactly_half["end"]) == (core_start,
                                                                            core_start + 20)
    for pred, found in ((exactly_half, 1.0), (below_half, 0.0)):
        report = run([gold_article([gold], text=text)], {"a1": [pred]})
        assert report.metrics["all.overlap.r"] == found


# --------------------------------------------------------------------------- one-to-one matching


def test_matching_takes_the_best_pair_first_not_the_first_gold() -> None:
    pairs = match_spans([(0, 10), (0, 12)], [(0, 12)], 0.5)
    assert pairs == [(1, 0, 1.0)]


def test_each_prediction_matches_one_gold_quote_at_most() -> None:
    gold = quote(FIRST)
    report = run([gold_article([gold])], {"a1": [gold, dict(gold)]})
    assert report.metrics["all.exact.r"] == 1.0
    assert report.metrics["all.exact.p"] == 0.5
    assert report.metrics["n.matched"] == 1
    assert [m.kind for m in report.misses] == ["false_positive"]


def test_attribution_is_read_from_the_best_overlapping_prediction() -> None:
    gold = quote(FIRST, speaker="Budi Hartono")
    rough = shifted(gold, 0, -8, speaker="Siti Aminah")  # listed first, IoU < 1
    exact = shifted(gold, speaker="Budi Hartono")
    report = run([gold_article([gold])], {"a1": [rough, exact]})
    assert report.metrics["speaker.acc"] == 1.0
    assert report.metrics["all.overlap.p"] == 0.5


# --------------------------------------------------------------------------- precision and recall


def test_precision_counts_only_complete_articles_recall_counts_all() -> None:
    complete = gold_article([quote(FIRST)], "full", complete=True)
    partial_labels = gold_article([quote(SECOND)], "some", complete=False)
    preds = {"full": [quote(FIRST), quote(THIRD)],            # one false positive
             "some": [quote(FIRST), quote(THIRD)]}            # unlabelled quotes: not scored
    report = run([complete, partial_labels], preds)
    m = report.metrics
    assert m["all.overlap.p"] == 0.5
    assert m["all.overlap.r"] == 0.5
    assert m["all.overlap.f1"] == 0.5
    assert (m["n.pred"], m["n.pred.scored"], m["n.complete"]) == (4, 2, 1)
    kinds = sorted((miss.kind, miss.article) for miss in report.misses)
    assert kinds == [("false_positive", "full"), ("missed", "some")]


def test_precision_is_undefined_without_a_complete_article() -> None:
    report = run([gold_article([quote(FIRST)], complete=False)], {"a1": [quote(THIRD)]})
    assert report.metrics["all.overlap.p"] is None
    assert report.metrics["all.overlap.f1"] is None
    assert report.metrics["all.overlap.r"] == 0.0


def test_article_without_predictions_counts_as_nothing_found() -> None:
    report = run([gold_article([quote(FIRST), quote(SECOND)])], {})
    assert report.metrics["all.overlap.r"] == 0.0
    assert report.metrics["all.overlap.p"] == 0.0
    assert report.metrics["all.overlap.f1"] == 0.0
    assert report.metrics["n.pred"] == 0


def test_direct_scoring_restricts_gold_and_predictions_to_direct() -> None:
    gold = [quote(FIRST), quote(PARTIAL, kind="partial"), quote(SECOND)]
    preds = [quote(FIRST),                      # direct, right
             quote(PARTIAL, kind="direct"),     # a partial called direct: direct FP
             quote(SECOND, kind="partial")]     # a direct called partial: direct miss
    m = run([gold_article(gold)], {"a1": preds}).metrics
    assert (m["direct.exact.p"], m["direct.exact.r"]) == (0.5, 0.5)
    assert (m["all.exact.p"], m["all.exact.r"]) == (1.0, 1.0)
    assert (m["n.gold.direct"], m["n.pred.direct"]) == (2, 2)


def test_kind_disagreement_is_listed_for_error_analysis() -> None:
    gold = quote(PARTIAL, kind="partial")
    report = run([gold_article([gold])], {"a1": [quote(PARTIAL)]})
    assert [(m.kind, m.gold, m.pred) for m in report.misses] == [("kind", "partial", "direct")]


# --------------------------------------------------------------------------- speaker


@pytest.mark.parametrize(("predicted", "gold"), [
    ("budi hartono", "Budi Hartono"),
    ("Budi   Hartono", "Budi Hartono"),
    ("AKBP Budi Hartono", "Budi Hartono"),
    ("Ajun Komisaris Budi Hartono", "Budi Hartono"),
    ("Prof. Dr. Siti Aminah", "Siti Aminah"),
    ("Prof Dr Siti Aminah", "Siti Aminah"),
    ("Siti Aminah, S.H., M.H.", "Siti Aminah"),
    ("Dr. Siti Aminah, M.Si.", "siti aminah"),
    ("Siti Aminah, S.H., M.Kn.", "Siti Aminah"),  # M.Kn. is in no title list
    ("Jack Ma", "Jack Ma"),
])
def test_speaker_names_equal_after_normalisation(predicted: str, gold: str) -> None:
    assert normalize_speaker(predicted) == normalize_speaker(gold)


@pytest.mark.parametrize(("predicted", "gold"), [
    ("Hartono", "Budi Hartono"),
    ("Budi", "Budi Hartono"),
    ("dia", "Budi Hartono"),
    ("-nya", "Budi Hartono"),
    ("Jack", "Jack Ma"),
    (None, "Budi Hartono"),
])
def test_partial_names_and_pronouns_are_wrong_speakers(predicted: str | None, gold: str) -> None:
    assert normalize_speaker(predicted) != normalize_speaker(gold)


def test_speaker_accuracy_skips_gold_without_speaker_and_unmatched_quotes() -> None:
    gold = [quote(FIRST, speaker="Budi Hartono"),
            quote(SECOND, speaker=None),
            quote(THIRD, speaker="Siti Aminah")]
    preds = [quote(FIRST, speaker="AKBP Budi Hartono"), quote(SECOND, speaker="Siti Aminah")]
    report = run([gold_article(gold)], {"a1": preds})
    assert report.metrics["speaker.acc"] == 1.0
    assert report.metrics["n.speaker"] == 1


def test_wrong_speaker_is_reported_with_both_values_and_context() -> None:
    gold = quote(SECOND, speaker="Budi Hartono")
    report = run([gold_article([gold])], {"a1": [quote(SECOND, speaker="Hartono")]})
    assert report.metrics["speaker.acc"] == 0.0
    (miss,) = report.misses
    assert (miss.kind, miss.gold, miss.pred) == ("speaker", "Budi Hartono", "Hartono")
    assert "ujarnya" in miss.context
    assert miss.start == gold["start"]


# --------------------------------------------------------------------------- role


def test_role_tokens_join_role_and_affiliation_case_folded() -> None:
    assert role_tokens("Kepala Unit", "Polsek Menteng") == ["kepala", "unit", "polsek", "menteng"]
    assert role_tokens(None, "DPR-RI") == ["dpr", "ri"]


@pytest.mark.parametrize(("pred", "gold", "f1"), [
    (["kepala", "polsek"], ["kepala", "polsek"], 1.0),
    (["kepala"], ["kepala", "polsek", "menteng", "jakarta"], 0.4),
    ([], ["kepala"], 0.0),
    (["ketua", "rw"], ["kepala", "polsek"], 0.0),
])
def test_token_f1(pred: list[str], gold: list[str], f1: float) -> None:
    assert token_f1(pred, gold) == pytest.approx(f1)


def test_role_mean_f1_and_share_at_one_half() -> None:
    gold = [
        quote(FIRST, role="Kepala Kepolisian Sektor", affiliation="Menteng"),   # 4 tokens
        quote(SECOND, role="Kepala Kepolisian Sektor", affiliation="Menteng"),
        quote(THIRD, role="Ketua RW 05", affiliation=None),
        quote(PARTIAL, kind="partial"),                                       # no role: skipped
    ]
    preds = [
        quote(FIRST, role="kepala kepolisian sektor", affiliation="MENTENG"),  # F1 1.0
        quote(SECOND, role="Kepala Kepolisian", affiliation=None),             # 2/4: F1 2/3
        quote(THIRD, role="Ketua", affiliation=None),                          # 1/3: F1 0.5
        quote(PARTIAL, kind="partial", role="Ketua"),
    ]
    report = run([gold_article(gold)], {"a1": preds})
    assert report.metrics["n.role"] == 3
    assert report.metrics["role.f1"] == pytest.approx((1.0 + 2 / 3 + 0.5) / 3)
    assert report.metrics["role.acc"] == 1.0
    assert not [m for m in report.misses if m.kind == "role"]


def test_role_below_one_half_is_a_miss() -> None:
    gold = quote(THIRD, role="Ketua RW 05", affiliation="Kelurahan Menteng")  # 5 tokens
    pred = quote(THIRD, role="Ketua", affiliation=None)                       # F1 1/3
    report = run([gold_article([gold])], {"a1": [pred]})
    assert report.metrics["role.acc"] == 0.0
    assert [(m.kind, m.gold, m.pred) for m in report.misses] == [
        ("role", "Ketua RW 05 + Kelurahan Menteng", "Ketua")]


# --------------------------------------------------------------------------- cue


def test_cue_accuracy_is_case_folded_and_skips_gold_without_cue() -> None:
    gold = [quote(FIRST, cue="kata"), quote(SECOND, cue="ujarnya"), quote(THIRD, cue=None)]
    preds = [quote(FIRST, cue="Kata"), quote(SECOND, cue="ujar"), quote(THIRD, cue="katanya")]
    report = run([gold_article(gold)], {"a1": preds})
    assert report.metrics["cue.acc"] == 0.5
    assert report.metrics["n.cue"] == 2
    assert [(m.kind, m.gold, m.pred) for m in report.misses] == [("cue", "ujarnya", "ujar")]


# --------------------------------------------------------------------------- files and parser


def write_gold(path: Path, articles: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles),
                    encoding="utf-8")
    return path


GOLD_QUOTES = [quote(FIRST, speaker="Budi Hartono", cue="kata"),
               quote(SECOND, speaker="Budi Hartono", cue="ujarnya"),
               quote(THIRD, speaker="Siti Aminah", cue="katanya")]


def fake_parser(text: str, *, lang: str | None = None, outlet: str | None = None,
                published: date | None = None) -> ParsedArticle:
    """Finds the first two quotes of ARTICLE, both attributed to Budi: 2/3 found, 1 speaker off."""
    quotes = []
    for fragment, cue in ((FIRST, "kata"), (THIRD, "katanya")):
        start = text.index(fragment)
        quotes.append(QuoteRecord(start, start + len(fragment), fragment, speaker="Budi Hartono",
                                  cue=cue))
    return ParsedArticle(text=text, lang=lang or "id", outlet=outlet, published=published,
                         quotes=quotes)


def test_evaluate_file_passes_article_metadata_to_the_parser(tmp_path: Path) -> None:
    gold_path = write_gold(tmp_path / "mini.gold.jsonl", [gold_article(GOLD_QUOTES)])
    seen: list[tuple[Any, ...]] = []

    def recording_parser(text: str, **meta: Any) -> ParsedArticle:
        seen.append((meta["lang"], meta["outlet"], meta["published"]))
        return fake_parser(text, **meta)

    report = evaluate_file(gold_path, parser=recording_parser)
    assert seen == [("id", "Kompas", date(2024, 7, 8))]
    assert report.source == str(gold_path)
    assert report.metrics["all.overlap.r"] == pytest.approx(2 / 3)
    assert report.metrics["speaker.acc"] == 0.5
    assert set(report.metrics) == set(METRIC_NAMES)


def test_load_gold_names_the_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.gold.jsonl"
    path.write_text(json.dumps(gold_article([])) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.gold\.jsonl:2"):
        load_gold(path)


def test_load_gold_rejects_duplicate_ids(tmp_path: Path) -> None:
    path = write_gold(tmp_path / "dup.gold.jsonl", [gold_article([]), gold_article([])])
    with pytest.raises(ValueError, match=r"dup\.gold\.jsonl:2: duplicate article id 'a1'"):
        load_gold(path)


@pytest.mark.parametrize(("spec", "stem", "metric", "value"), [
    ("direct.overlap.f1=0.97", None, "direct.overlap.f1", 0.97),
    ("news-dev:speaker.acc=0.95", "news-dev", "speaker.acc", 0.95),
    ("news-dev.gold:cue.acc=1", "news-dev", "cue.acc", 1.0),
])
def test_parse_minimum(spec: str, stem: str | None, metric: str, value: float) -> None:
    minimum = parse_minimum(spec)
    assert (minimum.stem, minimum.metric, minimum.value) == (stem, metric, value)


@pytest.mark.parametrize("spec", ["speaker=0.9", "all.overlap.f1", "all.overlap.f1=high"])
def test_parse_minimum_rejects_bad_specs(spec: str) -> None:
    with pytest.raises(ValueError):
        parse_minimum(spec)


# --------------------------------------------------------------------------- CLI


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Any:
    import claims.cli.evaluate as cli_evaluate
    from claims.cli.app import app

    monkeypatch.setattr(cli_evaluate, "PARSER", fake_parser)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, ["eval", *map(str, args)])


@pytest.fixture
def mini_gold(tmp_path: Path) -> Path:
    return write_gold(tmp_path / "mini.gold.jsonl", [gold_article(GOLD_QUOTES)])


def test_cli_json_output_is_per_file_metrics(cli: Any, mini_gold: Path) -> None:
    result = cli(mini_gold, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data[str(mini_gold)]["all.overlap.r"] == pytest.approx(0.6667)
    assert data[str(mini_gold)]["n.gold"] == 3


def test_cli_table_has_a_row_per_gold_file(cli: Any, mini_gold: Path, tmp_path: Path) -> None:
    other = write_gold(tmp_path / "other.gold.jsonl", [gold_article(GOLD_QUOTES[:1])])
    result = cli(mini_gold, other)
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.stdout.splitlines()]
    assert [row[0] for row in rows if row and row[0] in {"mini", "other"}] == ["mini", "other"]


@pytest.mark.parametrize(("mins", "exit_code"), [
    (["all.overlap.r=0.6"], 0),
    (["all.overlap.r=0.7"], 1),
    (["mini:speaker.acc=0.5", "cue.acc=0.5"], 0),
    (["mini:speaker.acc=0.51"], 1),
    (["no.such.metric=0.5"], 2),
    (["other:speaker.acc=0.5"], 2),
    (["speaker.acc=lots"], 2),
])
def test_cli_min_exit_codes(cli: Any, mini_gold: Path, mins: list[str], exit_code: int) -> None:
    args = [arg for spec in mins for arg in ("--min", spec)]
    result = cli(mini_gold, *args)
    assert result.exit_code == exit_code, result.output


def test_cli_min_failure_names_file_metric_and_value(cli: Any, mini_gold: Path) -> None:
    result = cli(mini_gold, "--min", "all.overlap.r=0.9")
    assert result.exit_code == 1
    assert "mini: all.overlap.r 0.6667 < 0.9" in result.stderr


def test_cli_min_on_undefined_precision(cli: Any, tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "pfsa.gold.jsonl", [gold_article(GOLD_QUOTES, complete=False)])
    everywhere = cli(gold, "--min", "all.overlap.p=0.9")
    assert everywhere.exit_code == 0
    assert "undefined" in everywhere.stderr
    assert cli(gold, "--min", "pfsa:all.overlap.p=0.9").exit_code == 1


def test_cli_show_misses_prints_one_json_line_per_error(cli: Any, mini_gold: Path) -> None:
    result = cli(mini_gold, "--show-misses", "missed", "--show-misses", "speaker", "-f", "json")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(m["kind"], m["gold"], m["pred"]) for m in lines] == [
        ("missed", "Budi Hartono", None), ("speaker", "Siti Aminah", "Budi Hartono")]
    assert all(m["file"] == "mini" for m in lines)
    assert str(mini_gold) in result.stderr  # metrics moved to stderr


def test_cli_misses_as_text_lines(cli: Any, mini_gold: Path) -> None:
    result = cli(mini_gold, "--misses")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].split("\t")[:3] == ["mini", "a1", "missed"]


def test_cli_unknown_miss_kind_is_a_usage_error(cli: Any, mini_gold: Path) -> None:
    assert cli(mini_gold, "--show-misses", "typo").exit_code == 2
