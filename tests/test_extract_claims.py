"""Reported speech (kg.nlp.claims) on sentences we wrote: one test per construction, per way of
finding the speaker, and for the marking of the facts reported within a claim."""
from __future__ import annotations

from kg.model import Claim, DocumentExtraction

PASHINYAN = "person/nikol-pashinyan"
ARM_DEFENSE = "org/ARM/ministry-of-defense"


def claims(ex: DocumentExtraction) -> list[tuple[str | None, str | None, str]]:
    """(claimant, organisation, claimed text) of every claim, after checking its offsets."""
    text = ex.document.text
    found = []
    for claim in ex.claims:
        assert 0 <= claim.begin < claim.end <= len(text), claim
        assert text[claim.begin:claim.end] == text[claim.begin:claim.end].strip(), claim
        found.append((claim.claimant, claim.claimant_org, text[claim.begin:claim.end]))
    return found


def only_claim(ex: DocumentExtraction) -> Claim:
    assert len(ex.claims) == 1, claims(ex)
    return ex.claims[0]


def claim_of(ex: DocumentExtraction, predicate: str, obj: str | None = None) -> set[str | None]:
    """The claim keys of the evidence of the facts with this predicate (and object)."""
    found = {ev.claim for f, ev in ex.facts
             if f.predicate == predicate and (obj is None or f.object == obj)}
    assert found, f"no {predicate} fact among {ex.facts}"
    return found


# --- constructions -----------------------------------------------------------------------------

def test_said_that_claims_the_clause_and_its_facts(extract_text):
    ex = extract_text("Prime Minister Nikol Pashinyan of Armenia said that Armenia and Azerbaijan "
                      "signed a peace treaty in Tbilisi on March 3, 2024.")
    claim = only_claim(ex)
    assert claims(ex) == [(PASHINYAN, "state/ARM", "Armenia and Azerbaijan signed a peace treaty "
                                                   "in Tbilisi on March 3, 2024")]
    assert claim.cue == "said" and claim.key.startswith("claim/")
    assert claim_of(ex, "dateSigned") == {claim.key}
    assert claim_of(ex, "party", "state/AZE") == {claim.key}
    # The speaker's own post is stated by the article, not by him.
    assert claim_of(ex, "holds") == {None}


def test_said_after_the_clause(extract_text):
    ex = extract_text("Armenia and Azerbaijan signed a ceasefire agreement on March 3, 2024, "
                      "Prime Minister Nikol Pashinyan of Armenia said.")
    claim = only_claim(ex)
    assert claims(ex) == [(PASHINYAN, "state/ARM", "Armenia and Azerbaijan signed a ceasefire "
                                                   "agreement on March 3, 2024")]
    assert claim_of(ex, "dateSigned") == {claim.key}


def test_quotation_before_the_speaker(extract_text):
    ex = extract_text("“Armenia and Azerbaijan signed a peace treaty on March 3,” Nikol Pashinyan, "
                      "the Prime Minister of Armenia, told reporters.", date="2024-03-07")
    claim = only_claim(ex)
    assert claims(ex) == [(PASHINYAN, "state/ARM",
                           "Armenia and Azerbaijan signed a peace treaty on March 3")]
    assert claim.cue == "told"
    assert claim_of(ex, "dateSigned", "2024-03-03") == {claim.key}


def test_quotation_over_two_sentences_is_one_claim(extract_text):
    ex = extract_text("“We will not sign the treaty. We want talks with Azerbaijan,” Nikol "
                      "Pashinyan, the Prime Minister of Armenia, said.")
    assert claims(ex) == [(PASHINYAN, "state/ARM",
                           "We will not sign the treaty. We want talks with Azerbaijan")]


def test_according_to_at_the_start(extract_text):
    ex = extract_text("According to the Georgian Foreign Ministry, Armenia and Azerbaijan signed "
                      "a peace treaty on March 3, 2024.")
    claim = only_claim(ex)
    assert claim.cue == "according to"
    assert claim.claimant is not None and claim.claimant.startswith("org/")
    assert claim.claimant_org == claim.claimant
    assert claims(ex)[0][2] == "Armenia and Azerbaijan signed a peace treaty on March 3, 2024"
    # "According to" scopes over the whole sentence: even a fact whose evidence is the sentence.
    assert claim_of(ex, "party", "state/ARM") == {claim.key}


def test_according_to_at_the_end(extract_text):
    ex = extract_text("The ceasefire agreement was signed by Armenia and Azerbaijan in March 2024, "
                      "according to Prime Minister Nikol Pashinyan of Armenia, who spoke in "
                      "Yerevan.")
    claim = only_claim(ex)
    assert claims(ex) == [(PASHINYAN, "state/ARM", "The ceasefire agreement was signed by Armenia "
                                                   "and Azerbaijan in March 2024")]
    assert claim_of(ex, "dateSigned", "2024-03") == {claim.key}


def test_accused_of(extract_text):
    ex = extract_text("The Armenian Defense Ministry accused Azerbaijan of violating the ceasefire "
                      "agreement signed by Armenia and Azerbaijan in 2020.")
    claim = only_claim(ex)
    assert claims(ex) == [(ARM_DEFENSE, ARM_DEFENSE, "Azerbaijan of violating the ceasefire "
                                                     "agreement signed by Armenia and Azerbaijan "
                                                     "in 2020")]
    assert claim.cue == "accused"
    assert claim_of(ex, "status", "violated") == {claim.key}
    assert claim_of(ex, "state") == {None}  # the ministry's own state is the article's


def test_stressed_warned_noted_that(extract_text):
    for verb in ("stressed", "warned", "noted", "claimed"):
        ex = extract_text(f"Prime Minister Nikol Pashinyan of Armenia {verb} that Azerbaijan "
                          "would not sign the peace treaty.")
        claim = only_claim(ex)
        assert (claim.claimant, claim.cue) == (PASHINYAN, verb)


def test_participle_cue_borrows_the_subject(extract_text):
    ex = extract_text("Stressing that Armenia wants peace, the Armenian Defense Ministry said "
                      "Azerbaijani troops had opened fire.")
    assert claims(ex) == [(ARM_DEFENSE, ARM_DEFENSE, "Armenia wants peace"),
                          (ARM_DEFENSE, ARM_DEFENSE, "Azerbaijani troops had opened fire")]


def test_no_claim_without_reported_speech(extract_text):
    ex = extract_text("Russia added three battalions to its forces in Armenia. The report is "
                      "evidence confirming the plan. Armenia and Azerbaijan signed a ceasefire "
                      "agreement in 2020.")
    assert ex.claims == []
    assert {ev.claim for _, ev in ex.facts} == {None}


def test_dateline_is_not_claimed(nlp):
    from kg.documents import text_document
    from kg.nlp.extract import extract

    document = text_document("WASHINGTON, Feb. 22, 2023 (kg) — Russia has suspended its "
                             "participation in the treaty, President Vladimir Putin announced on "
                             "Tuesday.\n", "t", "t.txt")
    assert document.body_start > 0
    ex = extract(nlp(document.text), document)
    assert [t for _, _, t in claims(ex)] == ["Russia has suspended its participation in the "
                                             "treaty"]
    assert only_claim(ex).date == "2023-02-21"


# --- speakers -----------------------------------------------------------------------------------

def test_unnamed_official_speaks_for_the_body_named_in_the_phrase(extract_text):
    ex = extract_text("An Armenian Foreign Ministry official warned that Azerbaijan would not sign "
                      "the peace treaty.")
    claim = only_claim(ex)
    assert claim.claimant_org == "org/ARM/ministry-of-foreign-affairs"
    assert claim.claimant == claim.claimant_org


def test_he_added_is_the_last_person_who_spoke(extract_text):
    ex = extract_text("Prime Minister Nikol Pashinyan of Armenia said Armenia wants peace. "
                      "President Vladimir Putin of Russia met him in Moscow. "
                      "“Our troops will stay,” he added.")
    assert [c[0] for c in claims(ex)] == [PASHINYAN, PASHINYAN]


def test_he_without_an_earlier_speaker_is_the_last_person_named(extract_text):
    ex = extract_text("Prime Minister Nikol Pashinyan of Armenia met reporters in Yerevan. "
                      "He stressed that Armenia wants peace.")
    assert claims(ex) == [(PASHINYAN, "state/ARM", "Armenia wants peace")]


def test_it_added_is_the_last_body_that_spoke(extract_text):
    ex = extract_text("The Armenian Defense Ministry said Azerbaijani troops had opened fire near "
                      "Jermuk. Prime Minister Nikol Pashinyan of Armenia was in Moscow. "
                      "It added that the ceasefire was violated.")
    assert [c[0] for c in claims(ex)] == [ARM_DEFENSE, ARM_DEFENSE]


def test_the_ministry_is_the_last_ministry_named(extract_text):
    ex = extract_text("The Armenian Defense Ministry reported shelling near Jermuk. Later the "
                      "ministry said the ceasefire agreement signed by Armenia and Azerbaijan was "
                      "violated.")
    claim = only_claim(ex)
    assert (claim.claimant, claim.claimant_org) == (ARM_DEFENSE, ARM_DEFENSE)
    assert claim_of(ex, "status", "violated") == {claim.key}


def test_speaker_of_no_known_entity_gives_a_claim_without_claimant(extract_text):
    ex = extract_text("Witnesses said that Armenia and Azerbaijan signed a ceasefire agreement in "
                      "2020.")
    claim = only_claim(ex)
    assert (claim.claimant, claim.claimant_org) == (None, None)
    assert claim_of(ex, "dateSigned") == {claim.key}


# --- dates and keys -----------------------------------------------------------------------------

def test_date_of_the_reporting_clause_resolves_against_the_document(extract_text):
    ex = extract_text("Prime Minister Nikol Pashinyan of Armenia said on Tuesday that Armenia "
                      "wants peace.", date="2024-03-07")
    assert only_claim(ex).date == "2024-03-05"  # the Tuesday before Thursday 7 March


def test_date_is_the_documents_without_one_in_the_clause(extract_text):
    ex = extract_text("Prime Minister Nikol Pashinyan of Armenia said that Armenia and Azerbaijan "
                      "signed a ceasefire agreement on March 3, 2024.", date="2024-03-07")
    # The date inside the claimed text is the signing's, not the claim's.
    assert only_claim(ex).date == "2024-03-07"


def test_claim_keys_are_stable_and_depend_on_the_document(extract_text):
    text = "Prime Minister Nikol Pashinyan of Armenia said that Armenia wants peace."
    first, again = extract_text(text, doc_id="a"), extract_text(text, doc_id="a")
    other = extract_text(text, doc_id="b")
    assert only_claim(first).key == only_claim(again).key
    assert only_claim(first).key != only_claim(other).key
