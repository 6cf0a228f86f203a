"""Names the statistical NER calls ORG that name no body: rooms and buildings, events, laws,
programmes and dialogues, time zones, regions, historic realms and bare generic words.

A building that stands for a body ("the White House", "the Kremlin") is in our table of
organisations and is found before these rules run; what is left ("the State Dining Room", "a
Leaders Summit", "the Elections Law", "the Shared Island Dialogue") is no organisation: in
news, programmes and dialogues are things bodies run, not bodies (../shared/eval/README.md's
real-news conventions).
"""
from __future__ import annotations

import re
from collections.abc import Container

# The last word of a name that makes it a room, a building or a site, not a body.
SITE_WORDS = {"room", "rooms", "garden", "gardens", "lawn", "building", "hotel", "airport",
              "stadium", "square", "street", "avenue", "bridge", "station", "plant", "port",
              "corridor", "crossing", "checkpoint", "pipeline", "terminal", "base", "field",
              "fields", "dam", "facility"}
# Lower-case nouns after a name that make it a site's name: "the Azovstal steel works", "the
# Zvezda shipyard" (capitalised, "Baltic Shipyard" or "Ministry of Energy and Mines" are
# firms and bodies).
SITE_NOUNS = SITE_WORDS | {"shipyard", "factory", "refinery", "works", "mine", "mines"}
# The last word of a name that makes it an event or a period: "Leaders Summit", "Standard Time".
# Not "Forum": many bodies are forums.
EVENT_WORDS = {"summit", "conference", "games", "olympics", "festival", "expo", "talks",
               "election", "elections", "referendum", "war", "crisis", "time", "day", "week"}
# The last word of a name that makes it a law: "Elections Law", "Patriot Act".
LAW_WORDS = {"act", "law", "bill", "constitution", "amendment", "code", "decree"}
# The last word of a name that makes it a programme or a policy: "Island Dialogue",
# "Development Initiative", "Minerals Security Partnership" (states' joint programme),
# "Foreign Military Financing". Not "Fund", "Plan" or "Policy": charities, banks and think tanks
# are named so too, and leaving them in measured better on held-out encyclopaedic sentences.
PROGRAMME_WORDS = {"programme", "program", "dialogue", "initiative", "scheme", "partnership",
                   "financing", "funding", "sales"}
# The last word of a name that makes it a region or a historic realm.
REALM_WORDS = {"region", "province", "oblast", "district", "empire", "kingdom", "caliphate",
               "dynasty", "sultanate", "khanate"}
# Generic words that, alone, name no particular body: "the Crown", "the Party", "the
# Administration" (which one is a matter for coreference, not for a new organisation).
GENERIC_ALONE = {"crown", "party", "administration", "state", "government", "opposition",
                 "coalition", "alliance", "ministry", "department", "agency", "council",
                 "committee", "commission", "court", "army", "military", "cabinet", "union"}
# The last word of a name that makes a relation between the states named before it: "the
# U.S.-Japan Alliance", "the Japan-Philippines Strategic Partnership" (two states' ties, no body).
RELATION_WORDS = {"alliance", "partnership", "relationship", "relations", "ties", "cooperation"}
# Heads in the plural: "the Foreign Ministries of the two countries" are several bodies, none
# named.
PLURAL_HEADS = {"ministries", "governments", "parliaments", "agencies", "departments", "armies",
                "services", "offices", "councils", "committees"}
# Words a name does not end in: "Office of the" is a name the NER cut short.
CUT_ENDS = {"of", "the", "and", "for", "on", "in"}
# The first word of a release's title, which the NER takes into a name: "Readout of ...".
RELEASE_WORDS = {"readout", "remarks", "statement", "transcript", "communique", "communiqué"}
# Buildings that stand for the body seated in them (our table's "White House"), and are only
# the building where something happens in them ("met at the White House"): facts, not a rule.
SEATS = {"white house", "kremlin", "downing street", "élysée palace", "pentagon", "farnesina",
         "itamaraty"}
# Rooms whose name ends in a body's head word: facts, not a rule.
ROOMS = {"oval office"}

NO_BODY_WORDS = SITE_WORDS | EVENT_WORDS | LAW_WORDS | PROGRAMME_WORDS | REALM_WORDS


def names_no_body(name: str) -> bool:
    """Whether a name the NER calls ORG names no organisation (see the module's docstring)."""
    words = name.lower().replace("’", "'").split()
    if not words:
        return True
    if len(words) == 1 and (words[0] in GENERIC_ALONE or words[0].endswith(("ism", "phobia"))):
        return True
    if " ".join(words) in ROOMS or words[-1] in PLURAL_HEADS | CUT_ENDS:
        return True
    if words[0] == "operation" and len(words) > 1:
        return True   # "Operation Allies Welcome": a military or police operation, an event
    if words[0] in RELEASE_WORDS:
        return True   # "Readout of National Security Advisor": a release's title line
    # "School of Law", "Commission on Elections", "Institute for the Study of War": a body
    # named for its subject
    named_for = len(words) > 1 and words[-2] in ("of", "on", "for", "the")
    return words[-1] in NO_BODY_WORDS and not named_for


def names_a_relation(name: str, state_names: Container[str]) -> bool:
    """"U.S.-Japan Alliance": a first word of states joined by hyphens or dashes, and a last
    word of RELATION_WORDS, names the states' relation, not a body."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in RELATION_WORDS:
        return False
    parts = [p for p in re.split(r"[-–—]", words[0]) if p]
    return len(parts) >= 2 and all(p in state_names or p + "." in state_names for p in parts)
