"""The working state of extraction over one document: the spaCy Doc, what has been found so far
(actor mentions by token), and helpers that record entities, mentions and facts with evidence."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Hashable

from spacy.tokens import Doc, Span, Token

from kg import model
from kg.data.event_codes import EventTable, event_table
from kg.model import Document, DocumentExtraction, Entity, Evidence, Fact, Mention
from kg.nlp.gazetteer import Gazetteer
from kg.nlp.story_lines import StoryLines, story_lines


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
    # the event coding: kg's table, with a user's rows (`--events`) where given
    event_table: EventTable = field(default_factory=event_table)
    extraction: DocumentExtraction = field(init=False)
    actors: list[Actor] = field(default_factory=list)
    # "he"/"she" standing for a person (kg.nlp.coreference): read like the person's mentions by
    # the rules on what is said of a subject, but not mentions themselves
    pronoun_persons: list[Actor] = field(default_factory=list)
    _by_token: dict[int, Actor] = field(default_factory=dict)
    # every actor by its first token, nested ones included: actors_in reads a span's tokens
    # rather than every actor (a rule calling it once a mention was quadratic on long texts)
    _by_start: dict[int, list[Actor]] = field(default_factory=dict)
    _indexed: tuple[list, int, dict] = field(init=False)   # see _fact_index
    _actor_indexes: dict[str, tuple[int, Actor | None, int, dict]] = field(default_factory=dict)
    _rekeys: int = 0      # how many times rekey ran: an actor index made before is stale
    _last_indexed: tuple | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.extraction = DocumentExtraction(self.document)
        self._indexed = (self.extraction.facts, 0, {})

    # --- the document's tokens, read once --------------------------------------------------
    # Every Token a rule touches is a new Python object; rules that scan the whole document
    # look at these plain lists first and build Tokens only where something may be found.
    @cached_property
    def lowers(self) -> list[str]:
        """Each token's lower-case text."""
        strings = self.doc.vocab.strings
        return [strings[h] for h in self.doc.to_array("LOWER").tolist()]

    @cached_property
    def texts(self) -> list[str]:
        """Each token's text."""
        strings = self.doc.vocab.strings
        return [strings[h] for h in self.doc.to_array("ORTH").tolist()]

    @cached_property
    def text(self) -> str:
        """The Doc's text (Doc.text joins every token each time it is read)."""
        return self.doc.text

    @cached_property
    def lemmas(self) -> list[str]:
        """Each token's lemma, in lower case."""
        strings = self.doc.vocab.strings
        return [strings[h].lower() for h in self.doc.to_array("LEMMA").tolist()]

    @cached_property
    def story_lines(self) -> StoryLines:
        """The headline, bylines, sidebars and paragraphs (kg.nlp.story_lines)."""
        return story_lines(self.doc, self.document.body_start)

    @cached_property
    def sentences(self) -> list[Span]:
        """The document's sentences (the whole document when it has none)."""
        starts, ends = self._sentence_bounds
        return [self.doc[s:e] for s, e in zip(starts, ends)]

    @cached_property
    def _has_sentences(self) -> bool:
        return self.doc.has_annotation("SENT_START")

    @cached_property
    def _sentence_bounds(self) -> tuple[list[int], list[int]]:
        if not self._has_sentences:
            return [0], [len(self.doc)]
        sentences = list(self.doc.sents)
        return [s.start for s in sentences], [s.end for s in sentences]

    def sentence(self, start: int, end: int | None = None) -> Span:
        """The sentence holding tokens [start, end) (several, if the span crosses a boundary),
        as Span.sent gives it, without walking the document."""
        starts, ends = self._sentence_bounds
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, max(start, (end if end is not None else start + 1) - 1)) - 1
        return self.doc[starts[first]:ends[last]]

    def sentences_back(self, i: int, back: int) -> int:
        """Where the sentence `back` sentences before token i's starts (the document's start
        if there are fewer)."""
        starts, _ = self._sentence_bounds
        return starts[max(0, bisect_right(starts, i) - 1 - back)]

    def name_head(self, actor: Actor) -> Token:
        """The syntactic head of a name: "Guliyev" in "Rauf Guliyev" (the NER span's last
        word, climbed up through compound and flat links inside the name)."""
        head = self.doc[actor.end - 1]
        while head.dep_ in ("compound", "flat") and head.head.i < actor.end:
            head = head.head
        return head

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
        self._by_start.setdefault(actor.start, []).append(actor)
        for i in range(actor.start, actor.end):
            self._by_token[i] = actor
        span = self.doc[actor.start:actor.end]
        self.extraction.mentions.append(
            Mention(actor.key, self.document.id, span.start_char, span.end_char, span.text))
        return actor

    def remove_actor(self, actor: Actor) -> None:
        """Forget an actor mention: its tokens, its mention, and its entity when no other
        mention names it (a rule found later that it names nothing worth keeping)."""
        self.actors.remove(actor)
        self._by_start[actor.start].remove(actor)
        for i in range(actor.start, actor.end):
            if self._by_token.get(i) is actor:
                del self._by_token[i]
        begin = self.doc[actor.start:actor.end].start_char
        mentions = self.extraction.mentions
        mentions[:] = [m for m in mentions if (m.begin, m.entity) != (begin, actor.key)]
        if not any(m.entity == actor.key for m in mentions):
            self.extraction.entities.pop(actor.key, None)

    def actor_at(self, token: Token | int) -> Actor | None:
        index = token if isinstance(token, int) else token.i
        return self._by_token.get(index)

    def actors_in(self, span: Span) -> list[Actor]:
        """Every actor mention inside the span, nested ones included, in text order."""
        if len(span) > len(self.actors):
            found = [a for a in self.actors if span.start <= a.start and a.end <= span.end]
        else:
            found = [a for i in range(span.start, span.end) for a in self._by_start.get(i, ())
                     if a.end <= span.end]
        return sorted(found, key=lambda a: (a.start, -a.end))

    def last_actor_by(self, name: str, key_of: Callable[[Actor], Hashable | None],
                      ) -> dict[Hashable, Actor]:
        """For each value of `key_of` (None: not indexed), the last actor found with it. `name`
        names the index, made once and brought up to date with the actors added since the last
        call (a rule asking once a mention would otherwise scan every actor each time); made
        anew after an actor is removed or a key changes."""
        count, last, rekeys, index = self._actor_indexes.get(name, (0, None, -1, {}))
        actors = self.actors
        if rekeys != self._rekeys or len(actors) < count or count and actors[count - 1] is not last:
            count, index = 0, {}
        for actor in actors[count:]:
            value = key_of(actor)
            if value is not None:
                index[value] = actor
        self._actor_indexes[name] = (len(actors), actors[-1] if actors else None, self._rekeys,
                                     index)
        return index

    def rekey(self, old: str, new: str) -> None:
        """Make every mention and fact of entity `old` one of `new` ("Qureshi" is "Imran
        Qureshi"); `old`'s name becomes an alias of `new`."""
        self._rekeys += 1
        for actor in self.actors:
            if actor.key == old:
                actor.key = new
        self.extraction.rekey({old: new})

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
        sentence = self.sentence(evidence.start, evidence.end) if self._has_sentences \
            else evidence
        self.extraction.facts.append((
            Fact(subject, predicate, obj),
            Evidence(self.document.id, evidence.start_char, evidence.end_char,
                     sentence.start_char, _sentence_end(sentence, self.text), rule,
                     round(confidence, 2), claim)))

    def facts_about(self, subject: str, predicate: str) -> list[Fact]:
        """The distinct facts of `subject` and `predicate` found so far, in the order found. A
        rule may ask once a mention: an index (not a scan of every fact) keeps that linear."""
        return list(self._fact_index().get((subject, predicate), ()))

    def _fact_index(self) -> dict[tuple[str, str], dict[Fact, None]]:
        """The facts by subject and predicate, brought up to date with the facts appended since
        the last call. Rules only append facts, except rekeying (a new list) and filtering (a
        shorter list, whose last indexed fact moves): either makes a new index."""
        facts, (indexed, count, index) = self.extraction.facts, self._indexed
        if facts is not indexed or len(facts) < count or count and facts[count - 1] is not \
                self._last_indexed:
            count, index = 0, {}
        for fact, _ in facts[count:]:
            index.setdefault((fact.subject, fact.predicate), {})[fact] = None
        if facts:
            self._last_indexed = facts[-1]
        self._indexed = (facts, len(facts), index)
        return index


def _sentence_end(sentence: Span, text: str) -> int:
    """End of the sentence's text (`text`: the document's) without trailing whitespace (spaCy
    keeps newlines in it)."""
    end = sentence.end_char
    while end > sentence.start_char and text[end - 1].isspace():
        end -= 1
    return end


def covering_span(doc: Doc, first: int, last: int) -> Span:
    """The span from token `first` to token `last`, inclusive, whatever their order."""
    lo, hi = min(first, last), max(first, last)
    return doc[lo:hi + 1]


STATE_KINDS = (model.STATE,)
