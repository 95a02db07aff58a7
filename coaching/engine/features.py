"""Numbers about an essay that a calibration model can learn from (no judgement here)."""

from __future__ import annotations

import itertools
import math
import re

from . import morph
from .ngrams import NgramCounts
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
    unknown = sum(1 for w in lows if not ng.unigram(w) and not morph.is_known(w)) / n
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
