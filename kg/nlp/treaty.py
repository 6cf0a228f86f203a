"""Treaty texts: a document that is itself an agreement ("... have signed this Agreement. DONE at
Reykjavik on this twelfth day of May 2016 ... For the Government of Iceland: ...").

Such a text names its parties in its title ("AGREEMENT BETWEEN THE GOVERNMENT OF X AND THE
GOVERNMENT OF Y ON ..."), its preamble ("X and Y (hereinafter referred to as "the Parties")") and
its signature blocks ("For the Government of X"); its date in the final clause ("Done at CITY on
DATE"); "this Agreement" refers to it.
"""
from __future__ import annotations

import re
from typing import Iterable

from kg import model
from kg.nlp.agreement_mentions import TITLE_SMALL_WORDS
from kg.nlp.context import DocContext
from kg.nlp.dates import find_dates

# Signs that a text is the agreement itself, not news about one.
_SELF_REFERENCE = re.compile(r"\b(?:this|the present) (?:Agreement|Treaty|Convention|Protocol|"
                             r"Accord|Memorandum)\b", re.IGNORECASE)
_CONTRACTING = re.compile(r"\b(?:Contracting Parties|hereinafter|IN WITNESS WHEREOF)\b",
                          re.IGNORECASE)
# "Signed by the Nordic States at Oslo, this …": who signed where, when they signed apart.
_DONE = re.compile(r"\b(?:DONE|Done|done|Signed|SIGNED|made|MADE|Executed|EXECUTED)\b,?"
                   r"(?: in \w+| by (?:the )?[A-Z][\w ]{1,40}?)?,?(?: at| in| AT| IN)\b")
_SIGNATURE_BLOCK = re.compile(r"\bFOR (?:THE )?", re.IGNORECASE)
# A line that opens the final clause or a signature block.
_CLOSING_LINE = re.compile(rf"^[ \t]*(?:{_DONE.pattern}|(?:FOR|For) (?:THE |the )?(?:GOVERNMENT|"
                           r"Government|REPUBLIC|Republic|KINGDOM|Kingdom|STATE|State)\b)",
                           re.MULTILINE)
# Words written in lower case inside a title, and that leave it unfinished at a line's end.
_SMALL_WORDS = TITLE_SMALL_WORDS | {"a", "an"}
_TITLE_WORDS = re.compile(r"\b(AGREEMENT|TREATY|CONVENTION|PROTOCOL|ACCORD)\b", re.IGNORECASE)
PREAMBLE_CHARS = 600     # where a preamble names the parties
SIGNATURE_CHARS = 600    # the signature blocks at the end


def is_treaty_text(text: str) -> bool:
    """A text that calls itself "this Agreement" and speaks as its parties or closes with the
    signing formula. An excerpt of articles and final clauses may say "this Agreement" only
    twice: then it must speak of "the Parties" and have a line that starts the final clause or
    a signature block ("Done at Montevideo ...", "For the Republic of Paraguay"); one that starts
    with an agreement's title needs only "hereinafter" and such a line."""
    references = len(_SELF_REFERENCE.findall(text))
    if references >= 2 and _CONTRACTING.search(text) is not None:
        return True
    parties = re.search(r"\b[Tt]he Parties\b", text) is not None
    if references >= 2 and parties and _CLOSING_LINE.search(text) is not None:
        return True
    if references >= 3 and (_DONE.search(text) is not None or parties):
        return True
    # an excerpt headed by its own title ("FREE TRADE AGREEMENT⏎BETWEEN …") that names its
    # parties and keeps its signature blocks, whatever it left out between them
    return _title(text)[1] > 0 and _CONTRACTING.search(text) is not None \
        and _CLOSING_LINE.search(text) is not None


def read_treaty_text(ctx: DocContext):
    """The document's own agreement: (name, where its title ends (a character offset; 0
    without a title), {party key: evidence span}, (date, its character span) or None), or None
    when the text is not a treaty text."""
    text = ctx.text
    if not is_treaty_text(text):
        return None
    parties = _parties(ctx, 0, PREAMBLE_CHARS)
    parties.update(_signature_parties(ctx))
    name, title_end = _title(text)
    return name, title_end, parties, _done_date(ctx)


def _states_between(ctx: DocContext, begin: int, end: int) -> dict[str, object]:
    found: dict[str, object] = {}
    for actor in ctx.actors:
        span = ctx.doc[actor.start:actor.end]
        if actor.kind == model.STATE and begin <= span.start_char and span.end_char <= end \
                and not actor.adjective:
            found.setdefault(actor.key, span)
    return found


# Where a preamble's list of parties ends: the name they take together ("hereinafter referred
# to as "the Parties""; not one party's own, "hereinafter "Chile"", after which the list goes
# on), the first recital, or the operative part.
_PARTIES_END = re.compile(
    r"hereinafter[^.;]{0,60}?\bParties\b|\bhave agreed\b|\bArticle 1\b|"
    r"\b(?:Recognising|Recognizing|Desiring|Considering|Conscious|Recalling|Bearing in mind|"
    r"Convinced|Determined|Noting|Reaffirming|Acknowledging|Aware|Mindful|Wishing|Resolved|"
    r"Taking into account)\b", re.IGNORECASE)


def _parties(ctx: DocContext, begin: int, end: int) -> dict[str, object]:
    """States named in the title and preamble, up to the end of its list of parties."""
    stop = _PARTIES_END.search(ctx.text, begin, end)
    return _states_between(ctx, begin, stop.start() if stop else end)


def _signature_parties(ctx: DocContext) -> dict[str, object]:
    """States in the "For the Government of X" blocks after the final clause (or, without one,
    at the end of the text)."""
    text = ctx.text
    final = _final_clause(text)
    tail_start = final.start() if final else max(0, len(text) - SIGNATURE_CHARS)
    found: dict[str, object] = {}
    for match in _SIGNATURE_BLOCK.finditer(text, tail_start):
        found.update(_states_between(ctx, match.start(), min(len(text), match.end() + 80)))
    return found


def _final_clause(text: str):
    """The last "IN WITNESS WHEREOF" or "Done at/in": where the signing formula starts."""
    matches = list(re.finditer(r"IN WITNESS WHEREOF|In witness whereof", text)) or \
        list(_DONE.finditer(text))
    return matches[-1] if matches else None


def _title(text: str) -> tuple[str, int]:
    """The title naming an agreement the text starts with, and the offset where it ends; else
    ("Agreement", 0). A title is in capitals ("FREE TRADE AGREEMENT BETWEEN …") or in title
    case ("Trade Agreement⏎between⏎The Government of …"). A long title may be wrapped, with or
    without blank lines between its parts in capitals ("… AGREEMENT⏎⏎BETWEEN⏎⏎CANADA⏎AND …"):
    a line continues it when the title so far ends with a small word or the line starts with
    one; a heading below it ("PREAMBLE") does neither."""
    start = len(text) - len(text.lstrip())
    lines = text[start:].split("\n")
    words, end = lines[0].split(), start + len(lines[0])
    capitals = lines[0].upper() == lines[0]
    offset = end
    for line in lines[1:]:
        offset += 1 + len(line)
        more = line.split()
        if not more:
            if not capitals:
                break  # below a title in title case, body text may look like one
            continue   # a blank line between the parts of a title in capitals
        if not _title_line(line, capitals) or not (words[-1].lower() in _SMALL_WORDS
                                                   or more[0].lower() in _SMALL_WORDS):
            break
        words += more
        end = offset
    first = " ".join(words)
    if _TITLE_WORDS.search(first) and _title_line(first, capitals) and 2 <= len(words) <= 30:
        if not capitals:
            return first, end
        name = " ".join(w.lower() if w.lower() in _SMALL_WORDS else w.capitalize() for w in words)
        return name, end
    return "Agreement", 0


def _title_line(line: str, capitals: bool) -> bool:
    """A line of a title: in capitals, or (for a title-case title) every word capitalised but
    the small ones."""
    if capitals:
        return line.upper() == line
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in line.split())


# "This Agreement shall be done in duplicate …": a provision about signing, not the formula.
_NO_FORMULA_BEFORE = re.compile(r"\b(?:shall|may|to|be|been|is|are)\s+\Z")


def _done_date(ctx: DocContext):
    """The date of the final clause: "DONE at Reykjavik on this twelfth day of May 2016"."""
    # Only the last signing formula counts: an earlier "signed at" cites another instrument,
    # and a formula left blank ("this ____ day of ____") gives no date rather than a wrong one.
    text = ctx.text
    # the modal before a formula sits in the few characters before it: looking further back
    # would read the whole text again for every "done"/"made in" of a long treaty
    matches = [m for m in _DONE.finditer(text)
               if _NO_FORMULA_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None]
    if not matches:
        return None
    match = matches[-1]
    window = text[match.start():match.start() + 200]
    dates = find_dates(window, None)
    if dates:
        begin, end, value = dates[0]
        return value.iso, (match.start(), match.start() + end)
    return None


def name_from_parties(ctx: DocContext, parties: Iterable[str]) -> str | None:
    """A name for a treaty text that shows no title, from the states it names as its parties:
    "Agreement between Iceland and Norway" (not a label of codes). None without two states."""
    names = sorted(ctx.extraction.entities[k].name for k in parties
                   if k.startswith("state/") and k in ctx.extraction.entities)
    if len(names) < 2:
        return None
    return f"Agreement between {', '.join(names[:-1])} and {names[-1]}"
