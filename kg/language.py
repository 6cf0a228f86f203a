"""Is a document English? kg's model and rules read English only.

Conservative on purpose: a document is taken for another language only when it is long enough
to judge and py3langid (a naive Bayes classifier over byte n-grams: deterministic, offline, a few
milliseconds a text) names another language with a probability of 0.99 or more. A headline, a
sentence, or English thick with foreign names is never skipped.

Most English text is recognised first by its function words ("the", "of", "said", …), without the
classifier, whose model takes a second or two to load; it is loaded only for a text that does
not read as English that way.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

ENGLISH = "en"
MIN_LETTERS = 200          # shorter texts (a headline, a sentence or two) are never judged
SAMPLE = 4000              # characters judged: the opening of a long text is enough
CONFIDENCE = 0.99          # the classifier's probability needed to call a text not English
# Words frequent in any English prose and rare as words of other languages written in Latin
# letters (not "a", "in", "is", "was", "to", "by", "for": words of French, German, Dutch, Polish…)
_ENGLISH_WORDS = frozenset(
    "the of and that with from said which their this have has were been would its after about "
    "who they not are will than also".split())
_ENGLISH_SHARE = 0.08      # English prose has 15-30 % of these; other languages under 2 %
_WORD = re.compile(r"[^\W\d_]+")


def foreign_language(text: str) -> tuple[str, str] | None:
    """(ISO 639 code, English name) of the language `text` looks like, when that is confidently
    not English; None for English and for whatever cannot be judged."""
    sample = text[:SAMPLE]
    words = _WORD.findall(sample)
    if sum(len(w) for w in words) < MIN_LETTERS:
        return None
    if sum(1 for w in words if w.lower() in _ENGLISH_WORDS) >= _ENGLISH_SHARE * len(words):
        return None
    code, probability = _identifier().classify(sample)
    if code == ENGLISH or probability < CONFIDENCE:
        return None
    return code, language_name(code)


def language_name(code: str) -> str:
    """'fr' → 'French', 'pcm' → 'Nigerian Pidgin'; the code itself when pycountry lacks it."""
    import pycountry

    try:
        language = pycountry.languages.lookup(code)
    except LookupError:
        return code
    return getattr(language, "common_name", None) or language.name


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
