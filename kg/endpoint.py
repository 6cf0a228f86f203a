"""`kg query NAME --endpoint URL`: a named query (or SPARQL text) run by any SPARQL endpoint over
HTTP, such as `kg serve`, Oxigraph, Fuseki, GraphDB or Virtuoso, with the standard library only.

The query passes the same checks as over files (kg.query.checked_sparql: valid SPARQL 1.1, not an
update), which also declares the prefixes kg prints (`kg:`, `kgd:`, …) that the text does not
declare itself, since an endpoint knows none of them. It is POSTed as an HTML form
(SPARQL 1.1 Protocol, "query via URL-encoded POST"), and the answer is read from SPARQL JSON
results (SELECT, ASK) or N-Triples (CONSTRUCT, DESCRIBE) into the QueryResult the other backends
give, every literal through kg.query_output.literal_text, so `kg serve` answers with the rows of
`kg query --store`.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from functools import partial

from kg.errors import QueryError, one_line
from kg.query import QueryResult, checked_sparql
from kg.query_output import ask_result, term_text, triples_result

_ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, "
           "text/plain;q=0.1")  # text/plain: N-Triples from older servers


def query_endpoint(url: str, query: str, *, timeout: float | None = None) -> QueryResult:
    """Run a named query (by name) or SPARQL text at the SPARQL endpoint `url`.

    With `timeout` (seconds; math.inf for none), the request runs in a child process that is
    stopped at the deadline or on Ctrl-C (kg/time_limit.py), as `kg query` does over files."""
    checked_url(url)
    sparql = checked_sparql(query)
    if timeout is None:
        return _ask(url, sparql)
    from kg.time_limit import run_with_time_limit

    return run_with_time_limit(partial(_ask, url, sparql), timeout, f"the answer of {url}")


def checked_url(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise QueryError(f"{url!r} is not a SPARQL endpoint's URL; give one like "
                         "http://127.0.0.1:7878/query")


def _ask(url: str, sparql: str) -> QueryResult:
    data = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="POST", headers={
        "Accept": _ACCEPT, "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request) as response:  # noqa: S310 (http(s) only, checked)
            kind = response.headers.get_content_type()
            body = response.read()
    except urllib.error.HTTPError as exc:
        detail = one_line(exc.read().decode("utf-8", "replace")) or exc.reason
        raise QueryError(f"{url} refused the query: HTTP {exc.code}: {detail}") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise QueryError(f"{url}: cannot reach the endpoint ({reason}); is it running? "
                         "(kg serve STORE starts one)") from exc
    if kind == "application/sparql-results+json":
        return _from_json(url, body)
    if kind in ("application/n-triples", "text/plain"):
        return _from_ntriples(url, body)
    raise QueryError(f"{url} answered with {kind}, which kg does not read; a SPARQL endpoint "
                     "answers SPARQL JSON results or N-Triples")


def _from_json(url: str, body: bytes) -> QueryResult:
    try:
        answer = json.loads(body)
        if "boolean" in answer:
            return ask_result(answer["boolean"])
        columns = list(answer["head"]["vars"])
        rows = [[term_text(binding.get(c)) for c in columns]
                for binding in answer["results"]["bindings"]]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise QueryError(f"{url} answered with malformed SPARQL JSON results ({exc})") from exc
    return QueryResult(columns, rows)


def _from_ntriples(url: str, body: bytes) -> QueryResult:
    import pyoxigraph as ox

    try:
        triples = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
        return triples_result((t.subject, t.predicate, t.object) for t in triples)
    except SyntaxError as exc:
        raise QueryError(f"{url} answered with malformed N-Triples ({exc})") from exc
