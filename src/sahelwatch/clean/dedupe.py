"""Near-duplicate articles: one wire story reprinted by several outlets.

Reprints differ by a headline, a sentence, a signature or the site's
furniture, so exact hashes miss them. The shingles are the body's words and
word pairs: pairs keep two stories on the same summit apart (they share
names, not phrasing), single words keep a reprint with one sentence cut or
added well above the threshold. MinHash makes the comparison cheap enough
for a corpus; 256 permutations keep its estimate within a few points of the
true Jaccard. Signatures are plain bytes so the store can keep them in a
column.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache
from typing import Any

import numpy as np

NUM_PERM = 256
_SEED = 1
_SCHEME = "affine32"
_DTYPE = np.dtype("<u4")
_WORD = re.compile(r"\w+")
# Combining diacritics: "Goïta" and "Goita" are the same word to a reprint.
_MARKS = re.compile("[\u0300-\u036f]")
# LSH answers with probable candidates only; a lower LSH threshold keeps pairs
# just above the real one from slipping through its banding, and every
# candidate is then checked against the real threshold.
_LSH_SLACK = 0.2
_LSH_FLOOR = 0.3


def _tokens(body: str) -> list[str]:
    folded = body.casefold()
    if not folded.isascii():
        folded = _MARKS.sub("", unicodedata.normalize("NFKD", folded))
    return _WORD.findall(folded)


@cache
def _datasketch() -> Any:
    """Imported on first use: datasketch pulls in SciPy, a second of start-up for every command."""
    import datasketch

    return datasketch


@cache
def _template() -> Any:
    """Permutations are derived from the seed once, not for every article."""
    return _datasketch().MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)


def signature(body: str) -> bytes:
    """MinHash of the body's word shingles, as ``NUM_PERM`` little-endian uint32."""
    tokens = _tokens(body)
    shingles = set(tokens)
    shingles.update(map(" ".join, itertools.pairwise(tokens)))
    template = _template()
    minhash = _datasketch().MinHash(
        num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME, permutations=template.permutations
    )
    if shingles:
        minhash.update_batch([shingle.encode("utf-8") for shingle in shingles])
    return np.asarray(minhash.hashvalues, dtype=_DTYPE).tobytes()


def _values(sig: bytes) -> np.ndarray:
    if len(sig) != NUM_PERM * _DTYPE.itemsize:
        raise ValueError(f"not a {NUM_PERM}-permutation signature: {len(sig)} bytes")
    return np.frombuffer(sig, dtype=_DTYPE)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two bodies' shingle sets."""
    return float(np.count_nonzero(_values(a) == _values(b))) / NUM_PERM


def _lean(sig: bytes) -> Any:
    return _datasketch().LeanMinHash(seed=_SEED, hashvalues=_values(sig), scheme=_SCHEME)


class NearDuplicateIndex:
    """Signatures by key, answering "which stored bodies is this one a reprint of?"."""

    def __init__(self, threshold: float = 0.8) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self._lsh = _datasketch().MinHashLSH(
            threshold=max(_LSH_FLOOR, threshold - _LSH_SLACK), num_perm=NUM_PERM
        )
        self._signatures: dict[str, bytes] = {}

    def add(self, key: str, sig: bytes) -> None:
        """Store ``sig`` under ``key``, replacing an earlier signature of that key."""
        lean = _lean(sig)
        if key in self._signatures:
            self._lsh.remove(key)
        self._lsh.insert(key, lean)
        self._signatures[key] = sig

    def candidates(self, sig: bytes) -> list[str]:
        """Keys whose estimated similarity to ``sig`` reaches the threshold, most similar first."""
        scored = [
            (similarity(sig, self._signatures[key]), key) for key in self._lsh.query(_lean(sig))
        ]
        return [
            key
            for score, key in sorted(scored, key=lambda s: (-s[0], s[1]))
            if score >= self.threshold
        ]

    def __len__(self) -> int:
        return len(self._signatures)
