"""The analysts' notebooks run top to bottom against a database built from ``data/``.

Each notebook is executed with nbclient in its own temporary directory, on its own copy of
the database (the audit notebook records verdicts), and must produce at least one picture.
The corpus notebook runs on a few hundred corpus articles when ``../shared`` is present (on
the bundled sample otherwise); the full-corpus run is the separate CI step
``CLAIMS_NOTEBOOK_FULL_CORPUS=1 .venv/bin/python -m pytest tests/test_notebooks.py -k full``.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
CORPUS = REPO.parent / "shared" / "corpus" / "id-news.jsonl.gz"
CELL_TIMEOUT = 600
FULL_CORPUS_BUDGET = 120.0  # seconds, the limit for the whole notebook


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample, ingested and grouped into claims once for all notebooks."""
    import claims

    path = tmp_path_factory.mktemp("sample") / "claims.db"
    with claims.open(path) as db:
        db.ingest_sample()
        db.refresh_claims()
    return path


def run_notebook(name: str, workdir: Path, env: dict[str, str]) -> nbformat.NotebookNode:
    """Execute a stored notebook in ``workdir`` with ``env`` set; return it with outputs."""
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    saved = {k: os.environ.get(k) for k in [*env, "MPLBACKEND"]}
    os.environ.update({**env, "MPLBACKEND": "Agg"})
    try:
        client = nbclient.NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name="python3",
                                         resources={"metadata": {"path": str(workdir)}})
        client.execute()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> list[dict]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]


def images(notebook: nbformat.NotebookNode) -> int:
    return sum("image/png" in o.get("data", {}) for o in outputs(notebook))


def printed(notebook: nbformat.NotebookNode) -> str:
    return "".join(o.get("text", "") for o in outputs(notebook) if o["output_type"] == "stream")


def test_every_notebook_is_stored_without_outputs() -> None:
    stored = sorted(NOTEBOOKS.glob("*.ipynb"))
    assert len(stored) >= 3
    for path in stored:
        notebook = nbformat.read(path, as_version=4)
        code = [c for c in notebook.cells if c.cell_type == "code"]
        assert all(not c.outputs and c.execution_count is None for c in code), path.name
        assert notebook.metadata["kernelspec"]["name"] == "python3", path.name


#: Files each notebook must leave in its working directory, with words they must contain
#: (the audit must find the bundled sample's conflict and its changed number).
EXPECTED_FILES: dict[str, dict[str, list[str]]] = {
    "01-who-said-what.ipynb": {},
    "02-fact-check-audit.ipynb": {
        "audit.csv": ["check,severity", "conflict", "drift", "[-dua-] {+tiga+}"],
        "reviewed-quotes.csv": ["claim_id"],
        "claimreview.json": ["ClaimReview", "Menyesatkan"],
    },
    "03-corpus-who-gets-quoted.ipynb": {},
}


@pytest.mark.parametrize(("name", "corpus"), [
    *[pytest.param(name, CORPUS, id=name.removesuffix(".ipynb"))
      for name in sorted(EXPECTED_FILES)],
    # A fresh clone without ../shared: the corpus notebook falls back to the sample.
    pytest.param("03-corpus-who-gets-quoted.ipynb", Path("no-such-corpus.jsonl.gz"),
                 id="03-corpus-who-gets-quoted-without-shared"),
])
def test_notebook_runs_on_the_sample(name: str, corpus: Path, sample_db: Path,
                                     tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    shutil.copy(sample_db, db)
    # The corpus notebook reads only a slice of the shared corpus here (the full run is slow).
    env = {"CLAIMS_DB": str(db), "CLAIMS_CORPUS_DB": str(tmp_path / "corpus.db"),
           "CLAIMS_CORPUS_LIMIT": "300", "CLAIMS_CORPUS": str(corpus)}
    notebook = run_notebook(name, tmp_path, env)
    if name.startswith("03"):
        source = "id-news.jsonl.gz" if corpus.exists() else "the bundled sample"
        assert source in printed(notebook)
    assert not [o for o in outputs(notebook) if o["output_type"] == "error"]
    assert images(notebook) >= 1
    for filename, words in EXPECTED_FILES[name].items():
        content = (tmp_path / filename).read_text(encoding="utf-8")
        assert all(w in content for w in words), (filename, words)


@pytest.mark.skipif(os.environ.get("CLAIMS_NOTEBOOK_FULL_CORPUS") != "1" or not CORPUS.exists(),
                    reason="full-corpus run: set CLAIMS_NOTEBOOK_FULL_CORPUS=1 (needs ../shared)")
def test_corpus_notebook_on_the_full_corpus_within_budget(tmp_path: Path) -> None:
    started = time.perf_counter()
    notebook = run_notebook("03-corpus-who-gets-quoted.ipynb", tmp_path, {
        "CLAIMS_CORPUS": str(CORPUS), "CLAIMS_CORPUS_DB": str(tmp_path / "corpus.db"),
        "CLAIMS_CORPUS_LIMIT": "0", "CLAIMS_DB": str(tmp_path / "unused.db")})
    elapsed = time.perf_counter() - started
    print(printed(notebook))
    assert images(notebook) >= 1
    assert elapsed < FULL_CORPUS_BUDGET, f"corpus notebook took {elapsed:.0f}s"
