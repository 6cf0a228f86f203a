"""A small graph made by hand, for the fault tests (tests/test_faults_*.py): writers, stores
and caches can be exercised without loading the spaCy model."""
from __future__ import annotations

from kg.export.rdf_terms import BuildInfo
from kg.model import Document, DocumentExtraction, Entity, Evidence, Fact, KnowledgeGraph, Mention

TEXT = "OSLO — Norway and Chile signed a fisheries accord on Monday.\n"
INFO = BuildInfo(kg_version="0", model_name="none", model_version="0")


def small_extraction() -> DocumentExtraction:
    """Two states, an agreement with them as parties, their mentions and the facts' evidence."""
    extraction = DocumentExtraction(Document("oslo", TEXT))
    for key, name in (("state/NOR", "Norway"), ("state/CHL", "Chile")):
        extraction.add_entity(Entity(key, "state", name, attributes={"iso3": key[-3:]}))
        begin = TEXT.index(name)
        extraction.mentions.append(Mention(key, "oslo", begin, begin + len(name), name))
    accord = Entity("agreement/CHL-NOR/accord", "agreement", "fisheries accord")
    extraction.add_entity(accord)
    for party in ("state/NOR", "state/CHL"):
        extraction.facts.append((Fact(accord.key, "party", party),
                                 Evidence("oslo", 7, 59, 0, len(TEXT), "test", 0.9)))
    return extraction


def small_graph() -> KnowledgeGraph:
    graph = KnowledgeGraph()
    graph.add_extraction(small_extraction())
    return graph
