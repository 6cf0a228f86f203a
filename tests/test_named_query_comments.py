"""The named queries load as printed into stores whose clients read comments too: Virtuoso's
isql ends a statement at a `;` and pairs quotes even inside a SPARQL `#` comment (the same is
checked against a real Virtuoso in tests/test_virtuoso.py, where one is installed)."""
from __future__ import annotations

import re

import pytest

from kg.query import list_queries, query_text

NAMES = [name for name, _ in list_queries()]
# Characters that end or open something in isql even inside a `#` comment.
_ISQL_UNSAFE = re.compile(r"[;\"']")


def test_every_query_is_listed() -> None:
    assert len(NAMES) >= 11


@pytest.mark.parametrize("name", NAMES)
def test_comments_hold_no_statement_end_or_quote(name: str) -> None:
    unsafe = [line for line in query_text(name).splitlines()
              if line.lstrip().startswith("#") and _ISQL_UNSAFE.search(line)]
    assert unsafe == []
