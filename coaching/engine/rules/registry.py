"""Every hand-written rule once: its id, its kind, a message it gives, and how often its
notes were right where that was measured.

A rule id is the note's ``rule`` without the ``rule:`` prefix. ``tokens`` is how many tokens
the rule's notes covered on the FCE training split and ``right`` how many of those lie inside
an examiner's correction (``MEASURED_ON`` says how). A rule was kept when its notes were right
at least 6 times in 10 there (``learner.py``'s and the language-model notes' bar; a few older
rules sit lower and are listed as measured); rules that never fired there are listed with
0 tokens. Families whose ids carry the word they saw (``intro-comma:...``,
``comma-before:...``) also have a row for the whole family. Regenerate the figures with
``scripts/bench/rule_stats.py --rules-only --json`` when a rule changes.
"""

from __future__ import annotations

from dataclasses import dataclass

MEASURED_ON = (
    "FCE training split (2,101 scored answers, spaces normalised), token level: tokens a "
    "rule's notes cover that lie inside an examiner's correction; "
    "scripts/bench/rule_stats.py --rules-only, engine 0.4.0, 2026-12-01"
)


@dataclass(frozen=True)
class RuleInfo:
    id: str
    kind: str  # the notes' category: grammar, spelling, punctuation, word choice, style
    message: str  # what the rule tells the student (its commonest message)
    tokens: int  # tokens its notes covered (MEASURED_ON)
    right: int  # of those, inside an examiner's correction

    @property
    def precision(self) -> float | None:
        return self.right / self.tokens if self.tokens else None


# id, kind, tokens, right, message
_ROWS: tuple[tuple[str, str, int, int, str], ...] = (
    ("a-adj-mass", "grammar", 10, 9, "You can't count 'news', so don't use 'a'."),
    ("about-ing", "grammar", 0, 0, "After 'think about', use the -ing form."),
    ("advice-advise", "spelling", 6, 5, "The noun is 'advice' (with a c); 'advise' is the verb."),
    (
        "affect-effect",
        "word choice",
        1,
        1,
        ("The verb is 'affect'; 'effect' is usually the noun (the result)."),
    ),
    ("age-have", "grammar", 3, 3, "In English you 'are' an age: say 'was ... years old'."),
    ("agreement-3sg", "grammar", 44, 43, "With 'he', add -s to the verb (he goes, she likes)."),
    ("agreement-non3sg", "grammar", 3, 3, "With 'We', the verb has no -s."),
    ("agreement-pronoun", "grammar", 18, 13, "With 'I', use 'am'."),
    (
        "at-last",
        "word choice",
        14,
        12,
        (
            "'At last' means 'after a long wait'; to introduce your last "
            "point, use 'Finally' or 'Lastly'."
        ),
    ),
    (
        "be-a-adj-noun",
        "grammar",
        76,
        74,
        ("'opportunity' is one thing you can count, so it needs 'a': 'a great opportunity'."),
    ),
    (
        "be-base",
        "grammar",
        15,
        13,
        ("After 'was', a verb needs its -ing form ('sending'), or leave out 'was'."),
    ),
    (
        "because-fragment",
        "punctuation",
        85,
        58,
        (
            "A 'because' part cannot stand alone as a sentence: join it "
            "to the sentence before it with a comma (', because ...')."
        ),
    ),
    (
        "began",
        "grammar",
        0,
        0,
        ("The past tense is 'began'; 'begun' needs 'have' or 'had' before it."),
    ),
    ("british:maths", "spelling", 11, 10, "In British English the school subject is 'maths'."),
    (
        "british:practise",
        "spelling",
        32,
        32,
        ("In British English the verb is spelt 'practise' (the noun is 'practice')."),
    ),
    (
        "british:programme",
        "spelling",
        21,
        20,
        ("In British English write 'programme' (a 'program' is computer software)."),
    ),
    (
        "by-buy",
        "spelling",
        4,
        4,
        ("The verb is 'buy' (to pay for something); 'by' means 'next to' or 'through'."),
    ),
    ("cannot", "spelling", 110, 107, "'Cannot' is written as one word."),
    ("classical", "word choice", 2, 2, "Music like Mozart's is 'classical music'."),
    (
        "closed",
        "word choice",
        8,
        7,
        ("To say a place is not open, use 'closed' ('close' means near)."),
    ),
    ("cloth-clothes", "word choice", 1, 1, "Things you wear are 'clothes'; 'cloth' is material."),
    ("comma-after-because", "punctuation", 15, 14, "Don't put a comma after 'because' here."),
    ("comma-after-think", "punctuation", 34, 29, "Don't put a comma after 'think' here."),
    ("comma-before-if", "punctuation", 6, 5, "Don't put a comma after 'grateful' here."),
    (
        "comma-before:especially",
        "punctuation",
        42,
        35,
        ("Put a comma before 'especially' when it adds an example or detail."),
    ),
    (
        "comma-before:including",
        "punctuation",
        14,
        10,
        ("Put a comma before 'including' when it adds an example or detail."),
    ),
    ("comma-that", "punctuation", 34, 31, "Don't put a comma before 'that' here."),
    ("det-number", "grammar", 41, 31, "Use 'these' with a plural word like 'things'."),
    ("disappointed", "grammar", 4, 4, "To say how someone feels, use 'disappointed'."),
    ("do-support", "grammar", 31, 31, "After 'do', 'does' or 'did', use the plain verb form."),
    ("double-comparative", "grammar", 10, 9, "'easier' already means 'more', so leave out 'more'."),
    ("double-negative", "grammar", 6, 6, "One 'not' is enough: after 'don't', say 'anything'."),
    (
        "ed-ing",
        "word choice",
        11,
        10,
        (
            "To say how someone feels, use 'interested' ('interesting' "
            "describes the thing that causes it)."
        ),
    ),
    ("especially", "word choice", 5, 5, "To pick out one case, use 'especially'."),
    (
        "every-day",
        "spelling",
        28,
        27,
        (
            "As an adverb (each day) write two words: 'every day'; "
            "'everyday' describes a noun ('everyday life')."
        ),
    ),
    ("exiting", "spelling", 9, 9, "Did you mean 'exciting'? 'Exiting' means going out."),
    ("explain-to", "grammar", 26, 20, "You explain something 'to' someone."),
    ("feel-ed", "grammar", 20, 20, "To say how someone feels, use 'surprised'."),
    (
        "feeling-ing",
        "word choice",
        12,
        12,
        (
            "To say how you feel, use 'excited' ('exciting' describes "
            "the thing that causes the feeling)."
        ),
    ),
    (
        "for-verb",
        "grammar",
        17,
        16,
        (
            "After 'for', a verb takes -ing ('for getting'); to say why "
            "you do something, use 'to' + verb ('to get')."
        ),
    ),
    ("gerund-after", "grammar", 100, 96, "After 'suggest', use the -ing form: 'filming'."),
    (
        "have-a-adj-noun",
        "grammar",
        24,
        17,
        ("'experience' is one thing you can count, so it needs 'a': 'a good experience'."),
    ),
    ("heart-heard", "spelling", 2, 2, "Did you mean 'heard' (from 'hear')?"),
    (
        "hole-whole",
        "spelling",
        7,
        7,
        ("Here you mean 'whole' (all of it); a 'hole' is a gap in something."),
    ),
    ("i-am", "punctuation", 14, 14, "Write 'I am' or 'I'm'."),
    (
        "if-will",
        "grammar",
        9,
        7,
        (
            "After 'if', talk about the future with the present tense: "
            "'if it be...', without 'will'."
        ),
    ),
    ("indefinite-agreement", "grammar", 13, 13, "'Everything' takes a singular verb: 'was'."),
    (
        "intro-comma:by-the-way",
        "punctuation",
        7,
        6,
        "Put a comma after 'By the way' at the start of a sentence.",
    ),
    (
        "intro-comma:first-of-all",
        "punctuation",
        90,
        47,
        "Put a comma after 'First of all' at the start of a sentence.",
    ),
    (
        "intro-comma:for-example",
        "punctuation",
        31,
        20,
        "Put a comma after 'For example' at the start of a sentence.",
    ),
    (
        "intro-comma:however",
        "punctuation",
        56,
        37,
        "Put a comma after 'However' at the start of a sentence.",
    ),
    (
        "intro-comma:secondly",
        "punctuation",
        26,
        13,
        "Put a comma after 'Secondly' at the start of a sentence.",
    ),
    (
        "intro-comma:thirdly",
        "punctuation",
        8,
        4,
        "Put a comma after 'Thirdly' at the start of a sentence.",
    ),
    (
        "intro-comma:to-sum-up",
        "punctuation",
        8,
        4,
        "Put a comma after 'To sum up' at the start of a sentence.",
    ),
    (
        "intro-comma:what-is-more",
        "punctuation",
        7,
        5,
        "Put a comma after 'What is more' at the start of a sentence.",
    ),
    (
        "its-it-is",
        "punctuation",
        8,
        7,
        ("Here you mean 'it is': write 'it's' with an apostrophe ('its' means 'belonging to it')."),
    ),
    ("kinds-of", "grammar", 15, 15, "After 'all', the noun is plural: 'kinds of'."),
    ("let-make-to", "grammar", 13, 13, "After 'let us', leave out 'to'."),
    ("listen-to", "grammar", 15, 12, "You listen 'to' something."),
    ("log-cabin", "spelling", 14, 14, "A cabin made of tree trunks is a 'log cabin'."),
    ("look-forward", "grammar", 47, 46, "After 'look forward to', use the -ing form of the verb."),
    (
        "loose-lose",
        "spelling",
        2,
        2,
        ("'Lose' is the verb (to lose a game); 'loose' means not tight."),
    ),
    (
        "lose-loose",
        "spelling",
        2,
        2,
        ("The verb for not winning or not having any more is 'lose'; 'loose' means not tight."),
    ),
    ("madam", "spelling", 3, 3, "In English letters write 'Madam'."),
    ("make-photo", "word choice", 2, 2, "You 'take' a photo: 'take'."),
    (
        "make-up",
        "punctuation",
        32,
        32,
        ("The noun (what people put on their face) is written 'make-up'."),
    ),
    (
        "make-up-list",
        "punctuation",
        96,
        93,
        ("The noun (what people put on their face) is written 'make-up'."),
    ),
    ("many-much", "grammar", 8, 8, "Use 'much' with 'money', which you can't count."),
    ("maybe", "spelling", 16, 16, "At the start of a sentence, 'perhaps' is 'Maybe' (one word)."),
    ("missing-be", "grammar", 5, 3, "A verb is missing: 'it is really helpful'."),
    ("missing-be-ing", "grammar", 8, 8, "A verb is missing: 'I am looking'."),
    (
        "missing-determiner",
        "grammar",
        366,
        306,
        "A word like 'tent' usually needs 'the' or 'a' before it.",
    ),
    ("missing-it", "grammar", 42, 40, "This part needs a subject: 'because it is'."),
    ("missing-to", "grammar", 14, 12, "Put 'to' before the verb after 'want'."),
    ("modal-form", "grammar", 103, 87, "After 'will' use the plain verb form."),
    ("modal-to", "grammar", 17, 15, "After 'must' use the verb without 'to'."),
    ("mr", "word choice", 4, 3, "Before a name, write 'Mr' (not 'Mister')."),
    ("much-many", "grammar", 12, 11, "Use 'many' with things you can count, like 'people'."),
    ("no-article", "grammar", 33, 32, "When you mean nature in general, leave out 'the'."),
    ("no-to-home", "grammar", 2, 1, "Say 'went there' without 'to'."),
    ("noun-3sg", "grammar", 9, 8, "'technology' is one thing, so the verb is 'has'."),
    ("noun-agreement", "grammar", 2, 1, "'points' is plural, so the verb should be 'were'."),
    ("noun-agreement-det", "grammar", 10, 9, "'marks' is plural, so the verb should be 'weren't'."),
    ("noun-agreement-sing", "grammar", 9, 5, "'student' is singular, so the verb should be 'has'."),
    (
        "number-hyphen",
        "punctuation",
        70,
        67,
        "Numbers like this are written with a hyphen: 'forty-five'.",
    ),
    ("number-noun", "grammar", 24, 24, "After 'one' the noun should be plural."),
    ("on-stage", "word choice", 8, 8, "In a theatre, the performers are 'on (the) stage'."),
    ("one-word", "spelling", 46, 43, "Write 'everything' as one word."),
    (
        "open-opened",
        "word choice",
        10,
        9,
        (
            "To say a shop or place is not closed, use 'open' ('opened' "
            "is what someone did to the door)."
        ),
    ),
    (
        "opportunity",
        "word choice",
        28,
        22,
        (
            "For a chance to do something, English says 'opportunity' or "
            "'chance' rather than 'possibility'."
        ),
    ),
    (
        "participle",
        "grammar",
        22,
        22,
        ("After 'was', use the past participle 'written' ('wrote' is the past)."),
    ),
    (
        "past-marker",
        "grammar",
        0,
        0,
        ("'Last year' is in the past, so use the past form of the verb."),
    ),
    (
        "people-plural",
        "grammar",
        14,
        8,
        "'People' means more than one person, so the verb is plural.",
    ),
    (
        "perfect-past-time",
        "grammar",
        20,
        18,
        "With a finished time ('last'), use the past simple: 'saw'.",
    ),
    ("phrase2:a-complain", "word choice", 3, 3, "The noun is 'complaint'; 'complain' is the verb."),
    ("phrase2:a-lots-of", "grammar", 3, 2, "The phrase is 'a lot of' (or 'lots of')."),
    ("phrase2:all-the-day", "grammar", 10, 9, "Say 'all day', without 'the'."),
    ("phrase2:all-the-night", "grammar", 3, 3, "Say 'all night', without 'the'."),
    ("phrase2:any-body", "spelling", 0, 0, "'Anybody' is one word."),
    ("phrase2:appreciate-if", "grammar", 20, 20, "Say 'I would appreciate it if ...'."),
    ("phrase2:arrive-to", "grammar", 0, 0, "You arrive 'at' a place (or 'in' a town)."),
    ("phrase2:arrived-to", "grammar", 6, 6, "You arrive 'at' a place (or 'in' a town)."),
    ("phrase2:arrives-to", "grammar", 0, 0, "You arrive 'at' a place (or 'in' a town)."),
    ("phrase2:arriving-to", "grammar", 1, 1, "You arrive 'at' a place (or 'in' a town)."),
    ("phrase2:complain-for", "grammar", 3, 3, "You complain 'about' something."),
    ("phrase2:complained-for", "grammar", 0, 0, "You complain 'about' something."),
    ("phrase2:complaining-for", "grammar", 1, 1, "You complain 'about' something."),
    ("phrase2:concerning-to", "grammar", 2, 2, "'Concerning' needs no 'to'."),
    ("phrase2:consider-about", "grammar", 4, 4, "You consider something, without 'about'."),
    ("phrase2:considering-about", "grammar", 0, 0, "You consider something, without 'about'."),
    (
        "phrase2:dear-the",
        "grammar",
        6,
        6,
        ("Start a letter with 'Dear' + the name or title, without 'the'."),
    ),
    ("phrase2:despite-of", "grammar", 9, 9, "'Despite' needs no 'of' (or say 'in spite of')."),
    ("phrase2:doing-a-party", "word choice", 1, 1, "You 'have' (or 'give') a party."),
    ("phrase2:every-body", "spelling", 16, 16, "'Everybody' is one word."),
    ("phrase2:first-at-all", "grammar", 4, 4, "The phrase is 'first of all'."),
    ("phrase2:forward-hearing", "grammar", 10, 10, "The phrase is 'look forward to hearing'."),
    ("phrase2:go-for-shopping", "grammar", 5, 5, "Say 'go shopping', without 'for'."),
    ("phrase2:go-to-shopping", "grammar", 12, 12, "Say 'go shopping', without 'to'."),
    ("phrase2:going-for-shopping", "grammar", 2, 2, "Say 'going shopping', without 'for'."),
    ("phrase2:going-to-shopping", "grammar", 0, 0, "Say 'going shopping', without 'to'."),
    ("phrase2:good-in-it", "word choice", 7, 7, "You are 'good at' something."),
    ("phrase2:good-in-playing", "word choice", 0, 0, "You are 'good at' doing something."),
    ("phrase2:good-in-swimming", "word choice", 4, 4, "You are 'good at' something."),
    ("phrase2:good-on-it", "word choice", 4, 4, "You are 'good at' something."),
    ("phrase2:hearing-for-you", "grammar", 2, 2, "You hear 'from' someone."),
    ("phrase2:hearing-you-.", "grammar", 1, 1, "You hear 'from' someone."),
    ("phrase2:hearing-you-soon", "grammar", 1, 1, "You hear 'from' someone."),
    ("phrase2:impressed-from", "word choice", 1, 1, "You are 'impressed by' something."),
    ("phrase2:in-my-point-of-view", "grammar", 3, 3, "Say 'from my point of view'."),
    ("phrase2:in-stead", "spelling", 4, 4, "'Instead' is one word."),
    ("phrase2:in-the-end-of", "grammar", 6, 6, "The phrase is 'at the end of'."),
    ("phrase2:in-the-other-side", "grammar", 2, 2, "The phrase is 'on the other side'."),
    ("phrase2:in-the-same-time", "grammar", 6, 6, "The phrase is 'at the same time'."),
    ("phrase2:interested-about", "word choice", 1, 1, "You are 'interested in' something."),
    ("phrase2:made-sport", "word choice", 0, 0, "You 'do' sport."),
    ("phrase2:make-a-party", "word choice", 1, 1, "You 'have' (or 'give') a party."),
    ("phrase2:make-exercise", "word choice", 0, 0, "You 'do' exercise."),
    ("phrase2:make-exercises", "word choice", 0, 0, "You 'do' exercises."),
    ("phrase2:make-homework", "word choice", 1, 1, "You 'do' homework."),
    ("phrase2:make-my-homework", "word choice", 0, 0, "You 'do' homework."),
    ("phrase2:make-sport", "word choice", 0, 0, "You 'do' sport."),
    ("phrase2:make-sports", "word choice", 0, 0, "You 'do' sports."),
    ("phrase2:make-the-shopping", "word choice", 1, 1, "You 'do' the shopping."),
    (
        "phrase2:my-complain",
        "word choice",
        2,
        2,
        "The noun is 'complaint'; 'complain' is the verb.",
    ),
    ("phrase2:on-holidays", "grammar", 18, 17, "The phrase is 'on holiday'."),
    ("phrase2:on-the-end", "grammar", 2, 2, "Say 'in the end' (finally) or 'at the end of'."),
    ("phrase2:on-the-same-time", "grammar", 0, 0, "The phrase is 'at the same time'."),
    ("phrase2:participate-at", "grammar", 0, 0, "You participate 'in' something."),
    ("phrase2:participate-on", "grammar", 1, 1, "You participate 'in' something."),
    ("phrase2:participated-at", "grammar", 1, 1, "You participate 'in' something."),
    ("phrase2:participated-on", "grammar", 0, 0, "You participate 'in' something."),
    ("phrase2:reason-of", "word choice", 17, 14, "The phrase is 'the reason for'."),
    ("phrase2:reasons-of", "word choice", 5, 5, "The phrase is 'the reasons for'."),
    ("phrase2:regarding-to", "grammar", 6, 6, "'Regarding' needs no 'to'."),
    ("phrase2:related-with", "word choice", 4, 4, "The phrase is 'related to'."),
    ("phrase2:responsible-about", "word choice", 2, 2, "You are 'responsible for' something."),
    ("phrase2:some-body", "spelling", 0, 0, "'Somebody' is one word."),
    ("phrase2:some-one", "spelling", 6, 4, "'Someone' is one word."),
    ("phrase2:some-times", "spelling", 6, 6, "'Sometimes' (now and then) is one word."),
    ("phrase2:take-part-at", "grammar", 1, 1, "You take part 'in' something."),
    ("phrase2:take-part-on", "grammar", 3, 3, "You take part 'in' something."),
    ("phrase2:taking-part-on", "grammar", 0, 0, "You take part 'in' something."),
    ("phrase2:thank-for", "grammar", 9, 9, "Say 'thank you for'."),
    ("phrase2:the-arrive", "word choice", 2, 2, "The noun is 'arrival'."),
    (
        "phrase2:the-modern-technology",
        "grammar",
        47,
        43,
        "When you mean technology in general, leave out 'the'.",
    ),
    ("phrase2:to-choice", "word choice", 0, 0, "The verb is 'choose'; 'choice' is the noun."),
    (
        "phrase2:to-complaint",
        "word choice",
        7,
        7,
        "The verb is 'complain'; 'complaint' is the noun.",
    ),
    ("phrase2:to-thanks-you", "grammar", 2, 2, "After 'to', use the plain verb: 'thank'."),
    ("phrase2:took-part-at", "grammar", 1, 1, "You take part 'in' something."),
    ("phrase2:took-part-on", "grammar", 0, 0, "You take part 'in' something."),
    ("phrase2:went-for-shopping", "grammar", 0, 0, "Say 'went shopping', without 'for'."),
    ("phrase2:went-to-shopping", "grammar", 0, 0, "Say 'went shopping', without 'to'."),
    ("phrase2:will-choice", "word choice", 0, 0, "The verb is 'choose'; 'choice' is the noun."),
    ("phrase2:with-out", "spelling", 6, 6, "'Without' is one word."),
    ("phrase2:would-be-appreciate", "grammar", 2, 2, "Say 'I would appreciate ...', without 'be'."),
    ("phrase2:would-choice", "word choice", 2, 2, "The verb is 'choose'; 'choice' is the noun."),
    ("phrase2:would-rather-prefer", "grammar", 3, 3, "Say 'would prefer' or 'would rather'."),
    (
        "phrase:according-to-me",
        "word choice",
        21,
        21,
        ("'According to' is for other people's views; for yours, say 'in my opinion'."),
    ),
    ("phrase:afraid-from", "word choice", 0, 0, "You are 'afraid of' something."),
    ("phrase:am-agree", "grammar", 1, 1, "Say 'I agree': 'agree' is a verb, so no 'am'."),
    ("phrase:an-other", "spelling", 48, 47, "'Another' is written as one word."),
    ("phrase:are-agree", "grammar", 1, 1, "Say 'they agree': 'agree' is a verb, so no 'are'."),
    ("phrase:could-of", "grammar", 0, 0, "Write 'could have' ('could've'), not 'could of'."),
    ("phrase:depend-from", "word choice", 0, 0, "The phrase is 'depend on'."),
    ("phrase:depend-of", "word choice", 1, 1, "The phrase is 'depend on'."),
    ("phrase:depends-of", "word choice", 2, 2, "The phrase is 'depends on'."),
    ("phrase:different-of", "word choice", 2, 2, "The phrase is 'different from'."),
    ("phrase:discuss-about", "word choice", 2, 1, "You discuss something, not 'discuss about' it."),
    ("phrase:explain-me", "grammar", 3, 3, "You explain something 'to' someone."),
    ("phrase:famous-of", "word choice", 0, 0, "A place is 'famous for' something."),
    ("phrase:forward-for", "word choice", 11, 11, "The phrase is 'look forward to'."),
    ("phrase:in-the-other-hand", "word choice", 40, 37, "The phrase is 'on the other hand'."),
    ("phrase:interested-for", "word choice", 0, 0, "You are 'interested in' something."),
    ("phrase:interested-on", "word choice", 3, 3, "You are 'interested in' something."),
    ("phrase:is-agree", "grammar", 0, 0, "Say 'he agrees': 'agree' is a verb, so no 'is'."),
    ("phrase:keen-of", "word choice", 2, 2, "You are 'keen on' something."),
    ("phrase:listen-music", "grammar", 1, 1, "You 'listen to' music."),
    ("phrase:listening-music", "grammar", 2, 2, "You 'listen to' music."),
    ("phrase:married-with", "word choice", 0, 0, "You are 'married to' someone."),
    ("phrase:must-of", "grammar", 0, 0, "Write 'must have', not 'must of'."),
    ("phrase:on-my-opinion", "word choice", 6, 6, "The phrase is 'in my opinion'."),
    ("phrase:paid-attention-on", "word choice", 0, 0, "You 'pay attention to' something."),
    ("phrase:pay-attention-on", "word choice", 0, 0, "You 'pay attention to' something."),
    ("phrase:reply-me", "grammar", 0, 0, "You 'reply to' someone."),
    ("phrase:responsible-of", "word choice", 1, 1, "You are 'responsible for' something."),
    ("phrase:return-back", "style", 1, 1, "'Return' already means 'go back'."),
    ("phrase:returned-back", "style", 0, 0, "'Return' already means 'go back'."),
    ("phrase:said-me", "word choice", 6, 3, "You 'tell' someone something, or 'say to' someone."),
    ("phrase:say-me", "word choice", 8, 4, "You 'tell' someone something, or 'say to' someone."),
    ("phrase:should-of", "grammar", 0, 0, "Write 'should have' ('should've'), not 'should of'."),
    ("phrase:similar-with", "word choice", 0, 0, "The phrase is 'similar to'."),
    ("phrase:would-of", "grammar", 0, 0, "Write 'would have' ('would've'), not 'would of'."),
    ("plural-plural", "grammar", 6, 6, "'People' is already plural: write 'people'."),
    ("prep-gerund", "grammar", 9, 9, "After 'of', use the -ing form of the verb: 'clothing'."),
    ("preposition-phrase", "grammar", 20, 20, "Say 'on the internet'."),
    ("prize-price", "spelling", 8, 8, "Something you win is a 'prize'; a 'price' is what you pay."),
    ("proper-lowercase", "punctuation", 119, 116, "Days and months start with a capital letter."),
    ("quiet-quite", "spelling", 7, 6, "Here you mean 'quite' (fairly); 'quiet' means not noisy."),
    ("quite-a", "grammar", 18, 12, "Put 'quite' before 'a': 'quite a ...'."),
    (
        "replay-reply",
        "spelling",
        0,
        0,
        ("An answer to a letter is a 'reply'; a 'replay' is a game played again."),
    ),
    ("reply-to", "grammar", 17, 16, "You reply 'to' a letter."),
    ("sentence-capital", "punctuation", 391, 202, "Start a sentence with a capital letter."),
    (
        "since-for",
        "grammar",
        2,
        2,
        (
            "Use 'for' with a length of time (for two years); 'since' "
            "needs a starting point (since 2019)."
        ),
    ),
    ("sometimes", "word choice", 7, 7, "To say 'now and then', write 'Sometimes' (with an s)."),
    ("sports-noun", "word choice", 10, 10, "In British English the phrase is 'sports activities'."),
    ("tell-to", "grammar", 11, 10, "You tell someone something, without 'to': 'tell the'."),
    ("the-generic", "grammar", 23, 19, "When you mean technology in general, leave out 'the'."),
    ("the-most-of", "grammar", 6, 6, "Say 'most of' or 'most' without 'the'."),
    ("the-superlative", "grammar", 5, 5, "With 'the' before a noun, use 'worst'."),
    ("then-than", "grammar", 6, 3, "Use 'than' to compare things; 'then' is about time."),
    ("there-are-a", "grammar", 0, 0, "With one thing ('a ...'), use 'there is'."),
    (
        "there-is-plural",
        "grammar",
        3,
        3,
        "Use 'there are' when you talk about more than one thing.",
    ),
    (
        "there-their",
        "spelling",
        4,
        3,
        (
            "Use 'their' for something that belongs to them ('their "
            "names'); 'there' is for a place or for 'there is'."
        ),
    ),
    ("there-was-plural", "grammar", 14, 13, "'discounts' is plural, so use 'there were'."),
    ("think-it-is", "grammar", 18, 15, "This part needs a subject: 'think it is'."),
    ("think-thing", "spelling", 7, 7, "Did you mean 'thing'? 'Think' is a verb."),
    (
        "thinks-things",
        "spelling",
        6,
        6,
        ("Did you mean 'things'? 'Thinks' is a form of the verb 'think'."),
    ),
    (
        "time-preposition",
        "grammar",
        127,
        120,
        "Use 'in' with months and years: 'in May', 'in 2010'.",
    ),
    ("to-base", "grammar", 19, 18, "After 'to', use the plain verb form."),
    (
        "to-hearing",
        "grammar",
        18,
        17,
        ("After 'to', use the plain verb: 'to hear' (only 'look forward to' takes 'hearing')."),
    ),
    (
        "to-too",
        "spelling",
        7,
        7,
        ("Use 'too' (more than enough); 'to' is for direction or before a verb."),
    ),
    ("to-verb", "grammar", 69, 62, "After 'to', use the plain verb form."),
    (
        "travel-trip",
        "word choice",
        17,
        17,
        ("For one journey, say 'trip' (or 'journey'); 'travel' means travelling in general."),
    ),
    ("uncountable-article", "grammar", 10, 9, "You can't count 'advice', so don't use 'an'."),
    (
        "uncountable-plural",
        "grammar",
        95,
        95,
        "'information' has no plural form: you can't count it.",
    ),
    ("used-to-ing", "grammar", 9, 7, "After 'be used to', use the -ing form."),
    ("verb-to", "grammar", 5, 4, "After 'want you', put 'to' before the verb."),
    ("wait-for", "grammar", 10, 10, "You wait 'for' something."),
    ("weekend", "spelling", 7, 7, "'Weekend' is one word."),
    ("where-were", "spelling", 4, 3, "'Where' is about places; the verb is 'were'."),
    ("who-plural", "grammar", 8, 8, "'people' is plural, so the verb is 'were'."),
    ("will-like", "grammar", 9, 9, "To say what you want politely, use 'would like to'."),
    (
        "word-form:cloths",
        "word choice",
        10,
        10,
        ("'Cloths' are pieces of fabric; things you wear are 'clothes'."),
    ),
    (
        "word-form:im",
        "punctuation",
        7,
        7,
        ("Write 'I'm' (short for 'I am') with a capital I and an apostrophe."),
    ),
    ("word-form:medias", "grammar", 8, 8, "'Media' is already plural: write 'media'."),
    ("word-form:ourself", "grammar", 6, 6, "With 'we', the word is 'ourselves'."),
    (
        "word-form:persons",
        "word choice",
        19,
        19,
        ("The usual plural of 'person' is 'people' ('persons' is for legal notices)."),
    ),
    ("word-form:planed", "spelling", 8, 8, "'Plan' doubles the n: 'planned'."),
    ("word-form:somethings", "grammar", 7, 7, "'Something' has no plural: 'some things'."),
    ("word-form:stuffs", "grammar", 7, 7, "'Stuff' has no plural: write 'stuff'."),
    ("word-form:therefor", "spelling", 8, 8, "This is spelt 'therefore'."),
    ("word-order-adverb", "grammar", 4, 2, "Put 'never' before the verb: 'we never promised'."),
    (
        "word-order-very-much",
        "grammar",
        24,
        16,
        ("Put 'very much' after the thing you like: 'I like football very much'."),
    ),
    ("would-like-ing", "grammar", 4, 3, "After 'would like', use 'to' + verb."),
    ("would-like-to", "grammar", 19, 11, "Put 'to' before the verb: 'would prefer to log'."),
    ("write-to", "grammar", 91, 87, "You write 'to' someone: 'writing to you'."),
    ("yours-closing", "spelling", 94, 94, "Close a letter with 'Yours sincerely'."),
    (
        "yours-sincerely",
        "word choice",
        37,
        28,
        ("A letter to someone you name ('Dear Mr ...') ends 'Yours sincerely'."),
    ),
)
# families: every id that starts with the family name and a colon, measured together
_FAMILIES: tuple[tuple[str, str, int, int, str], ...] = (
    ("intro-comma", "punctuation", 233, 136, "Put a comma after an opening word or phrase."),
    (
        "comma-before",
        "punctuation",
        56,
        45,
        "Put a comma before 'especially' (or 'including') when it adds an example.",
    ),
)

REGISTRY: dict[str, RuleInfo] = {
    row[0]: RuleInfo(row[0], row[1], row[4], row[2], row[3]) for row in (*_ROWS, *_FAMILIES)
}


def info(rule_id: str) -> RuleInfo | None:
    """The registry row of a rule id (with or without 'rule:'), else its family's."""
    rule_id = rule_id.removeprefix("rule:")
    return REGISTRY.get(rule_id) or REGISTRY.get(rule_id.split(":", 1)[0])
