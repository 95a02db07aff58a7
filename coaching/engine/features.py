"""Numbers about an essay that a calibration model can learn from (no judgement here)."""

from __future__ import annotations

import itertools
import math
import re

from . import morph
from .lexicon import DETERMINERS
from .ngrams import NgramCounts
from .placeholders import PlaceholderIndex
from .text import Document

_SUBORDINATORS = frozenset(
    {
        "because",
        "although",
        "though",
        "while",
        "whereas",
        "if",
        "unless",
        "when",
        "whenever",
        "since",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "that",
        "until",
        "before",
        "after",
        "so",
    }
)


def text_features(doc: Document, ng: NgramCounts, common: frozenset[str]) -> dict[str, float]:
    words = [t for t in doc.word_tokens]
    n = max(1, len(words))
    lows = [t.lower for t in words]
    # fluency: how many of the essay's word pairs are common English pairs
    pairs = known = 0
    logs = 0.0
    for s in doc.sentences:
        sw = [t.lower for t in s.words]
        for a, b in itertools.pairwise(sw):
            if ng.unigram(a) and ng.unigram(b):
                pairs += 1
                c = ng.bigram(a, b)
                if c:
                    known += 1
                logs += math.log(max(c, ng.bi_floor))
    # lexical sophistication: how rare the words are
    log_freq = [math.log(ng.unigram(w) + 1) for w in lows if w.isalpha()]
    mean_lf = sum(log_freq) / len(log_freq) if log_freq else 0.0
    outside_common = sum(1 for w in lows if w not in common and len(w) > 2) / n
    holders = PlaceholderIndex.of(doc.text)
    unknown = (
        sum(
            1
            for t in words
            if not ng.unigram(t.lower)
            and not morph.is_known(t.lower)
            and not holders.covers(t.start, t.end)
        )
        / n
    )
    sents = max(1, len(doc.sentences))
    subord = sum(1 for w in lows if w in _SUBORDINATORS) / sents
    commas = sum(1 for t in doc.tokens if t.text == ",") / sents
    perfect = len(re.findall(r"\b(?:have|has|had)\s+\w+(?:ed|en)\b", doc.text.lower()))
    passive = len(re.findall(r"\b(?:is|are|was|were|be|been)\s+\w+ed\b", doc.text.lower()))
    return {
        "known_pair_share": known / pairs if pairs else 0.0,
        "mean_log_pair": logs / pairs if pairs else 0.0,
        "mean_log_word_freq": mean_lf,
        "outside_common_share": outside_common,
        "unknown_word_share": unknown,
        "subordinators_per_sentence": subord,
        "commas_per_sentence": commas,
        "perfect_per_100": perfect * 100 / n,
        "passive_per_100": passive * 100 / n,
    }


# ----------------------------------------------------------------------------------------
# Suspicions: detectors too imprecise to show a student, counted per 100 words for the
# calibration only (a weak signal summed over an essay still says something about it).

_PREPOSITIONS = ("in", "on", "at", "to", "for", "of", "with", "from", "about", "by", "into")
_SPLICE_SUBJECTS = frozenset({"i", "he", "she", "it", "we", "they", "you", "this", "there"})
_DETERMINER_LIKE = DETERMINERS | {"there"}


def suspicion_features(doc: Document, ng: NgramCounts) -> dict[str, float]:
    n = max(1, len(doc.word_tokens))
    unseen = prep = splice = article = 0
    for s in doc.sentences:
        toks = s.tokens
        lows = [t.lower for t in toks]
        words = [t.is_word for t in toks]
        for i in range(len(toks) - 1):
            a, b = lows[i], lows[i + 1]
            if words[i] and words[i + 1]:
                ua, ub = ng.unigram(a), ng.unigram(b)
                # a pair of common words that English never puts together
                if ua > 1_000_000 and ub > 1_000_000 and not ng.bigram(a, b):
                    unseen += 1
                # a preposition that another preposition beats by far before this word
                if a in _PREPOSITIONS and ub > 1_000_000:
                    own = ng.bigram(a, b)
                    if i > 0 and words[i - 1]:
                        own = min(own, ng.bigram(lows[i - 1], a))
                    best = max(ng.bigram(q, b) for q in _PREPOSITIONS if q != a)
                    if best > 50 * max(own, ng.bi_floor // 4):
                        prep += 1
            # a comma then a new subject and its verb: possibly two sentences joined
            if (
                a == ","
                and b in _SPLICE_SUBJECTS
                and i + 2 < len(toks)
                and morph.tags(lows[i + 2]) & {"VBZ", "VBD", "VBP", "MD"}
                and i >= 3
            ):
                splice += 1
            # a common singular noun with no determiner or adjective before it
            if words[i] and words[i + 1] and a not in _DETERMINER_LIKE:
                tb = morph.tags(b)
                if (
                    tb == frozenset({"NN"})
                    and not morph.tags(a) & {"JJ", "JJR", "JJS", "NN", "NNS", "CD", "VBG"}
                    and ng.unigram(b) > 2_000_000
                    and ng.bigram("the", b) + ng.bigram("a", b) + ng.bigram("an", b)
                    > 0.25 * ng.unigram(b)
                ):
                    article += 1
    return {
        "unseen_pairs_per_100": unseen * 100 / n,
        "preposition_suspects_per_100": prep * 100 / n,
        "comma_splice_suspects_per_100": splice * 100 / n,
        "article_suspects_per_100": article * 100 / n,
    }
