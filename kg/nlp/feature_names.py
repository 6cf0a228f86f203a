"""Names of seas, rivers, lakes and other natural features that hold a state's or a place's name:
"the South China Sea", "the Gulf of Guinea", "the Niger Delta", "Lake Chad". Such a name is a
place of its own, not a mention of the state: the gazetteer marks its words as one LOC span
instead (kg.nlp.gazetteer_components), which kg reads as a place. The adjective of a region that
holds a state's demonym ("Latin American") is marked as a span that names no entity."""
from __future__ import annotations

from spacy.tokens import Doc

# Capitalised words that make the name before them a natural feature ("China Sea").
FEATURES_AFTER = {"Sea", "Ocean", "Gulf", "Strait", "Straits", "Bay", "Peninsula", "Basin",
                  "River", "Delta", "Valley", "Lake", "Mountains", "Highlands", "Plateau",
                  "Desert", "Canal", "Channel", "Sound", "Archipelago", "Rift"}
# Capitalised words that do so before "of" ("Gulf of Guinea") or right before it ("Lake Chad").
FEATURES_OF = {"Sea", "Gulf", "Strait", "Straits", "Bay", "Bight", "Isthmus", "Horn"}
FEATURES_BEFORE = {"Lake", "Mount", "Cape"}
# Compass words a feature name may start with ("the South China Sea").
COMPASS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western"}
# Words that make the demonym of a state named like its continent a region's ("Latin
# American", "Central American", "North American"): no state's. ("South Vietnamese", "North
# Yemeni" are the states' people, as event datasets code them.)
REGIONS_BEFORE = COMPASS | {"Central", "Latin"}
CONTINENT_DEMONYMS = {"American"}
# The entity label of a region's adjective: a span that keeps the NER and the gazetteers off
# its words and that kg reads as no entity.
REGION_ADJ = "KG_REGION_ADJ"


def feature_name_around(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The token range of a natural feature's name that the name at doc[start:end] is part of,
    or None."""
    begin = start
    if end < len(doc) and doc[end].text in FEATURES_AFTER:
        if begin > 0 and doc[begin - 1].text in COMPASS:
            begin -= 1
        return begin, end + 1
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in FEATURES_OF:
        return start - 2, end
    if start >= 1 and doc[start - 1].text in FEATURES_BEFORE:
        return start - 1, end
    return None


def regional_adjective(doc: Doc, start: int) -> tuple[int, int] | None:
    """The token range of a region's adjective ("Latin American") whose demonym starts at
    `start`, or None."""
    if start >= 1 and doc[start - 1].text in REGIONS_BEFORE and \
            doc[start].text in CONTINENT_DEMONYMS:
        return start - 1, start + 1
    return None
