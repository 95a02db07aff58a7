from __future__ import annotations

import json
import random

import numpy as np
import pytest

from coaching.engine import calibration
from coaching.engine.calibration import Calibrator, qwk, text_vector


def _synthetic(n: int, seed: int = 7) -> tuple[list[dict[str, float]], list[int]]:
    rng = random.Random(seed)
    rows, ys = [], []
    for _ in range(n):
        errors = rng.uniform(0, 10)
        words = rng.uniform(150, 400)
        score = 14 - errors + rng.gauss(0, 1.0) + (words - 275) / 100
        rows.append(
            {"notes_per_100": errors, "log_words": float(np.log(words)), "noise": rng.random()}
        )
        ys.append(int(min(15, max(1, round(score)))))
    return rows, ys


def test_qwk_basics() -> None:
    assert qwk([1, 2, 3, 4], [1, 2, 3, 4], 1, 4) == pytest.approx(1.0)
    assert qwk([1, 2, 3, 4], [4, 3, 2, 1], 1, 4) < 0


def test_fit_predict_and_report() -> None:
    rows, ys = _synthetic(60)
    model = Calibrator.fit(
        rows, ys, score_min=1, score_max=15, features=("notes_per_100", "log_words", "noise")
    )
    rep = model.report
    assert rep["n"] == 60 and rep["cv_qwk"] > 0.7
    assert 0 < model.interval() < 3
    better = model.predict({"notes_per_100": 1.0, "log_words": float(np.log(300)), "noise": 0.5})
    worse = model.predict({"notes_per_100": 9.0, "log_words": float(np.log(300)), "noise": 0.5})
    assert better > worse
    assert 1 <= worse <= better <= 15
    # far outside the training data the prediction stays on the scale
    assert model.predict({"notes_per_100": 100.0}) == 1.0


def test_spread_matches_training_scores() -> None:
    rows, ys = _synthetic(200)
    model = Calibrator.fit(
        rows, ys, score_min=1, score_max=15, features=("notes_per_100", "log_words", "noise")
    )
    preds = np.array([model.predict(r) for r in rows])
    assert preds.std() == pytest.approx(np.std(ys), rel=0.2)


def test_scale_defaults_to_range_seen() -> None:
    rows, ys = _synthetic(30)
    model = Calibrator.fit(rows, ys, features=("notes_per_100",))
    assert model.score_min == min(ys) and model.score_max == max(ys)


def test_round_trip_through_json() -> None:
    rows, ys = _synthetic(40)
    model = Calibrator.fit(
        rows, ys, score_min=1, score_max=15, features=("notes_per_100", "log_words")
    )
    again = Calibrator.from_dict(json.loads(json.dumps(model.to_dict())))
    for r in rows[:5]:
        assert again.predict(r) == pytest.approx(model.predict(r))


def test_too_few_essays() -> None:
    with pytest.raises(ValueError):
        Calibrator.fit([{"a": 1.0}] * 3, [1, 2, 3])


def test_text_model_for_many_essays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calibration, "TEXT_SAMPLE", 40)
    rng = random.Random(3)
    good = "the students write clear sentences with careful words and good examples"
    bad = "studant writed sentense wiht bad wurds and no exampel becouse"
    rows, ys, texts = [], [], []
    for _ in range(80):
        k = rng.randint(0, 10)
        texts.append(" ".join([good] * (10 - k) + [bad] * k))
        rows.append({"noise": rng.random()})
        ys.append(11 - k)
    model = Calibrator.fit(rows, ys, score_min=1, score_max=11, features=("noise",), texts=texts)
    assert model.report["model"] == "features+text"
    assert model.predict(rows[0], " ".join([good] * 10)) > model.predict(
        rows[0], " ".join([bad] * 10)
    )
    # without the text the small model answers
    assert 1 <= model.predict(rows[0]) <= 11
    again = Calibrator.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again.predict(rows[0], texts[0]) == pytest.approx(
        model.predict(rows[0], texts[0]), abs=1e-3
    )


def test_text_vector_is_deterministic_and_normalised() -> None:
    a = text_vector("Hello world, hello again.")
    b = text_vector("Hello world, hello again.")
    assert np.array_equal(a, b)
    assert float(np.linalg.norm(a)) == pytest.approx(1.0)


def test_boosted_trees_fit_a_step() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 3))
    y = np.where(x[:, 1] > 0.5, 10.0, 4.0) + 0.1 * rng.normal(size=300)
    f0, trees = calibration._boost(x, y)
    pred = calibration._boost_predict(trees, x, f0)
    assert float(np.abs(pred - y).mean()) < 0.5
    assert all(t[0] == 1 for t in trees[:10])  # the informative feature first


def test_boosted_trees_join_the_text_stack(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calibration, "TEXT_SAMPLE", 40)
    rng = random.Random(5)
    good = "the students write clear sentences with careful words and good examples"
    bad = "studant writed sentense wiht bad wurds and no exampel becouse"
    rows, ys, texts = [], [], []
    for _ in range(200):
        k = rng.randint(0, 10)
        step = rng.random()
        texts.append(" ".join([good] * (10 - k) + [bad] * k + [good] * rng.randint(0, 3)))
        rows.append({"step": step})
        # a threshold in the feature that a straight line cannot follow
        ys.append(max(1, min(15, 11 - k + (4 if 0.3 < step < 0.6 else 0))))
    model = Calibrator.fit(rows, ys, score_min=1, score_max=15, features=("step",), texts=texts)
    assert model.report["model"] == "features+text"
    assert model.text_trees and model.report["boosted_trees"] == len(model.text_trees)
    text = " ".join([good] * 6 + [bad] * 4)
    assert model.predict({"step": 0.45}, text) > model.predict({"step": 0.9}, text) + 1
    again = Calibrator.from_dict(json.loads(json.dumps(model.to_dict())))
    for r, t in zip(rows[:5], texts[:5], strict=True):
        assert again.predict(r, t) == pytest.approx(model.predict(r, t), abs=1e-3)


def _text_and_feature(n: int, seed: int) -> tuple[list[dict[str, float]], list[int], list[str]]:
    """Grades with one half of their signal in the words and the other in a measure."""
    rng = random.Random(seed)
    good = "the students write clear sentences with careful words and good examples"
    bad = "studant writed sentense wiht bad wurds and no exampel becouse"
    rows, ys, texts = [], [], []
    for _ in range(n):
        k = rng.randint(0, 6)
        level = rng.uniform(0, 6)
        texts.append(" ".join([good] * (6 - k) + [bad] * k + [good] * rng.randint(0, 3)))
        rows.append({"level": level, "noise": rng.random()})
        ys.append(max(1, min(15, round(2 + (6 - k) + level + rng.gauss(0, 0.7)))))
    return rows, ys, texts


def test_text_kernel_can_hold_the_features_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calibration, "TEXT_SAMPLE", 40)
    rows, ys, texts = _text_and_feature(240, 11)
    model = Calibrator.fit(
        rows, ys, score_min=1, score_max=15, features=("level", "noise"), texts=texts
    )
    assert model.report["model"] == "features+text"
    assert model.report["text_joint_scale"] in calibration.TEXT_JOINT_SCALES
    monkeypatch.setattr(calibration, "TEXT_JOINT_SCALES", (0.3,))
    joint = Calibrator.fit(
        rows, ys, score_min=1, score_max=15, features=("level", "noise"), texts=texts
    )
    assert joint.report["text_joint_scale"] == 0.3
    text = texts[0]
    # both the words and the measure move the score
    assert joint.predict({"level": 5.0, "noise": 0.5}, text) > joint.predict(
        {"level": 1.0, "noise": 0.5}, text
    )
    good = "the students write clear sentences with careful words and good examples"
    bad = "studant writed sentense wiht bad wurds and no exampel becouse"
    assert joint.predict(rows[0], " ".join([good] * 6)) > joint.predict(
        rows[0], " ".join([bad] * 6)
    )
    preds = np.array([joint.predict(r, t) for r, t in zip(rows, texts, strict=True)])
    assert float(np.corrcoef(preds, ys)[0, 1]) > 0.8
    # the joint model is stored in the same fields as before
    again = Calibrator.from_dict(json.loads(json.dumps(joint.to_dict())))
    for r, t in zip(rows[:5], texts[:5], strict=True):
        assert again.predict(r, t) == pytest.approx(joint.predict(r, t), abs=1e-3)


def test_older_stored_text_model_still_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calibration, "TEXT_SAMPLE", 40)
    rng = random.Random(3)
    good = "the students write clear sentences with careful words and good examples"
    bad = "studant writed sentense wiht bad wurds and no exampel becouse"
    rows, ys, texts = [], [], []
    for _ in range(80):
        k = rng.randint(0, 10)
        texts.append(" ".join([good] * (10 - k) + [bad] * k))
        rows.append({"noise": rng.random()})
        ys.append(11 - k)
    stored = Calibrator.fit(
        rows, ys, score_min=1, score_max=11, features=("noise",), texts=texts
    ).to_dict()
    del stored["text"]["trees"]  # as written before engine 0.3.1
    old = Calibrator.from_dict(json.loads(json.dumps(stored)))
    assert old.text_trees is None
    assert 1 <= old.predict(rows[0], texts[0]) <= 11


def _school_like(n: int, seed: int, driver: str) -> tuple[list[dict[str, float]], list[int]]:
    """Grades 2-12 driven by length (as teachers' marks of school essays often are) or by
    the engine's notes; every feature the candidates use is present."""
    rng = random.Random(seed)
    rows, ys = [], []
    for _ in range(n):
        words = rng.uniform(60, 600)
        notes = rng.uniform(0, 12)
        row = {name: rng.gauss(0, 1) for name in calibration.CANDIDATES["features+shallow"]}
        row["log_words"] = float(np.log(words))
        row["notes_per_100"] = notes
        signal = (words - 330) / 60 if driver == "length" else (6 - notes) / 1.3
        ys.append(int(min(12, max(2, round(7 + signal + rng.gauss(0, 0.8))))))
        rows.append(row)
    return rows, ys


def test_few_grades_choose_among_candidates_by_cross_validation() -> None:
    rows, ys = _school_like(100, 1, "length")
    model = Calibrator.fit(rows, ys, score_min=2, score_max=12)
    rep = model.report
    assert set(rep["candidates"]) == {"shallow", "features", "features+shallow"}
    assert rep["model"] == "shallow" and tuple(rep["features"]) == calibration.SHALLOW_FEATURES
    assert rep["cv_qwk"] > 0.8 and rep["repeats"] == calibration.CV_REPEATS
    # grades that follow the engine's notes (not a shallow feature) pick a richer model
    rows, ys = _school_like(100, 2, "notes")
    model = Calibrator.fit(rows, ys, score_min=2, score_max=12)
    assert model.report["model"] in ("features", "features+shallow")
    assert (
        model.report["candidates"]["shallow"] + calibration.PREFER_SIMPLE
        < (model.report["candidates"][model.report["model"]])
    )


def test_few_grades_keep_the_baseline_itself() -> None:
    """When the shallow candidate wins, the model is the baseline, fitted and spread by
    mean and sd exactly as fit(features=SHALLOW_FEATURES) does it: never worse than it."""
    rows, ys = _school_like(100, 3, "length")
    model = Calibrator.fit(rows, ys, score_min=2, score_max=12)
    baseline = Calibrator.fit(
        rows, ys, score_min=2, score_max=12, features=calibration.SHALLOW_FEATURES
    )
    assert model.report["model"] == "shallow" and model.report["spread"] == "mean/sd"
    assert model.quantile_raw is None
    assert [model.predict(r) for r in rows] == [baseline.predict(r) for r in rows]
    preds = [round(model.predict(r)) for r in rows]
    assert np.std(preds) == pytest.approx(np.std(ys), rel=0.15)
    # a longer essay never gets a lower mark than a shorter one, all else equal
    base = dict(rows[0])
    marks = [model.predict({**base, "log_words": float(np.log(w))}) for w in (80, 200, 400, 580)]
    assert marks == sorted(marks) and marks[0] < marks[-1]
    again = Calibrator.from_dict(json.loads(json.dumps(model.to_dict())))
    for r in rows[:5]:
        assert again.predict(r) == pytest.approx(model.predict(r))


def test_few_grades_richer_model_spreads_like_the_grades() -> None:
    rows, ys = _school_like(100, 3, "notes")
    model = Calibrator.fit(rows, ys, score_min=2, score_max=12)
    assert model.report["model"] != "shallow" and model.report["spread"] == "quantile"
    preds = [round(model.predict(r)) for r in rows]
    assert np.std(preds) == pytest.approx(np.std(ys), rel=0.15)
    assert min(preds) <= min(ys) + 1 and max(preds) >= max(ys) - 1
    # more notes never earn a higher mark, all else equal
    base = dict(rows[0])
    marks = [model.predict({**base, "notes_per_100": v}) for v in (0.0, 3.0, 6.0, 12.0)]
    assert marks == sorted(marks, reverse=True) and marks[0] > marks[-1]
    again = Calibrator.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again.quantile_raw == model.quantile_raw
    for r in rows[:5]:
        assert again.predict(r) == pytest.approx(model.predict(r))


def test_stored_model_without_quantiles_still_predicts() -> None:
    rows, ys = _school_like(40, 4, "length")
    stored = Calibrator.fit(rows, ys, score_min=2, score_max=12).to_dict()
    stored.pop("quantiles")
    old = Calibrator.from_dict(stored)
    assert old.quantile_raw is None and 2 <= old.predict(rows[0]) <= 12
