"""Articles whose title, byline, body, URL and removed parts carry markup and script.

A JSON Lines input keeps the markup as text through cleaning (the record's
``title`` and ``author`` are taken as given, and ``text`` is plain text), so
every page that shows these articles must escape it. The story itself is
ordinary Sahel news, so analysis finds entities, events and quotes in it and
the markup reaches the entity, event and search pages too.
"""

from __future__ import annotations

import json
from pathlib import Path

#: Strings that must never appear unescaped in a page.
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<script>alert(3)</script>",
    "<script>alert(5)</script>",
    '<a href="javascript:alert(6)">',
    "<script>alert(8)</script>",
)
#: A word that only the hostile articles contain, to find them by search.
MARKER_WORD = "Zarbakuda"

RECORDS = [
    {
        "url": "https://hostile.example.org/2025/03/12/junta<script>alert(7)</script>",
        "title": 'Niger junta <script>alert(1)</script> vows "><b>defiance</b> in Zarbakuda',
        "author": "Amina <img src=x onerror=alert(2)> Diallo",
        "date": "2025-03-12",
        "text": (
            "NIAMEY, 12 March 2025 - General Abdourahamane Tiani <script>alert(3)</script>, "
            "the head of Niger's military government, met officials of the Alliance of Sahel "
            'States in Niamey on Tuesday "><b>bold</b> <img src=x onerror=alert(4)> in Zarbakuda.\n\n'
            '"We will never bow <script>alert(5)</script> to foreign pressure," General '
            "Abdourahamane Tiani told reporters after the meeting.\n\n"
            "At least 12 soldiers were killed on Sunday when gunmen from JNIM attacked an army "
            'post near Tillaberi <a href="javascript:alert(6)">link</a>, the army said.\n\n'
            "Related: <script>alert(8)</script> Read more <b>here</b>\n"
        ),
    },
    {
        "url": "javascript:alert(9)",
        "title": "Mali's <iframe src=javascript:alert(10)></iframe> Zarbakuda junta & the 'AES'",
        "author": "<svg onload=alert(11)>",
        "date": "2025-03-14",
        "text": (
            "BAMAKO, 14 March 2025 - Colonel Assimi Goita <svg onload=alert(12)> said on "
            "Thursday that Mali would stay in the Alliance of Sahel States, in a speech "
            "broadcast from Bamako </textarea></title><script>alert(13)</script>.\n"
        ),
    },
]


def write_hostile(folder: Path) -> Path:
    """Write the hostile articles as one JSON Lines file; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hostile.jsonl"
    path.write_text(
        "".join(json.dumps(record) + "\n" for record in RECORDS),
        encoding="utf-8",
    )
    return path
