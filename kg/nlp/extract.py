"""One document through our rules: a spaCy Doc in, a DocumentExtraction (plain data) out.

The order matters: each step may use what the earlier ones found (states before the bodies
named after them, bodies before the people who hold posts in them, all before agreements).
Claims come next to last: they mark the evidence the other steps found inside reported
speech. Events come last: they read every actor, agreement and claim.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kg.data.event_codes import EventTable, event_table
from kg.model import Document, DocumentExtraction
from kg.nlp.actors import find_ner_places, find_table_actors
from kg.nlp.agreements import find_agreements
from kg.nlp.claims import find_claims
from kg.nlp.context import DocContext
from kg.nlp.coreference import find_pronoun_persons
from kg.nlp.events import find_events
from kg.nlp.gazetteer import Gazetteer, default_gazetteer
from kg.nlp.headed_organizations import find_headed_organizations
from kg.nlp.listed_parties import find_listed_parties
from kg.nlp.memberships import find_memberships
from kg.nlp.named_parties import find_named_parties
from kg.nlp.ner_organizations import find_ner_organizations
from kg.nlp.organizations import find_organizations
from kg.nlp.people import find_people
from kg.nlp.political_roles import find_political_roles
from kg.nlp.posts import find_posts
from kg.nlp.titled_referents import find_titled_referents

STEPS = (find_table_actors, find_organizations, find_headed_organizations, find_named_parties,
         find_listed_parties, find_people, find_ner_organizations, find_pronoun_persons,
         find_posts, find_titled_referents, find_memberships, find_political_roles,
         find_ner_places, find_agreements, find_claims, find_events)


def extract(doc: Doc, document: Document, gazetteer: Gazetteer | None = None,
            events: EventTable | None = None) -> DocumentExtraction:
    """`gazetteer` and `events` default to kg's own tables (no user gazetteer, no --events)."""
    ctx = DocContext(doc, document, gazetteer or default_gazetteer(), events or event_table())
    for step in STEPS:
        step(ctx)
    return ctx.extraction
