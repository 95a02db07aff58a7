"""A word trigram language model of general English: how expected each word is after the
two before it.

The model is CMU Sphinx's generic US English trigram model (``en-us.lm.bin``), which ships
inside the ``pocketsphinx`` wheel published by the CMU Sphinx authors; it is read from the
installed package (about 30 ms, ~40 MB), never downloaded. Scores are natural logarithms.

Learners' slips make a word less expected *in its context* than on its own ("I am agree",
"depend of"), so the share of words whose context makes them less likely is a fluency
signal that needs no list of errors. It is used for calibration features only: a low score
points at a word, it does not say what is wrong with it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache

from pocketsphinx import NGramModel, get_model_path

from .text import Document

_MODEL = os.path.join("en-us", "en-us.lm.bin")
# the model's log base is 1.0001: one unit is ln(1.0001) ~= 1e-4 nats
_TO_NATS = 0.000099995
# unknown words come back as a huge negative number
_OOV = -1000.0


class LanguageModel:
    def __init__(self, path: str | None = None) -> None:
        self._lm = NGramModel.readfile(path or os.path.join(get_model_path(), _MODEL))

    @property
    def raw(self) -> NGramModel:
        """The pocketsphinx model itself (log base 1.0001, most recent history first)."""
        return self._lm

    def logprob(self, word: str, history: Sequence[str] = ()) -> float | None:
        """ln P(word | the last two words of history); None for a word the model lacks.
        Words are lower-case; the sentence start is ``<s>``."""
        hist = list(history[-2:])
        hist.reverse()  # the binding takes the most recent word first
        lp = self._lm.prob([word, *hist]) * _TO_NATS
        return None if lp < _OOV else lp

    def word_scores(self, words: Sequence[str]) -> list[tuple[float, float, float] | None]:
        """Per word of one sentence: (trigram, bigram, unigram) log-probabilities, or None
        for a word the model does not know (it still serves as context)."""
        out: list[tuple[float, float, float] | None] = []
        hist = ["<s>"]
        for w in words:
            tri = self.logprob(w, hist)
            if tri is None:
                out.append(None)
            else:
                uni = self.logprob(w) or tri
                bi = self.logprob(w, hist[-1:])
                out.append((tri, uni if bi is None else bi, uni))
            hist.append(w)
        return out


@lru_cache(maxsize=1)
def language_model() -> LanguageModel:
    return LanguageModel()


def _lm_word(token_text: str) -> str:
    return token_text.lower().replace("\u2019", "'")


def lm_features(doc: Document, lm: LanguageModel) -> dict[str, float]:
    """Fluency under the language model, for calibration.

    - lm_mean: mean ln P(word | two words before)
    - lm_pmi_mean / lm_pmi2_mean: mean gain of the trigram / bigram context over the word
      alone (fluent text is predictable from its context)
    - lm_neg_pmi_share / lm_neg_pmi2_share: share of words that their context makes less
      likely than they are on their own (by more than a factor e)
    - lm_oov_share: share of words the model does not know (misspellings, names)
    """
    return lm_profile(doc, lm)[0]


def lm_profile(
    doc: Document, lm: LanguageModel
) -> tuple[dict[str, float], list[tuple[float | None, float]]]:
    """``lm_features`` and, per sentence, (mean ln P(word | two before) over the words the
    model knows, or None; share of words it does not know), from one pass of the model."""
    tri: list[float] = []
    gain3: list[float] = []
    gain2: list[float] = []
    per_sentence: list[tuple[float | None, float]] = []
    oov = n = 0
    for s in doc.sentences:
        words = [_lm_word(t.text) for t in s.tokens if t.is_word]
        s_tri: list[float] = []
        s_oov = 0
        for scores in lm.word_scores(words):
            n += 1
            if scores is None:
                oov += 1
                s_oov += 1
                continue
            t3, t2, t1 = scores
            tri.append(t3)
            s_tri.append(t3)
            gain3.append(t3 - t1)
            gain2.append(t2 - t1)
        per_sentence.append(
            (sum(s_tri) / len(s_tri) if s_tri else None, s_oov / max(1, len(words)))
        )
    k = max(1, len(tri))
    feats = {
        "lm_mean": sum(tri) / k,
        "lm_pmi_mean": sum(gain3) / k,
        "lm_pmi2_mean": sum(gain2) / k,
        "lm_neg_pmi_share": sum(1 for g in gain3 if g < -1.0) / k,
        "lm_neg_pmi2_share": sum(1 for g in gain2 if g < -1.0) / k,
        "lm_oov_share": oov / max(1, n),
    }
    return feats, per_sentence
