"""claimtrack: who asserted what, and where the claims of different people collide.

The public API a script imports, without reaching into the layers (see ARCHITECTURE.md)::

    import claimtrack
    engine = claimtrack.open_database("desk.db")
    report = claimtrack.ingest_documents(engine, claimtrack.read_inputs(["articles/"]))
    with claimtrack.session_scope(engine, write=False) as session:
        for row in claimtrack.list_claims(session, claimtrack.ClaimFilter(speaker="Kirby")):
            print(row.speaker, row.claim.stance, row.claim.text)

Each name is imported on first use, so `import claimtrack.engine` stays light.
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# name -> the module that defines it
_PUBLIC = {
    "open_database": "claimtrack.store.database",
    "session_scope": "claimtrack.store.database",
    "extract": "claimtrack.engine",
    "Extraction": "claimtrack.engine",
    "read_inputs": "claimtrack.ingest.readers",
    "ingest_documents": "claimtrack.ingest.batch",
    "ClaimFilter": "claimtrack.queries.claims",
    "list_claims": "claimtrack.queries.claims",
    "list_sources": "claimtrack.queries.claims",
    "list_speakers": "claimtrack.queries.claims",
    "RelationFilter": "claimtrack.queries.contradictions",
    "list_relations": "claimtrack.queries.contradictions",
    "annotate_claim": "claimtrack.review.annotate",
    "export": "claimtrack.reports.registry",
    "EXPORT_FORMATS": "claimtrack.reports.registry",
    "ClaimtrackError": "claimtrack.errors",
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'claimtrack' has no attribute {name!r}")
    value = getattr(importlib.import_module(_PUBLIC[name]), name)
    globals()[name] = value
    return value
