"""Our reference tables (states, places, organisations, titles, portfolios); see tables.py."""
from __future__ import annotations

from kg.data.tables import (
    OrganizationRecord,
    PlaceRecord,
    PortfolioRecord,
    StateRecord,
    TitleRecord,
    load_dependencies,
    load_organizations,
    load_places,
    load_portfolios,
    load_states,
    load_titles,
    state_by_adjective,
    state_by_iso3,
    state_by_name,
    tables_digest,
)

__all__ = [
    "OrganizationRecord", "PlaceRecord", "PortfolioRecord", "StateRecord", "TitleRecord",
    "load_dependencies", "load_organizations", "load_places", "load_portfolios", "load_states",
    "load_titles", "state_by_adjective", "state_by_iso3", "state_by_name", "tables_digest",
]
