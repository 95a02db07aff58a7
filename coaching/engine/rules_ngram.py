"""Rules that compare the student's word pairs with how often English uses them
(SymSpell's Google Books pair counts): a preposition or a bare noun that English almost
never uses in that spot, next to an alternative it uses all the time."""

from __future__ import annotations

import math

from . import morph
from .lexicon import UNCOUNTABLES
from .ngrams import counts
from .notes import Note
from .text import Document, Sentence

PREPOSITIONS = ("in", "on", "at", "to", "for", "of", "with", "about", "from", "by", "into")
_PREP_SET = frozenset(PREPOSITIONS)
# how much more likely the alternative must be (log scale): a factor of 100
_PREP_MARGIN = math.log(100)
# ... and the word before must usually be followed by it (interested -> in)
_COLLOCATE_SHARE = float(__import__("os").environ.get("EC_COLLOC", "0.1"))
_DETERMINERS = frozenset(
    {
        "a",
        "an",
        "the",
        "my",
        "your",
        "his",
        "her",
        "its",
        "our",
        "their",
        "this",
        "that",
        "these",
        "those",
        "some",
        "any",
        "no",
        "every",
        "each",
        "another",
        "other",
        "which",
        "what",
        "whose",
        "one",
        "much",
        "many",
        "more",
        "most",
        "such",
        "own",
        "either",
        "neither",
        "both",
        "all",
        "half",
        "several",
        "few",
        "less",
        "enough",
    }
)
_BEFORE_BARE_NOUN = frozenset(
    {
        "to",
        "in",
        "at",
        "on",
        "for",
        "with",
        "from",
        "into",
        "of",
        "have",
        "has",
        "had",
        "buy",
        "bought",
        "is",
        "was",
        "need",
        "needs",
        "needed",
        "want",
        "wanted",
        "get",
        "got",
        "see",
        "saw",
        "visit",
        "visited",
        "take",
        "took",
        "find",
        "found",
        "be",
        "become",
        "became",
        "there",
    }
)


def rule_preposition(sent: Sentence, doc: Document) -> list[Note]:
    ng = counts()
    toks = sent.tokens
    out = []
    for i in range(1, len(toks) - 1):
        p = toks[i].lower
        if p not in _PREP_SET:
            continue
        a, b = toks[i - 1], toks[i + 1]
        if not (a.is_word and b.is_word) or not a.text.islower() or not b.text.islower():
            continue
        al, bl = a.lower, b.lower
        if ng.unigram(al) < 5_000_000 or ng.unigram(bl) < 5_000_000:
            continue
        if ng.bigram(al, p) > 0:
            continue  # the pair is common English: leave it
        cur = ng.log_bigram(al, p) + ng.log_bigram(p, bl)
        best, best_score = None, cur
        for alt in PREPOSITIONS:
            if alt == p:
                continue
            if ng.bigram(al, alt) == 0:
                continue
            sc = ng.log_bigram(al, alt) + ng.log_bigram(alt, bl)
            if sc > best_score:
                best, best_score = alt, sc
        strong = best is not None and ng.bigram(al, best) >= _COLLOCATE_SHARE * ng.unigram(al)
        if best is not None and strong and best_score - cur > _PREP_MARGIN:
            out.append(
                Note(
                    toks[i].start,
                    toks[i].end,
                    "grammar",
                    f"'{a.text} {toks[i].text}' is unusual; English usually says "
                    f"'{a.text} {best}'.",
                    (best,),
                    "rule:preposition-ngram",
                    1,
                )
            )
    return out


def rule_missing_determiner(sent: Sentence, doc: Document) -> list[Note]:
    ng = counts()
    toks = sent.tokens
    out = []
    for i in range(1, len(toks)):
        x = toks[i]
        prev = toks[i - 1]
        if not x.text.islower() or not prev.is_word or prev.lower in _DETERMINERS:
            continue
        if prev.lower not in _BEFORE_BARE_NOUN:
            continue
        xl = x.lower
        if xl in UNCOUNTABLES or xl.endswith("s"):
            continue
        t = morph.tags(xl)
        if "NN" not in t or t & {
            "VB",
            "VBP",
            "VBD",
            "VBN",
            "VBG",
            "JJ",
            "RB",
            "NNS",
            "IN",
            "JJR",
            "JJS",
        }:
            continue
        if ng.bigram(prev.lower, xl) > 0:
            continue
        uni = ng.unigram(xl)
        if uni < 2_000_000:
            continue
        with_det = ng.bigram("the", xl) + ng.bigram("a", xl) + ng.bigram("an", xl)
        if with_det < 0.25 * uni:
            continue  # a noun often used without an article (music, football)
        # a noun compound or a following noun means this is not the head noun
        if i + 1 < len(toks) and toks[i + 1].is_word:
            nt = morph.tags(toks[i + 1].lower)
            if (
                ("NN" in nt or "NNS" in nt)
                and ng.bigram(xl, toks[i + 1].lower) > 0
                and not nt & {"IN", "VBZ", "VBD", "MD"}
            ):
                continue
        art = "an" if xl[0] in "aeiou" else "a"
        out.append(
            Note(
                x.start,
                x.end,
                "grammar",
                f"A word like '{x.text}' usually needs 'the' or '{art}' before it.",
                (f"the {x.text}", f"{art} {x.text}"),
                "rule:missing-determiner",
                1,
            )
        )
    return out


NGRAM_RULES = (rule_preposition, rule_missing_determiner)
