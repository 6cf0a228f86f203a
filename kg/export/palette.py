"""One colour per entity kind (and one per PLOVER event type, below), shared by the GraphML and
GEXF exports and `kg render`, and documented in the README.

The five kinds a reader looks for first (states, people, agreements, places, posts) take the most
distinct colours of the Okabe-Ito palette, which stays distinguishable under the common forms of
colour blindness. Governments and news media take two more of its colours, the other organisation
kinds Paul Tol's "muted" scheme. Sixteen categories cannot all stay apart for every reader; the
`kind` attribute carries the same information for Gephi's partition panel.
"""
from __future__ import annotations

from kg import model

PALETTE: dict[str, str] = {
    model.STATE: "#0072b2",                       # Okabe-Ito blue
    model.PERSON: "#e69f00",                      # Okabe-Ito orange
    model.AGREEMENT: "#d55e00",                   # Okabe-Ito vermillion
    model.PLACE: "#009e73",                       # Okabe-Ito bluish green
    model.POST: "#cc79a7",                        # Okabe-Ito reddish purple
    model.GOVERNMENT: "#56b4e9",                  # Okabe-Ito sky blue
    model.MINISTRY: "#332288",                    # Tol indigo
    model.DEPARTMENT: "#88ccee",                  # Tol cyan
    model.AGENCY: "#44aa99",                      # Tol teal
    model.ARMED_FORCES: "#117733",                # Tol green
    model.PARLIAMENT: "#ddcc77",                  # Tol sand
    model.INTERNATIONAL_ORGANIZATION: "#aa4499",  # Tol purple
    model.POLITICAL_PARTY: "#cc6677",             # Tol rose
    model.ORGANIZATION: "#999933",                # Tol olive
    model.ARMED_GROUP: "#882255",                 # Tol wine
    model.NEWS_MEDIA: "#f0e442",                  # Okabe-Ito yellow
}

# A kind the palette does not know (a new kind, a hand-made graph) is grey rather than an error:
# an export should never fail over a colour.
UNKNOWN_KIND_COLOR = "#bbbbbb"


def color_for(kind: object) -> str:
    """The "#rrggbb" colour of an entity kind (grey for an unknown kind)."""
    return PALETTE.get(kind, UNKNOWN_KIND_COLOR) if isinstance(kind, str) else UNKNOWN_KIND_COLOR


def rgb(color: str) -> tuple[int, int, int]:
    """Turn "#rrggbb" into (r, g, b), integers 0-255 (Gephi rejects 255.0)."""
    digits = color.lstrip("#")
    if len(digits) != 6:
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def legend() -> list[tuple[str, str]]:
    """(kind, colour) pairs in palette order, for the README and for a Gephi legend."""
    return list(PALETTE.items())


# One colour per PLOVER event type, for event edges (GEXF viz:color, `kg render --color-by
# event-type`). Nineteen hues cannot all stay apart, so the families can: cooperation in greens
# and blues, verbal conflict (requests, accusations, threats) in purples, yellows and oranges,
# material conflict (sanctions, force) in reds and browns. The type is also an edge attribute.
EVENT_PALETTE: dict[str, str] = {
    "AGREE": "#1b9e77", "CONSULT": "#66c2a5", "SUPPORT": "#a6d854", "COOPERATE": "#4daf4a",
    "AID": "#8dd3c7", "CONCEDE": "#80b1d3", "RETREAT": "#377eb8",
    "REQUEST": "#bebada", "DEMAND": "#984ea3", "INVESTIGATE": "#7570b3",
    "DISAPPROVE": "#fdb462", "REJECT": "#ff7f00", "THREATEN": "#e6ab02", "PROTEST": "#d95f02",
    "SANCTION": "#a65628", "MOBILIZE": "#f781bf", "COERCE": "#e7298a", "ASSAULT": "#e41a1c",
    "FIGHT": "#b2182b",
}


def event_color(event_type: object) -> str:
    """The "#rrggbb" colour of a PLOVER event type (grey for a type the palette lacks)."""
    if not isinstance(event_type, str):
        return UNKNOWN_KIND_COLOR
    return EVENT_PALETTE.get(event_type, UNKNOWN_KIND_COLOR)
