"""Time expressions: dates as articles print them, normalized to partial ISO.

"on Monday", "In October", "early 2025", "du 20 au 21 décembre", "detained
for more than 900 days": each becomes a ``TimeExpr`` with its span, a value
at the precision the text supports, and what that value rests on (the text
alone, the publication date, or the latest date the article prints). The
grammar is hand-written regular expressions compiled once at import, because
this runs over every article of a corpus and general date parsers are both
slow and too eager (they find dates in scores and head counts).
"""

from __future__ import annotations

from .extract import find_time_expressions, infer_anchor

__all__ = ["find_time_expressions", "infer_anchor"]
