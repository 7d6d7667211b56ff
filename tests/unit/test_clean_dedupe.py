"""Near-duplicate detection: reprints of one wire story match, other stories do not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sahelwatch.clean import NearDuplicateIndex, clean, signature, similarity
from sahelwatch.model import TEXT, RawDocument

WIRE = [
    "The defence ministers of the three Sahel states agreed on Tuesday to place their joint "
    "force under a single command, a step officials described as the most significant since "
    "the alliance was formed.",
    "Meeting in the capital for two days, the ministers approved a budget for the first year of "
    "operations and chose a headquarters for the new command, according to a final statement "
    "read on state television.",
    "The force will initially deploy along the shared border area, where armed groups have "
    "carried out repeated attacks on army posts, markets and convoys over the past eighteen "
    "months.",
    "A senior officer who attended the talks said the first battalions could be operational "
    "before the end of the rainy season, although equipment deliveries were still being "
    "negotiated with foreign suppliers.",
    "Neighbouring governments have voiced concern about the deployment, warning that any "
    "incursion into their territory would be treated as a hostile act and raised with the "
    "regional bloc.",
    "Analysts said the agreement showed the determination of the military governments to rely "
    "on their own forces after the departure of foreign troops, but questioned how the command "
    "would be financed over the long term.",
    "The ministers are due to meet again in three months to review progress, the statement said.",
]
OTHER_STORY = [
    "The leaders of the three Sahel states opened a summit on Monday with a call for a common "
    "currency, arguing that monetary independence would complete the break with former partners.",
    "Economists invited to the summit warned that a new currency would take years to prepare "
    "and could fuel inflation if the central bank lacked reserves.",
    "The alliance has already introduced a common passport and is studying a shared investment "
    "bank to finance roads, power lines and a railway between the capitals.",
    "Officials said the joint force, whose command was agreed by defence ministers last month, "
    "would be discussed on the second day of the summit.",
    "Opposition figures in exile criticised the meeting, saying the governments should first set "
    "a date for elections before launching new institutions.",
    "The summit is due to end on Tuesday with a declaration signed by the three heads of state.",
]


def body(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def reprint() -> list[str]:
    """The same wire copy as another outlet runs it: one sentence cut."""
    return WIRE[:4] + WIRE[5:]


def expanded() -> list[str]:
    """The same wire copy with a sentence of the outlet's own added."""
    added = "The statement did not give the size of the budget or the number of troops."
    return [*WIRE[:2], added, *WIRE[2:]]


def test_clean_dedupe_signature_is_fixed_size_bytes() -> None:
    sig = signature(body(WIRE))
    assert isinstance(sig, bytes)
    assert len(sig) == len(signature("another text entirely"))
    assert similarity(sig, sig) == 1.0


def test_clean_dedupe_reprint_with_a_sentence_cut_is_similar() -> None:
    assert similarity(signature(body(WIRE)), signature(body(reprint()))) >= 0.8


def test_clean_dedupe_reprint_with_a_sentence_added_is_similar() -> None:
    assert similarity(signature(body(WIRE)), signature(body(expanded()))) >= 0.8


def test_clean_dedupe_different_story_same_topic_is_not_similar() -> None:
    assert similarity(signature(body(WIRE)), signature(body(OTHER_STORY))) < 0.2


def test_clean_dedupe_ignores_case_and_accents() -> None:
    text = "Le ministre a précisé que la force conjointe serait déployée à Ménaka dès janvier."
    assert similarity(signature(text), signature(text.upper().replace("É", "E"))) == 1.0


def test_clean_dedupe_index_finds_reprint_through_clean() -> None:
    def article(uri: str, text: str) -> bytes:
        raw = RawDocument(
            uri=uri, content=text.encode(), media_type=TEXT, fetched_at=datetime.now(UTC)
        )
        return signature(clean(raw).body)

    site_a = (
        "Sahel states unite forces under one command\n\n" + body(WIRE) + "\n\nShare this article"
    )
    site_b = (
        "Joint force gets single command, ministers say\n\nBy Wire Staff\n\n"
        + body(reprint())
        + "\n\nLeave a Reply\n\nYour email address will not be published."
    )
    index = NearDuplicateIndex()
    index.add("a", article("https://a.example/1", site_a))
    index.add("other", signature(body(OTHER_STORY)))
    assert len(index) == 2
    assert index.candidates(article("https://b.example/2", site_b)) == ["a"]


def test_clean_dedupe_index_replaces_a_key() -> None:
    index = NearDuplicateIndex(threshold=0.9)
    index.add("k", signature(body(OTHER_STORY)))
    index.add("k", signature(body(WIRE)))
    assert len(index) == 1
    assert index.candidates(signature(body(WIRE))) == ["k"]
    assert index.candidates(signature(body(OTHER_STORY))) == []


def test_clean_dedupe_rejects_foreign_signatures() -> None:
    with pytest.raises(ValueError, match="signature"):
        similarity(b"short", signature("text"))
