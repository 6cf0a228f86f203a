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
from kg.nlp.agreement_participants import places_a_territory
from kg.nlp.context import Actor, DocContext
from kg.nlp.era_years import find_dates_any_era

# Signs that a text is the agreement itself, not news about one.
# "this Agreement", "the present Treaty", "this Free Trade Agreement" (names in capitals between),
# the words maybe wrapped over a line.
_SELF_REFERENCE = re.compile(r"\b(?:this|the\s+present)\s+(?:(?-i:[A-Z][\w-]*)\s+){0,3}?"
                             r"(?:Agreement|Treaty|Convention|Protocol|Accord|Memorandum)\b",
                             re.IGNORECASE)
_CONTRACTING = re.compile(r"\b(?:Contracting\s+Parties|hereinafter|IN\s+WITNESS\s+WHEREOF)\b",
                          re.IGNORECASE)
# How a treaty speaks of those bound by it: "the Parties", "each Party", "the Member States".
_PARTIES_WORDS = re.compile(r"\b(?i:the|both|each|either)\s+(?:Contracting\s+)?"
                            r"(?:Parties|Party|Member\s+States|Signatories)\b")
# "Signed by the Nordic States at Oslo, this …": who signed where, when they signed apart.
# Each word in the three casings a formula is printed in ("Made at the city of Lima on …").
_DONE = re.compile(r"\b(?:DONE|Done|done|SIGNED|Signed|MADE|Made|made|EXECUTED|Executed)\b,?"
                   r"(?: in \w+| by (?:the )?[A-Z][\w ]{1,40}?)?,?(?: at| in| AT| IN)\b")
# A note in place of the formula: "(This document was signed on 3 May 2011 in …)". Not
# "the Agreement signed on …", which cites another instrument.
_SIGNED_NOTE = re.compile(r"\b[Tt]his (?:Agreement|Treaty|Protocol|Convention|document|text) "
                          r"(?:was|has been) signed on\b")
_SIGNATURE_BLOCK = re.compile(r"\bFOR (?:THE )?", re.IGNORECASE)
# A line that opens the final clause or a signature block.
_CLOSING_LINE = re.compile(rf"^[ \t]*(?:{_DONE.pattern}|(?:FOR|For) (?:THE |the )?(?:GOVERNMENT|"
                           r"Government|REPUBLIC|Republic|KINGDOM|Kingdom|STATE|State)\b)",
                           re.MULTILINE)
# Words written in lower case inside a title, and that leave it unfinished at a line's end.
_SMALL_WORDS = TITLE_SMALL_WORDS | {"a", "an"}
_TITLE_WORDS = re.compile(r"\b(AGREEMENT|TREATY|CONVENTION|PROTOCOL|ACCORD)\b", re.IGNORECASE)
# Words that carry a title on to its next line as a small word does: "FRAMEWORK AGREEMENT⏎
# ESTABLISHING A CUSTOMS UNION⏎BETWEEN …", "PROTOCOL⏎AMENDING THE AGREEMENT …".
TITLE_LINKS = {"establishing", "concerning", "regarding", "relating", "amending", "creating",
               "instituting", "among", "amongst"}
# Words run together where a converted PDF lost its line breaks ("AGREEMENTBETWEENTHE
# GOVERNMENT OF NORWAYFree Trade …"): such a first line is no title to show.
_GLUED_WORDS = re.compile(r"[A-Z]{3,}[a-z]{2,}|[a-z]{2,}[A-Z]{3,}")
PREAMBLE_CHARS = 600     # where a preamble names the parties
SIGNATURE_CHARS = 600    # the signature blocks at the end


def is_treaty_text(text: str) -> bool:
    """A text that calls itself "this Agreement" and speaks as its parties or closes with the
    signing formula. An excerpt of articles and final clauses may say "this Agreement" only
    twice: then it must speak of "the Parties" ("each Party", "the Member States") and have a
    line that starts the final clause or a signature block ("Done at Montevideo ...", "For the
    Republic of Paraguay"); one that starts with an agreement's title needs only "hereinafter"
    and such a line, or to call itself "this Agreement" three times."""
    references = len(_SELF_REFERENCE.findall(text))
    if references >= 2 and _CONTRACTING.search(text) is not None:
        return True
    parties = _PARTIES_WORDS.search(text) is not None
    if references >= 2 and parties and _CLOSING_LINE.search(text) is not None:
        return True
    if references >= 3 and (_DONE.search(text) is not None or parties):
        return True
    # headed by its own title ("FREE TRADE AGREEMENT⏎BETWEEN …"): an excerpt that calls itself
    # "this Agreement" again and again, or that names its parties and keeps its signature
    # blocks, whatever it left out between them
    if _title(text)[1] == 0:
        return False
    return references >= 3 or _CONTRACTING.search(text) is not None \
        and _CLOSING_LINE.search(text) is not None


def read_treaty_text(ctx: DocContext):
    """The document's own agreement: (name, where its title ends (a character offset; 0
    without a title), {party key: (evidence span, rule, confidence)}, (date, its character span)
    or None), or None when the text is not a treaty text."""
    text = ctx.text
    if not is_treaty_text(text):
        return None
    parties = {key: (span, "treaty:preamble-or-signature-party", 0.8)
               for key, span in _parties(ctx, 0, PREAMBLE_CHARS).items()}
    for key, span in _signature_parties(ctx).items():
        parties.setdefault(key, (span, "treaty:preamble-or-signature-party", 0.8))
    for key, span in _most_named_states(ctx).items() if len(parties) < 2 else ():
        if len(parties) < 2:
            parties.setdefault(key, (span, "treaty:most-named-state", 0.5))
    name, title_end = _title(text)
    return name, title_end, parties, _done_date(ctx)


# State unions since dissolved whose treaties every successor continued: Serbia carried on the
# State Union of Serbia and Montenegro's treaties and Montenegro succeeded to them in 2006.
# (Czechoslovakia, Yugoslavia and the Soviet Union are not here: their successors did not all
# continue each treaty, and some of them made new ones.)
_CONTINUED_BY = {"SCG": ("SRB", "MNE")}


def bind_successors(ctx: DocContext, parties: dict[str, tuple]) -> None:
    """A treaty text's parties as the treaty binds them: a state union's successors that
    continued its treaties stand in its place ("Serbia and Montenegro" → Serbia, Montenegro)."""
    for key in [k for k in parties if k.removeprefix("state/") in _CONTINUED_BY]:
        evidence = parties.pop(key)
        for iso3 in _CONTINUED_BY[key.removeprefix("state/")]:
            parties.setdefault(ctx.state_entity(iso3), evidence)


def _states_between(ctx: DocContext, begin: int, end: int) -> dict[str, object]:
    """The states named between two offsets; a state's government named without the state's
    name ("the Palestinian Authority") stands for its state."""
    found: dict[str, object] = {}
    for actor in ctx.actors:
        span = ctx.doc[actor.start:actor.end]
        if not (begin <= span.start_char and span.end_char <= end):
            continue
        if _party_state(ctx, actor):
            found.setdefault(actor.key, span)
        elif actor.kind == model.GOVERNMENT and actor.state and not any(
                a.kind == model.STATE for a in ctx.actors_in(span)):
            found.setdefault(f"state/{actor.state}", span)
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


def _party_state(ctx: DocContext, actor: Actor) -> bool:
    """A state named as itself ("Norway", not "Norwegian"), not one that only places a territory
    ("Macao, China")."""
    return actor.kind == model.STATE and not actor.adjective and not places_a_territory(ctx, actor)


def _most_named_states(ctx: DocContext) -> dict[str, object]:
    """States the text names at least twice, the most named first: the parties of a bilateral
    treaty text whose preamble and signature blocks are missing or name none (an excerpt of
    its articles)."""
    counts: dict[str, int] = {}
    first: dict[str, object] = {}
    for actor in ctx.actors:
        if _party_state(ctx, actor):
            counts[actor.key] = counts.get(actor.key, 0) + 1
            first.setdefault(actor.key, ctx.doc[actor.start:actor.end])
    ranked = sorted((k for k, n in counts.items() if n >= 2), key=lambda k: -counts[k])
    return {k: first[k] for k in ranked}


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
    one or with a word such as "ESTABLISHING"; a heading below it ("PREAMBLE") does neither.
    A first line of words run together is no title."""
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
                                                   or more[0].lower() in _SMALL_WORDS
                                                   or more[0].lower() in TITLE_LINKS):
            break
        words += more
        end = offset
    first = " ".join(words)
    if _TITLE_WORDS.search(first) and _title_line(first, capitals) and 2 <= len(words) <= 30 \
            and _GLUED_WORDS.search(first) is None:
        if not capitals:
            return first, end
        return " ".join(_title_cased(w) for w in words), end
    return "Agreement", 0


def _title_cased(word: str) -> str:
    """A word in capitals as a title writes it: "AGREEMENT" → "Agreement", "OF" → "of",
    "(TAIWAN)" → "(Taiwan)"."""
    if word.lower() in _SMALL_WORDS:
        return word.lower()
    lead = len(word) - len(word.lstrip("(“\"'‘"))
    return word[:lead] + word[lead:].capitalize()


def _title_line(line: str, capitals: bool) -> bool:
    """A line of a title: in capitals, or (for a title-case title) every word capitalised but
    the small ones; a year and an acronym in brackets count as capitalised ("2004 Central
    Customs Union (CCU) Agreement")."""
    if capitals:
        return line.upper() == line
    return all(w.lstrip("(“\"'")[:1].isupper() or w.isdigit() or w.lower() in _SMALL_WORDS
               for w in line.split())


# "This Agreement shall be done in duplicate …": a provision about signing, not the formula.
_NO_FORMULA_BEFORE = re.compile(r"\b(?:shall|may|to|be|been|is|are)\s+\Z")


def _done_date(ctx: DocContext):
    """The date of the final clause: "DONE at Reykjavik on this twelfth day of May 2016", "Made at
    Bangkok this fifth day of March B.E. 2542"."""
    # Only the last signing formula counts: an earlier "signed at" cites another instrument,
    # and a formula left blank ("this ____ day of ____") gives no date rather than a wrong one.
    text = ctx.text
    # the modal before a formula sits in the few characters before it: looking further back
    # would read the whole text again for every "done"/"made in" of a long treaty
    matches = [m for m in _DONE.finditer(text)
               if _NO_FORMULA_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None]
    matches = sorted(matches + list(_SIGNED_NOTE.finditer(text)), key=lambda m: m.start())
    if not matches:
        return None
    match = matches[-1]
    window = text[match.start():match.start() + 200]
    dates = find_dates_any_era(window)   # a year of the Buddhist Era read as its Gregorian one
    if dates:
        begin, end, value = dates[0]
        return value.iso, (match.start(), match.start() + end)
    return None


def name_from_parties(ctx: DocContext, title: str, title_end: int,
                      parties: Iterable[str]) -> str | None:
    """A name for a treaty text whose title does not name its parties, from the states it names
    as its parties, in the order it first names them: "Agreement between Iceland and Norway",
    "Framework Agreement between …" (not a label of codes). Each by its short name where the
    text's name holds it ("the Kingdom of Norway"), else as the text names it ("the Republic of
    Macedonia", not a later name the reader of the text may not know it by). None without two
    states or when the title names one."""
    if re.search(r"\b(?:between|among|amongst)\b", title, re.IGNORECASE):
        return None   # "… between the Andean States and …": the title names its parties
    keys = {k for k in parties if k.startswith("state/")}
    first: dict[str, str] = {}
    for actor in sorted(ctx.actors, key=lambda a: a.start):
        if actor.key in keys and not actor.adjective:
            if ctx.doc[actor.start].idx < title_end:
                return None   # the title names its parties itself
            first.setdefault(actor.key, _as_named(ctx, actor))
    names = list(first.values())
    if len(names) < 2:
        return None
    title = title[0].upper() + title[1:]
    return f"{title} between {', '.join(names[:-1])} and {names[-1]}"


def _as_named(ctx: DocContext, actor: Actor) -> str:
    """A state's short name where the text's name for it holds that ("the Kingdom of Norway" →
    "Norway"), else the text's name with its article ("the Republic of Macedonia"), in title case
    where the text writes it in capitals."""
    doc, start = ctx.doc, actor.start
    short = ctx.extraction.entities[actor.key].name
    words = doc[start:actor.end].text.split()
    named = " ".join(w for w in words if w.lower() != "the")
    if re.search(rf"\b{re.escape(short)}\b", named, re.IGNORECASE):
        # with its article where the text's name starts with it: "the United States (of America)"
        article = named.lower().startswith(short.lower()) and (
            words[0].lower() == "the" or start > 0 and doc[start - 1].lower_ == "the")
        return f"the {short}" if article else short
    if not any(c.islower() for c in "".join(words)):
        words = [_title_cased(w) for w in words]
    if words[0].lower() == "the":
        words[0] = "the"
    elif start > 0 and doc[start - 1].lower_ == "the":
        words.insert(0, "the")
    return " ".join(words)
