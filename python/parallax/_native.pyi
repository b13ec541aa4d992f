"""Type hints for the compiled core binding (see ``parallax`` for the overview)."""

from typing import Any, Dict, List, Optional, Tuple, TypedDict, Union

class TextDocument(TypedDict, total=False):
    name: str  # required: the file name the CLI would show
    text: str  # the article body (plain text)
    title: Optional[str]
    outlet: Optional[str]
    date: Optional[str]  # ISO 8601, possibly partial ("2019-02")
    url: Optional[str]

class FileDocument(TypedDict):
    name: str  # the file name (its extension helps detect the format)
    bytes: bytes  # the file's bytes: HTML, text, JSON, DOCX, ...

Document = Union[TextDocument, FileDocument]
Report = Dict[str, Any]

class StoryGroups(TypedDict):
    files: List[str]  # each document's file, in Report order
    story_of: List[int]  # the story of each document, as in Report stories[].id
    errors: List[Tuple[str, str]]  # (file, reason) for files that gave no document

class DocumentPieces(TypedDict):
    documents: List[Dict[str, Any]]
    sentences: List[Dict[str, Any]]
    quotes: List[Dict[str, Any]]
    speakers: List[Dict[str, Any]]

class ParallaxError(ValueError):
    """Bad input; the message names the document and the reason."""

def analyze(docs: List[Document], include_text: bool = True) -> Report:
    """The Report of ``docs`` (schema ``parallax.report/1``) as dicts and lists.

    Files that give no document are listed in ``report["errors"]``; raises
    ``ParallaxError`` for a malformed document dict, or when no document at
    all could be analysed.
    """

def analyze_json(docs: List[Document], include_text: bool = True) -> str:
    """As ``analyze``, the Report as the CLI's JSON text (no Python objects)."""

def to_file(doc: Document) -> Tuple[str, bytes]:
    """The file (name, bytes) the CLI reads for ``doc``: a text document with
    metadata becomes a one-record JSON file named ``name + ".json"``."""

def story_signature(doc: Document, bands: int = 32, rows: int = 2) -> List[int]:
    """``bands`` band keys (signed 64-bit) of min-hashes over the terms of
    the document's headline and lead; documents sharing a key are candidate
    pairs for one story. Empty when the lead has under two terms. Raises
    ``ParallaxError`` when the document cannot be read or holds several."""

def story_groups(docs: List[Document]) -> StoryGroups:
    """The stories ``analyze`` would find for ``docs``, without the claims."""

def story_record(doc: Document) -> Tuple[str, List[int]]:
    """The per-document half of the story grouping: (the document's story
    record as JSON: its terms by stable key, mean embeddings, facts; the
    keys of its terms, signed 64-bit, for summing document frequencies
    corpus-wide). Raises ``ParallaxError`` when the document cannot be read
    or holds several."""

def story_profile(record: str, documents: int, df: Dict[int, int]) -> str:
    """A document's story profile (JSON) from its record, the corpus's
    number of documents and the document frequency of each of its terms."""

def story_index(profile: str) -> List[Tuple[int, float]]:
    """The profile's candidate index terms, (signed key, weight): two
    documents are candidates for one story only if they share one."""

def story_pair(a: str, b: str) -> Optional[Tuple[float, bool, List[float]]]:
    """None when two profiles are no candidate pair; else (all-terms
    cosine, whether they are copies of one text, the pair's features with
    those of the neighbourhood left for ``story_finish``)."""

def story_finish(
    features: List[float], best_a: float, best_b: float,
    best_lead_a: float, best_lead_b: float, mutual: bool,
) -> Tuple[float, bool, bool]:
    """(probability of one story, never one story, probability at or above
    the grouping threshold) of a pair, its neighbourhood features filled
    from each document's best cosine and best lead cosine with a non-copy
    and whether the two are each other's two nearest."""

def story_link(n: int, edges: List[Tuple[int, int, float]], never: List[Tuple[int, int]]) -> List[int]:
    """Average-linkage stories of ``n`` documents over scored pairs: each
    document's story number, stories numbered by their first document."""

def document_pieces(doc: Document) -> DocumentPieces:
    """One document analysed alone: its Report entry, sentence records
    (id, start, end in UTF-16 units, text, kind) and quotation records
    (span, speaker, cue, kind)."""

def quote_key(text: str) -> str:
    """A quotation's words folded (case, diacritics, marks) and joined by
    spaces: equal keys are the same remark, across a whole corpus."""
