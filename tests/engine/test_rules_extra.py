"""Rules in coaching/engine/rules/learner.py: each one flags a sentence written for the test
(right place, right suggestion) and leaves a near-miss alone."""

from __future__ import annotations

import re

import pytest

from coaching.engine.notes import Note
from coaching.engine.rules import learner, phrases, run_rules
from coaching.engine.text import SentenceSplitter, build_document

_SPLITTER = SentenceSplitter()


def _notes(text: str) -> list[Note]:
    doc = build_document(text, _SPLITTER)
    return run_rules(doc, (*learner.RULES, *phrases.RULES)) + learner.letter_closing(doc)


# (rule, text, what is marked, first suggestion). A marked part starting with '^' is a
# missing word: the note is an insertion point just before that word.
FLAGGED = [
    ("participle", "I have went to the museum twice.", "went", "gone"),
    ("participle", "The letter was wrote by my friend.", "wrote", "written"),
    ("to-base", "I had to paid for both tickets.", "paid", "pay"),
    ("be-base", "It is depend on the weather.", "depend", "depending"),
    ("verb-to", "I want you understand my feelings.", "^understand", "to understand"),
    ("verb-to", "I prefer spend the day outside.", "^spend", "to spend"),
    ("for-verb", "I came to London for learn English.", "learn", "learning"),
    ("prep-gerund", "He can't stay a day without see the sea.", "see", "seeing"),
    ("if-will", "I will be glad if you will send me the form.", "will#2", ""),
    ("will-like", "I will like to ask you a question.", "will", "would"),
    ("perfect-past-time", "I have seen the show last week.", "have seen", "saw"),
    ("there-was-plural", "There was no tickets left for us.", "was", "were"),
    ("noun-3sg", "Technology have changed our lives.", "have", "has"),
    ("who-plural", "I met some students who was very friendly.", "was", "were"),
    ("double-comparative", "This bag is more better than mine.", "more", ""),
    ("the-superlative", "It was the worse day of my life.", "worse", "worst"),
    ("phrase2:go-to-shopping", "We go to shopping on Saturdays.", "to", ""),
    ("phrase2:appreciate-if", "I would appreciate if you replied soon.", "^if", "it if"),
    ("phrase2:reason-of", "The reason of my letter is simple.", "of", "for"),
    ("phrase2:thank-for", "Thank for your kind letter.", "^for", "you for"),
    ("phrase2:on-holidays", "Next month we are going on holidays.", "holidays", "holiday"),
    ("phrase2:take-part-on", "I would love to take part on the race.", "on", "in"),
    ("phrase2:some-times", "I go there some times with my dad.", "some times", "sometimes"),
    ("write-to", "I am writing you about the school trip.", "^you", "to you"),
    ("explain-to", "Can you explain us the new rules?", "^us", "to us"),
    ("reply-to", "Thank you for replying my letter so quickly.", "^my", "to my"),
    ("listen-to", "We listened the radio all night.", "^the", "to the"),
    ("wait-for", "I am waiting your answer.", "^your", "for your"),
    ("tell-to", "She told to me a big secret.", "to", ""),
    ("kinds-of", "They sell all kind of things there.", "kind", "kinds"),
    ("the-most-of", "The most of my friends play football.", "The", ""),
    ("double-negative", "I don't know nothing about it.", "nothing", "anything"),
    ("missing-be-ing", "I looking forward to the party.", "^looking", "am looking"),
    ("be-a-adj-noun", "It was very good experience for me.", "^very", "a very"),
    ("be-a-adj-noun", "It was quite nice walk in the park.", "^nice", "a nice"),
    ("have-a-adj-noun", "I had very bad day at school.", "^very", "a very"),
    ("a-adj-mass", "I have a good news for you.", "a", ""),
    ("think-it-is", "I think is a good idea to go.", "^is", "it is"),
    ("travel-trip", "Our travel to Rome was great.", "travel", "trip"),
    ("sports-noun", "We met at the sport centre after school.", "sport", "sports"),
    ("plural-plural", "Many peoples came to the party.", "peoples", "people"),
    ("no-article", "Camping makes me feel close to the nature.", "the", ""),
    ("no-article", "We had a dinner at eight.", "a", ""),
    ("make-up-list", "She spends her money on clothes, make up and shoes.", "make up", "make-up"),
    ("comma-after-because", "I stayed at home because, I was ill.", ",", ""),
    ("comma-after-think", "I think, it is a good idea.", ",", ""),
    ("comma-before-if", "I would be grateful, if you could reply.", ",", ""),
    ("open-opened", "The shop is opened until six every day.", "opened", "open"),
    ("feel-ed", "I was very surprise by the news.", "surprise", "surprised"),
    ("think-thing", "The first think I did was call home.", "think", "thing"),
    ("by-buy", "I want to by a new bike.", "by", "buy"),
    ("quiet-quite", "The test was quiet difficult for me.", "quiet", "quite"),
    ("log-cabin", "We stayed in a long cabin by the lake.", "long", "log"),
    ("british:maths", "My favourite subject is math.", "math", "maths"),
    ("to-hearing", "It was lovely to hearing from you.", "hearing", "hear"),
    ("every-day", "I go swimming everyday.", "everyday", "every day"),
    ("i-am", "I'am fine, thank you.", "I'am", "I am"),
    ("weekend", "See you at the week-end.", "week-end", "weekend"),
    ("prize-price", "I won the first price in the contest.", "price", "prize"),
    ("prize-price", "The prize of the tickets was too high.", "prize", "price"),
    ("closed", "The shop was close when we arrived.", "close", "closed"),
    ("on-stage", "The actors were on the scene for two hours.", "scene", "stage"),
    ("feeling-ing", "At the end of the film I was very exciting.", "exciting", "excited"),
    (
        "yours-sincerely",
        "Dear Mr Brown,\n\nThank you for your letter.\n\nYours faithfully,\nAnna",
        "faithfully",
        "sincerely",
    ),
]

# (rule, text): the rule must stay quiet.
NEAR_MISSES = [
    ("participle", "I have gone to the museum twice."),
    ("participle", "I have got a new bike."),
    ("to-base", "I had to pay for both tickets."),
    ("be-base", "It is depending on the weather."),
    ("verb-to", "I want you to understand my feelings."),
    ("verb-to", "I would prefer log cabins to tents."),
    ("for-verb", "Thanks for the help with my homework."),
    ("prep-gerund", "He can't stay a day without seeing the sea."),
    ("prep-gerund", "What I am talking about are the computers."),
    ("if-will", "Please tell me if you will need anything else."),
    ("will-like", "I hope I will like the food there."),
    ("perfect-past-time", "I have seen the show twice."),
    ("there-was-plural", "There was no ticket left for us."),
    ("noun-3sg", "Science and technology have changed our lives."),
    ("who-plural", "I met a student who was very friendly."),
    ("double-comparative", "This bag is much better than mine."),
    ("the-superlative", "The weather got worse during the day."),
    ("phrase2:go-to-shopping", "We go shopping on Saturdays."),
    ("phrase2:appreciate-if", "I would appreciate it if you replied soon."),
    ("phrase2:reason-of", "The reason for my letter is simple."),
    ("phrase2:thank-for", "Thank you for your kind letter."),
    ("phrase2:on-holidays", "The school holidays start next month."),
    ("phrase2:take-part-on", "I would love to take part in the race."),
    ("phrase2:some-times", "I go there some times a year."),
    ("write-to", "Please write me a letter soon."),
    ("write-to", "I will write you back soon."),
    ("explain-to", "Can you explain the new rules to us?"),
    ("reply-to", "Thank you for your quick reply to my letter."),
    ("listen-to", "We listened to the radio all night."),
    ("wait-for", "I am waiting for your answer."),
    ("tell-to", "She told me to keep a secret."),
    ("kinds-of", "They sell this kind of thing there."),
    ("the-most-of", "We made the most of the sunny day."),
    ("double-negative", "I know nothing about it."),
    ("missing-be-ing", "I am looking forward to the party."),
    ("be-a-adj-noun", "It was very good for me."),
    ("be-a-adj-noun", "It was good fun."),
    ("have-a-adj-noun", "We had great fun at school."),
    ("a-adj-mass", "I have a good idea for you."),
    ("think-it-is", "What I think is not important."),
    ("travel-trip", "I love to travel to Rome."),
    ("sports-noun", "Sport is good for your health."),
    ("plural-plural", "She studied the peoples of South America."),
    ("no-article", "The nature of the problem is clear."),
    ("no-article", "We had a lovely dinner at eight."),
    ("make-up-list", "They argue a lot but they always make up and forget it."),
    ("comma-after-because", "I stayed at home because, as you know, I was ill."),
    ("comma-after-think", "I think it is a good idea."),
    ("comma-before-if", "I would be grateful if you could reply."),
    ("open-opened", "The door was opened by a tall man."),
    ("feel-ed", "It was a nice surprise for everybody."),
    ("think-thing", "The first time I think about it, I laugh."),
    ("by-buy", "I want to go by bus."),
    ("quiet-quite", "The room was quiet and dark."),
    ("log-cabin", "We stood in a long queue by the lake."),
    ("british:maths", "My favourite subject is maths."),
    ("to-hearing", "I look forward to hearing from you."),
    ("every-day", "This is part of everyday life."),
    ("i-am", "I am fine, thank you."),
    ("weekend", "See you at the weekend."),
    ("prize-price", "The price of the tickets was too high."),
    ("closed", "The shop was close to the station."),
    ("on-stage", "The police arrived at the scene quickly."),
    ("feeling-ing", "The film was very exciting."),
    ("yours-sincerely", "Dear Sir or Madam,\n\nPlease send me a form.\n\nYours faithfully,\nAnna"),
]


def _expected_span(text: str, marked: str) -> tuple[int, int]:
    """Where ``marked`` is in ``text`` as a whole word ('word#2' is the second one)."""
    insertion = marked.startswith("^")
    word, _, nth = marked.lstrip("^").partition("#")
    pattern = re.escape(word) if not word[0].isalnum() else rf"\b{re.escape(word)}\b"
    match = list(re.finditer(pattern, text))[int(nth or 1) - 1]
    return (match.start(), match.start()) if insertion else match.span()


@pytest.mark.parametrize(("rule", "text", "marked", "suggestion"), FLAGGED)
def test_rule_flags(rule: str, text: str, marked: str, suggestion: str) -> None:
    hits = [n for n in _notes(text) if n.rule == "rule:" + rule]
    assert hits, f"{rule} did not fire on {text!r}"
    assert [(n.start, n.end) for n in hits] == [_expected_span(text, marked)]
    assert hits[0].suggestions[0] == suggestion
    assert hits[0].message


@pytest.mark.parametrize(("rule", "text"), NEAR_MISSES)
def test_rule_leaves_near_miss(rule: str, text: str) -> None:
    assert not [n for n in _notes(text) if n.rule == "rule:" + rule]


def test_every_rule_is_tested() -> None:
    flagged = {rule for rule, *_ in FLAGGED}
    near = {rule for rule, _ in NEAR_MISSES}
    assert flagged == near


def test_run_rules_includes_extra_rules() -> None:
    text = "I think is a good idea. I am writing you about it."
    rules = {n.rule for n in run_rules(build_document(text, _SPLITTER))}
    assert {"rule:think-it-is", "rule:write-to"} <= rules
