"""The trigram language model behind the fluency features (CMU Sphinx's model, read from
the pocketsphinx wheel)."""

from __future__ import annotations

from pathlib import Path

import pocketsphinx

from coaching.engine import Engine, EssayInput
from coaching.engine.lm import language_model, lm_features
from coaching.engine.text import SentenceSplitter, build_document

FLUENT = (
    "On the other hand, many people believe that public transport should be free. "
    "They argue that it would reduce traffic in the city centre and help the environment. "
    "I agree with this view, although it would cost the government a lot of money."
)
# the same content with the slips learners make: agreement, verb forms, prepositions
SLIPS = (
    "In the other hand, many people believes that public transport should being free. "
    "They argues that it would reduced traffic on the city centre and helps to the environment. "
    "I am agree with this view, although it would costs to the government a lot of money."
)


def test_model_comes_from_the_installed_package() -> None:
    model = Path(pocketsphinx.get_model_path()) / "en-us" / "en-us.lm.bin"
    assert model.is_file()
    assert language_model().logprob("the") is not None


def test_context_makes_the_expected_word_likelier() -> None:
    lm = language_model()
    good = lm.logprob("hand", ["on", "the", "other"])
    bad = lm.logprob("hand", ["in", "the", "other"])
    assert good is not None and bad is not None
    # the model keeps only two words of history: both histories end in "the other"
    assert good == bad
    assert lm.logprob("agree", ["<s>", "i"]) > lm.logprob("agree", ["i", "am"])  # type: ignore[operator]
    assert lm.logprob("goes", ["<s>", "he"]) > lm.logprob("go", ["<s>", "he"])  # type: ignore[operator]


def test_unknown_word_is_none_and_still_counts_as_context() -> None:
    lm = language_model()
    assert lm.logprob("qzxvbnw") is None
    scores = lm.word_scores(["i", "qzxvbnw", "it"])
    assert scores[1] is None
    assert scores[0] is not None and scores[2] is not None


def test_learner_slips_lower_the_fluency_features() -> None:
    splitter = SentenceSplitter()
    lm = language_model()
    fluent = lm_features(build_document(FLUENT, splitter), lm)
    slips = lm_features(build_document(SLIPS, splitter), lm)
    assert set(fluent) == {
        "lm_mean",
        "lm_pmi_mean",
        "lm_pmi2_mean",
        "lm_neg_pmi_share",
        "lm_neg_pmi2_share",
        "lm_oov_share",
    }
    assert fluent["lm_mean"] > slips["lm_mean"]
    assert fluent["lm_pmi_mean"] > slips["lm_pmi_mean"]
    assert fluent["lm_neg_pmi_share"] < slips["lm_neg_pmi_share"]
    assert fluent["lm_oov_share"] == 0.0


def test_empty_text_has_neutral_features() -> None:
    feats = lm_features(build_document("", SentenceSplitter()), language_model())
    assert all(v == 0.0 for v in feats.values())


def test_engine_reports_lm_features(engine: Engine) -> None:
    feats = engine.analyze(EssayInput(text=FLUENT))["scores"]["features"]
    assert feats["lm_pmi_mean"] > 0
    assert 0.0 <= feats["lm_neg_pmi_share"] <= 1.0
