"""Mentions → canonical entities: the keys entities are known by, and entity records built from our
tables. Keys are minted from identity (ISO3 for states; a normalised name plus the state for the
rest), so the same entity found in two documents gets the same key and merges into one node.
"""
from __future__ import annotations

import re
import unicodedata

from kg import model
from kg.model import Entity

NO_STATE = "_"  # stands for "no known state" in keys, e.g. org/_/united-nations


def slug(text: str) -> str:
    """A lower-case ASCII slug: 'Ministry of Défense' -> 'ministry-of-defense'."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = folded.replace("'s ", " ").replace("’s ", " ")
    words = re.findall(r"[a-z0-9]+", folded)
    return "-".join(words) or "unnamed"


def state_key(iso3: str) -> str:
    return f"state/{iso3}"


def organization_key(name: str, state: str | None) -> str:
    return f"org/{state or NO_STATE}/{slug(name)}"


def person_key(name: str) -> str:
    return f"person/{slug(name)}"


def place_key(name: str, state: str | None) -> str:
    return f"place/{state or NO_STATE}/{slug(name)}"


def post_key(holder_org: str | None, title: str) -> str:
    """A post is a position in an organisation (or a State): the same title in the same body is one
    post, whoever holds it."""
    return f"post/{holder_org or NO_STATE}/{slug(title)}"


def agreement_key(name: str, parties: list[str]) -> str:
    """Parties (ISO3 codes or organisation keys' last part) sorted, then the name: the trilateral
    statement of Armenia, Azerbaijan and Russia is agreement/ARM-AZE-RUS/trilateral-statement.
    The date is not part of the key, so two sources giving two dates stay one agreement."""
    codes = "-".join(sorted({p.rsplit("/", 1)[-1] for p in parties})) or NO_STATE
    return f"agreement/{codes}/{slug(name)}"


def state_entity(record) -> Entity:
    """A State entity from a kg.data StateRecord."""
    attributes: dict[str, str | int | float] = {"iso3": record.iso3}
    if record.geonames_id:
        attributes["geonames"] = record.geonames_id
    if record.dissolved:
        attributes["dissolved"] = "true"
    aliases = set(record.names) - {record.name}
    return Entity(state_key(record.iso3), model.STATE, record.name, aliases, attributes)


def capital_entity(record) -> Entity | None:
    """The capital of a StateRecord as a Place entity, or None when the table has none."""
    if not record.capital:
        return None
    attributes: dict[str, str | int | float] = {"place_kind": "city"}
    if record.capital_geonames:
        attributes["geonames"] = record.capital_geonames
    if record.capital_latitude is not None and record.capital_longitude is not None:
        attributes["latitude"] = record.capital_latitude
        attributes["longitude"] = record.capital_longitude
    return Entity(place_key(record.capital, record.iso3), model.PLACE, record.capital,
                  set(), attributes)
