"""Engine 0.7.0's classes of learner slip (read from the second blind planted half once it
had served), each on sentences written for these tests, and the correct sentences beside
them that must stay quiet. Checked through the whole engine, so the guards and the gate
take part."""

from __future__ import annotations

import pytest

from coaching.engine import Engine

from .marks import marks as _notes

HITS = [
    # a comma splice whose first clause the parser hung on the second as an 'advcl', after
    # an aside, or after a time phrase that names its own time
    (
        "The next morning my brother and I went to the market, we bought fresh bread.",
        ",",
        "grammar:comma-splice-parse",
    ),
    (
        "In my view, pupils should not have homework at weekends, family time must come first.",
        ",",
        "grammar:comma-splice-parse",
    ),
    (
        "My aunt, for instance, runs a bakery near the station, at Christmas she bakes all night.",
        ",",
        "grammar:comma-splice-parse",
    ),
    # a missing 'a' before a describing word and a counted noun
    (
        "The concert turned out to be total disaster for the band.",
        "",
        "grammar:missing-article-phrase",
    ),
    ("Cycling to school is also cheap way to keep fit.", "", "grammar:missing-article-phrase"),
    # word forms
    ("We were all very boring during the long speech.", "boring", "grammar:word-form-ed-ing"),
    (
        "The room was incredible noisy, and nobody could sleep.",
        "incredible",
        "grammar:word-form-adverb",
    ),
    ("You must be more carefully with your passport.", "carefully", "grammar:word-form-adjective"),
    ("I hope the council will take our letter serious.", "serious", "grammar:word-form-phrase"),
    ("Living alone makes you more independence.", "independence", "grammar:word-form-phrase"),
    # verb forms
    ("It was the longest film she had ever watch.", "watch", "grammar:perfect-base"),
    ("In the end they pack up and left the campsite.", "pack", "grammar:tense-pair"),
    # word choice, prepositions, look-alikes
    ("My uncle learned us how to fish.", "learned", "grammar:word-choice"),
    ("I could not remind what she had said.", "remind", "grammar:word-choice"),
    ("The waiter brought the glasses away too early.", "brought", "grammar:word-choice"),
    ("Some farmers cannot win enough to support a family.", "win", "grammar:word-choice"),
    ("He refused to except the money from us.", "except", "grammar:confusable"),
    ("The match was played in 3 June.", "in", "grammar:preposition"),
    ("We were disappointed of the hotel room.", "of", "grammar:preposition"),
    ("We sat in the table by the door.", "in", "grammar:preposition"),
    ("Many families live at their own village all their lives.", "at", "grammar:preposition"),
    ("The letters were all written with hand, and they took weeks.", "with", "grammar:preposition"),
    ("Always be polite with the guests.", "with", "grammar:preposition"),
    # from the third blind half's classes
    (
        "Many more students would like to walk, however, they say the road is dangerous.",
        ",",
        "grammar:comma-splice-parse",
    ),
    (
        "The water was warm and clear it was perfect for swimming.",
        "it",
        "grammar:run-on-parse",
    ),
    ("The jacket, which cost a lot, have a hood.", "have", "grammar:agreement"),
    ("Our school has a new gym, which include a climbing wall.", "include", "grammar:agreement"),
    ("I had lose my keys again.", "lose", "grammar:perfect-base"),
    ("We arrived at nine and walk straight to the museum.", "walk", "grammar:joined-past"),
    ("If the council will build a skate park, we will use it.", "will", "grammar:if-will"),
    ("She is planning visiting her aunt in June.", "visiting", "grammar:verb-to-ing"),
    ("I love how quick you can find a song.", "quick", "grammar:how-adverb"),
    ("The car was old and it's engine made a loud noise.", "it's", "grammar:lookalike"),
    ("We stopped at a café, were the cakes were cheap.", "were", "grammar:lookalike"),
    ("In my view, simplest answer is often right.", "", "grammar:missing-the-superlative"),
    ("There was nothing accept trees.", "accept", "grammar:confusable"),
    ("In our town the rents raise every spring.", "raise", "grammar:word-choice"),
    ("He told that the bus was late.", "told", "grammar:word-choice"),
    ("At the weekend I win about forty pounds a day.", "win", "grammar:word-choice"),
    ("We waited during almost two hours.", "during", "grammar:preposition"),
    ("My sister is better in drawing than me.", "in", "grammar:preposition"),
    # from the fourth blind half's classes
    ("The streets were quite at night.", "quite", "grammar:lookalike"),
    ("Every plan has it's problems, but we will try.", "it's", "grammar:lookalike"),
    ("Swimming is a relaxed activity for me.", "relaxed", "grammar:word-form-ed-ing"),
    ("Mr Lee is the only teacher who know my name.", "know", "grammar:agreement"),
    ("My parents think that cooking teach children patience.", "teach", "grammar:agreement"),
    (
        "After the second lesson I was completely confident, I drove home alone.",
        ",",
        "grammar:comma-splice-parse",
    ),
    ("Nobody could tell us whose going to win.", "whose", "grammar:confusable"),
    ("We stayed indoors in such terrible whether.", "whether", "grammar:confusable"),
    ("I always loose my gloves in winter.", "loose", "grammar:confusable"),
    ("The shop only except cash.", "except", "grammar:confusable"),
    ("The library is open in weekdays.", "in", "grammar:preposition"),
    ("The film is based in a book by a local writer.", "in", "grammar:preposition"),
    ("We usually travel by the train.", "the", "grammar:article"),
]

QUIET = [
    "The day we arrived, it rained without stopping.",
    "When the storm ended, we walked down to the harbour.",
    "It is common sense and good practice to back up your files.",
    "She took first place and later became head coach of the club.",
    "Last Friday was sports day at our school.",
    "He has blue eyes and short hair.",
    "We live here and loved every minute of it.",
    "I have never time to read in the mornings.",
    "She was more carefully watched than her brother.",
    "In May 14 people applied for the job.",
    "The festival was held in May 2020.",
    "Everyone took their shoes off before they went in.",
    "After lunch I turned the radio off and slept.",
    "I ordered bibimbap, which is a bowl of rice with vegetables.",
    "I lent my friend a pen, and she gave it back the next day.",
    "Please explain what happened, in your own words.",
    "I am very glad I came to the party.",
    "It was so cold we stayed inside all day.",
    "We recommend that the council repair the road and that the school extend its hours.",
    "Site A lies upstream of the bridge.",
    "Another argument is comfort.",
    "I know it's my fault.",
    "I got on the train at platform four.",
    "The council makes cycling safer every year.",
    "In late May the garden is full of roses.",
    "She told that story to everyone.",
    "The students were the ones who were late.",
    "He had better leave now.",
    "I chose climbing and photography.",
    "This is the point of loudest sound.",
    "We visited Paris, which is lovely in spring.",
    "We felt quite at home there.",
    "It's children who suffer most.",
    "The council asked us to visit, interview residents, and report back.",
    "Archaeologists found a new aluminum coin.",
    "After we had eaten, we went for a walk.",
    "The lab tests around 6,000 samples a day, most of which arrive by post.",
    "The damage can be seen at Hornsea, whose sea walls have failed.",
]


@pytest.mark.parametrize(("text", "marked", "rule"), HITS)
def test_slip_gets_its_note(engine: Engine, text: str, marked: str, rule: str) -> None:
    notes = _notes(engine, text)
    assert any(m == marked and r == rule for m, r, _ in notes), notes


@pytest.mark.parametrize("text", QUIET)
def test_correct_sentence_is_quiet(engine: Engine, text: str) -> None:
    assert _notes(engine, text) == []


def test_a_defined_word_keeps_a_slip_of_a_common_word(engine: Engine) -> None:
    text = "My freind, which is a doctor, came to dinner."
    assert [m for m, _, _ in _notes(engine, text)] == ["freind"]


def test_a_closed_compound_is_left_alone_on_fluent_writing(engine: Engine) -> None:
    fluent = (
        "The river begins as snowmelt high in the mountains. Each spring the water rises "
        "quickly, and the farmers downstream watch the gauges closely. Last year the flow "
        "was unusually low, so the council asked everyone to save water. Gardeners were "
        "told to use watering cans instead of hoses, and the swimming pools closed early. "
        "By August the reservoir had fallen to a third of its usual level, and the local "
        "paper printed a photograph of the dry riverbed on its front page every week."
    )
    assert _notes(engine, fluent) == []
