# ruff: noqa: RUF001
"""Quote extraction and speaker attribution on English sentences written for the tests.

Each text goes through the real pipeline and mention extraction, as in
``analyze``; speakers are checked by the display name of the entity their key
stands for, and by the words printed for them.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from sahelwatch.domain import default_pack
from sahelwatch.nlp.mentions import extract_mentions
from sahelwatch.nlp.quotes import extract_quotes

pytestmark = pytest.mark.slow
PACK = default_pack()


class Said(NamedTuple):
    text: str
    speaker: str | None
    speaker_text: str | None
    direct: bool = True


def read(nlp: Any, text: str, lang: str = "en") -> list[Said]:
    doc = nlp(text)
    mentions, refs = extract_mentions(doc, nlp, PACK, lang)
    names = {m.key: m.name for m in mentions}
    out: list[Said] = []
    quotes = extract_quotes(doc, mentions, refs, lang, PACK.states)
    assert quotes == sorted(quotes, key=lambda q: (q.start, q.end))
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        name = None
        if quote.speaker_key is not None:
            name = names.get(quote.speaker_key)
            if name is None:
                assert quote.speaker_key.startswith("pack:"), quote.speaker_key
                name = PACK.entity(quote.speaker_key.removeprefix("pack:")).name
        out.append(Said(quote.text, name, quote.speaker_text, quote.direct))
    return out


def direct(nlp: Any, text: str) -> list[Said]:
    return [s for s in read(nlp, text) if s.direct]


# -- speaker after the quote ---------------------------------------------------------


def test_quotes_name_then_said_after_the_quote(en_nlp: Any) -> None:
    said = direct(en_nlp, '"The border will reopen next week," Abdoulaye Diop said.')
    assert said == [Said("The border will reopen next week", "Abdoulaye Diop", "Abdoulaye Diop")]


def test_quotes_said_then_name_inverted(en_nlp: Any) -> None:
    said = direct(en_nlp, '"We have no choice," said Hamidou Kane, a grain trader in Gao.')
    assert said == [Said("We have no choice", "Hamidou Kane", "Hamidou Kane")]


def test_quotes_told_an_outlet_after_the_quote(en_nlp: Any) -> None:
    said = direct(en_nlp, '"Fuel prices have tripled since June," Sadio Camara told Reuters.')
    assert [(s.text, s.speaker) for s in said] == [
        ("Fuel prices have tripled since June", "Sadio Camara")
    ]


def test_quotes_told_reporters_before_a_colon(en_nlp: Any) -> None:
    said = direct(en_nlp, 'Oumar Tall told reporters: "The convoy left Gao at dawn."')
    assert [(s.text, s.speaker) for s in said] == [("The convoy left Gao at dawn.", "Oumar Tall")]


def test_quotes_added_continues_a_named_speaker(en_nlp: Any) -> None:
    said = direct(en_nlp, '"Talks will resume in March," Salifou Mody added.')
    assert [s.speaker for s in said] == ["Salifou Mody"]


def test_quotes_appositive_between_name_and_verb(en_nlp: Any) -> None:
    text = (
        '"Prices doubled in a month," Fatou Ndiaye, the head of a women\'s cooperative '
        "in Mopti, said on Friday."
    )
    said = direct(en_nlp, text)
    assert [(s.text, s.speaker) for s in said] == [("Prices doubled in a month", "Fatou Ndiaye")]


def test_quotes_name_alone_after_the_comma_of_a_quote(en_nlp: Any) -> None:
    text = '"The roads are safer than last year," Sadio Camara, the defence minister.'
    assert [s.speaker for s in direct(en_nlp, text)] == ["Sadio Camara"]


def test_quotes_relative_clause_inside_the_attribution(en_nlp: Any) -> None:
    text = '"We are leaving Kayes," Adama Diallo, who heads the traders\' union, told AFP.'
    assert [s.speaker for s in direct(en_nlp, text)] == ["Adama Diallo"]


# -- speaker before the quote ----------------------------------------------------------


def test_quotes_according_to_names_the_speaker(en_nlp: Any) -> None:
    text = 'According to Abdoulaye Diop, the talks in Niamey were "frank and cordial."'
    assert direct(en_nlp, text) == [Said("frank and cordial.", "Abdoulaye Diop", "Abdoulaye Diop")]


def test_quotes_wrote_that_before_a_partial_quote(en_nlp: Any) -> None:
    text = 'Ibrahim Coulibaly wrote in a column that the vote was "long overdue."'
    assert [(s.text, s.speaker) for s in direct(en_nlp, text)] == [
        ("long overdue.", "Ibrahim Coulibaly")
    ]


def test_quotes_posted_on_x_that(en_nlp: Any) -> None:
    text = 'Ousmane Sonko posted on X that Dakar would "never abandon its neighbours."'
    assert [s.speaker for s in direct(en_nlp, text)] == ["Ousmane Sonko"]


def test_quotes_said_then_partial_quote_in_the_same_clause(en_nlp: Any) -> None:
    text = 'Bola Tinubu said the summit had been "a missed opportunity for everyone."'
    assert [s.speaker for s in direct(en_nlp, text)] == ["Bola Tinubu"]


def test_quotes_characterisation_verb_gives_its_subject(en_nlp: Any) -> None:
    text = 'Mariam Cisse described the new bridge as a "lifeline for the whole valley."'
    assert [(s.text, s.speaker) for s in direct(en_nlp, text)] == [
        ("lifeline for the whole valley.", "Mariam Cisse")
    ]


def test_quotes_second_quote_of_a_characterisation_sentence(en_nlp: Any) -> None:
    text = (
        "Abdourahamane Tiani described the brigade as a “shield for the border” "
        "reflecting the army’s pledge to “protect every village.”"
    )
    said = direct(en_nlp, text)
    assert [s.text for s in said] == ["shield for the border", "protect every village."]
    assert {s.speaker for s in said} == {"Abdourahamane Tiani"}


def test_quotes_warned_it_could(en_nlp: Any) -> None:
    text = 'ECOWAS warned it could "suspend all transit permits" within a month.'
    assert [(s.text, s.speaker) for s in direct(en_nlp, text)] == [
        ("suspend all transit permits", "Economic Community of West African States")
    ]


def test_quotes_statement_warning_it_could(en_nlp: Any) -> None:
    text = (
        "Tension rose after an ECOWAS statement warning it could "
        '"close the corridor to all freight" before the rains.'
    )
    said = direct(en_nlp, text)
    assert [(s.text, s.speaker) for s in said] == [
        ("close the corridor to all freight", "Economic Community of West African States")
    ]


# -- several segments, one speaker ----------------------------------------------------------


def test_quotes_two_segments_of_one_sentence_share_the_speaker(en_nlp: Any) -> None:
    text = '"The rains came late," Adama Diallo said, "and the harvest will suffer."'
    said = direct(en_nlp, text)
    assert [s.text for s in said] == ["The rains came late", "and the harvest will suffer."]
    assert [s.speaker for s in said] == ["Adama Diallo", "Adama Diallo"]


def test_quotes_next_sentence_of_the_paragraph_continues_the_speaker(en_nlp: Any) -> None:
    text = '"We will rebuild the schools," Moussa Traore said. "Every single one of them."'
    said = direct(en_nlp, text)
    assert [s.speaker for s in said] == ["Moussa Traore", "Moussa Traore"]


def test_quotes_quote_alone_takes_the_sentence_before_it(en_nlp: Any) -> None:
    text = 'Sadio Camara told DW the patrols would go on. "Nobody will be left behind."'
    said = direct(en_nlp, text)
    assert [(s.text, s.speaker) for s in said] == [("Nobody will be left behind.", "Sadio Camara")]


def test_quotes_paragraph_of_quote_continues_the_previous_speech(en_nlp: Any) -> None:
    text = (
        '"The harvest was poor this year," Oumar Tall said.\n\n'
        '"We will need seed and fertiliser before the rainy season."'
    )
    assert [s.speaker for s in direct(en_nlp, text)] == ["Oumar Tall", "Oumar Tall"]


def test_quotes_quote_running_over_paragraphs(en_nlp: Any) -> None:
    text = (
        "Kadiatou Bah described the first weeks of the blockade.\n\n"
        '"We ran out of fuel in the first week. The generators stopped.\n\n'
        '"Then the water pumps stopped too," she said.'
    )
    said = direct(en_nlp, text)
    assert [s.text for s in said] == [
        "We ran out of fuel in the first week. The generators stopped.",
        "Then the water pumps stopped too",
    ]
    assert {s.speaker for s in said} == {"Kadiatou Bah"}


def test_quotes_running_quote_attributed_in_its_first_paragraph(en_nlp: Any) -> None:
    text = (
        'Abdoulaye Diop said: "Our partners must respect our choices.\n\n'
        '"We will not be lectured about sovereignty by anyone."\n\n'
        "The minister then left for Accra."
    )
    said = direct(en_nlp, text)
    assert len(said) == 2
    assert {s.speaker for s in said} == {"Abdoulaye Diop"}


# -- pronouns and descriptions -------------------------------------------------------------


def test_quotes_pronoun_takes_the_previous_subject(en_nlp: Any) -> None:
    text = (
        "Bakary Yaou Sangaré led the delegation to Accra on Monday.\n\n"
        '"We were received warmly and discussed trade," he told reporters.'
    )
    assert [s.speaker for s in direct(en_nlp, text)] == ["Bakary Yaou Sangaré"]


def test_quotes_parenthetical_speaker_is_not_the_subject_before_it(en_nlp: Any) -> None:
    text = (
        "Ibrahim Coulibaly, a lawyer for the family, spoke after the hearing.\n\n"
        '"The court ignored the evidence," he told AFP. Mohamed Bazoum, he said, '
        '"has never been allowed to see a judge."'
    )
    said = direct(en_nlp, text)
    assert [s.speaker for s in said] == ["Ibrahim Coulibaly", "Ibrahim Coulibaly"]


def test_quotes_pronoun_after_a_described_speaker(en_nlp: Any) -> None:
    text = (
        "A Nigerien customs officer said joint patrols had begun in the border zone. "
        '"Until now, every operation was negotiated between capitals," he said.'
    )
    said = direct(en_nlp, text)
    assert [(s.speaker, s.speaker_text) for s in said] == [("Niger", "A Nigerien customs officer")]


def test_quotes_statement_added_continues_the_statement_speaker(en_nlp: Any) -> None:
    text = (
        '"The exercise was a complete success," ECOWAS said in a statement. '
        'The bloc "will keep its standby force on alert," the statement added.'
    )
    said = direct(en_nlp, text)
    assert [s.speaker for s in said] == ["Economic Community of West African States"] * 2


def test_quotes_nationality_speaker_is_the_state(en_nlp: Any) -> None:
    text = 'A Burkinabe diplomat said the envoy had "come to listen, not to lecture."'
    assert [(s.speaker, s.speaker_text) for s in direct(en_nlp, text)] == [
        ("Burkina Faso", "A Burkinabe diplomat")
    ]


def test_quotes_authorities_with_nationality_characterise(en_nlp: Any) -> None:
    text = 'Malian authorities called the ambush "a cowardly act" on Sunday.'
    assert [(s.speaker, s.speaker_text) for s in direct(en_nlp, text)] == [
        ("Mali", "Malian authorities")
    ]


def test_quotes_officials_of_a_named_state(en_nlp: Any) -> None:
    text = 'US officials say the aid package is "under review."'
    assert [(s.speaker, s.speaker_text) for s in direct(en_nlp, text)] == [
        ("United States", "US officials")
    ]


def test_quotes_diplomat_at_an_embassy_speaks_for_the_embassy(en_nlp: Any) -> None:
    text = 'A diplomat at the French Embassy in Niamey told AFP: "The situation is tense."'
    said = direct(en_nlp, text)
    assert [s.speaker for s in said] == ["French Embassy"]
    assert said[0].speaker_text is not None
    assert said[0].speaker_text.startswith("A diplomat at the French Embassy")


def test_quotes_head_noun_names_the_organisation_mentioned_before(en_nlp: Any) -> None:
    text = (
        "The Sahel Water Authority said it would dig two new wells near Gao. "
        '"Work starts in May," the authority said.'
    )
    said = direct(en_nlp, text)
    assert [(s.speaker, s.speaker_text) for s in said] == [
        ("Sahel Water Authority", "the authority")
    ]


def test_quotes_unnamed_speaker_keeps_the_words_printed(en_nlp: Any) -> None:
    text = '"The market is empty," said a grain trader who asked not to be named.'
    assert direct(en_nlp, text) == [Said("The market is empty", None, "a grain trader")]


# -- no speaker ------------------------------------------------------------------------------


def test_quotes_scare_quote_without_speech_has_no_speaker(en_nlp: Any) -> None:
    text = 'Abdoulaye Diop met the envoy on Monday to open a "new chapter" in relations.'
    assert direct(en_nlp, text) == [Said("new chapter", None, None)]


def test_quotes_reporting_verb_elsewhere_in_the_sentence_counts(en_nlp: Any) -> None:
    text = 'Abdoulaye Diop said the accord marked a "turning point" for the region.'
    assert [s.speaker for s in direct(en_nlp, text)] == ["Abdoulaye Diop"]


def test_quotes_passive_speech_verb_gives_no_speaker(en_nlp: Any) -> None:
    text = 'The decision was described as "irreversible" in the capital.'
    assert direct(en_nlp, text) == [Said("irreversible", None, None)]


def test_quotes_heading_in_double_marks_is_not_attributed(en_nlp: Any) -> None:
    text = (
        '"It will take years," Oumar Tall said.\n\n'
        '"Lessons from the drought"\n\n'
        "The report was published on Monday."
    )
    said = direct(en_nlp, text)
    assert said[1] == Said("Lessons from the drought", None, None)


# -- marks -------------------------------------------------------------------------------------


def test_quotes_single_quotes_are_not_quotes(en_nlp: Any) -> None:
    text = "The so-called 'red zone' covers the north.\n'Past mistakes'\nTraders avoid it."
    assert read(en_nlp, text) == []


def test_quotes_apostrophes_are_not_quotes(en_nlp: Any) -> None:
    text = "It's the army's view that the town's defences can't hold, and Mali's too."
    assert read(en_nlp, text) == []


def test_quotes_single_quote_nested_inside_a_quote_stays_inside(en_nlp: Any) -> None:
    text = "\"They told us 'wait until Monday' and nobody came,\" Hamidou Kane said."
    said = direct(en_nlp, text)
    assert [s.text for s in said] == ["They told us 'wait until Monday' and nobody came"]


def test_quotes_curly_marks(en_nlp: Any) -> None:
    text = "“The convoy is safe,” Sadio Camara said."
    assert [(s.text, s.speaker) for s in direct(en_nlp, text)] == [
        ("The convoy is safe", "Sadio Camara")
    ]


def test_quotes_unclosed_mark_stops_at_its_paragraph(en_nlp: Any) -> None:
    text = 'Oumar Tall said "the road is closed.\n\nTrucks waited for two days in Gao.'
    said = direct(en_nlp, text)
    assert [s.text for s in said] == ["the road is closed."]


def test_quotes_long_unclosed_mark_is_dropped(en_nlp: Any) -> None:
    text = '"' + "The rains were late again this year in the valley. " * 40
    assert read(en_nlp, text) == []


def test_quotes_text_without_marks_gives_nothing(en_nlp: Any) -> None:
    assert read(en_nlp, "") == []
    assert read(en_nlp, "The summit opened in Niamey on Monday.") == []


# -- reported speech ----------------------------------------------------------------------------


def test_quotes_reported_said_that(en_nlp: Any) -> None:
    text = "Abdoulaye Diop said that the mine would reopen in March."
    assert read(en_nlp, text) == [
        Said("the mine would reopen in March", "Abdoulaye Diop", "Abdoulaye Diop", False)
    ]


def test_quotes_reported_told_an_outlet_that(en_nlp: Any) -> None:
    text = "Salifou Mody told state television that the force would be ready within weeks."
    said = read(en_nlp, text)
    assert [(s.text, s.speaker, s.direct) for s in said] == [
        ("the force would be ready within weeks", "Salifou Mody", False)
    ]


def test_quotes_reported_speech_needs_that(en_nlp: Any) -> None:
    assert read(en_nlp, "Abdoulaye Diop said the mine would reopen in March.") == []


def test_quotes_question_asked_by_an_inverted_speaker(en_nlp: Any) -> None:
    said = direct(en_nlp, '"Why leave now?" asked Hamidou Kane, a grain trader in Gao.')
    assert [(s.text, s.speaker) for s in said] == [("Why leave now?", "Hamidou Kane")]


def test_quotes_speaker_label_before_a_colon(en_nlp: Any) -> None:
    said = direct(en_nlp, 'Abdoulaye Diop: "We are ready to talk to everyone."')
    assert [s.speaker for s in said] == ["Abdoulaye Diop"]


def test_quotes_place_before_a_colon_is_not_a_speaker(en_nlp: Any) -> None:
    said = direct(en_nlp, 'Key points for Mali: "more trade, less aid."')
    assert said == [Said("more trade, less aid.", None, None)]


def test_quotes_spokesman_for_an_institution(en_nlp: Any) -> None:
    said = direct(en_nlp, '"Talks will resume on Monday," said a spokesman for ECOWAS.')
    assert [(s.speaker, s.speaker_text) for s in said] == [
        ("Economic Community of West African States", "a spokesman for ECOWAS")
    ]


def test_quotes_place_of_an_unnamed_speaker_is_not_the_speaker(en_nlp: Any) -> None:
    said = direct(en_nlp, '"Nobody has told us anything," a customs broker in Niamey said.')
    assert said == [Said("Nobody has told us anything", None, "a customs broker in Niamey")]


def test_quotes_reported_clause_that_is_a_direct_quote_is_read_once(en_nlp: Any) -> None:
    said = read(en_nlp, 'Salifou Mody said that "the force is ready."')
    assert said == [Said("the force is ready.", "Salifou Mody", "Salifou Mody")]


def test_quotes_passive_participle_is_not_the_speaker(en_nlp: Any) -> None:
    text = 'Malian authorities suspended two channels accused of "discrediting the army."'
    assert direct(en_nlp, text) == [Said("discrediting the army.", None, None)]
