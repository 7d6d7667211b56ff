"""sahelwatch: a knowledge base of the Sahel built from news articles.

The public surface is small on purpose: open a ``Workspace`` and call its
methods; the dataclasses it returns live in ``sahelwatch.model``.
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sahelwatch")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["SahelwatchError", "Workspace", "__version__"]


def __getattr__(name: str) -> object:
    # Imported lazily so `import sahelwatch` stays cheap for tools that only need the model.
    if name == "Workspace":
        from sahelwatch.workspace import Workspace

        return Workspace
    if name == "SahelwatchError":
        from sahelwatch.errors import SahelwatchError

        return SahelwatchError
    raise AttributeError(name)
