"""Fact-checking workflows on a database built from fixtures: claims, audit, review, history,
speaker identity. Every text is written for the project in the style of Indonesian news."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import invoke
from fixtures.workflows.build import load_articles, store
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError, IntegrityError


def quote_id(engine, outlet: str, words: str) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(text(
            "SELECT q.id FROM quote q JOIN article a ON a.id = q.article_id "
            "WHERE a.outlet = :o AND q.text LIKE :w"),
            {"o": outlet, "w": f"%{words}%"}).scalar_one()


def claim_of(engine, qid: int) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(text("SELECT claim_id FROM quote WHERE id = :id"),
                            {"id": qid}).scalar_one()


def audit_rows(runner, db: str | Path, *checks: str) -> list[dict]:  # type: ignore[no-untyped-def]
    args = [a for c in checks for a in ("--check", c)]
    result = invoke(runner, "audit", *args, "--db", db, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- claims ------------------------------------------------------------------------------------

def test_one_statement_in_three_outlets_is_one_claim_with_relations(wf_engine) -> None:
    kompas = quote_id(wf_engine, "Kompas.com", "Defisit")
    detik = quote_id(wf_engine, "Detik", "Defisit")
    tempo = quote_id(wf_engine, "Tempo", "Defisit")
    cid = claim_of(wf_engine, kompas)
    assert claim_of(wf_engine, detik) == claim_of(wf_engine, tempo) == cid
    with wf_engine.connect() as conn:
        claim = conn.execute(text("SELECT first_quote_id, n_articles, n_outlets, first_seen "
                                  "FROM claim WHERE id = :id"), {"id": cid}).one()
        relations = dict(conn.execute(text("SELECT id, relation FROM quote WHERE claim_id = :c"),
                                      {"c": cid}).all())
    assert claim[:3] == (kompas, 3, 3) and str(claim[3]) == "2025-03-03"
    assert relations == {kompas: "identical", detik: "substantive", tempo: "identical"}


def test_claims_command_filters_by_outlet_count(runner, wf_engine, wf_db: str) -> None:
    rows = json.loads(invoke(runner, "claims", "--min-outlets", "2", "--db", wf_db,
                             "-f", "json").stdout)
    texts = [r["text"] for r in rows]
    assert len(rows) == 3
    assert any("Defisit anggaran" in t for t in texts)
    assert any("bendungan" in t for t in texts) and any("Insentif" in t for t in texts)
    assert rows[0]["n_outlets"] == 3 and rows[0]["relations"] == "identical:1 substantive:1"


def test_claim_show_lists_appearances_with_diff(runner, wf_engine, wf_db: str) -> None:
    cid = claim_of(wf_engine, quote_id(wf_engine, "Kompas.com", "Defisit"))
    detail = json.loads(invoke(runner, "claim", "show", f"c{cid}", "--db", wf_db,
                               "-f", "json").stdout)
    assert [a["outlet"] for a in detail["appearances"]] == ["Kompas.com", "Detik", "Tempo"]
    assert detail["first_appearance"]["outlet"] == "Kompas.com"
    changed = [a for a in detail["appearances"] if a["relation"] == "substantive"]
    assert changed[0]["diff"] and "[-tiga-] {+dua+}" in changed[0]["diff"]


def test_claim_ids_and_verdicts_survive_a_later_ingest(wf_engine) -> None:
    from claims.claims_db import refresh_claims
    from claims.review import Target, current_review, set_verdict

    # the Tempo copy arrives later: same claim id, verdict kept, one more article
    engine = wf_engine
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM quote WHERE article_id IN "
                          "(SELECT id FROM article WHERE outlet = 'Tempo')"))
        conn.execute(text("DELETE FROM article WHERE outlet = 'Tempo'"))
    refresh_claims(engine, full=True)
    kompas = quote_id(engine, "Kompas.com", "Defisit")
    cid = claim_of(engine, kompas)
    with engine.begin() as conn:
        set_verdict(conn, Target("claim", cid), "false", "angka defisit keliru", "ani")
    store(engine, [a for a in load_articles() if a["key"] == "tempo-defisit"])
    summary = refresh_claims(engine)
    assert summary.quotes < 10  # incremental: only the days around the new quote
    assert claim_of(engine, quote_id(engine, "Tempo", "Defisit")) == cid
    with engine.connect() as conn:
        assert current_review(conn, Target("claim", cid))["verdict"] == "false"
        assert conn.execute(text("SELECT n_articles FROM claim WHERE id = :id"),
                            {"id": cid}).scalar_one() == 3


def test_new_claim_ids_are_never_recycled(wf_engine) -> None:
    from claims.claimgroup import Appearance, ClaimGroup
    from claims.claims_db import assign_stable_ids

    a = Appearance(quote_id=1, text="x", article_id=1)
    b = Appearance(quote_id=2, text="y", article_id=2)
    groups = [ClaimGroup(claim_id=0, first=a, members=[a]),
              ClaimGroup(claim_id=1, first=b, members=[b])]
    ids, nxt = assign_stable_ids(groups, old_first={2: 7}, old_claim_of={1: 7}, next_id=40)
    assert ids == [40, 7] and nxt == 41  # same first quote wins over most members


# --- audit -------------------------------------------------------------------------------------

def test_drift_is_reported_with_a_word_diff(runner, wf_engine, wf_db: str) -> None:
    rows = audit_rows(runner, wf_db, "drift")
    assert len(rows) == 1
    row = rows[0]
    assert row["outlet"] == "Detik" and row["severity"] == "high"
    assert "substantive vs first (Kompas.com)" in row["detail"]
    assert "[-tiga-] {+dua+}" in row["detail"]


def test_conflicting_attribution_is_reported_but_not_institution_and_spokesperson(
        runner, wf_engine, wf_db: str) -> None:
    rows = audit_rows(runner, wf_db, "conflict")
    assert len(rows) == 1
    assert set(rows[0]["speaker"].split(" | ")) == {"Bambang Hartono", "Agus Hartono"}
    assert "Antara" in rows[0]["detail"] and "Republika" in rows[0]["detail"]


def test_altered_article_fails_the_verbatim_check(runner, wf_engine, wf_db: str) -> None:
    assert audit_rows(runner, wf_db, "verbatim") == []
    with wf_engine.begin() as conn:
        conn.execute(text("UPDATE article SET text = replace(text, 'tiga persen', '3 persen') "
                          "WHERE outlet = 'Kompas.com'"))
    rows = audit_rows(runner, wf_db, "verbatim")
    assert [r["outlet"] for r in rows] == ["Kompas.com"]
    assert "Defisit anggaran" in rows[0]["text"]
    shown = invoke(runner, "show", f"q{rows[0]['quote_id']}", "--db", wf_db)
    assert "no longer holds this quote" in shown.stdout


def test_unattributed_and_low_confidence_quotes(runner, wf_engine, wf_db: str) -> None:
    unattributed = audit_rows(runner, wf_db, "unattributed")
    assert [r["outlet"] for r in unattributed] == ["Viva"]
    low = audit_rows(runner, wf_db, "low_confidence")
    assert [r["outlet"] for r in low] == ["Okezone", "Tribunnews"]  # least sure first
    assert "confidence 0.30" in low[0]["detail"] and "from 'Santoso'" in low[1]["detail"]


def test_audit_formats_share_columns(runner, wf_engine, wf_db: str) -> None:
    result = invoke(runner, "audit", "--db", wf_db, "-f", "csv")
    header = result.stdout.splitlines()[0]
    assert header == "check,severity,claim_id,quote_id,other_quote_id,speaker,outlet," \
                     "article_id,text,detail"
    assert "drift 1" in result.stderr and "conflict 1" in result.stderr


def test_unknown_check_is_a_one_line_error(runner, wf_engine, wf_db: str) -> None:
    result = invoke(runner, "audit", "--check", "spelling", "--db", wf_db)
    assert result.exit_code == 1 and "choose from verbatim" in result.stderr
    assert "Traceback" not in result.stderr


# --- speakers ----------------------------------------------------------------------------------

def test_people_sharing_a_surname_stay_apart(wf_engine) -> None:
    with wf_engine.connect() as conn:
        names = {r[0] for r in conn.execute(text("SELECT name FROM speaker"))}
    assert {"Budi Santoso", "Agus Santoso", "Bambang Hartono", "Agus Hartono"} <= names


def test_short_form_joins_the_one_full_name_with_the_same_role(wf_engine) -> None:
    kejar = quote_id(wf_engine, "Tribunnews", "pelaku lain")
    with wf_engine.connect() as conn:
        name = conn.execute(text("SELECT s.name FROM quote q JOIN speaker s "
                                 "ON s.id = q.speaker_id WHERE q.id = :id"),
                            {"id": kejar}).scalar_one()
        left = conn.execute(text("SELECT count(*) FROM speaker WHERE key = 'santoso'")).scalar()
    assert name == "Agus Santoso" and left == 0


def test_short_form_without_matching_role_stays_its_own_speaker(engine) -> None:
    """On every backend: resolution is plain SQL."""
    items = [a for a in load_articles() if a["key"] in {"kompas-sekolah", "detik-polres",
                                                        "tribun-polres"}]
    items[-1]["quotes"][0].update(role="Ketua RT", affiliation=None)
    store(engine, items)
    from claims.claims_db import refresh_claims

    refresh_claims(engine)
    with engine.connect() as conn:
        names = sorted(r[0] for r in conn.execute(text("SELECT name FROM speaker")))
    assert names == ["Agus Santoso", "Budi Santoso", "Santoso"]


def test_speaker_directory_and_profile(runner, wf_engine, wf_db: str) -> None:
    rows = json.loads(invoke(runner, "speakers", "--search", "santoso", "--db", wf_db,
                             "-f", "json").stdout)
    assert sorted(r["speaker"] for r in rows) == ["Agus Santoso", "Budi Santoso"]
    profile = json.loads(invoke(runner, "speaker", "show", "Agus Santoso", "--db", wf_db,
                                "-f", "json").stdout)
    assert profile["quotes"] == 2
    assert {o["outlet"] for o in profile["outlets"]} == {"Detik", "Tribunnews"}
    role = profile["roles"][0]
    assert role["role"] == "Kapolres" and str(role["first_seen"]) == "2025-06-05"
    assert str(role["last_seen"]) == "2025-06-09"


def test_ambiguous_speaker_name_lists_the_candidates(runner, wf_engine, wf_db: str) -> None:
    result = invoke(runner, "speaker", "show", "Santoso", "--db", wf_db)
    assert result.exit_code == 1
    assert "Agus Santoso" in result.stderr and "Budi Santoso" in result.stderr


def test_merge_and_verdict_change_both_in_history(runner, wf_engine, wf_db: str) -> None:
    invoke(runner, "speaker", "rename", "Agus Hartono", "Agus Hartono Wibowo", "--db", wf_db,
           "--reviewer", "editor")
    merged = invoke(runner, "speaker", "merge", "Bambang Hartono", "Agus Hartono Wibowo",
                    "--db", wf_db, "--reviewer", "editor")
    assert merged.exit_code == 0 and "1 quotes moved" in merged.stderr
    qid = quote_id(wf_engine, "Antara", "bendungan")
    invoke(runner, "review", f"q{qid}", "--verdict", "in_progress", "--db", wf_db,
           "--reviewer", "ani")
    invoke(runner, "review", f"q{qid}", "--verdict", "verified", "--note", "cek dokumen",
           "--db", wf_db, "--reviewer", "budi")
    rows = json.loads(invoke(runner, "history", f"q{qid}", "--db", wf_db, "-f", "json").stdout)
    actions = [r["action"] for r in rows]
    assert actions == ["speaker.merge", "review", "review"]
    assert rows[-1]["old"]["verdict"] == "in_progress" and rows[-1]["new"]["verdict"] == "verified"
    assert rows[-1]["actor"] == "budi"
    everything = json.loads(invoke(runner, "history", "--db", wf_db, "-f", "json").stdout)
    assert [r["action"] for r in everything] == [
        "speaker.rename", "speaker.merge", "speaker.merged_into", "review", "review"]
    # later ingests of the merged name resolve to the kept speaker
    from claims.speakers import find_speaker

    with wf_engine.connect() as conn:
        assert find_speaker(conn, "Agus Hartono")["name"] == "Bambang Hartono"


def test_rename_onto_an_existing_name_suggests_a_merge(runner, wf_engine, wf_db) -> None:
    result = invoke(runner, "speaker", "rename", "Agus Hartono", "Bambang Hartono",
                    "--db", wf_db)
    assert result.exit_code == 1 and "claims speaker merge" in result.stderr


# --- review and the audit log ------------------------------------------------------------------

def test_review_records_old_and_new_and_keeps_the_note(runner, wf_engine, wf_db) -> None:
    cid = claim_of(wf_engine, quote_id(wf_engine, "Kompas.com", "Defisit"))
    first = invoke(runner, "review", f"c{cid}", "--verdict", "false", "--note", "data BPS",
                   "--db", wf_db, "--reviewer", "ani")
    assert first.exit_code == 0 and "unreviewed -> false" in first.stderr
    invoke(runner, "review", f"c{cid}", "--verdict", "misleading", "--db", wf_db,
           "--reviewer", "budi")
    with wf_engine.connect() as conn:
        review = conn.execute(text("SELECT verdict, note, reviewer FROM review")).all()
        log = conn.execute(text("SELECT actor, old, new FROM audit_log ORDER BY id")).all()
    assert review == [("misleading", "data BPS", "budi")]
    assert [row[0] for row in log] == ["ani", "budi"]
    old, new = (v if isinstance(v, dict) else json.loads(v) for v in log[1][1:])  # JSONB: dict
    assert old["verdict"] == "false" and new["verdict"] == "misleading"


@pytest.mark.parametrize(("target", "message"), [
    ("123", "write q123 for a quote"),
    ("c999", "no claim c999"),
    ("s1", "only quotes (q123) and claims (c45)"),
])
def test_review_errors_are_one_line(runner, wf_engine, wf_db, target, message) -> None:
    result = invoke(runner, "review", target, "--verdict", "false", "--db", wf_db)
    assert result.exit_code == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_verdict_is_a_usage_error(runner, wf_engine, wf_db) -> None:
    result = invoke(runner, "review", "q1", "--verdict", "hoax", "--db", wf_db)
    assert result.exit_code == 2 and "unverifiable" in result.stderr


def test_audit_log_cannot_be_updated_or_deleted(runner, wf_engine, wf_db) -> None:
    qid = quote_id(wf_engine, "Kompas.com", "Defisit")
    invoke(runner, "review", f"q{qid}", "--verdict", "verified", "--db", wf_db)
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises((IntegrityError, DatabaseError), match="append-only"), \
                wf_engine.begin() as conn:
            conn.execute(text(statement))
    with wf_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar() == 1


def _article(key: str, outlet: str, day: str, body: str, quote: str, speaker: str) -> dict:
    return {"key": key, "outlet": outlet, "published": day, "lang": "id", "title": key,
            "url": f"https://example.org/{key}", "text": body,
            "quotes": [{"text": quote, "speaker": speaker, "cue": "kata", "said_on": day,
                        "resolution": "named", "confidence": 0.9}]}


def test_statements_that_only_start_alike_or_recur_later_are_different_claims(
        sqlite_engine) -> None:
    from claims.claims_db import refresh_claims

    opening = "Kami mengimbau masyarakat untuk "
    first = f'"{opening}tidak membakar sampah di lahan gambut selama kemarau,"'
    second = f'"{opening}segera melapor jika melihat titik api di sekitar rumah,"'
    later = '"Tiga tersangka kami amankan bersama barang bukti tujuh sepeda motor,"'
    store(sqlite_engine, [
        _article("a", "Antara", "2025-08-01", f"Pekanbaru - {first} kata Dewi.", first,
                 "Dewi Anggraini"),
        _article("b", "Kompas.com", "2025-08-01", f"PEKANBARU - {second} kata Dewi.", second,
                 "Dewi Anggraini"),
        _article("c", "Detik", "2025-06-05", f"Sukoharjo - {later} kata Agus.", later,
                 "Agus Santoso"),
        _article("d", "Tempo", "2025-09-20", f"TEMPO.CO, Sukoharjo - {later} kata Agus.", later,
                 "Agus Santoso"),
    ])
    refresh_claims(sqlite_engine)
    with sqlite_engine.connect() as conn:
        claims = conn.execute(text("SELECT a.source_id, q.claim_id FROM quote q "
                                   "JOIN article a ON a.id = q.article_id")).all()
    ids = dict(claims)
    assert ids["a"] != ids["b"]  # same opening, different requests
    assert ids["c"] != ids["d"]  # the same words three months later: said again


def test_claims_rebuild_command_reports_relations(runner, wf_engine, wf_db: str) -> None:
    result = invoke(runner, "claims", "rebuild", "--db", wf_db)
    assert result.exit_code == 0
    assert "3 in 2+ outlets" in result.stderr and "substantive 1" in result.stderr
    assert "ids kept 9, new 0, removed 0" in result.stderr
    as_json = json.loads(invoke(runner, "claims", "rebuild", "--db", wf_db, "-f",
                                "json").stdout)
    assert as_json[0]["claims"] == 9 and json.loads(as_json[0]["relations"])["identical"] == 3


def test_duplicate_speakers_come_with_the_merge_command(runner, engine, db: str) -> None:
    quote = '"Indonesia mendukung penuh gencatan senjata di Gaza tanpa syarat apa pun,"'
    store(engine, [
        _article("a", "Antara", "2025-08-01", f"Jakarta - {quote} kata Retno.", quote,
                 "Retno Marsudi"),
        _article("b", "Kompas.com", "2025-08-02", f"JAKARTA - {quote} ujar Retno.", quote,
                 "Retno Marsudy"),
        _article("c", "Detik", "2025-08-02", f"Jakarta - {quote} kata Retno!", quote,
                 "Retno Marsudi"),
    ])
    rows = audit_rows(runner, db, "duplicate_speaker")
    assert len(rows) == 1
    assert "spelling" in rows[0]["detail"]
    keep, dup = rows[0]["detail"].split("claims speaker merge ")[1].split()
    merged = invoke(runner, "speaker", "merge", keep, dup, "--db", db)
    assert merged.exit_code == 0 and "Retno Marsudy" in merged.stderr
    assert audit_rows(runner, db, "duplicate_speaker") == []


def test_regrouping_with_nothing_new_is_a_no_op_on_each_backend(wf_engine) -> None:
    """A second ingest finding every quote already grouped (the case of two concurrent
    ingests on PostgreSQL) regroups nothing and changes nothing."""
    from claims.claims_db import refresh_claims

    with wf_engine.connect() as conn:
        before = conn.execute(text("SELECT id, claim_id, relation FROM quote ORDER BY id")).all()
    summary = refresh_claims(wf_engine)
    with wf_engine.connect() as conn:
        after = conn.execute(text("SELECT id, claim_id, relation FROM quote ORDER BY id")).all()
    assert summary.quotes == 0 and summary.quotes_changed == 0
    assert after == before
