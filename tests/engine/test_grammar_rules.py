"""The grammar package's rules: each kind fires on learners' slips and stays quiet on the
correct sentences next to them (sentences written for these tests)."""

from __future__ import annotations

import pytest

from coaching.engine.grammar import grammar_notes
from coaching.engine.text import SentenceSplitter, build_document

_SPLITTER = SentenceSplitter()


def _notes(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    doc = build_document(text, _SPLITTER)
    return [(text[n.start : n.end], n.rule, n.suggestions) for n in grammar_notes(doc)]


def _rules(text: str) -> set[str]:
    return {rule for _, rule, _ in _notes(text)}


HITS = [
    # agreement with noun subjects
    ("Tablets is also expensive.", "is", "grammar:agreement", "is"),
    ("The school have to buy new computers.", "have", "grammar:agreement", "have"),
    ("The rules of my school is very strict.", "is", "grammar:agreement", "is"),
    ("Many teenagers says that uniforms are ugly.", "says", "grammar:agreement", "x"),
    ("Every player know that we can win.", "know", "grammar:agreement", "x"),
    ("My cousin live in the capital.", "live", "grammar:agreement", "x"),
    ("A lot of people thinks so.", "thinks", "grammar:agreement", "x"),
    # comma splices and run-ons
    ("I like football, it is my favourite sport.", ",", "grammar:comma-splice-parse", ","),
    ("The rules are strict, we cannot wear a scarf.", ",", "grammar:comma-splice-parse", ","),
    ("My town is small, however it has a cinema.", ",", "grammar:comma-splice-parse", ","),
    ("The rules are very strict we cannot wear a scarf.", "we", "grammar:run-on", "we"),
    # verb forms
    ("Last year my teacher show us a video.", "show", "grammar:past-marker-noun", "show"),
    ("It makes people to relax.", "to", "grammar:make-to", "to"),
    ("It helps students remembering new words.", "remembering", "grammar:help-ing", "x"),
    ("Think carefully before to buy a pet.", "to buy", "grammar:prep-ing", "to buy"),
    ("If we will act now, we can win.", "will", "grammar:if-will", "will"),
    ("I play tennis since I was eight.", "play", "grammar:since-perfect", "play"),
    ("Last summer I go to Ireland with my class.", "go", "grammar:past-time", "x"),
    (
        "Last year the guide show us the castle and we understand it.",
        "understand",
        "grammar:past-time",
        "x",
    ),
    ("My uncle once give me a old bicycle.", "give", "grammar:past-time", "x"),
    ("I visit my cousins in Spain last summer.", "visit", "grammar:past-time", "x"),
    ("I have seen that film two years ago.", "have seen", "grammar:past-marker-perfect", "x"),
    # word form
    ("It is very importance for us.", "importance", "grammar:word-form-noun", "x"),
    ("I was very exciting when we arrived.", "exciting", "grammar:word-form-ed-ing", "x"),
    ("They are not interesting in sport.", "interesting", "grammar:word-form-ed-ing", "x"),
    ("The uniform is very cheaply, so it is fine.", "cheaply", "grammar:word-form-adjective", "x"),
    ("We help each others.", "others", "grammar:each-other", "x"),
    ("I hope to speak Spanish fluent one day.", "fluent", "grammar:word-form-manner", "x"),
    ("She sends messages and photos very quick.", "quick", "grammar:word-form-manner", "x"),
    ("Since that day I think different.", "different", "grammar:word-form-manner", "x"),
    ("It was a real big surprise.", "real", "grammar:word-form-adverb", "x"),
    # word choice, prepositions, articles, confusables
    ("Some students make their homework on the bus.", "make", "grammar:word-choice", "x"),
    ("Teachers should learn students how to use them.", "learn", "grammar:word-choice", "x"),
    ("They prefer to look television.", "look", "grammar:word-choice", "x"),
    ("We discuss about this topic.", "about", "grammar:preposition", "x"),
    ("You should listen music every day.", "", "grammar:preposition", "x"),
    ("Nobody explained me why.", "", "grammar:preposition", "x"),
    ("I have studied English since six years.", "since", "grammar:preposition", "x"),
    ("Phones have a bad effect to our sleep.", "to", "grammar:preposition", "x"),
    ("You can rely from your friends.", "from", "grammar:preposition", "x"),
    ("When I was child I lived by the sea.", "child", "grammar:article", "x"),
    ("It is one of best films.", "best", "grammar:article", "x"),
    ("It is a school for youngest children.", "youngest", "grammar:article", "x"),
    ("Your never too young to learn.", "Your", "grammar:confusable", "x"),
]


@pytest.mark.parametrize(("text", "marked", "rule", "_"), HITS)
def test_rule_fires(text: str, marked: str, rule: str, _: str) -> None:
    assert (marked, rule) in {(m, r) for m, r, _s in _notes(text)}


NEAR_MISSES = [
    "Tablets are also expensive.",
    "The price of tablets is high.",
    "The school bus is late.",
    "My family name is Smith.",
    "The team are happy with the result.",
    "The children play in the park.",
    "Her first serve hit the top of the net.",
    "The mean volume of oxygen rose quickly.",
    "Why do we accept it for children?",
    "When we arrived home, we were tired.",
    "In my opinion, it is a good idea.",
    "It was late, I think.",
    "The weather was bad, so we stayed at home.",
    "The students, who were tired, went home.",
    "It was, however, too late.",
    "I had a cold, I had a headache, I had a note from my mother.",
    "The value was close to the accepted one, which suggests that the method works.",
    "He poured it from the bottle, the way he had seen it done.",
    "Last year my teacher showed us a video.",
    "It makes people relax.",
    "I have played tennis since I was eight.",
    "I go there for two weeks every summer.",
    "It is very important for us.",
    "I was very excited when we arrived.",
    "The film was very exciting.",
    "They are interested in sport.",
    "The uniform is cheap, so it is fine.",
    "It was only partly true.",
    "Some students do their homework on the bus.",
    "We make mistakes and learn from them.",
    "We discuss this topic.",
    "You should listen to music every day.",
    "I have studied English for six years.",
    "When I was a child I lived by the sea.",
    "They are best friends.",
    "The main error was judging the point of loudest resonance.",
    "You're never too young to learn.",
    "Your best friend is here.",
    "I am very glad I won the prize.",
    "Every day I walk to school.",
    "Me and my friend were there.",
    "The only tickets left were expensive.",
    "People today are more open.",
    "Next time write the letter quickly.",
    "I must say, it was quite good.",
    "Last summer I went to Ireland with my class.",
    "Over the last year we have learnt a lot.",
    "I have lived here since last summer.",
    "Last year I learned that plants need light.",
    "I think last year was harder than this one.",
    "They meet once a week at the club.",
    "I hope to speak Spanish fluently one day.",
    "Each group did something different.",
    "The results look different.",
    "The test made it easy.",
    "People were good and bad.",
    "It was a real surprise.",
    "For three years I lived in Madrid.",
    "Phones have a bad effect on our sleep.",
    "We went there by bus.",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_rule_stays_quiet(text: str) -> None:
    assert _notes(text) == []


def test_sure_notes_suggest_and_unsure_ones_ask() -> None:
    # a noun and its verb side by side: either may be the slip, so the message names both
    both = _notes("The school have to buy new computers.")
    assert both[0][2] == ("has",)
    doc = build_document("The school have to buy new computers.", _SPLITTER)
    assert "'schools have'" in grammar_notes(doc)[0].message
    # apart, the verb is the word to change
    verb = _notes("The rules of my school is very strict.")
    assert verb[0][2] == ("are",)
