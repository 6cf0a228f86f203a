"""Our spaCy components: the gazetteer's patterns (kg/nlp/gazetteer.py) matched before the
statistical NER (EarlyGazetteer, factory "kg_gazetteer") and after it (LateGazetteer, factory
"kg_late_gazetteer", for names that are often something else)."""
from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.nlp.feature_names import REGION_ADJ, feature_name_around, regional_adjective
from kg.nlp.gazetteer import CAPITAL, ORG, PLACE, STATE, STATE_ADJ, gazetteer_for
from kg.person_names import NAME_PARTICLES

# What the entity ruler before the NER labels our matches with: labels the NER already has.
# A label it lacks makes spaCy's NER add four actions per label and widen its output layer
# (Parser._ensure_labels_are_added), which slows every later document by a tenth and lets
# untrained actions win. The ruler's match id carries our label; the late gazetteer, the first
# component after the NER, puts it back (restore_labels).
_NER_LABEL = {STATE: "GPE", CAPITAL: "GPE", PLACE: "GPE", STATE_ADJ: "NORP", ORG: "ORG"}
_LABEL_SEPARATOR = "|"


def _extra(config: list | None) -> tuple:
    """User entries from a component's config (plain JSON data, see make_gazetteer)."""
    from kg.data.user_gazetteer import from_config

    return from_config(config) if config else ()


# NER labels a late gazetteer match may replace: the NER saw a place or a nationality there.
_REPLACEABLE = {"GPE", "LOC", "NORP", "FAC"}
# A demonym's label in either gazetteer (before the NER it carries the NER's label).
_ADJECTIVE_LABELS = {STATE_ADJ, _NER_LABEL[STATE_ADJ]}


class LateGazetteer:
    """Gazetteer names that are often something else (cities named like people, "Vladimir";
    states named like people, "Jordan"), matched after the NER: a match replaces an NER place
    or nationality, or a state's name the NER took for a person's alone, or fills a gap, but
    never cuts into a person's name or a longer name."""

    def __init__(self, nlp: Language, patterns: list[dict]) -> None:
        self.matcher, self.labels = _matcher_and_labels(nlp, patterns)

    def __call__(self, doc: Doc) -> Doc:
        restore_labels(doc)
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, key = self.labels[doc.vocab.strings[match_id]]
            feature = _not_the_state(doc, start, end, label)
            if feature is not None:   # "Lake Chad": a place, not Chad
                start, end, feature_label = feature
            overlapping = [e for e in doc.ents if e.start < end and start < e.end]
            if all((e.label_ in _REPLACEABLE or (label == STATE and _a_bare_person(doc, e)))
                   and e.start >= start and e.end <= end for e in overlapping):
                spans.append(Span(doc, start, end, label=feature_label) if feature is not None
                             else Span(doc, start, end, label=label, span_id=key))
        spans = [s for s in spans if not (s.label_ == STATE and _inside_other_name(doc, s))
                 and not (s.label_ == PLACE and _a_surname(doc, s.start))]
        places = {s.end: s.id_ for s in spans if s.label_ in (PLACE, CAPITAL)}
        places.update({e.end: e.ent_id_ for e in doc.ents if e.label_ in (PLACE, CAPITAL)})
        # "Atlanta, Georgia": after a city of another state and a comma, a US state, not the country
        spans = [s for s in spans if not (s.label_ == STATE and s.start >= 2
                                          and doc[s.start - 1].text == ","
                                          and _other_state(places.get(s.start - 1), s.id_))]
        if spans:
            spans = filter_spans(spans)
            kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end
                                                   for s in spans)]
            doc.ents = sorted(kept + spans, key=lambda e: e.start)
        return doc


def _matcher_and_labels(nlp: Language, patterns: list[dict],
                        ) -> tuple[_LazyPhraseMatcher, dict[str, tuple[str, str]]]:
    """A matcher for `patterns` whose match ids are "label|id", and what each id stands for."""
    ids = [f"{p['label']}{_LABEL_SEPARATOR}{p['id']}" for p in patterns]
    return (_LazyPhraseMatcher(nlp, [(p["pattern"], i) for p, i in zip(patterns, ids)]),
            {i: (p["label"], p["id"]) for p, i in zip(patterns, ids)})


class _LazyPhraseMatcher:
    """A PhraseMatcher on ORTH that tokenizes a pattern only when a document could hold it.

    Tokenizing the ~7,000 late patterns (mostly cities) and adding them up front cost most of a
    second per process, for names few documents contain. A pattern's tokens, joined without
    whitespace, equal the document tokens it matches, joined the same way; so a pattern is added
    (as orth ids, without a Doc) the first time a run of document tokens spells its squashed
    text, before the real PhraseMatcher runs. The matches are those of a matcher holding every
    pattern, in the same order: each token sequence gets all its match ids at once, added in
    the order of the pattern list, which is what decides PhraseMatcher's order of equal spans.
    """

    def __init__(self, nlp: Language, patterns: list[tuple[str, str]]) -> None:
        self.tokenizer = nlp.tokenizer
        self.strings = nlp.vocab.strings
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        rank: dict[str, int] = {}   # a match id's place in the pattern list
        self.pending: dict[str, list[tuple[int, str, str]]] = {}
        for text, match_id in patterns:
            rank.setdefault(match_id, len(rank))
            self.pending.setdefault(_squash(text), []).append((rank[match_id], text, match_id))
        self.prefixes = {squashed[:n] for squashed in self.pending
                         for n in range(1, len(squashed) + 1)}
        # The same, as the orth ids of tokens that may start a pattern: a token's text never
        # mixes whitespace with other characters (the tokenizer splits at every change), so a
        # first token is its own squashed text. Testing ids spares reading every token's text.
        self.first_orths = {get_string_id(prefix) for prefix in self.prefixes}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        for start, orth in enumerate(doc.to_array(ORTH).tolist()):
            if orth in self.first_orths:
                self._add_spelled_from(doc, start)
        return self.matcher(doc)

    def _add_spelled_from(self, doc: Doc, start: int) -> None:
        """Add the patterns spelled by the tokens from `start` on."""
        text, end = doc[start].text, start + 1
        while text in self.prefixes:
            if text in self.pending:
                self._add(self.pending.pop(text))
            if end == len(doc):
                break
            text += _squash(doc[end].text)
            end += 1

    def _add(self, patterns: list[tuple[int, str, str]]) -> None:
        by_tokens: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        for rank, text, match_id in patterns:
            tokens = tuple(token.text for token in self.tokenizer(text))
            by_tokens.setdefault(tokens, []).append((rank, match_id))
        for tokens, ids in by_tokens.items():
            orths = [self.strings.add(token) for token in tokens]
            for _, match_id in sorted(ids):
                self.matcher.add(match_id, [orths])


def _not_the_state(doc: Doc, start: int, end: int, label: str
                   ) -> tuple[int, int, str] | None:
    """The range and label of a feature's name the match is part of ("Lake Chad", a place:
    LOC), or of a region's adjective ("Latin American": REGION_ADJ, which names no entity), or
    None."""
    if label == ORG:
        return None
    if (feature := feature_name_around(doc, start, end)) is not None:
        return (*feature, "LOC")
    if label in _ADJECTIVE_LABELS and end == start + 1 and (
            region := regional_adjective(doc, start)) is not None:
        return (*region, REGION_ADJ)
    return None


def _squash(text: str) -> str:
    return "".join(text.split())


# Words after a name that make it a US state or a sub-national unit: "Georgia Governor X".
_SUBNATIONAL_NEXT = {"governor", "senator", "state", "county", "legislature", "tech",
                     "assembly", "representative", "congressman", "congresswoman"}


def _inside_other_name(doc: Doc, span: Span) -> bool:
    """An often-ambiguous state name that is part of another name: "Spanish Guinea" (a
    colony), "Georgia Governor Jane Doe" (a US state)."""
    if span.end < len(doc) and doc[span.end].lower_ in _SUBNATIONAL_NEXT:
        return True
    if span.start > 0:
        before = doc[span.start - 1]
        return before.is_title and not before.is_sent_start and before.pos_ in ("PROPN", "ADJ")
    return False


def _a_surname(doc: Doc, start: int) -> bool:
    """Whether a name at `start` ends a person's name the NER found before it, after any
    particles of surnames ("Jose Eduardo dos Santos": a surname, not the Brazilian port)."""
    i = start - 1
    while i >= 0 and doc[i].text in NAME_PARTICLES:
        i -= 1
    return 0 <= i < start - 1 and doc[i].ent_type_ == "PERSON"


def _a_bare_person(doc: Doc, ent: Span) -> bool:
    """A person the NER found in a state's name alone ("Jordan closed its border"), where the
    text names no person of whose name it is a part ("Michael Jordan … Jordan said"): the
    state, as a surname alone stands for a person named in full before."""
    return ent.label_ == "PERSON" and not any(
        e.label_ == "PERSON" and len(e) > len(ent) and ent.text in e.text.split()
        for e in doc.ents)


def _other_state(place_key: str | None, state_key: str) -> bool:
    """Whether a place key (place/USA/atlanta) lies in a state other than state_key (state/GEO)."""
    if not place_key:
        return False
    return place_key.split("/")[1] != state_key.split("/")[1]


@Language.factory("kg_late_gazetteer", default_config={"extra_entries": []})
def make_late_gazetteer(nlp: Language, name: str, extra_entries: list) -> LateGazetteer:
    return LateGazetteer(nlp, gazetteer_for(_extra(extra_entries)).late_patterns)


@Language.factory("kg_gazetteer", default_config={"extra_entries": []})
def make_gazetteer(nlp: Language, name: str, extra_entries: list) -> EarlyGazetteer:
    """Our table patterns, matched before the NER. `extra_entries`: a user gazetteer's entries
    as JSON data (UserEntry.to_config())."""
    return EarlyGazetteer(nlp, [_ner_pattern(p)
                                for p in gazetteer_for(_extra(extra_entries)).patterns])


class EarlyGazetteer:
    """What spaCy's EntityRuler does with phrase patterns on ORTH and overwrite_ents, so that
    "turkey" is not Turkey and every match carries its entity key as the span's ent_id: the
    longest match wins, then the earliest, and it replaces any entity it overlaps. Where two
    patterns spell the same words ("Luxembourg", a state and its capital) the first in the
    gazetteer's order wins (states come first), not whichever hash sorts first as in the ruler.
    Its patterns are tokenized lazily (_LazyPhraseMatcher): a fifth of a second less per process.
    """

    def __init__(self, nlp: Language, patterns: list[dict]) -> None:
        self.matcher, self.labels = _matcher_and_labels(nlp, patterns)
        self.rank = {match_id: rank for rank, match_id in enumerate(self.labels)}  # list order

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        matches = sorted({(strings[m], start, end) for m, start, end in self.matcher(doc)
                          if start != end},
                         key=lambda m: (m[1] - m[2], m[1], self.rank[m[0]]))
        entities, new, seen = list(doc.ents), [], set()
        for match_id, start, end in matches:
            if start in seen or end - 1 in seen:
                continue
            label, key = self.labels[match_id]
            feature = _not_the_state(doc, start, end, label)
            if feature is not None:   # "the South China Sea": a place, not China
                start, end, feature_label = feature
                new.append(Span(doc, start, end, label=feature_label))
            else:
                new.append(Span(doc, start, end, label=label, span_id=key))
            entities = [e for e in entities if not (e.start < end and e.end > start)]
            seen.update(range(start, end))
        doc.ents = entities + new
        return doc


def _ner_pattern(pattern: dict) -> dict:
    """A pattern as the ruler before the NER holds it. A user's person is PERSON already."""
    label = pattern["label"]
    if label not in _NER_LABEL:
        return pattern
    return {"label": _NER_LABEL[label], "pattern": pattern["pattern"],
            "id": f"{label}{_LABEL_SEPARATOR}{pattern['id']}"}


def restore_labels(doc: Doc) -> None:
    """Give the entity ruler's matches our label and our key back (see _NER_LABEL)."""
    ents = list(doc.ents)
    changed = False
    for i, ent in enumerate(ents):
        label, separator, key = ent.ent_id_.partition(_LABEL_SEPARATOR)
        if separator:
            ents[i] = Span(doc, ent.start, ent.end, label=label, span_id=key)
            changed = True
    if changed:
        doc.ents = ents
