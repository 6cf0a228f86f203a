"""`officials` gives one row per person, post and organisation: a post named once without its
body and once in it is one post (kg.consolidate.merge_posts_without_their_body), whatever the
case of its title."""
from __future__ import annotations

from pathlib import Path

from kg.consolidate import merge_posts_without_their_body
from kg.export.rdf import to_rdf
from kg.export.rdf_terms import BuildInfo
from kg.model import Document, DocumentExtraction, Entity, Evidence, Fact, KnowledgeGraph
from kg.query import query_graph, run_query

EXPORT = Path(__file__).resolve().parent.parent / "exports" / "graph.ttl"
INFO = BuildInfo(kg_version="0", model_name="none", model_version="0")
TEXT = ("GENEVA — UN Special Envoy Lena Moreau met both delegations on Monday. Later, special "
        "envoy Lena Moreau said the talks would resume. Mayor Tomas Berg of Lund and Mayor "
        "Ines Holt attended.\n")


def _graph(posts: list[tuple[str, str, str, str | None]]) -> KnowledgeGraph:
    """People holding posts: (person key, post key, title, body key or None)."""
    extraction = DocumentExtraction(Document("geneva", TEXT))
    for key, kind, name in (("org/_/united-nations", "international_organization", "UN"),
                            ("org/_/african-union", "international_organization", "AU"),
                            ("place/SWE/lund", "place", "Lund")):
        extraction.add_entity(Entity(key, kind, name))
    evidence = Evidence("geneva", 0, 10, 0, 60, "test", 0.8)
    for person, post, title, body in posts:
        name = person.split("/")[-1].replace("-", " ").title()
        extraction.add_entity(Entity(person, "person", name))
        extraction.add_entity(Entity(post, "post", title, attributes={"title": title}))
        extraction.facts.append((Fact(person, "holds", post), evidence))
        if body is not None:
            extraction.facts.append((Fact(post, "postIn", body), evidence))
    graph = KnowledgeGraph()
    graph.add_extraction(extraction)
    return graph


def _officials(graph: KnowledgeGraph) -> list[tuple[str, str, str]]:
    rows = query_graph(to_rdf(graph, build_info=INFO, named_graphs=False), "officials").rows
    return [(name, post, org) for _, name, post, org, _ in rows]


def test_a_post_named_without_its_body_is_the_one_its_holder_holds_in_a_body() -> None:
    graph = _graph([("person/lena-moreau", "post/person/lena-moreau/special-envoy",
                     "special envoy", None),
                    ("person/lena-moreau", "post/org/_/united-nations/special-envoy",
                     "Special Envoy", "org/_/united-nations")])
    assert merge_posts_without_their_body(graph) == {
        "post/person/lena-moreau/special-envoy": "post/org/_/united-nations/special-envoy"}
    assert _officials(graph) == [("Lena Moreau", "Special Envoy", "UN")]
    # The evidence of both mentions now supports the one post.
    assert len(graph.facts[Fact("person/lena-moreau", "holds",
                                "post/org/_/united-nations/special-envoy")]) == 1


def test_posts_of_other_titles_and_other_people_stay_apart() -> None:
    """Another title ("envoy") is another post, and a post without a body is never another
    person's: "Mayor Ines Holt" is not mayor of Lund because Tomas Berg is."""
    graph = _graph([("person/lena-moreau", "post/person/lena-moreau/envoy", "envoy", None),
                    ("person/lena-moreau", "post/org/_/united-nations/special-envoy",
                     "Special Envoy", "org/_/united-nations"),
                    ("person/tomas-berg", "post/place/SWE/lund/mayor", "Mayor", "place/SWE/lund"),
                    ("person/ines-holt", "post/person/ines-holt/mayor", "Mayor", None)])
    assert merge_posts_without_their_body(graph) == {}
    assert len(_officials(graph)) == 4


def test_a_title_held_in_two_bodies_leaves_the_post_without_a_body_apart() -> None:
    """Which of the two it is, nothing says: no fact moves to a body it may not be in."""
    graph = _graph([("person/lena-moreau", "post/person/lena-moreau/special-envoy",
                     "Special Envoy", None),
                    ("person/lena-moreau", "post/org/_/united-nations/special-envoy",
                     "Special Envoy", "org/_/united-nations"),
                    ("person/lena-moreau", "post/org/_/african-union/special-envoy",
                     "Special Envoy", "org/_/african-union")])
    assert merge_posts_without_their_body(graph) == {}


def test_the_examples_give_one_official_row_per_person_post_and_organisation() -> None:
    rows = [(person, post.casefold(), org) for person, _, post, org, _ in
            run_query([EXPORT], "officials").rows]
    assert len(rows) > 30
    assert len(set(rows)) == len(rows), "a person's post in one body is listed twice"
    with_body = {(person, post) for person, post, org in rows if org}
    assert [row for row in rows if not row[2] and row[:2] in with_body] == []
