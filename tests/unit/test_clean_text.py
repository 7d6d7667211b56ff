"""Plain-text structure: headline, byline, dateline, printed date, body, removed parts.

Every text here is written for these tests; none is taken from the seed corpus.
"""

# Typographic quotes, dashes and guillemets are the point of these samples.

from __future__ import annotations

from sahelwatch.clean.text import TextStructure, parse_article

P1 = (
    "The defence ministers of the three countries met on Tuesday to agree on a common command "
    "structure for their joint force, officials said after the talks."
)
P2 = (
    "The force is expected to number several thousand troops and to operate first in the border "
    "area where armed groups have multiplied attacks since last year."
)
P3 = (
    "Diplomats from neighbouring states said they would watch the deployment closely, warning "
    "that any incident near their borders would be raised with the regional bloc."
)
FR1 = (
    "Les ministres de la Défense des trois pays se sont réunis mardi pour convenir d'une structure "
    "de commandement commune pour leur force conjointe, selon des responsables."
)
FR2 = (
    "La force devrait compter plusieurs milliers de soldats et opérer d'abord dans la zone "
    "frontalière où les groupes armés ont multiplié les attaques."
)
FR3 = (
    "Des diplomates des pays voisins ont indiqué qu'ils suivraient le déploiement de près, en "
    "avertissant que tout incident serait porté devant l'organisation régionale."
)


def parse(*lines: str, **options: object) -> TextStructure:
    return parse_article("\n\n".join(lines), **options)  # type: ignore[arg-type]


def reasons(parts: TextStructure) -> dict[str, str]:
    return {segment.text: segment.reason for segment in parts.removed}


def test_clean_text_takes_a_headline_first_line_as_title() -> None:
    parts = parse("Ministers agree on a joint command", P1, P2)
    assert parts.title == "Ministers agree on a joint command"
    assert parts.body.startswith("The defence ministers")
    assert "Ministers agree" not in parts.body


def test_clean_text_first_paragraph_is_not_a_title() -> None:
    parts = parse(P1, P2, P3)
    assert parts.title is None
    assert parts.body.startswith("The defence ministers")


def test_clean_text_datelined_first_line_is_not_a_title() -> None:
    parts = parse("GAO, Mali — Soldiers patrolled the market on Monday after a week of curfews", P2)
    assert parts.title is None
    assert parts.dateline == "GAO, Mali"


def test_clean_text_known_title_only_removes_its_repetition() -> None:
    parts = parse(
        "Ministers agree on a joint command",
        P1,
        P2,
        known_titles=["Ministers agree on a joint command"],
    )
    assert parts.title is None  # the caller already has it
    assert reasons(parts) == {"Ministers agree on a joint command": "other"}
    assert parts.body.startswith("The defence ministers")


def test_clean_text_removes_headline_repeated_under_the_byline() -> None:
    header = "Tuesday 14/October/2025 09:05 AM\nBy: Sahel Wire\nMinisters agree on a joint command"
    text = "\n\n".join(["Ministers agree on a joint command", header, P1, P2])
    parts = parse_article(text)
    assert parts.title == "Ministers agree on a joint command"
    assert parts.byline == "Sahel Wire"
    assert parts.date is not None and parts.date.iso == "2025-10-14"
    assert reasons(parts) == {
        "Tuesday 14/October/2025 09:05 AM": "other",
        "By: Sahel Wire": "byline",
        "Ministers agree on a joint command": "other",
    }
    assert parts.body.startswith("The defence ministers")


def test_clean_text_reads_french_header() -> None:
    parts = parse(
        "Les ministres s'accordent sur un commandement commun",
        "Publié le 14/10/2025 à 09h05",
        "Par Aminata Koné",
        FR1,
        FR2,
    )
    assert parts.title == "Les ministres s'accordent sur un commandement commun"
    assert parts.byline == "Aminata Koné"
    assert parts.date is not None and parts.date.iso == "2025-10-14"
    assert parts.body.startswith("Les ministres de la Défense")


def test_clean_text_french_par_in_a_sentence_is_not_a_byline() -> None:
    parts = parse(
        "Par ailleurs, les ministres ont évoqué la question du financement de la force.", FR1
    )
    assert parts.byline is None
    assert parts.body.startswith("Par ailleurs")


def test_clean_text_detects_signature_byline() -> None:
    parts = parse(
        "Ministers agree on a joint command",
        P1,
        P2,
        "Kadiatou Sangaré",
        "Related",
        "Another story headline here",
    )
    assert parts.byline == "Kadiatou Sangaré"
    assert reasons(parts)["Kadiatou Sangaré"] == "byline"
    assert parts.body.endswith(P2)


def test_clean_text_detects_trailing_credit_line() -> None:
    parts = parse(P1, P2, P3, "(Reporting by Oumar Cissé; Editing by Paul Martin)")
    assert parts.byline == "Oumar Cissé"
    assert parts.body.endswith(P3)


def test_clean_text_keeps_dateline_in_body() -> None:
    first = "NIAMEY (AFP) - " + FR1
    parts = parse(first, FR2)
    assert parts.dateline == "NIAMEY"
    assert parts.body.startswith("NIAMEY (AFP) - Les ministres")


def test_clean_text_colon_dateline() -> None:
    parts = parse("Ouagadougou: " + P1, P2)
    assert parts.dateline == "Ouagadougou"


def test_clean_text_date_inside_the_story_is_not_the_publication_date() -> None:
    parts = parse("Ministers agree on a joint command", "On 14 October 2025, " + P1[4:], P2)
    assert parts.date is None


def test_clean_text_year_less_date_line_is_not_a_publication_date() -> None:
    parts = parse("Ministers agree on a joint command", "14 October", P1, P2)
    assert parts.date is None


def test_clean_text_removes_teaser_grid_with_truncated_blurbs() -> None:
    parts = parse(
        P1,
        P2,
        P3,
        "Recommended",
        "Harvest forecast improves in the south",
        "Rainfall in the southern regions has been above average for a second year, and...",
        "New bridge opens over the river",
        "The long-awaited bridge was inaugurated on Saturday in the presence of the regional…",
    )
    assert parts.body.endswith(P3)
    assert set(reasons(parts).values()) == {"teaser"}
    assert len(parts.removed) == 5


def test_clean_text_removes_teaser_cards_without_heading() -> None:
    parts = parse(
        P1,
        P2,
        P3,
        "Harvest forecast improves in the south",
        "Rainfall in the southern regions has been above average for a second year, and...",
    )
    assert parts.body.endswith(P3)
    assert set(reasons(parts).values()) == {"teaser"}


def test_clean_text_removes_lone_unrelated_headline_at_the_end() -> None:
    parts = parse(P1, P2, P3, "Regional bloc threatens sanctions over border closure")
    assert parts.body.endswith(P3)
    assert reasons(parts) == {"Regional bloc threatens sanctions over border closure": "teaser"}


def test_clean_text_keeps_a_final_question_paragraph() -> None:
    parts = parse(P1, P2, P3, "What will the deployment change for the border towns?")
    assert parts.body.endswith("border towns?")


def test_clean_text_french_teasers_and_comments() -> None:
    parts = parse(
        FR1,
        FR2,
        FR3,
        "À lire aussi",
        "Niger : la saison des pluies s'annonce précoce",
        "Partager sur Facebook",
        "Commentaires",
        "Votre adresse e-mail ne sera pas publiée.",
        "Excellent article, merci pour ces précisions sur la force et son déploiement.",
    )
    assert parts.body.endswith(FR3)
    found = reasons(parts)
    assert found["À lire aussi"] == "teaser"
    assert found["Partager sur Facebook"] == "navigation"
    assert found["Commentaires"] == "comments"
    assert found[
        "Excellent article, merci pour ces précisions sur la force et son déploiement."
    ] == ("comments")


def test_clean_text_comment_form_is_removed() -> None:
    parts = parse(
        P1,
        P2,
        P3,
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    )
    assert parts.body.endswith(P3)
    assert set(reasons(parts).values()) == {"comments"}


def test_clean_text_comment_count_in_header_does_not_swallow_the_story() -> None:
    parts = parse("Ministers agree on a joint command", "0 Comments", P1, P2, P3)
    assert reasons(parts) == {"0 Comments": "comments"}
    assert parts.body.endswith(P3)


def test_clean_text_removes_reference_list() -> None:
    parts = parse(
        P1,
        P2,
        "Sources",
        "Sahel Wire. (2025, October 14). Ministers agree on a joint command. https://wire.example/1",
        "Doe, J. (2024). Security cooperation in West Africa. Regional Studies, 12(3), pp. 4-19.",
    )
    assert parts.body.endswith(P2)
    assert set(reasons(parts).values()) == {"references"}
    assert len(parts.removed) == 3


def test_clean_text_sources_heading_without_citations_is_kept() -> None:
    parts = parse(P1, "Sources", P2)
    assert "Sources" in parts.body


def test_clean_text_removes_share_and_navigation_lines() -> None:
    parts = parse(
        "Home › Africa › Sahel",
        "Ministers agree on a joint command",
        P1,
        "Read more: Border towns brace for the rainy season",
        P2,
        "Share this article",
        "Follow us on Telegram",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    )
    found = reasons(parts)
    assert parts.title == "Ministers agree on a joint command"
    assert found["Home › Africa › Sahel"] == "navigation"
    assert found["Read more: Border towns brace for the rainy season"] == "teaser"
    assert found["Share this article"] == "navigation"
    assert found["Follow us on Telegram"] == "navigation"
    assert (
        found[
            "We use cookies to improve your experience. By continuing you accept our cookie policy."
        ]
        == "navigation"
    )
    assert parts.body == P1 + "\n\n" + P2


def test_clean_text_keeps_internal_headings_and_bullet_lists() -> None:
    text = "\n".join(
        [
            P1,
            "What the agreement covers",
            "- A single chain of command",
            "- Shared air support",
            "- A common logistics base",
            "Background",
            P2,
        ]
    )
    parts = parse_article(text)
    assert (
        "What the agreement covers\n\n"
        "- A single chain of command\n- Shared air support\n- A common logistics base" in parts.body
    )
    assert "Background\n\n" + P2 in parts.body


def test_clean_text_rejoins_hard_wrapped_paragraphs() -> None:
    wrapped = (
        "The defence ministers of the three countries met on Tuesday to agree on a\n"
        "common command structure for their joint force, officials said after the\n"
        "talks in the capital."
    )
    parts = parse_article(wrapped + "\n\n" + P2)
    assert parts.body.startswith(
        "The defence ministers of the three countries met on Tuesday to agree on a common command"
    )
    assert "\n" not in parts.body.split("\n\n")[0]


def test_clean_text_never_drops_the_last_paragraph() -> None:
    short_last = "Talks will resume next month."
    parts = parse("Ministers agree on a joint command", P1, P2, short_last)
    assert parts.body.endswith(short_last)
    assert parts.removed == ()


def test_clean_text_signature_with_place() -> None:
    parts = parse(P1, P2, P3, "Moussa Traoré, Ségou")
    assert parts.byline == "Moussa Traoré"
    assert parts.body.endswith(P3)


def test_clean_text_name_next_to_the_date_line_is_a_byline() -> None:
    parts = parse(
        "Ministers agree on a joint command", "Fatoumata Diarra", "14 October 2025", P1, P2
    )
    assert parts.byline == "Fatoumata Diarra"
    assert parts.date is not None and parts.date.iso == "2025-10-14"
    assert parts.body.startswith("The defence ministers")


def test_clean_text_heading_in_the_header_zone_is_not_a_byline() -> None:
    parts = parse("Ministers agree on a joint command", P1, "Key Decisions", P2, P3)
    assert parts.byline is None
    assert "Key Decisions" in parts.body


def test_clean_text_source_line_is_a_byline() -> None:
    parts = parse(
        "Ministers agree on a joint command", "14 October 2025", "Source: Sahel Wire", P1, P2
    )
    assert parts.byline == "Sahel Wire"
    assert reasons(parts)["Source: Sahel Wire"] == "byline"


def test_clean_text_byline_with_role_words() -> None:
    parts = parse("Ministers agree on a joint command", "By: Sahel Wire staff", P1, P2)
    assert parts.byline == "Sahel Wire staff"


def test_clean_text_signature_with_role_and_place() -> None:
    parts = parse(P1, P2, P3, "Mariam Coulibaly, Sahel Wire correspondent in Mopti")
    assert parts.byline == "Mariam Coulibaly"
    assert parts.body.endswith(P3)


def test_clean_text_outlet_line_beside_the_date() -> None:
    parts = parse(
        "Ministers agree on a joint command", "14 October 2025", "Le Journal du Fleuve", P1, P2
    )
    assert parts.site_name == "Le Journal du Fleuve"
    assert parts.body.startswith("The defence ministers")


def test_clean_text_signed_story_with_references_and_final_headline() -> None:
    parts = parse(
        FR1,
        FR2,
        FR3,
        "Par Seydou Keïta",
        "Références",
        "Sahel Wire. (2025, 14 octobre). Les ministres s'accordent sur un commandement commun.",
        "Charte de défense mutuelle, signée le 16 septembre 2023, article 6.",
        "Basket : la sélection nationale qualifiée pour la phase finale",
    )
    assert parts.body.endswith(FR3)
    assert parts.byline == "Seydou Keïta"
    assert [s.reason for s in parts.removed] == [
        "byline",
        "references",
        "references",
        "references",
        "teaser",
    ]


def test_clean_text_share_bar_with_networks_and_feed_footer() -> None:
    parts = parse(
        P1,
        P2,
        "Share this article: Facebook | X | WhatsApp",
        "The post Ministers agree on a joint command appeared first on Sahel Wire.",
    )
    assert parts.body == P1 + "\n\n" + P2
    assert set(reasons(parts).values()) == {"navigation"}


def test_clean_text_inline_related_line_listing_stories() -> None:
    line = "Related coverage: Border towns brace for the rains | Traders wait at customs posts..."
    parts = parse(P1, P2, line, P3)
    assert reasons(parts) == {line: "teaser"}
    assert parts.body.endswith(P3)
