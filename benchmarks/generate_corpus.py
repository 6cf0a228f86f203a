"""Generate a corpus of news-style articles about diplomacy and conflict, for benchmarks.

    python benchmarks/generate_corpus.py 1000 /tmp/corpus-1000 [--seed 0] [--format txt|jsonl]

Every article is written from our own sentence templates (below) in the style of wire news:
officials with their titles, ministries, agreements signed on dates, ceasefires brokered by
states, talks on treaties, "X said" — plus a few sentences taken from the articles in examples/.
The actors are drawn from kg's own tables (kg.data.tables): states with their adjectives and
capitals, international organisations, titles of office; people get names from our short lists.
Articles are 250–430 words (a target of 250–400, overshot by at most one sentence), like real
news, with a dateline on the first line.

The output is deterministic for a seed, and article i depends only on (seed, i): the corpus of
N + 1 articles is the corpus of N plus one more (the incremental-cache benchmark relies on it).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Sequence

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MIN_WORDS, MAX_WORDS = 250, 400

GIVEN_NAMES = (
    "Adrian", "Aigerim", "Alejandro", "Amara", "Anders", "Ayesha", "Bakhyt", "Camila", "Chinedu",
    "Dariusz", "Elif", "Emeka", "Farid", "Fatima", "Giorgi", "Hana", "Hiroshi", "Ilya", "Ingrid",
    "Javier", "Jomo", "Kamala", "Karim", "Lars", "Leila", "Luis", "Mariam", "Mateus", "Mehmet",
    "Nadia", "Nikolai", "Nomvula", "Olena", "Omar", "Priya", "Rashid", "Rustam", "Sabine",
    "Samir", "Sergei", "Sofia", "Tamar", "Tariq", "Thabo", "Tomasz", "Valentina", "Viktor",
    "Yusuf", "Zainab", "Zoran",
)
SURNAMES = (
    "Abdullayev", "Adeyemi", "Alvarez", "Andersen", "Arslan", "Bakirov", "Banerjee", "Barros",
    "Beridze", "Bianchi", "Bondarenko", "Chaudhry", "Costa", "Dlamini", "Duarte", "Eriksson",
    "Farouk", "Gashi", "Haddad", "Hakimi", "Horvath", "Ibrahimov", "Ishikawa", "Jankowski",
    "Kaplan", "Karimova", "Kowalczyk", "Kuznetsov", "Lindqvist", "Mahmoud", "Mendoza", "Moreau",
    "Mwangi", "Nazarbayev", "Novak", "Nwosu", "Okafor", "Olsen", "Petrenko", "Qureshi", "Rahimi",
    "Rossi", "Salazar", "Sandoval", "Sato", "Schneider", "Shevchenko", "Suleimenov", "Tadesse",
    "Takahashi", "Tkachenko", "Usmanov", "Van der Berg", "Vasquez", "Volkov", "Wojcik",
    "Yilmaz", "Yousef", "Zhakupov", "Zubair",
)
HEAD_TITLES = ("President", "Prime Minister")
AGREEMENTS = (
    "memorandum of understanding on energy cooperation", "ceasefire agreement",
    "agreement on border delimitation", "joint declaration on strategic partnership",
    "memorandum on transit and trade", "protocol on prisoner exchanges",
    "agreement on water sharing", "framework agreement on security cooperation",
)
TREATIES = ("peace treaty", "treaty on good-neighbourly relations", "border treaty",
            "treaty on the non-use of force", "treaty of friendship and cooperation")
TOPICS = ("border delimitation", "the return of displaced people", "transit routes",
          "prisoner exchanges", "water sharing", "the status of the disputed region",
          "gas supplies", "the reopening of railway links", "demining", "visa rules")

# Our templates. Slots: {A} {B} (the parties), {M} (the mediating state), each with _pos (its
# possessive), _adj (its demonym), _cap (its capital), _head / _fm (leader and foreign minister
# with title and name), _head_last / _fm_last (surname alone), _min (another minister), _amb
# (an ambassador); {org} an international organisation, {org_official} one of its officials;
# dates {date} {date2}, {weekday}, {year}; {agreement} (and {a_agreement}, with its article),
# {treaty}, {topic}; numbers {n} {n2} {n3}.
TEMPLATES = (
    "{A_head} and {B_head} signed {a_agreement} in {M_cap} on {date}, ending {n} weeks of talks "
    "brokered by {M}.",
    "The ceasefire, brokered by {M} and announced on {date}, took effect at midnight local time, "
    "the Ministry of Foreign Affairs of {A} said in a statement.",
    "{A_fm} said {weekday} that {A} was ready to resume talks on a {treaty} with {B} \"without "
    "preconditions.\"",
    "\"We expect our partners to honour every clause of the agreement,\" {A_fm_last} told "
    "reporters in {A_cap}.",
    "{B_pos} Foreign Ministry accused {A} of violating the truce, saying that its forces had "
    "shelled positions near the border overnight.",
    "Talks between delegations of {A} and {B} on a {treaty} are due to resume in {M_cap} next "
    "month, according to a spokesperson for the {org}.",
    "The {org} welcomed the agreement and urged both sides to implement it in full.",
    "Under the memorandum, signed by {A_min} and {B_min}, the two governments will set up a joint "
    "commission on {topic}.",
    "{M_adj} Foreign Minister {M_fm_name}, who mediated the talks, said the parties had agreed on "
    "{n} of the {n2} points in the draft.",
    "The {A_adj} Defence Ministry said {n3} soldiers had been killed since the fighting began on "
    "{date2}.",
    "{A_head_last} is expected to visit {B_cap} later this month for talks with {B_head_last} on "
    "{topic}, officials said.",
    "The parliament of {A} ratified the {agreement} on {date}, and it entered into force the "
    "following week.",
    "Diplomats in {M_cap} said a final text could be ready for signature by the end of the year, "
    "though the two sides still disagree over {topic}.",
    "{A} and {B} established diplomatic relations in {year}, and their foreign ministers have met "
    "{n} times since.",
    "In a joint statement issued after the meeting, {A} and {B} said they would exchange "
    "prisoners and open a humanitarian corridor.",
    "{org_official} of the {org} held separate meetings with officials of both sides in {M_cap} "
    "{weekday}.",
    "\"There is no military solution to this conflict,\" said {org_official}, who called on {A} "
    "and {B} to return to the negotiating table.",
    "{B_head} rejected the proposal {weekday}, saying it did not guarantee the security of "
    "{B_adj} citizens living in the region.",
    "The {treaty} would replace the interim arrangement that {A} and {B} agreed in {year} under "
    "the auspices of the {org}.",
    "Officials in {A_cap} said {A} had withdrawn its troops from {n} villages along the line of "
    "contact, as the deal required.",
    "{A_adj} and {B_adj} border guards will patrol the crossing jointly from {date2}, the two "
    "interior ministries said.",
    "Observers from the {org} will monitor the ceasefire, and their first report is due within "
    "{n2} days.",
    "{A_pos} ambassador to {B}, {A_amb}, was summoned to the {B_adj} Foreign Ministry {weekday}.",
    "Trade between the two countries reached ${n} billion last year, according to figures from "
    "the {A_adj} Ministry of Economy.",
    "The {M_adj} government offered to host the next round of talks in {M_cap}, {M_head} said "
    "{weekday}.",
)
HEADLINES = (
    "{A} and {B} sign {agreement}", "{M} brokers ceasefire between {A} and {B}",
    "{A} accuses {B} of violating truce", "Talks on {A}-{B} {treaty} to resume in {M_cap}",
    "{org} welcomes {A}-{B} deal",
)
_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
           "Nov.", "Dec.")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[\"“A-Z])")
_ABBREVIATIONS = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Jan|Feb|Aug|Sept|Oct|Nov|"
                            r"Dec|No)\.)$")


@dataclass(frozen=True)
class State:
    name: str
    adjective: str
    capital: str


@dataclass(frozen=True)
class Actors:
    """What our tables offer: current states with a demonym and a capital, international
    organisations, ministers' titles."""

    states: tuple[State, ...]
    organizations: tuple[str, ...]
    minister_titles: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    date: str            # ISO 8601
    text: str            # dateline line, blank line, paragraphs

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class CorpusStats:
    articles: int
    words: int
    path: Path


@lru_cache(maxsize=1)
def load_actors() -> Actors:
    """States, organisations and titles from kg's tables (kg.data.tables)."""
    from kg.data import tables

    states = tuple(State(s.name, s.adjectives[0], s.capital) for s in tables.load_states()
                   if s.status == "un_member" and s.adjectives and s.capital
                   and not s.ambiguous_names)
    organizations = tuple(o.name for o in tables.load_organizations()   # "the …" reads well
                          if o.kind == "international_organization" and " " in o.name)
    ministers = tuple(t.title for t in tables.load_titles()
                      if t.kind == "minister" and t.title.endswith(" Minister")
                      and t.portfolio not in (None, "foreign-affairs"))
    return Actors(states, organizations, ministers)


@lru_cache(maxsize=1)
def example_sentences() -> tuple[str, ...]:
    """The sentences of the articles in examples/ (datelines and fragments left out)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for path in sorted(EXAMPLES.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()
                  if line.strip()]
    sentences: list[str] = []
    for text in texts:
        for paragraph in re.split(r"\n\s*\n", text)[1:]:   # the first holds the dateline
            sentences += split_sentences(paragraph)
    return tuple(s for s in sentences if 10 <= len(s.split()) <= 45 and s[-1] in ".\"”")


def split_sentences(paragraph: str) -> list[str]:
    """A plain splitter: a stop, then space and a capital letter or quote, ends a sentence
    unless the stop closes an abbreviation ("Nov.", "U.S.")."""
    parts = _SENTENCE_END.split(" ".join(paragraph.split()))
    sentences: list[str] = []
    for part in parts:
        if sentences and _ABBREVIATIONS.search(sentences[-1]):
            sentences[-1] += " " + part
        else:
            sentences.append(part)
    return sentences


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN_NAMES)} {rng.choice(SURNAMES)}"


def news_date(day: date) -> str:
    """AP style: "Nov. 10, 2020"."""
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def relative_day(day: date, published: date) -> str:
    """'on Tuesday' for a day in the week before publication, else the date."""
    if 0 < (published - day).days < 7:
        return f"on {_WEEKDAYS[day.weekday()]}"
    return f"on {news_date(day)}"


def state_slots(prefix: str, state: State, rng: random.Random, actors: Actors) -> dict[str, str]:
    """The slots about one state: its names, its leader, foreign minister, another minister."""
    head, fm, amb = person(rng), person(rng), person(rng)
    return {
        prefix: state.name, f"{prefix}_pos": possessive(state.name),
        f"{prefix}_adj": state.adjective, f"{prefix}_cap": state.capital,
        f"{prefix}_head": f"{state.adjective} {rng.choice(HEAD_TITLES)} {head}",
        f"{prefix}_head_last": head.split(" ", 1)[1],
        f"{prefix}_fm": f"{state.adjective} Foreign Minister {fm}", f"{prefix}_fm_name": fm,
        f"{prefix}_fm_last": fm.split(" ", 1)[1],
        f"{prefix}_min": f"{state.adjective} {rng.choice(actors.minister_titles)} {person(rng)}",
        f"{prefix}_amb": amb,
    }


def article_slots(rng: random.Random, actors: Actors, published: date) -> dict[str, str]:
    a, b, m = rng.sample(actors.states, 3)
    agreement = rng.choice(AGREEMENTS)
    slots = {**state_slots("A", a, rng, actors), **state_slots("B", b, rng, actors),
             **state_slots("M", m, rng, actors)}
    slots.update(
        org=rng.choice(actors.organizations),
        org_official=f"Special Envoy {person(rng)}",
        date=news_date(published - timedelta(days=rng.randint(1, 40))),
        date2=news_date(published - timedelta(days=rng.randint(41, 400))),
        weekday=relative_day(published - timedelta(days=rng.randint(1, 6)), published),
        year=str(published.year - rng.randint(2, 30)),
        agreement=agreement, a_agreement=("an " if agreement[0] in "aeiou" else "a ") + agreement,
        treaty=rng.choice(TREATIES), topic=rng.choice(TOPICS),
        n=str(rng.randint(2, 12)), n2=str(rng.randint(14, 30)), n3=str(rng.randint(20, 400)))
    return slots


def body_sentences(rng: random.Random, slots: dict[str, str], target: int) -> list[str]:
    """Templates in random order, with one or two example sentences among them, until the
    article reaches `target` words."""
    pool = [t.format(**slots) for t in rng.sample(TEMPLATES, len(TEMPLATES))]
    examples = example_sentences()
    for _ in range(rng.randint(1, 2)):
        pool.insert(rng.randrange(1, len(pool) + 1), rng.choice(examples))
    sentences: list[str] = []
    words = 0
    for sentence in pool:
        if words >= target:
            break
        sentences.append(sentence)
        words += len(sentence.split())
    return sentences


def paragraphs(rng: random.Random, sentences: Sequence[str]) -> list[str]:
    """Wire style: one to three sentences a paragraph."""
    result: list[str] = []
    i = 0
    while i < len(sentences):
        size = rng.randint(1, 3)
        result.append(" ".join(sentences[i:i + size]))
        i += size
    return result


def dateline(rng: random.Random, slots: dict[str, str], published: date) -> tuple[str, bool]:
    """Either "BAKU, Azerbaijan" on a line of its own (False) or "BAKU, Nov. 10, 2020 (kg) —"
    to start the first paragraph (True)."""
    city = slots["M_cap"] if rng.random() < 0.5 else slots["A_cap"]
    country = slots["M"] if city == slots["M_cap"] else slots["A"]
    if rng.random() < 0.5:
        return f"{city.upper()}, {country}", False
    return f"{city.upper()}, {news_date(published)} (kg) —", True


def make_article(index: int, seed: int = 0) -> Article:
    """Article `index` of the corpus for `seed` (independent of the other articles)."""
    rng = random.Random(f"kg-corpus:{seed}:{index}")
    published = date(2012, 1, 1) + timedelta(days=rng.randint(0, 13 * 365))
    slots = article_slots(rng, load_actors(), published)
    line, inline = dateline(rng, slots, published)
    budget = rng.randint(MIN_WORDS, MAX_WORDS) - len(line.split())
    body = paragraphs(rng, body_sentences(rng, slots, budget))
    text = f"{line} {body[0]}\n\n" + "\n\n".join(body[1:]) if inline else \
        f"{line}\n\n" + "\n\n".join(body)
    title = rng.choice(HEADLINES).format(**slots)
    return Article(f"article-{index:06d}", title, published.isoformat(), text.rstrip() + "\n")


def generate_articles(n: int, seed: int = 0, start: int = 0) -> Iterator[Article]:
    for index in range(start, start + n):
        yield make_article(index, seed)


def write_txt(article: Article, folder: Path) -> None:
    (folder / f"{article.id}.txt").write_text(article.text, encoding="utf-8")


def write_corpus(n: int, out_dir: Path, seed: int = 0, fmt: str = "txt",
                 start: int = 0) -> CorpusStats:
    """Write articles start … start+n−1 to `out_dir`: one .txt each, or one corpus.jsonl."""
    out_dir.mkdir(parents=True, exist_ok=True)
    words = 0
    if fmt == "txt":
        for article in generate_articles(n, seed, start):
            write_txt(article, out_dir)
            words += article.words
        return CorpusStats(n, words, out_dir)
    path = out_dir / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for article in generate_articles(n, seed, start):
            record = {"id": article.id, "title": article.title, "date": article.date,
                      "source": "kg benchmark corpus", "text": article.text}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            words += article.words
    return CorpusStats(n, words, path)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out_dir", type=Path, help="folder to write (created if missing)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt",
                        help="one .txt per article (default) or one corpus.jsonl")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    stats = write_corpus(args.n, args.out_dir, args.seed, args.format)
    print(f"{stats.articles} articles, {stats.words} words "
          f"({stats.words / max(stats.articles, 1):.0f} words/article) → {stats.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
