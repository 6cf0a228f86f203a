"""Query text that forgives: what kg prints can be pasted back into a query.

kg prints IRIs short, with the prefixes of kg.vocab.prefixes (`kgd:state/AZE`, `kg:holds`). Three
things make such text run as it reads:

- The prefixes kg prints are declared in every query that does not declare them itself
  (`with_prefixes`), so the text also runs in a store that knows none of them.
- A short IRI whose local part SPARQL does not allow (`kgd:state/AZE`, and a mention's
  `kgd:doc/d#char=10,16`: SPARQL's local names have no `/`, `#`, `=` or `,`) is written as the
  full IRI (`pasteable`), but only in a query that does not parse as it is: `kg:state/kg:iso3`
  stays the property path it is. A local name with SPARQL's backslash escapes
  (`kgd:state\\/AZE`) is written in full too, as SPARQL defines it (rdflib would keep the
  backslash, and Virtuoso 7 rejects the escape).
- A term in the kg namespace that the ontology does not define (`kg:Agrement`) is named in a
  warning, with the nearest term it does define (`undefined_terms`).

Strings, full IRIs and comments are never changed.
"""
from __future__ import annotations

import difflib
import re
from typing import Callable, Iterator

from kg.vocab import KG, ONTOLOGY_NS, prefixes

# Where a query's text holds strings, full IRIs and comments, which nothing here touches.
_SKIPPED = (r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
            r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_START = r"(?<![\w.\-:?$\\])"   # a prefixed name starts a token
_PREFIX = r"(?P<prefix>[A-Za-z][\w.\-]*)?"
# SPARQL's own local names, backslash escapes included; a final "." ends the triple.
_CHAR = r"(?:[\w\-%:]|\\[_~.\-!$&'()*+,;=/?#@%])"
_LOCAL = rf"(?P<local>{_CHAR}(?:(?:{_CHAR}|\.)*{_CHAR})?)?"
# A local name as kg prints it (kg/export/rdf_terms.py: letters, digits, "-._~", %-escapes and
# "/"), then the fragment of a mention (#char=10,16). A "/" before a prefixed name is a property
# path, not part of the name; a final "." ends the triple.
_SEGMENT = r"[\w\-%~.]+"
_PRINTED = (rf"(?P<local>{_SEGMENT}(?:/(?![\w.\-%~]*:){_SEGMENT})+"
            r"(?:#[\w\-.%~=]*(?:,[\w\-%~=]+)*)?(?<!\.))")
_NAME = re.compile(rf"(?P<skip>{_SKIPPED})|{_START}{_PREFIX}:{_LOCAL}")
_PRINTED_NAME = re.compile(rf"(?P<skip>{_SKIPPED})|{_START}{_PREFIX}:{_PRINTED}")
_DECLARATION = re.compile(r"PREFIX\s+([A-Za-z][\w.\-]*)?:\s*<([^<>\s]*)>", re.IGNORECASE)
_ESCAPE = re.compile(r"\\(.)")


def declared_prefixes(sparql: str) -> dict[str, str]:
    """The prefixes a query declares itself (name -> namespace)."""
    return {prefix or "": namespace for prefix, namespace in _DECLARATION.findall(sparql)}


def namespaces_of(sparql: str) -> dict[str, str]:
    """The namespace of every prefix a query can use: kg's, unless the query declares its own."""
    return {**prefixes(), **declared_prefixes(sparql)}


def with_prefixes(sparql: str) -> str:
    """The query with a PREFIX declaration for each prefix kg prints that it does not declare
    itself, all on one line in front of it."""
    own = declared_prefixes(sparql)
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in prefixes().items() if p not in own]
    return " ".join(missing) + "\n" + sparql if missing else sparql


def pasteable(sparql: str) -> str:
    """The query with short IRIs kg prints that SPARQL cannot read written in full (see the
    module's docstring)."""
    namespaces = namespaces_of(sparql)
    text = _rewrite(sparql, _NAME, namespaces, lambda local: "\\" in local)
    if _PRINTED_NAME.search(text) is None or _parses(text):
        return text
    return _rewrite(text, _PRINTED_NAME, namespaces, lambda local: True)


def _parses(sparql: str) -> bool:
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(sparql)
    except Exception:  # pyparsing's errors: not SPARQL as it stands
        return False
    return True


def _rewrite(sparql: str, pattern: re.Pattern, namespaces: dict[str, str],
             wanted: Callable[[str], bool]) -> str:
    def replace(match: re.Match) -> str:
        local, prefix = match.group("local"), match.group("prefix") or ""
        if match.group("skip") or not local or prefix not in namespaces or not wanted(local):
            return match.group(0)
        return f"<{namespaces[prefix]}{_unescaped(local)}>"

    return pattern.sub(replace, sparql)


def undefined_terms(sparql: str) -> list[str]:
    """One message per term in kg's ontology namespace that the ontology does not define, naming
    the nearest term it does define."""
    defined = sorted(KG.__annotations__)
    messages = []
    for local in dict.fromkeys(_ontology_terms(sparql)):
        if local not in defined:
            nearest = max(defined, key=lambda term: difflib.SequenceMatcher(
                None, local.lower(), term.lower()).ratio())
            messages.append(f"kg:{local} is not a term of kg's ontology (ontology/kg.ttl); "
                            f"did you mean kg:{nearest}?")
    return messages


def _ontology_terms(sparql: str) -> Iterator[str]:
    """The local names of the kg ontology's terms a query names, short or in full."""
    namespaces = namespaces_of(sparql)
    for match in _NAME.finditer(sparql):
        skipped = match.group("skip")
        if skipped:
            if skipped.startswith("<") and skipped[1:-1].startswith(ONTOLOGY_NS):
                local = skipped[1 + len(ONTOLOGY_NS):-1]
                if local:
                    yield local
            continue
        local = match.group("local")
        if local and namespaces.get(match.group("prefix") or "") == ONTOLOGY_NS:
            yield _unescaped(local)


def _unescaped(local: str) -> str:
    return _ESCAPE.sub(r"\1", local)
