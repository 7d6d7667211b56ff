"""Small word lists of the languages sahelwatch reads, kept as data beside the code.

They describe English and French news writing, not any region, which is why
they live here and not in a domain pack. One file per list, whitespace
separated, ``#`` starts a comment.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def word_list(name: str) -> frozenset[str]:
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(
        word for line in text.splitlines() if not line.startswith("#") for word in line.split()
    )
