"""Agreement mentions: where a text names an agreement, and what it calls it.

A treaty word (treaty, agreement, accord, statement, declaration, memorandum, protocol,
convention, ceasefire, truce, deal, pact, ...) with its modifiers; words that are often something
else ("statement", "declaration", "protocol", "initiative") count only when qualified ("joint
statement", "trilateral statement") or part of a name ("Black Sea Grain Initiative").
kg.nlp.agreements groups the mentions into agreements and reads their parties, dates and
status.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg import model
from kg.nlp.context import DocContext

AGREEMENT_WORDS = {
    "treaty": "treaty", "treaties": "treaty", "agreement": "agreement", "agreements": "agreement",
    "accord": "accord", "accords": "accord", "statement": "statement",
    "declaration": "declaration", "memorandum": "memorandum", "protocol": "protocol",
    "convention": "convention", "ceasefire": "ceasefire", "cease-fire": "ceasefire",
    "truce": "truce", "armistice": "ceasefire", "deal": "deal", "pact": "pact",
    "initiative": "initiative", "charter": "charter", "compact": "compact",
    "concordat": "concordat", "entente": "entente", "communique": "communique",
    "communiqué": "communique", "covenant": "covenant", "arrangement": "arrangement",
    # plurals: kept as agreements only inside a name ("the Geneva Conventions", "Oslo Accords")
    "conventions": "convention", "protocols": "protocol", "declarations": "declaration",
    "pacts": "pact", "deals": "deal", "ceasefires": "ceasefire", "truces": "truce",
    "cessation": "ceasefire",   # only as "cessation of hostilities" (see _head_word_fits)
}
# Words that head an agreement only in a formal name: "the Peace of Westphalia", "the Helsinki
# Final Act" (see _head_word_fits). They never modify another agreement word ("peace treaty").
# "Guidelines", "Roadmap" and "Framework" name a document states adopt only in a formal name
# ("the U.S.-Japan Guidelines for Defense Cooperation", "a Roadmap for Energy Cooperation").
FORMAL_NAME_WORDS = {"peace": "treaty", "act": "act", "acts": "act", "guidelines": "guidelines",
                     "roadmap": "roadmap", "framework": "framework"}
# These name an agreement only with a qualifier or inside a proper name.
NEEDS_QUALIFIER = {"statement", "declaration", "protocol", "initiative", "charter", "convention",
                   "compact", "entente", "communique", "covenant", "arrangement"}
QUALIFIERS = {"joint", "trilateral", "bilateral", "tripartite", "quadrilateral", "peace",
              "ceasefire", "final", "signed"}
# Verbs that make an agreement: their subjects or agents are its parties, their dates its date.
SIGN_VERBS = {"sign", "ink", "conclude", "reach", "seal", "agree", "broker", "strike", "adopt",
              "accept", "issue"}   # "the two leaders issued a joint statement"
# Adjectives that are part of what an agreement is called ("joint statement", "peace treaty");
# other adjectives ("last", "formal", "complete", "separate") only describe it.
NAME_ADJECTIVES = QUALIFIERS | {"comprehensive", "strategic", "military", "economic", "nuclear",
                                "maritime", "free", "framework", "preliminary", "interim"}


@dataclass
class AgreementMention:
    start: int
    end: int
    head: Token
    kind: str
    name: str
    proper: bool
    qualified: bool          # named or qualified enough to be an agreement on its own
    determiner: str | None   # "the", "a", "this", "its", ...
    described: bool = False  # "the 1988 launch-notification agreement": told apart by words
                             # its name leaves out, so not a reference back to another


def mention_at(ctx: DocContext, head: Token) -> AgreementMention | None:
    kind = AGREEMENT_WORDS.get(head.lower_) or FORMAL_NAME_WORDS.get(head.lower_)
    if kind is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.i + 1 < len(ctx.doc) and ctx.doc[head.i + 1].lower_ in AGREEMENT_WORDS:
        return None  # "ceasefire agreement": the head is the next word
    if _in_organization_name(ctx, head):
        return None  # "North Atlantic Treaty Organization"
    if not _head_word_fits(ctx, head):
        return None
    start, sentence_start = head.i, ctx.sentence(head.i).start
    lines = ctx.story_lines
    # A Title Case headline capitalises every word: a name there is told by the body's words
    in_title_case = lines.title_case and lines.in_headline(ctx.doc[head.i:head.i + 1])
    while start > sentence_start and (_is_modifier(ctx.doc[start - 1], head, in_title_case)
                                      or _possessive_in_name(ctx, start - 1, head)):
        start -= 1
    end = _proper_tail(ctx, head) if head.is_title or head.is_upper else head.i + 1
    if end == head.i + 1 and (head.lower_ == "cessation" or start == head.i
                              and _year_name_at(ctx, head)):
        # "a cessation of hostilities"; "the Concordat of 1801", "the Treaty of 1818"
        end = head.i + 3
    words = ctx.doc[start:end]
    before_head = ctx.doc[start:head.i]
    proper = (head.is_title or head.is_upper) and len(words) > 1 and all(
        t.is_title or t.is_upper or t.is_punct or t.like_num or t.lower_ in TITLE_SMALL_WORDS
        or t.is_space or _possessive_mark(t) for t in words) and not (
            end == head.i + 1 and all(_is_state(ctx, t) or t.is_punct for t in before_head))
    if proper and in_title_case and any(not (t.is_punct or t.lower_ in _ARTICLES)
                                        for t in ctx.doc[lines.headline[0]:start]):
        # "X And Y Sign Pipeline Repair Pact": a name only if the body has its words (a headline
        # that is the name, "Joint Statement on …" heading its release, is one)
        proper = all(lines.confirmed(t.text) for t in words
                     if t.is_alpha and t.lower_ not in TITLE_SMALL_WORDS)
    name = _name_of(ctx, words) if not proper else _proper_name(words)
    qualified = proper or any(t.lower_ in QUALIFIERS for t in words)
    described = any(t.like_num or t.text in ("-", "–") for t in ctx.doc[head.left_edge.i:head.i])
    return AgreementMention(start, end, head, kind, name, proper, qualified, _determiner(head),
                            described)


def other_names(ctx: DocContext) -> dict[str, AgreementMention]:
    """Names a text gives an agreement beside its own, with the mention they stand beside: "the
    Treaty of Lindau (Lindauer Vertrag)", "The Lindauer Vertrag was the 1822 Treaty of Lindau".
    The NER often calls such a name an organisation; later the text may use it alone ("The
    Lindauer Vertrag contained...")."""
    doc, found = ctx.doc, {}
    for i, lower in enumerate(ctx.lowers):
        if lower not in AGREEMENT_WORDS and lower not in FORMAL_NAME_WORDS:
            continue
        mention = mention_at(ctx, doc[i])
        if mention is None or not mention.proper or mention.head.i != i:
            continue
        for name in (_in_brackets_after(doc, mention.end), _subject_of_being(mention)):
            if name is not None and name.text != mention.name:
                found.setdefault(name.text, mention)
    return found


def _in_brackets_after(doc: Doc, i: int) -> Span | None:
    """"(Lindauer Vertrag)" right after a name: one to four capitalised words in brackets."""
    if i >= len(doc) or doc[i].text != "(":
        return None
    end = i + 1
    while end < len(doc) and end - i <= 4 and doc[end].text != ")":
        end += 1
    words = doc[i + 1:end]
    if end >= len(doc) or doc[end].text != ")" or not len(words) or \
            not all(t.is_title or t.is_upper for t in words):
        return None
    return words


def _subject_of_being(mention: AgreementMention) -> Span | None:
    """"The Lindauer Vertrag was the Treaty of Lindau": the proper noun the agreement is said to be."""
    head = mention.head
    if head.dep_ != "attr" or head.head.lemma_ != "be":
        return None
    for subject in (c for c in head.head.children if c.dep_ == "nsubj"):
        words = [t for t in subject.subtree if t.dep_ != "det"]
        if words and all(t.pos_ == "PROPN" and t.is_title for t in words) and \
                words[-1].i - words[0].i == len(words) - 1:
            return head.doc[words[0].i:words[-1].i + 1]
    return None


def _year_name_at(ctx: DocContext, head: Token) -> bool:
    """A capitalised treaty word named by its year alone: "the Concordat of 1801" (not "the
    Algiers Agreement of 2000", where the year only dates a name)."""
    doc, i = ctx.doc, head.i
    return (head.is_title and i + 2 < len(doc) and doc[i + 1].lower_ == "of"
            and doc[i + 2].is_digit and len(doc[i + 2].text) == 4
            and ctx.sentence(i).end > i + 2)


def _head_word_fits(ctx: DocContext, head: Token) -> bool:
    """"Peace", "Guidelines", "Roadmap", "Framework" head an agreement only as a formal name
    ("the Peace of Westphalia", not "the Nobel Peace Prize"), "Act" only as a "Final Act" or an
    "Act of Union" that joins states (a "Patriot Act" is a law)."""
    if head.lower_ == "cessation":
        return ctx.lowers[head.i + 1:head.i + 3] == ["of", "hostilities"]
    if head.lower_ in FORMAL_NAME_WORDS and head.lower_ not in ("act", "acts"):
        return head.is_title and _proper_tail(ctx, head) > head.i + 1
    if head.lower_ in ("act", "acts"):
        doc, i = ctx.doc, head.i
        return head.is_title and (i > 0 and doc[i - 1].lower_ == "final" or (
            i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].text == "Union"))
    return True


# Small words inside agreements' formal names: "Treaty on the Non-Proliferation of Nuclear Weapons".
TITLE_SMALL_WORDS = {"of", "on", "the", "and", "between", "for", "in", "to"}


def _proper_tail(ctx: DocContext, head: Token) -> int:
    """Where a formal name that starts with the treaty word ends: "Treaty of Lindau",
    "Convention of Harwick", "Agreement on Trade in Goods" (capitalised words joined by small
    words, ending on a capitalised word)."""
    doc, end, last_good = ctx.doc, head.i + 1, head.i + 1
    sent_end = ctx.sentence(head.i).end
    if end >= sent_end or doc[end].lower_ not in ("of", "on", "between", "for"):
        return end
    while end < len(doc):
        if _wrapped_after_small_word(doc, end) and end + 1 < len(doc):
            # A line break ends a sentence (kg_line_breaks): the name goes on in the next.
            sent_end = max(sent_end, ctx.sentence(end + 1).end)
            end += 1
            continue
        if end >= sent_end or not (doc[end].is_title or doc[end].is_upper
                                   or doc[end].lower_ in TITLE_SMALL_WORDS
                                   or _hyphen_inside_word(doc, end)
                                   or _possessive_mark(doc[end]) and doc[end - 1].is_title
                                   or doc[end].text == "," and _names_listed_after(doc, end,
                                                                                   sent_end)):
            break
        if doc[end].ent_type_ == "DATE":
            break  # "the Algiers Agreement of December 2000": the date is not in the name
        if (doc[end].is_title or doc[end].is_upper) and not _hyphen_after(doc, end):
            last_good = end + 1
        end += 1
    return last_good


def _names_listed_after(doc: Doc, comma: int, sent_end: int) -> bool:
    """A comma inside a list of names that the name goes on with: "Joint Statement of the
    Foreign Ministers of Egypt, Jordan and Saudi Arabia" (capitalised words and commas up to an
    "and" before another capitalised word)."""
    j = comma + 1
    while j < sent_end and (doc[j].is_title or doc[j].is_upper or doc[j].text == ","
                            or doc[j].lower_ == "the"):
        j += 1
    return j > comma + 1 and j + 1 < sent_end and doc[j].lower_ == "and" \
        and (doc[j + 1].is_title or doc[j + 1].lower_ == "the")


def _possessive_mark(token: Token) -> bool:
    return token.tag_ == "POS" or token.lower_ in ("'s", "’s", "'", "’")


def _possessive_in_name(ctx: DocContext, i: int, head: Token) -> bool:
    """A capitalised possessive inside a name: "Joint Leaders' Statement" (the mark and the
    word before it); not a state's or a person's, which is a party or maker ("China's
    initiative", "Xi's Global Security Initiative")."""
    doc = ctx.doc
    if not head.is_title:
        return False
    if _possessive_mark(doc[i]) and i > 0:
        i -= 1
    elif not (i + 1 < head.i and _possessive_mark(doc[i + 1])):
        return False
    word = doc[i]
    return word.is_title and word.pos_ in ("NOUN", "PROPN") and ctx.actor_at(word) is None \
        and i > 0 and doc[i - 1].is_title and ctx.actor_at(doc[i - 1]) is None


def _hyphen_after(doc: Doc, i: int) -> bool:
    """"Non-Proliferation", "Co-⏎operation": a word that goes on after a hyphen is no place for
    a name to end."""
    if doc[i].text.endswith("-"):
        return True    # "Co-" before a line break is one token
    return i + 1 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_


def _hyphen_inside_word(doc: Doc, i: int) -> bool:
    """The hyphen of "Non-Proliferation", between two parts of one capitalised word (not one
    that ends a line, "Co-⏎operation")."""
    return doc[i].text == "-" and i > 0 and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_ and i + 1 < len(doc) \
        and (doc[i + 1].is_title or doc[i + 1].is_upper)


def _wrapped_after_small_word(doc: Doc, i: int) -> bool:
    """A line break inside a name, where a hard-wrapped text broke it after a small word: "the
    General Agreement on⏎Tariffs and Trade". After a capitalised word a break ends the name
    (a heading "Treaty of Friendship" above a line starting "The Parties")."""
    token = doc[i]
    return token.is_space and token.text.count("\n") == 1 and i > 0 \
        and doc[i - 1].lower_ in TITLE_SMALL_WORDS


def _in_organization_name(ctx: DocContext, head: Token) -> bool:
    actor = ctx.actor_at(head)
    if actor is not None and actor.kind in model.ORGANIZATION_KINDS:
        return True
    nxt = head.i + 1
    return nxt < len(ctx.doc) and (ctx.doc[nxt].is_title or ctx.doc[nxt].is_upper) and \
        ctx.doc[nxt].lower_ in ("organization", "organisation", "alliance", "council",
                                "secretariat", "commission")


def _determiner(head: Token) -> str | None:
    for child in head.children:
        if child.dep_ in ("det", "poss") and child.i < head.i:
            return child.lower_
    return None


def _is_state(ctx: DocContext, token: Token) -> bool:
    actor = ctx.actor_at(token)
    return actor is not None and actor.kind == model.STATE


_ARTICLES = {"the", "a", "an"}
# Words that point at an agreement rather than name it, whatever the tagger makes of them
# ("This Agreement shall enter into force", where a capitalised "This" can pass for a name).
_POINTING_WORDS = {"this", "that", "these", "those", "present", "said", "such"}


def _is_modifier(token: Token, head: Token, in_title_case: bool = False) -> bool:
    if token.text in ("-", "–", "—") and token.i > 0 and token.nbor(-1).is_title:
        return True  # "Peru–Thailand Free Trade Agreement"
    if token.lower_ in _POINTING_WORDS or _signing_verb(token, in_title_case):
        return False
    if token.dep_ in ("det", "poss", "punct", "case") or token.is_punct and token.text != "-":
        return False
    if token.like_num and not token.is_title:
        return False
    return token.head.i >= token.i and token.dep_ in ("compound", "amod", "nmod", "npadvmod") \
        or token.text == "-" or (token.is_title and token.pos_ == "PROPN")


def _signing_verb(token: Token, in_title_case: bool = False) -> bool:
    """A headline's verb the parser took for a noun: "Serbia, Hungary ink energy deal", "X
    and Y seal accord", "X And Y Sign Border Pact" (capitalised in a Title Case headline)."""
    word = token.lower_
    return (not token.is_title or in_title_case) and (word in SIGN_VERBS or word.endswith("s") and (
        word[:-1] in SIGN_VERBS or word.endswith("es") and word[:-2] in SIGN_VERBS))


def _proper_name(words: Span) -> str:
    return " ".join("".join(t.text_with_ws for t in words).split())   # a wrapped line joined


def _name_of(ctx: DocContext, words: Span) -> str:
    """What a described agreement is called: its head with the nouns and naming adjectives
    before it ("peace treaty", "trilateral statement"), without states (they are parties) and
    without describing words ("the last treaty", "a formal agreement")."""
    kept = []
    for t in words:
        if _is_state(ctx, t) or t.is_punct or t.like_num or t.is_space:
            continue
        if t.i < words.end - 1 and t.pos_ == "ADJ" and t.lower_ not in NAME_ADJECTIVES:
            continue
        if t.i < words.end - 1 and (t.nbor(1).text == "-" or t.i > 0 and t.nbor(-1).text == "-"):
            continue  # "multi-party", "20-point": describing compounds
        kept.append(t.lower_)
    while len(kept) > 1 and kept[-1] in TITLE_SMALL_WORDS:
        kept.pop()   # "Agreement between Armenia and Azerbaijan" without its states
    return " ".join(kept)


def is_generic(name: str) -> bool:
    """"the deal", "the accords", "this Agreement": names that say nothing of which one."""
    return all(w in AGREEMENT_WORDS for w in name.lower().split())


def parse_head(mention: AgreementMention) -> Token:
    """The word that stands for the mention in the parse: its head word, or the word of its
    name that the head hangs from ("The Kellogg–Briand Pact was signed", parsed as "Pact" in
    apposition to "Kellogg")."""
    token = mention.head
    while token.dep_ in ("appos", "compound") and token.head is not token \
            and mention.start <= token.head.i < mention.end:
        token = token.head
    return token
