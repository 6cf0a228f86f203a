"""The groups a text names by what they are, not by name (``actor_groups.csv``): "rebels",
"the police", "striking miners". An event coder counts such a group as an actor of its state
(kg/nlp/events/roles.py). Each row is a plural or collective noun (or the one of a kind no
name is given for: "a suicide bomber") and the PLOVER sector it belongs to; a word matches a
row by its own form or its lemma. We wrote the table from the nouns agency news uses."""
from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def actor_groups() -> dict[str, str]:
    """noun (lower case) → PLOVER sector code."""
    text = (resources.files(__package__) / "actor_groups.csv").read_text(encoding="utf-8")
    return {row["noun"].strip().lower(): row["sector"].strip()
            for row in csv.DictReader(io.StringIO(text))}
