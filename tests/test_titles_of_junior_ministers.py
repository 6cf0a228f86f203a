"""Posts that our tables once cut short (issue 13): "State Secretary" and "Parliamentary
Secretary" are posts of their own, not "Secretary"; a minister's portfolio with two words joined
("Trade and Industry", "Mines and Energy") is the whole post. Sentences written for these
tests."""
from __future__ import annotations

import pytest

from kg import model
from extraction_helpers import facts


@pytest.mark.parametrize("text, person, post", [
    ("State Secretary Ingrid Solberg of the Ministry of Foreign Affairs opened the talks.",
     "person/ingrid-solberg", "State Secretary"),
    ("Parliamentary Secretary Tomas Rehn told the committee the deal was sound.",
     "person/tomas-rehn", "Parliamentary Secretary"),
    ("Finland's Minister of Trade and Industry, Anna Virtanen, signed the memorandum.",
     "person/anna-virtanen", "Minister of Trade and Industry"),
    ("Brazil's Minister of Mines and Energy, Joao Prates, visited the dam.",
     "person/joao-prates", "Minister of Mines and Energy"),
])
def test_the_whole_post_is_read(extract_text, text, person, post) -> None:
    ex = extract_text(text)
    held = [ex.entities[h].name for h, _ in facts(ex, model.HOLDS, person)]
    assert held == [post], held
