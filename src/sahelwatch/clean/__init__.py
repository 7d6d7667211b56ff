"""The ``clean`` stage: raw bytes of a news page to a structured article.

Pure functions only (see ``pipeline``); other stages import from here, never
from the submodules, so the modules can move without breaking them.
"""

from sahelwatch.clean.decode import decode_text
from sahelwatch.clean.dedupe import NearDuplicateIndex, signature, similarity
from sahelwatch.clean.lang import detect_language
from sahelwatch.clean.pipeline import clean, content_key

__all__ = [
    "NearDuplicateIndex",
    "clean",
    "content_key",
    "decode_text",
    "detect_language",
    "signature",
    "similarity",
]
