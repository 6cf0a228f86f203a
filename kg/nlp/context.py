"""The working state of extraction over one document: the spaCy Doc, what has been found so far
(actor mentions by token), and helpers that record entities, mentions and facts with evidence."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from kg import model
from kg.model import Document, DocumentExtraction, Entity, Evidence, Fact, Mention
from kg.nlp.gazetteer import Gazetteer


@dataclass
class Actor:
    """One mention of an entity, by token range [start, end) in the Doc."""

    start: int
    end: int
    key: str
    kind: str
    state: str | None = None          # ISO3 the entity belongs to, where known
    adjective: bool = False           # "Azerbaijani" rather than "Azerbaijan"
    metonym: bool = False             # a capital standing for its government


@dataclass
class DocContext:
    doc: Doc
    document: Document
    gazetteer: Gazetteer
    extraction: DocumentExtraction = field(init=False)
    actors: list[Actor] = field(default_factory=list)
    _by_token: dict[int, Actor] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.extraction = DocumentExtraction(self.document)

    # --- entities and mentions -------------------------------------------------------------
    def add_entity(self, entity: Entity) -> Entity:
        return self.extraction.add_entity(entity)

    def add_actor(self, actor: Actor, entity: Entity | None = None, *, nest: bool = False) -> Actor:
        """Record an actor mention (and its entity). A token already covered by an actor keeps
        the first one found (callers run from the most to the least specific rule), unless
        `nest`: an organisation's name may hold a state's ("Azerbaijan Army")."""
        covered = [self._by_token[i] for i in range(actor.start, actor.end) if i in self._by_token]
        if covered and not nest:
            return covered[0]
        if entity is not None:
            self.add_entity(entity)
        self.actors.append(actor)
        for i in range(actor.start, actor.end):
            self._by_token[i] = actor
        span = self.doc[actor.start:actor.end]
        self.extraction.mentions.append(
            Mention(actor.key, self.document.id, span.start_char, span.end_char, span.text))
        return actor

    def actor_at(self, token: Token | int) -> Actor | None:
        index = token if isinstance(token, int) else token.i
        return self._by_token.get(index)

    def actors_in(self, span: Span) -> list[Actor]:
        """Every actor mention inside the span, nested ones included, in text order."""
        return sorted((a for a in self.actors if span.start <= a.start and a.end <= span.end),
                      key=lambda a: (a.start, -a.end))

    def rekey(self, old: str, new: str) -> None:
        """Make every mention and fact of entity `old` one of `new` ("Haqqani" is "Husain
        Haqqani"); `old`'s name becomes an alias of `new`."""
        for actor in self.actors:
            if actor.key == old:
                actor.key = new
        self.extraction.mentions = [replace(m, entity=new) if m.entity == old else m
                                    for m in self.extraction.mentions]
        self.extraction.facts = [
            (Fact(new if f.subject == old else f.subject, f.predicate,
                  new if f.object == old else f.object), e)
            for f, e in self.extraction.facts]
        entity = self.extraction.entities.pop(old, None)
        if entity is not None and new in self.extraction.entities:
            self.extraction.entities[new].merge(entity)

    def overlaps(self, span: Span) -> bool:
        return any(i in self._by_token for i in range(span.start, span.end))

    def state_entity(self, iso3: str) -> str:
        """Make sure the State entity is in the extraction; return its key."""
        key = f"state/{iso3}"
        if key in self.gazetteer.entries:
            self.add_entity(self.gazetteer.entity(key))
        return key

    # --- facts ----------------------------------------------------------------------------
    def add_fact(self, subject: str, predicate: str, obj: str, evidence: Span, rule: str,
                 confidence: float, claim: str | None = None) -> None:
        sentence = evidence.sent if evidence.doc.has_annotation("SENT_START") else evidence
        self.extraction.facts.append((
            Fact(subject, predicate, obj),
            Evidence(self.document.id, evidence.start_char, evidence.end_char,
                     sentence.start_char, _sentence_end(sentence), rule, round(confidence, 2),
                     claim)))

    def facts_about(self, subject: str, predicate: str) -> list[Fact]:
        return [f for f, _ in self.extraction.facts
                if f.subject == subject and f.predicate == predicate]


def _sentence_end(sentence: Span) -> int:
    """End of the sentence's text without trailing whitespace (spaCy keeps newlines in it)."""
    return sentence.start_char + len(sentence.text.rstrip())


def covering_span(doc: Doc, first: int, last: int) -> Span:
    """The span from token `first` to token `last`, inclusive, whatever their order."""
    lo, hi = min(first, last), max(first, last)
    return doc[lo:hi + 1]


STATE_KINDS = (model.STATE,)
