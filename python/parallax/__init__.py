"""Parallax from Python: compare how several outlets covered one event.

Documents are dicts: ``{"name": str, "text": str}`` (optionally ``"title"``,
``"outlet"``, ``"date"``, ``"url"``) or ``{"name": str, "bytes": bytes}`` (a
file's bytes, any format the CLI reads). ``analyze`` returns the Report as
Python objects, the same contract as ``parallax analyze --format json``; the
other functions are the per-document pieces the Spark job (``spark/``)
builds on. Bad input raises ``ParallaxError`` naming the document.
"""

from ._native import (
    ParallaxError,
    analyze,
    analyze_json,
    document_pieces,
    quote_key,
    story_groups,
    story_finish,
    story_index,
    story_link,
    story_pair,
    story_profile,
    story_record,
    story_signature,
    to_file,
)

__all__ = [
    "ParallaxError",
    "analyze",
    "analyze_json",
    "document_pieces",
    "quote_key",
    "story_groups",
    "story_finish",
    "story_index",
    "story_link",
    "story_pair",
    "story_profile",
    "story_record",
    "story_signature",
    "to_file",
]
