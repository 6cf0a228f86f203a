"""Test setup: the package is not installed in development, so import it from the repo root."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = str(Path(__file__).resolve().parent.parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline with our components, loaded once for all extraction tests."""
    from kg.nlp.pipeline import load_pipeline

    pipeline, _info = load_pipeline()
    return pipeline


@pytest.fixture(scope="session")
def extract_text(nlp):
    """extract_text(text, date=None, place=None, doc_id="t") -> DocumentExtraction."""
    from kg.model import Document
    from kg.nlp.extract import extract

    def run(text: str, date: str | None = None, place: str | None = None, doc_id: str = "t"):
        document = Document(id=doc_id, text=text, date=date, dateline_place=place)
        return extract(nlp(text), document)

    return run
