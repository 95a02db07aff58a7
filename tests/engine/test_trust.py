"""Trust on good writing (issue 7): spelling variety per essay, names, quotations, numbers,
and the false alarms the issue lists. Sentences written for these tests."""

from __future__ import annotations

import pytest

from coaching.engine import Engine, EssayInput, gate, trust
from coaching.engine import variety as v
from coaching.engine.text import SentenceSplitter, build_document


def _notes(engine: Engine, text: str, spelling: str = "auto") -> list[dict]:
    return engine.analyze(EssayInput(text=text, spelling=spelling))["notes"]["annotations"]


def _marked(engine: Engine, text: str, spelling: str = "auto") -> list[str]:
    return [text[n["start"] : n["end"]] for n in _notes(engine, text, spelling)]


AMERICAN = (
    "My favorite color is gray, and our theater program is the center of my week. "
    "We traveled to Denver to analyze how other schools organize their shows."
)
BRITISH = (
    "My favourite colour is grey, and our theatre programme is the centre of my week. "
    "We travelled to Leeds to analyse how other schools organise their shows."
)


# --------------------------------------------------------------------------- variety


def test_detection_reads_the_essays_own_spelling() -> None:
    assert v.detect(AMERICAN).variety == "american"
    assert v.detect(BRITISH).variety == "british"
    assert v.detect("The cat sat on the mat.").variety is None
    assert not v.detect(AMERICAN).mixed
    assert v.detect(AMERICAN + " " + BRITISH).mixed


def test_oxford_ize_and_shared_words_are_not_american() -> None:
    assert v.detect("We organize the computer program and practice daily.").variety is None
    assert v.british_of("color") == "colour" and v.american_of("colour") == "color"


@pytest.mark.parametrize("spelling", ["auto", "american"])
def test_an_american_writer_is_never_told_to_write_british(engine: Engine, spelling: str) -> None:
    notes = _notes(engine, AMERICAN, spelling)
    assert not [n for n in notes if "British" in n["message"]]
    assert not [n for n in notes if n["category"] == "spelling"]


@pytest.mark.parametrize("spelling", ["auto", "british"])
def test_a_british_writer_is_never_told_to_write_american(engine: Engine, spelling: str) -> None:
    notes = _notes(engine, BRITISH, spelling)
    assert not [n for n in notes if "American" in n["message"]]
    assert not [n for n in notes if n["category"] == "spelling"]


def test_an_assignment_that_asks_for_british_gets_british(engine: Engine) -> None:
    notes = _notes(engine, AMERICAN, "british")
    marked = {AMERICAN[n["start"] : n["end"]]: n for n in notes}
    assert {"favorite", "color", "gray", "theater", "center", "traveled"} <= set(marked)
    assert marked["color"]["suggestions"] == ["colour"]
    assert "British" in marked["color"]["message"]
    assert marked["color"]["rule"] == "harper:SpellCheck:british"


def test_an_assignment_that_asks_for_american_gets_american(engine: Engine) -> None:
    notes = _notes(engine, BRITISH, "american")
    marked = {BRITISH[n["start"] : n["end"]]: n for n in notes}
    assert {"favourite", "colour", "grey", "theatre", "centre", "travelled"} <= set(marked)
    assert marked["colour"]["suggestions"] == ["color"]
    assert "American" in marked["colour"]["message"]


def test_mixed_spelling_in_auto_mode_gets_one_gentle_note(engine: Engine) -> None:
    text = (
        "My favourite colour is grey, and the theatre is the centre of our town. "
        "We travelled there in the summer to see a play about honor."
    )
    notes = _notes(engine, text)
    spelling = [n for n in notes if n["category"] == "spelling"]
    assert len(spelling) == 1
    assert spelling[0]["rule"] == "variety:mixed"
    assert text[spelling[0]["start"] : spelling[0]["end"]] == "honor"
    assert spelling[0]["suggestions"] == ["honour"]
    assert "Either is fine" in spelling[0]["message"]


def test_the_overview_says_which_variety_was_used(engine: Engine) -> None:
    result = engine.analyze(EssayInput(text=AMERICAN))
    assert result["overview"]["spelling"]["variety"] == "american"
    assert result["overview"]["spelling"]["requested"] == "auto"
    result = engine.analyze(EssayInput(text=AMERICAN, spelling="british"))
    assert result["overview"]["spelling"]["variety"] == "british"


def test_british_conventions_follow_the_variety(engine: Engine) -> None:
    text = "Our coach says we practice every day after school, and we love it."
    assert "practice" not in _marked(engine, text, "american")
    assert "practice" not in _marked(engine, text, "auto")
    assert "practice" in _marked(engine, text, "british")


# --------------------------------------------------------------------------- names


def test_names_at_the_start_of_a_sentence_are_not_misspellings(engine: Engine) -> None:
    text = (
        "Priya opened the door. Aoife followed her into the hall. Siobhán was already "
        "there, talking to Nguyen about the match. Kasia waved from the stage."
    )
    assert _notes(engine, text) == []


def test_a_typo_at_the_start_of_a_sentence_is_still_found(engine: Engine) -> None:
    text = "Becuase the bus was late, we walked to school in the rain."
    notes = _notes(engine, text)
    assert [(text[n["start"] : n["end"]], n["suggestions"][0]) for n in notes] == [
        ("Becuase", "Because")
    ]


def test_placeholders_are_not_spelling_errors(engine: Engine) -> None:
    text = (
        "@PERSON1 went to @LOCATION1 with @CAPS2 and @NUM1 friends. When @PERSON1 came "
        "home, @CAPS2 said the trip to @LOCATION1 had been the best day of the year."
    )
    assert _notes(engine, text) == []


def test_a_word_the_essay_repeats_or_quotes_is_a_name_or_a_term(engine: Engine) -> None:
    text = (
        "The enzyme catalase breaks down hydrogen peroxide. We measured how fast catalase "
        'worked. Lady Macbeth calls on the spirits to "unsex" her.'
    )
    assert _notes(engine, text) == []


def test_a_repeated_typo_of_a_common_word_is_still_found(engine: Engine) -> None:
    text = "I realy like football. My brother realy likes it too."
    assert _marked(engine, text).count("realy") == 2


def test_names_in_the_context() -> None:
    doc = build_document(
        'Aoife ran. Later Aoife sat with Rhys and read "Wuthering Heights" twice.',
        SentenceSplitter(),
    )
    names = trust.names_in(doc)
    terms = trust.terms_in(doc.text, trust.quotation_spans(doc.text))
    assert {"aoife", "rhys", "wuthering", "heights"} <= names
    assert {"wuthering", "heights"} <= terms
    assert "later" not in names


# --------------------------------------------------------------------------- quotes, numbers


def test_quotation_spans() -> None:
    text = "He said \u201cit's late\u201d and 'go now', but the students' books stayed. \"Yes.\""
    spans = [text[a:b] for a, b in trust.quotation_spans(text)]
    assert spans == ["\u201cit's late\u201d", "'go now'", '"Yes."']


def test_dialogue_and_quotations_are_left_alone_by_grammar_notes(engine: Engine) -> None:
    inside = 'Lennie shouted, "An\' why? Because I got you. He can swims well, I tell you."'
    outside = "Lennie shouted that George can swims well."
    assert _notes(engine, inside) == []
    assert _notes(engine, outside)  # the same engine still marks the writer's own words


def test_numbers_units_and_abbreviations_are_left_alone(engine: Engine) -> None:
    text = (
        "We walked along a 5 km route and added 3.2 mL of acid at 40 \u00b0C, e.g. in the "
        "1990s NASA did the same at 7.30 a.m. with the NHS."
    )
    assert _notes(engine, text) == []


# --------------------------------------------------------------------------- the issue's list


@pytest.mark.parametrize(
    "sentence",
    [
        "Pupils hide their phones in a sports bag or a coat sleeve during lessons.",
        "The district adjusted its transportation schedule within a single school year.",
        "She told us about the timed performance test that left the team gasping.",
        "However sophisticated this objection sounds, the evidence does not support it.",
        "Over the past twelve months the staff have confiscated more than 300 phones.",
        "Our school has about 1,200 pupils on roll, and most of them walk to school.",
        "There is also the question of wellbeing, which matters to every family.",
        "The new launch pad was finished in December, and the tail lights shone red.",
    ],
)
def test_the_false_alarms_issue_7_lists_are_gone(engine: Engine, sentence: str) -> None:
    assert _notes(engine, sentence, "british") == []
    assert _notes(engine, sentence, "american") == []


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The students opinion was ignored by the school.", "students"),
        ("I think its a good idea to start school later.", "its"),
        ("I have went to the shop yesterday.", "went"),
        ("She can swims very well.", "swims"),
    ],
)
def test_real_errors_near_those_words_are_still_found(
    engine: Engine, sentence: str, word: str
) -> None:
    assert word in _marked(engine, sentence)


# The held-out clean essays showed five general classes of false alarm (issue 7); tune/37
# and tune/38 show them again in other sentences, and these are others still.
@pytest.mark.parametrize(
    "sentence",
    [
        # the determiner stands before the words that describe the noun
        "The towels were folded in my aunt's airing cupboard by the stairs.",
        "He read by an old 12-volt LED torch that he never trusted.",
        # the first noun of a compound is not the head noun
        "The hall smelled of boot polish and damp coats after the rain.",
        "His hands tasted like engine grease and cheap coffee.",
        # a common word that is also a nationality
        "Every Saturday he would polish the brass handles on the door.",
        # a verb after 'to' is not the noun
        "What the rain did seem to affect was the mood of the whole crew.",
        # a real word split into pieces that are not words
        "Twice we stopped while he regripped his stick, and the stove was relit.",
    ],
)
def test_the_held_out_false_alarm_classes_are_gone(engine: Engine, sentence: str) -> None:
    assert _notes(engine, sentence, "british") == []
    assert _notes(engine, sentence, "american") == []


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("My brother is teacher in a big school near London.", "teacher"),
        ("I went to the shop and bought ticket for concert.", "concert"),
        ("It will effect the students and their families.", "effect"),
        ("The affect of the new rule was bad for everyone.", "affect"),
        ("In the summer I met many french people at the camp.", "french"),
        ("I think this rule effects our mood in the winter.", "effects"),
    ],
)
def test_real_errors_near_those_classes_are_still_found(
    engine: Engine, sentence: str, word: str
) -> None:
    assert word in _marked(engine, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a full name at the start of a sentence, a person a relative clause describes
        "Chinua Achebe's novel opens with a wrestling match that made Okonkwo famous.",
        "Mehmet, who has asthma, stayed well back from the fume cupboard.",
        # a place's older English name, and the bird
        "Until 1947 the city was called Calcutta, and we ate turkey on Sunday.",
        "My grandmother grew up on the Aegean coast of Turkey.",
        # 'the one' + a verb, the passive of 'use', a word for a word, a mass noun
        "She was the teacher, but I was the one learning the most.",
        "The time taken can be used to compare the rates of the two reactions.",
        "Dziadek is the Polish word for grandfather.",
        "We argued about pasta for three days.",
        # a rare real word, and the usual American plural of 'bus'
        "The wind grew like a bush-fire in the harmattan.",
        "The district bought new buses so that the schools could start later.",
    ],
)
def test_the_fresh_false_alarm_classes_are_gone(engine: Engine, sentence: str) -> None:
    assert _notes(engine, sentence, "british") == []
    assert _notes(engine, sentence, "american") == []
    assert _notes(engine, sentence, "auto") == []


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("I am used to get up early because of my job.", "get"),
        ("Becuase Tablets are cheap, many schools buy them.", "Becuase"),
        ("The wether was cold and wet all week.", "wether"),
        ("I went to the shop and bought ticket for concert.", "concert"),
    ],
)
def test_real_errors_near_the_fresh_classes_are_still_found(
    engine: Engine, sentence: str, word: str
) -> None:
    assert word in _marked(engine, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # 'every one of', a word given in another language, 'from ... to' ranges
        "By four o'clock every one of the library's computers was taken.",
        "My grandmother pointed at the bird. In Japanese, kasasagi means magpie.",
        "She kept everything, from bus tickets to school reports.",
        # 'especially' strengthening an adjective; 'including' restricting
        "The soft ground made the shaking especially violent in the valley.",
        "Rescue teams arrived from countries including India and Japan.",
    ],
)
def test_the_blind_false_alarm_classes_are_gone(engine: Engine, sentence: str) -> None:
    assert _notes(engine, sentence, "british") == []
    assert _notes(engine, sentence, "american") == []


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Every one in my class has a phone.", "Every one"),
        ("The Spanish goverment closed the schools for a week.", "goverment"),
    ],
)
def test_real_errors_near_the_blind_classes_are_still_found(
    engine: Engine, sentence: str, word: str
) -> None:
    assert word in _marked(engine, sentence)


def test_derived_words_and_junk_splits() -> None:
    from coaching.engine.spelling import derived_word

    assert derived_word("swamper") and derived_word("skidder") and derived_word("relit")
    assert not derived_word("worser") and not derived_word("yong")


def test_hidden_kinds_never_show(engine: Engine) -> None:
    # Harper asks for 'quite' here (QuiteQuiet), which the gate hides
    assert not gate.shown("harper:QuiteQuiet")
    assert gate.shown("harper:SpellCheck")
    text = "The road was quiet apart from the hiss of tyres in the distance."
    assert any(
        f["rule"] == "QuiteQuiet" for f in (engine._harper.lint(text) if engine._harper else [])
    )
    assert _notes(engine, text) == []


def test_every_gate_row_says_where_its_numbers_came_from() -> None:
    assert gate.TABLE
    for row in gate.TABLE:
        assert row.why
        assert row.fce_tokens >= 0 and 0.0 <= row.fce_precision <= 1.0
        assert row.show == (row.kind not in gate.HIDDEN)


FLUENT = (
    "Our town library opens six days a week, and most of the people who use it are "
    "students and retired readers. Last spring the council proposed cutting its hours to "
    "four days, arguing that the building costs too much to heat in winter. I think this "
    "would be a mistake. The library is the only quiet place in the town centre where a "
    "student can work for free, and its computers are used by people who have no internet "
    "at home. When the reading room closed for repairs last year, the café next door filled "
    "with teenagers doing homework on their phones. A cheaper way to save money would be to "
    "fit better windows and a modern boiler, which would pay for themselves within a few "
    "years. The council should also ask local businesses to sponsor the children's "
    "section, as the neighbouring town has done with great success. The people who depends "
    "on the library deserve to be asked before any decision is taken."
)


def test_fluent_writing_gets_only_the_kinds_that_stand_alone(engine: Engine) -> None:
    # one real agreement slip ('who depends') in 160 fluent words: below the density the
    # grammar kinds need, so it is left for the teacher; a misspelling still shows
    notes = _notes(engine, FLUENT, "british")
    assert all(gate.stands_alone(n["rule"]) for n in notes)
    misspelt = FLUENT.replace("decision", "desicion")
    assert "desicion" in _marked(engine, misspelt, "british")
    # the same slip in a short text where errors are dense is marked
    assert "depends" in _marked(engine, "The people who depends on it is angry.", "british")
