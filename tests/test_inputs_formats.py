"""Inputs as people save them: a .txt file's title line and front matter, Markdown, HTML pages,
folders of all of them, and the skipping of documents that are not English.

Reading only (no spaCy model): kg build's summary and exit codes are in test_inputs_build.py.
The texts are written for these tests.
"""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from kg.documents import read_documents, text_document
from kg.errors import InputError
from kg.language import foreign_language
from kg.model import Document

WIRE = ("Kyrgyzstan and Tajikistan sign border treaty\n"
        "\n"
        "BISHKEK, March 13, 2025 (Example Wire) - The presidents of Kyrgyzstan and Tajikistan "
        "signed a treaty on their state border on Thursday, ending a dispute that led to "
        "deadly clashes in 2022.\n")
RELEASE = ("---\n"
           "title: Joint statement on the energy dialogue\n"
           "date: 2024-09-18\n"
           'source: "Ministry of Foreign Affairs"\n'
           "url: https://example.org/press/2024/118\n"
           "tags:\n"
           "  - energy\n"
           "author: Press Office\n"
           "---\n"
           "\n"
           "The Ministry of Foreign Affairs and the Ministry of Energy held the third round of the "
           "energy dialogue in Oslo on Wednesday.\n")
FRENCH = ("Le ministre des Affaires étrangères a reçu mardi son homologue sénégalais à Paris pour "
          "évoquer la coopération migratoire et la situation au Sahel, a indiqué le ministère "
          "dans un communiqué publié dans la soirée. Les deux responsables ont signé une "
          "déclaration commune sur la jeunesse et la formation professionnelle.\n")
# English thick with foreign names and places: it must stay English.
NAMES = ("Recep Tayyip Erdoğan, Kassym-Jomart Tokayev, Shavkat Mirziyoyev, Ilham Aliyev and "
         "Sadyr Japarov met in Astana on Thursday with Ursula von der Leyen, Mohammed bin Salman "
         "and Luiz Inácio Lula da Silva; Jean-Noël Barrot, Wang Yi, Sergei Lavrov, Hakan Fidan, "
         "José Manuel Albares and Annalena Baerbock joined them in Almaty.\n")


def read(*paths: Path | str, strict: bool = True, language: str | None = None) -> list[Document]:
    return list(read_documents([str(p) for p in paths], strict=strict, language=language))


def one(tmp_path: Path, name: str, content: str | bytes) -> Document:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    [doc] = read(path)
    return doc


def error_of(tmp_path: Path, name: str, content: str, **options: object) -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read(path, **options)
    return str(caught.value)


# --- .txt: the title line ------------------------------------------------------------------------

def test_txt_first_line_is_the_title_and_stays_in_the_text(tmp_path: Path) -> None:
    doc = one(tmp_path, "wire.txt", WIRE)
    assert doc.title == "Kyrgyzstan and Tajikistan sign border treaty"
    assert doc.text == WIRE     # offsets index the whole file, title included
    # The dateline on the line after the title is found: its place, its date, the body's start.
    assert (doc.dateline_place, doc.date) == ("Bishkek", "2025-03-13")
    assert doc.text[doc.body_start:].startswith("The presidents of Kyrgyzstan")


def test_txt_title_without_a_dateline_starts_the_body_after_it(tmp_path: Path) -> None:
    doc = one(tmp_path, "talks.txt", "Talks resume in Geneva\n\nThe envoys met on Monday.\n")
    assert doc.title == "Talks resume in Geneva"
    assert doc.text[doc.body_start:] == "The envoys met on Monday.\n"
    assert doc.dateline_place is None


@pytest.mark.parametrize("text", [
    "BAKU, Azerbaijan\n\nThe talks opened on Monday.\n",                # a dateline
    "The council met on Monday.\nIt adopted two resolutions.\n",        # a sentence
    "Kyrgyzstan and Tajikistan sign border treaty\n",                   # nothing follows
    "Kyrgyzstan and Tajikistan " * 12 + "sign\n\nThe treaty was signed.\n",   # a paragraph
    "In a statement released on Tuesday evening, the ministry said:\nTalks will resume.\n",
])
def test_txt_first_line_that_is_no_title(tmp_path: Path, text: str) -> None:
    assert one(tmp_path, "a.txt", text).title is None


def test_standard_input_reads_the_title_line_as_a_txt_file(monkeypatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(WIRE.encode("utf-8"))))
    [doc] = read("-")
    assert (doc.title, doc.dateline_place) == ("Kyrgyzstan and Tajikistan sign border treaty",
                                               "Bishkek")


# --- front matter --------------------------------------------------------------------------------

def test_front_matter_sets_the_fields_and_is_not_part_of_the_text(tmp_path: Path) -> None:
    doc = one(tmp_path, "release.txt", RELEASE)
    assert (doc.title, doc.date, doc.source, doc.url) == (
        "Joint statement on the energy dialogue", "2024-09-18", "Ministry of Foreign Affairs",
        "https://example.org/press/2024/118")
    assert doc.text == ("The Ministry of Foreign Affairs and the Ministry of Energy held the "
                        "third round of the energy dialogue in Oslo on Wednesday.\n")


def test_front_matter_title_wins_over_the_first_line(tmp_path: Path) -> None:
    doc = one(tmp_path, "a.txt", "---\ntitle: 'Energy dialogue'\n---\nEnergy talks in Oslo\n\n"
                                 "The ministries met.\n")
    assert doc.title == "Energy dialogue"
    assert doc.text.startswith("Energy talks in Oslo\n")


def test_front_matter_date_refined_by_the_dateline(tmp_path: Path) -> None:
    doc = one(tmp_path, "a.txt", "---\ndate: 2025-03\n---\nBISHKEK, March 13 (Example Wire) - "
                                 "The treaty was signed.\n")
    assert doc.date == "2025-03-13"


def test_a_bad_front_matter_date_names_the_file_and_line(tmp_path: Path) -> None:
    message = error_of(tmp_path, "release.txt", RELEASE.replace("2024-09-18", "18/09/2024"))
    assert message == (f"{tmp_path / 'release.txt'} line 3: front matter \"date\" is not an ISO "
                       f"8601 date: '18/09/2024' (use YYYY-MM-DD, YYYY-MM or YYYY)")


def test_an_unclosed_front_matter_is_an_error(tmp_path: Path) -> None:
    message = error_of(tmp_path, "a.txt", "---\ntitle: Energy dialogue\nThe ministries met.\n")
    assert message.startswith(f"{tmp_path / 'a.txt'} line 1: front matter")
    assert "never closed" in message


def test_a_front_matter_line_that_is_no_key_value_names_its_line(tmp_path: Path) -> None:
    message = error_of(tmp_path, "a.md", "---\ntitle: Energy dialogue\nthis is prose\n---\nText.\n")
    assert message.startswith(f"{tmp_path / 'a.md'} line 3: front matter line is not 'key: value'")


def test_front_matter_with_no_text_after_it(tmp_path: Path) -> None:
    message = error_of(tmp_path, "a.txt", "---\ntitle: Energy dialogue\n---\n\n")
    assert message == f"{tmp_path / 'a.txt'}: no text after the front matter"


# --- Markdown ------------------------------------------------------------------------------------

MARKDOWN = ("---\n"
            "date: 2025-05-12\n"
            "---\n"
            "# Council adopts *new* sanctions\n"
            "\n"
            "The [Council of the European Union](https://example.org/council \"Council\") "
            "adopted a package of **restrictive measures** on Monday.\n"
            "![a photograph](https://example.org/photo.jpg)<span class=\"x\">Brussels</span>\n"
            "\n"
            "- The measures target *twelve* individuals.\n"
            "- They enter into force on `publication`.\n"
            "\n"
            "> We will not stand by, the High Representative said.\n")


def test_markdown_is_read_as_text_without_markup_or_link_targets(tmp_path: Path) -> None:
    doc = one(tmp_path, "council.md", MARKDOWN)
    assert doc.text == ("Council adopts new sanctions\n\n"
                        "The Council of the European Union adopted a package of restrictive "
                        "measures on Monday. Brussels\n\n"
                        "The measures target twelve individuals.\n\n"
                        "They enter into force on publication.\n\n"
                        "We will not stand by, the High Representative said.\n")
    assert (doc.id, doc.title, doc.date) == ("council", "Council adopts new sanctions",
                                             "2025-05-12")
    assert "example.org" not in doc.text and "*" not in doc.text


def test_markdown_title_is_a_first_level_one_heading_only(tmp_path: Path) -> None:
    assert one(tmp_path, "a.md", "## Background\n\nThe talks began.\n").title is None
    assert one(tmp_path, "b.md", "The talks began.\n\n# Annex\n\nText.\n").title is None


def test_markdown_heading_then_dateline(tmp_path: Path) -> None:
    doc = one(tmp_path, "a.md", "# Border treaty signed\n\n" + WIRE.split("\n\n", 1)[1])
    assert (doc.title, doc.dateline_place, doc.date) == ("Border treaty signed", "Bishkek",
                                                         "2025-03-13")


# --- HTML ----------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Ministers sign water accord | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-03-14T09:00:00Z">
<link rel="canonical" href="https://news.example.org/2025/03/water-accord">
<link rel="stylesheet" href="https://cdn.example.org/style.css">
<script src="https://cdn.example.org/app.js"></script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Ministers sign water accord</h1>
<p>TASHKENT, March 14 (Example News) - The foreign ministers of Uzbekistan and Kazakhstan signed
an agreement on the shared use of the Syr Darya on Friday, officials said.</p>
<p>The accord, negotiated over two years, sets quotas for irrigation in the summer months.
<img src="https://img.example.org/dam.jpg" alt="A dam"> Both governments said it would enter into
force in June, once their parliaments ratify it.</p>
<iframe src="https://video.example.org/embed/1"></iframe>
</article>
<footer>Copyright 2025 Example News. <a href="https://example.org/privacy">Privacy</a></footer>
</body></html>
"""


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection or resolve a name fails the test, even one a library
    catches (htmldate, handed a URL, tries to fetch it and swallows the error)."""
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("no network in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert not attempts, f"kg tried to reach the network: {attempts!r}"


def test_the_network_guard_sees_a_fetch_a_library_swallows(no_network) -> None:
    import htmldate

    with pytest.raises(ValueError):
        htmldate.find_date("https://news.example.org/2025/03/water-accord")
    assert no_network, "the guard saw no attempt: it would not catch a fetch"
    no_network.clear()


def test_html_article_text_title_date_and_source(tmp_path: Path, no_network) -> None:
    doc = one(tmp_path, "accord.html", PAGE)
    assert doc.title == "Ministers sign water accord"
    assert (doc.date, doc.source) == ("2025-03-14", "Example News")
    assert doc.url == "https://news.example.org/2025/03/water-accord"
    assert doc.text.startswith("Ministers sign water accord\n\nTASHKENT, March 14 (Example News) "
                               "- The foreign ministers of Uzbekistan and Kazakhstan signed")
    assert "once their parliaments ratify it." in doc.text
    for boilerplate in ("Home", "Sport", "Privacy", "Copyright", "cdn.example.org"):
        assert boilerplate not in doc.text
    # The headline opens the text, so the dateline after it is found.
    assert doc.dateline_place == "Tashkent"
    assert doc.text[doc.body_start:].startswith("The foreign ministers")


def test_html_headline_unlike_the_page_title_still_opens_the_text(tmp_path: Path,
                                                                    no_network) -> None:
    page = PAGE.replace("<h1>Ministers sign water accord</h1>",
                        "<h1>Uzbekistan, Kazakhstan share the Syr Darya</h1>").replace(
        "<title>", '<meta property="og:title" content="Water accord signed"><title>')
    doc = one(tmp_path, "accord.html", page)
    assert doc.title == "Water accord signed"     # the page's own title names it
    assert doc.text.startswith("Uzbekistan, Kazakhstan share the Syr Darya\n\nTASHKENT")
    assert doc.dateline_place == "Tashkent"


def test_htm_without_a_date_has_none(tmp_path: Path, no_network) -> None:
    page = PAGE.replace('<meta property="article:published_time" '
                        'content="2025-03-14T09:00:00Z">', "").replace("Copyright 2025 ", "")
    doc = one(tmp_path, "accord.htm", page)
    assert doc.date is None and doc.id == "accord"


def test_a_page_that_is_only_a_url_is_not_fetched(tmp_path: Path, no_network) -> None:
    path = tmp_path / "link.html"
    path.write_text("https://news.example.org/2025/03/water-accord", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value).startswith(str(path))


def test_a_page_without_article_text_is_an_error(tmp_path: Path, no_network) -> None:
    # A page whose text a script writes once it runs in a browser.
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Example News</title>"
                    "<script src='https://cdn.example.org/app.js'></script></head>"
                    "<body><div id='root'></div></body></html>", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: no article text found in this page"


# --- folders -------------------------------------------------------------------------------------

def test_a_folder_reads_every_supported_type(tmp_path: Path, no_network) -> None:
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "b.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "c.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "d.HTM").write_text(PAGE, encoding="utf-8")
    (tmp_path / "e.jsonl").write_text(json.dumps({"text": "The talks began."}) + "\n",
                                      encoding="utf-8")
    (tmp_path / "f.docx").write_bytes(b"PK\x03\x04")
    assert [d.id for d in read(tmp_path)] == ["a", "b", "c", "d", "e-1"]


# --- language ------------------------------------------------------------------------------------

def test_a_french_article_is_skipped_naming_the_language(tmp_path: Path) -> None:
    message = error_of(tmp_path, "le-monde.txt", FRENCH)
    assert message == (f"{tmp_path / 'le-monde.txt'}: language looks like French (fr); "
                       f"use --lang en to build it anyway")


def test_lang_en_reads_it_anyway(tmp_path: Path) -> None:
    path = tmp_path / "le-monde.txt"
    path.write_text(FRENCH, encoding="utf-8")
    [doc] = read(path, language="en")
    assert doc.text == FRENCH


def test_without_strict_the_foreign_article_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FRENCH, encoding="utf-8")
    skipped: list[InputError] = []
    docs = list(read_documents([str(tmp_path)], on_skip=skipped.append))
    assert [d.id for d in docs] == ["a"]
    assert [str(e) for e in skipped] == [f"{tmp_path / 'b.txt'}: language looks like French (fr); "
                                         f"use --lang en to build it anyway"]


def test_a_foreign_jsonl_line_is_named_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": WIRE}) + "\n" + json.dumps({"text": FRENCH}) + "\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(caught.value).startswith(f"{path} line 2: language looks like French (fr)")


@pytest.mark.parametrize("text", [
    "Accord de paix signé à Genève entre les deux pays",        # a French headline: too short
    "Le ministre a signé l'accord mardi à Genève.",             # a French sentence: too short
    NAMES,                                                       # English with foreign names
    # English with few common words: the classifier is asked, and is not sure enough.
    "Delegation of the Republic of Kazakhstan: Murat Nurtleu, Minister of Foreign Affairs; "
    "Roman Sklyar, Deputy Prime Minister; Almas Aidarov, Minister of Energy; Serik Zhumangarin, "
    "Minister of Trade and Integration; Yerzhan Kazykhanov, Ambassador; Kairat Umarov, "
    "Ambassador; Nurlan Yermekbayev, Secretary General; Aidar Arifkhanov, Vice Minister.",
    WIRE, RELEASE, PAGE,
])
def test_short_texts_and_english_are_not_skipped(text: str) -> None:
    assert foreign_language(text) is None


@pytest.mark.parametrize("text, code", [
    (FRENCH, "fr"),
    ("Die Bundesregierung hat am Mittwoch beschlossen, die Hilfe für die Ukraine im kommenden "
     "Jahr deutlich aufzustocken, teilte ein Sprecher in Berlin mit. Der Bundestag soll im "
     "Herbst über das Paket abstimmen, das auch Mittel für den Wiederaufbau vorsieht.", "de"),
    ("Министр иностранных дел провёл во вторник переговоры со своим турецким коллегой в Анкаре. "
     "Стороны обсудили ситуацию на Южном Кавказе и подготовку нового соглашения о торговле "
     "и транспорте между двумя странами. Переговоры продолжатся в следующем месяце в Баку.",
     "ru"),
])
def test_other_languages_are_recognised_the_same_way_every_time(text: str, code: str) -> None:
    found = {foreign_language(text) for _ in range(3)}
    assert len(found) == 1 and next(iter(found))[0] == code


def test_a_release_title_of_a_long_sentence_is_still_the_title_and_dates_the_release():
    title = ("Joint Statement by the Prime Minister of Norway and the President of the Republic "
             "of Chile on Cooperation in Fisheries Management, Ocean Research and the Protection "
             "of Marine Biodiversity in the South Pacific and the Southern Ocean")
    assert 200 < len(title) <= 300
    document = text_document(f"{title}\nJune 3, 2024\n\nThe two leaders met in Oslo.", "t", "t")
    assert (document.title, document.date) == (title, "2024-06-03")


def test_a_dateline_under_a_byline_under_the_headline_dates_the_story():
    text = ("Ferry Link Reopens Between Two Baltic Ports\nBy Aino Virtanen, Nordic Wire\n\n"
            "TALLINN, March 4, 2025 (Nordic Wire) — The ferry resumed on Tuesday.")
    document = text_document(text, "t", "t")
    assert (document.title, document.date, document.dateline_place) == (
        "Ferry Link Reopens Between Two Baltic Ports", "2025-03-04", "Tallinn")
    assert document.text[document.body_start:].startswith("The ferry resumed")


@pytest.mark.parametrize("text", [
    "Recalling the Framework Agreement on\nTrade and Investment, the Parties agreed as follows.",
    "The delegations of Peru and Chile met in Lima\nand agreed to resume the talks.",
], ids=["ends-on-a-joining-word", "next-line-runs-on"])
def test_a_sentence_wrapped_over_lines_has_no_title_line(text):
    document = text_document(text, "t", "t")
    assert (document.title, document.body_start) == (None, 0)
