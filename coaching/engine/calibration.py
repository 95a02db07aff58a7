"""Per-assignment calibration: a small ridge regression from engine features to a
teacher's scores, with cross-validated agreement and spread matching.

Pure Python + numpy. The fitted model is a plain dict (``to_dict``/``from_dict``) so the
app can store it next to the assignment.
"""

from __future__ import annotations

import itertools
import math
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

# A handful of well-scaled features for small samples (20-100 graded essays) ...
SMALL_FEATURES: tuple[str, ...] = (
    "spelling_per_100",
    "grammar_per_100",
    "punctuation_per_100",
    "notes_per_100",
    "log_words",
    "mattr",
    "avg_word_length",
    "rare_per_sqrt_words",
    "lm_pmi_mean",
)
# A shallow, length-aware baseline: how long, how long the sentences and words, how varied
# the words, how many misspelt. On school essays graded by teachers it is hard to beat with
# few grades, so with fewer than LARGE_SAMPLE grades it is always one of the candidates.
SHALLOW_FEATURES: tuple[str, ...] = (
    "log_words",
    "avg_sentence_words",
    "avg_word_length",
    "mattr",
    "long_word_share",
    "spelling_per_100",
    "unknown_word_share",
)
# With few grades the model is chosen by cross-validation on the teacher's own grades among
# these feature sets. The shallow candidate is the baseline itself, fitted exactly as
# ``fit(features=SHALLOW_FEATURES)`` fits it (predictions spread by mean and sd), so choosing
# it can never do worse than the baseline; a richer one must beat it by PREFER_SIMPLE, so
# chance wins on 100 essays do not replace it.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "shallow": SHALLOW_FEATURES,
    "features": SMALL_FEATURES,
    "features+shallow": tuple(dict.fromkeys(SMALL_FEATURES + SHALLOW_FEATURES)),
}
# The choice compares the candidates' out-of-fold predictions by their correlation with the
# grades (mean over CV_REPEATS fold assignments), not by QWK: rounded QWK on ~100 grades moves
# with every fold assignment, and it depends on how the predictions are spread, which differs
# between the baseline (mean/sd) and the richer candidates (quantiles). Measured with
# scripts/bench/calibration_small.py's folds over 100 fold assignments of the school essays
# and on 21 disjoint FCE train samples of 100 (2026-12-07, engine 0.6.3 features). Worst
# run against the baseline / FCE samples' mean QWK: choosing by QWK as before (margin 0.01)
# -0.034 / 0.523; by correlation with margin 0.01 -0.017 / 0.530 (-0.024 on an earlier
# engine's features), 0.015 -0.012 / 0.530, 0.02 -0.012 / 0.528, 0.03 (the baseline nearly
# always) 0.000 / 0.522. 10 repeats instead of 3 did not change the picture (margin 0.015,
# an earlier engine's features: worst -0.0125 against -0.014).
PREFER_SIMPLE = 0.015
CV_REPEATS = 3  # fold assignments the small-sample choice is averaged over
QUANTILE_KNOTS = 41  # points of the grade distribution a richer model's predictions follow
# ... and everything the engine measures once there are enough essays to support it.
LARGE_SAMPLE = 200

# With many graded essays (a school importing old work), word and character n-grams of the
# essays join the features: hashed into a fixed-size vector, so the model is a plain list.
TEXT_SAMPLE = 500
TEXT_DIM = 2**14
TEXT_ALPHAS: tuple[float, ...] = (0.3, 1.0, 3.0)
# The text model's kernel can hold the standardised features too (text kernel + s^2 times the
# features' linear kernel): one ridge then fits words and measures together, so the text
# part learns what the features leave unexplained instead of relearning length and errors
# on its own. s = 0 is the text vectors alone (the stack before). s and the ridge's alpha are
# chosen per fit with the rest of the stack, by cross-validated error. Chosen on FCE train
# only (2026-12-08, engine 0.6.3 features; on all of train the fit picks s = 0.3, alpha 3):
# the calibration's own 5-fold QWK 0.625 -> 0.635 (mean of three row orders 0.629 -> 0.639),
# and fitted whole inside an outer 5-fold split by learner (three splits) 0.622 -> 0.632,
# r 0.627 -> 0.636, higher in each split. An alpha of 10 was never chosen; a stack whose
# weights may not be negative did as well (0.631). FCE dev, measured once after the choice:
# 0.556 -> 0.535 (see the engine README).
TEXT_JOINT_SCALES: tuple[float, ...] = (0.0, 0.1, 0.2, 0.3, 0.5)
_TEXT_TOKEN = re.compile(r"[a-z']+|[.,!?;:]")

ALPHAS: tuple[float, ...] = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0)

# With the text model, small gradient-boosted trees (depth 2) on the standardised features
# can join the stack: they pick up what the linear feature model cannot (thresholds,
# interactions). Settings chosen by cross-validation on a training set; kept per assignment
# only if they lower the cross-validated error.
BOOST_ROUNDS = 300
BOOST_RATE = 0.05
BOOST_BINS = 32
BOOST_MIN_LEAF = 20
_NO_SPLIT = 1e300  # threshold of a leaf that was not split (every value goes left)


def qwk(a: Sequence[int], b: Sequence[int], lo: int, hi: int) -> float:
    """Quadratic weighted kappa of two integer ratings on the scale lo..hi."""
    n = hi - lo + 1
    if n <= 1 or not a:
        return 0.0
    obs = np.zeros((n, n))
    for x, y in zip(a, b, strict=True):
        obs[x - lo, y - lo] += 1
    ha = obs.sum(axis=1)
    hb = obs.sum(axis=0)
    exp = np.outer(ha, hb) / max(1.0, obs.sum())
    idx = np.arange(n)
    w = (idx[:, None] - idx[None, :]) ** 2 / (n - 1) ** 2
    den = float((w * exp).sum())
    return 1.0 - float((w * obs).sum()) / den if den else 0.0


def round_half_up(x: float) -> int:
    return math.floor(x + 0.5)


def _design(rows: Sequence[Mapping[str, float]], names: Sequence[str]) -> np.ndarray:
    return np.array([[float(r.get(k, 0.0)) for k in names] for r in rows], dtype=float)


def _ridge(x: np.ndarray, y: np.ndarray, alpha: float) -> tuple[np.ndarray, float]:
    """Ridge on standardised x (intercept unpenalised)."""
    ym = float(y.mean())
    a = x.T @ x + alpha * np.eye(x.shape[1])
    coef = np.linalg.solve(a, x.T @ (y - ym))
    return coef, ym


def _folds(n: int, k: int) -> list[np.ndarray]:
    idx = np.arange(n)
    return [idx[i::k] for i in range(k)]


# A tree: (feature, threshold, left subtree, right subtree); a subtree is (feature,
# threshold, value if below, value if not). Values are already scaled by the learning rate.
Tree = tuple[int, float, tuple[int, float, float, float], tuple[int, float, float, float]]


def _boost(x: np.ndarray, y: np.ndarray) -> tuple[float, list[Tree]]:
    """Least-squares gradient boosting of depth-2 trees on quantile-binned features."""
    n, d = x.shape
    nb = BOOST_BINS
    qs = np.linspace(0.0, 1.0, nb + 1)[1:-1]
    edges = [np.unique(np.quantile(x[:, j], qs)) for j in range(d)]
    b = np.stack([np.searchsorted(e, x[:, j], side="right") for j, e in enumerate(edges)], 1)
    flat = b + (np.arange(d) * nb)[None, :]
    f0 = float(y.mean())
    r = y - f0
    trees: list[Tree] = []

    def split(idx: np.ndarray) -> tuple[int, int] | None:
        if len(idx) < 2 * BOOST_MIN_LEAF:
            return None
        cells = flat[idx].ravel()
        s = np.bincount(cells, weights=np.repeat(r[idx], d), minlength=d * nb).reshape(d, nb)
        c = np.bincount(cells, minlength=d * nb).reshape(d, nb).astype(float)
        cs, cc = np.cumsum(s, 1), np.cumsum(c, 1)
        rest_s, rest_c = cs[:, -1:] - cs, cc[:, -1:] - cc
        ok = (cc >= BOOST_MIN_LEAF) & (rest_c >= BOOST_MIN_LEAF)
        gain = np.full((d, nb), -np.inf)
        gain[ok] = cs[ok] ** 2 / cc[ok] + rest_s[ok] ** 2 / rest_c[ok]
        j, t = np.unravel_index(int(np.argmax(gain)), gain.shape)
        if not np.isfinite(gain[j, t]):
            return None
        return int(j), int(t)

    def leaf(idx: np.ndarray) -> tuple[int, float, float, float]:
        sp = split(idx)
        if sp is None:
            v = BOOST_RATE * float(r[idx].mean())
            return (0, _NO_SPLIT, v, v)
        j, t = sp
        low = b[idx, j] <= t
        return (
            j,
            float(edges[j][t]),
            BOOST_RATE * float(r[idx[low]].mean()),
            BOOST_RATE * float(r[idx[~low]].mean()),
        )

    everyone = np.arange(n)
    for _ in range(BOOST_ROUNDS):
        sp = split(everyone)
        if sp is None:
            break
        j, t = sp
        low = b[:, j] <= t
        tree: Tree = (j, float(edges[j][t]), leaf(everyone[low]), leaf(everyone[~low]))
        trees.append(tree)
        r = r - _boost_predict(trees[-1:], x, 0.0)
    return f0, trees


def _boost_predict(trees: Sequence[Tree], x: np.ndarray, f0: float) -> np.ndarray:
    out = np.full(len(x), f0)
    for j, thr, lo_t, hi_t in trees:
        for side, (j2, thr2, v_lo, v_hi) in (
            (x[:, j] < thr, lo_t),
            (x[:, j] >= thr, hi_t),
        ):
            out += np.where(side, np.where(x[:, j2] < thr2, v_lo, v_hi), 0.0)
    return out


def _scaled(sub: tuple[int, float, float, float], k: float) -> list[float]:
    return [float(sub[0]), sub[1], sub[2] * k, sub[3] * k]


def text_vector(text: str) -> np.ndarray:
    """Hashed word 1-2-grams and character 4-grams, log-scaled, unit length."""
    v = np.zeros(TEXT_DIM)
    words = _TEXT_TOKEN.findall(text.lower())
    grams = words + [a + " " + b for a, b in itertools.pairwise(words)]
    joined = " ".join(words)
    grams += ["#" + joined[i : i + 4] for i in range(len(joined) - 3)]
    for g in grams:
        v[zlib.crc32(g.encode("utf-8")) % TEXT_DIM] += 1.0
    v = np.log1p(v)
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v


@dataclass
class Calibrator:
    """Fitted mapping from engine features to a teacher's score scale."""

    features: tuple[str, ...] = ()
    mean: list[float] = field(default_factory=list)
    scale: list[float] = field(default_factory=list)
    coef: list[float] = field(default_factory=list)
    intercept: float = 0.0
    stretch: float = 1.0  # spread matching: pred = centre + stretch * (raw - centre)
    centre: float = 0.0
    score_min: float = 0.0
    score_max: float = 1.0
    alpha: float = 1.0
    report: dict[str, Any] = field(default_factory=dict)
    # distribution matching (small samples): the raw prediction's place among the
    # out-of-fold predictions maps to the same place among the teacher's grades
    quantile_raw: list[float] | None = None
    quantile_score: list[float] | None = None
    # optional text model (many graded essays): weights over text_vector() and the
    # standardised features, with its own intercept and spread matching
    text_weights: list[float] | None = None
    text_dense_weights: list[float] | None = None
    text_intercept: float = 0.0
    text_centre: float = 0.0
    text_stretch: float = 1.0
    # optional boosted trees on the standardised features, part of the text model's stack:
    # [feature, threshold, [feature, threshold, value below, value above] x 2] per tree
    text_trees: list[list[Any]] | None = None

    # ---------------------------------------------------------------- fitting

    @classmethod
    def fit(
        cls,
        rows: Sequence[Mapping[str, float]],
        scores: Sequence[float],
        *,
        score_min: float | None = None,
        score_max: float | None = None,
        features: Sequence[str] | None = None,
        folds: int = 5,
        texts: Sequence[str] | None = None,
    ) -> Calibrator:
        if len(rows) != len(scores):
            raise ValueError("rows and scores differ in length")
        if len(rows) < 5:
            raise ValueError("need at least 5 graded essays to calibrate")
        y = np.array([float(s) for s in scores])
        lo = float(score_min) if score_min is not None else float(y.min())
        hi = float(score_max) if score_max is not None else float(y.max())
        if features is None and len(rows) < LARGE_SAMPLE:
            return cls._fit_small(rows, y, lo, hi, folds)
        if features is None:
            features = tuple(sorted(set().union(*[set(r) for r in rows])))
        model, x, fold_idx = cls._fit_linear(rows, y, lo, hi, tuple(features), folds)
        n = len(y)
        if texts is not None and n >= TEXT_SAMPLE and len(texts) == n:
            model._fit_text(np.array([text_vector(t) for t in texts]), x, y, fold_idx, lo, hi)
        return model

    @classmethod
    def _fit_linear(
        cls,
        rows: Sequence[Mapping[str, float]],
        y: np.ndarray,
        lo: float,
        hi: float,
        names: tuple[str, ...],
        folds: int,
    ) -> tuple[Calibrator, np.ndarray, list[np.ndarray]]:
        """A ridge on the named features, alpha chosen by cross-validated error, predictions
        spread by mean and sd; with the standardised design and the folds it used."""
        x_raw = _design(rows, names)
        mean = x_raw.mean(axis=0)
        sd = x_raw.std(axis=0)
        sd[sd < 1e-9] = 1.0
        x = (x_raw - mean) / sd
        n = len(y)
        k = max(2, min(folds, n // 4))
        fold_idx = _folds(n, k)

        def cv_preds(alpha: float) -> np.ndarray:
            out = np.zeros(n)
            for test in fold_idx:
                train = np.setdiff1d(np.arange(n), test)
                coef, ym = _ridge(x[train], y[train], alpha)
                raw_train = x[train] @ coef + ym
                st = _stretch(raw_train, y[train])
                c = float(raw_train.mean())
                out[test] = c + st * (x[test] @ coef + ym - c)
            return out

        best: tuple[float, float, np.ndarray] | None = None
        for alpha in ALPHAS:
            preds = np.clip(cv_preds(alpha), lo, hi)
            mse = float(((preds - y) ** 2).mean())
            if best is None or mse < best[0] - 1e-12:
                best = (mse, alpha, preds)
        assert best is not None
        _, alpha, preds = best
        coef, ym = _ridge(x, y, alpha)
        raw = x @ coef + ym
        stretch = _stretch(raw, y)
        model = cls(
            features=names,
            mean=[float(v) for v in mean],
            scale=[float(v) for v in sd],
            coef=[float(v) for v in coef],
            intercept=ym,
            stretch=stretch,
            centre=float(raw.mean()),
            score_min=lo,
            score_max=hi,
            alpha=float(alpha),
        )
        model.report = _agreement(preds, y, lo, hi)
        model.report.update(
            {
                "n": n,
                "folds": k,
                "alpha": float(alpha),
                "features": list(names),
                "model": "features",
            }
        )
        return model, x, fold_idx

    @classmethod
    def _fit_small(
        cls,
        rows: Sequence[Mapping[str, float]],
        y: np.ndarray,
        lo: float,
        hi: float,
        folds: int,
    ) -> Calibrator:
        """Few grades: each candidate feature set is cross-validated (repeated k-fold) on
        the teacher's grades; the shallow baseline is kept unless another candidate's
        out-of-fold predictions follow the grades clearly better. The baseline is fitted and
        spread exactly as ``fit(features=SHALLOW_FEATURES)`` does it; a richer model's
        predictions are spread like the grades (quantile matching)."""
        n = len(y)
        k = max(2, min(folds, n // 4))
        rng = np.random.default_rng(20261201)
        repeats = [_folds_of(rng.permutation(n), k) for _ in range(CV_REPEATS)]
        tried: dict[str, _Tried] = {}
        for name, names in CANDIDATES.items():
            x, _mean, _sd = _standardised(_design(rows, names))
            spread = "mean/sd" if name == "shallow" else "quantile"
            tried[name] = _cross_validate(x, y, repeats, lo, hi, spread)
        chosen = "shallow"
        for name, t in tried.items():
            if t.r > tried[chosen].r + PREFER_SIMPLE:
                chosen = name
        names = CANDIDATES[chosen]
        picked = tried[chosen]
        if chosen == "shallow":
            model, _x, _folds_used = cls._fit_linear(rows, y, lo, hi, names, folds)
        else:
            x, mean, sd = _standardised(_design(rows, names))
            coef, ym = _ridge(x, y, picked.alpha)
            knots = np.linspace(0.0, 1.0, min(QUANTILE_KNOTS, n))
            model = cls(
                features=names,
                mean=[float(v) for v in mean],
                scale=[float(v) for v in sd],
                coef=[float(v) for v in coef],
                intercept=ym,
                stretch=1.0,
                centre=float(picked.oof.mean()),  # unused: quantiles spread the predictions
                score_min=lo,
                score_max=hi,
                alpha=float(picked.alpha),
                quantile_raw=[float(v) for v in np.quantile(picked.oof.ravel(), knots)],
                quantile_score=[float(v) for v in np.quantile(y, knots)],
            )
            model.report = _agreement(picked.preds, y, lo, hi)
            model.report.update({"n": n, "folds": k, "alpha": float(picked.alpha)})
        if model.report["cv_qwk"] is not None:
            model.report["cv_qwk"] = round(picked.score, 4)  # the mean over fold assignments
        model.report.update(
            {
                "repeats": CV_REPEATS,
                "features": list(names),
                "model": chosen,
                "spread": "mean/sd" if chosen == "shallow" else "quantile",
                # what the choice compared: out-of-fold correlation with the grades
                "candidates": {name: _rounded(t.r) for name, t in tried.items()},
                "candidates_qwk": {name: _rounded(t.score) for name, t in tried.items()},
            }
        )
        return model

    def _fit_text(
        self,
        xt: np.ndarray,
        x: np.ndarray,
        y: np.ndarray,
        fold_idx: list[np.ndarray],
        lo: float,
        hi: float,
    ) -> None:
        """Stacking: a kernel ridge on the text vectors and the feature ridge, each
        predicted out of fold, combined by least squares on those out-of-fold predictions,
        then spread-matched. Kept only if it beats the features alone (cross-validated)."""
        n = len(y)
        coef_f = np.array(self.coef)
        # out-of-fold raw predictions of the feature model (its chosen alpha)
        oof_f = np.zeros(n)
        for test in fold_idx:
            train = np.setdiff1d(np.arange(n), test)
            c, ym = _ridge(x[train], y[train], self.alpha)
            oof_f[test] = x[test] @ c + ym
        # out-of-fold predictions of boosted trees on the features
        oof_b = np.zeros(n)
        for test in fold_idx:
            train = np.setdiff1d(np.arange(n), test)
            f0, trees = _boost(x[train], y[train])
            oof_b[test] = _boost_predict(trees, x[test], f0)
        kern_text = xt @ xt.T
        kern_feat = x @ x.T
        best: tuple[float, float, float, np.ndarray, np.ndarray, np.ndarray] | None = None
        for joint in TEXT_JOINT_SCALES:
            kern = kern_text + joint**2 * kern_feat if joint else kern_text
            for alpha in TEXT_ALPHAS:
                oof_t = np.zeros(n)
                for test in fold_idx:
                    train = np.setdiff1d(np.arange(n), test)
                    ym = float(y[train].mean())
                    dual = np.linalg.solve(
                        kern[np.ix_(train, train)] + alpha * np.eye(len(train)), y[train] - ym
                    )
                    oof_t[test] = kern[np.ix_(test, train)] @ dual + ym
                for with_boost in (False, True):
                    cols = [oof_f, oof_t, oof_b] if with_boost else [oof_f, oof_t]
                    design = np.column_stack([*cols, np.ones(n)])
                    w = np.linalg.lstsq(design, y, rcond=None)[0]
                    raw = design @ w
                    if not with_boost:
                        w = np.r_[w[:2], 0.0, w[2]]
                    st = _stretch(raw, y)
                    mid = float(raw.mean())
                    preds = np.clip(mid + st * (raw - mid), lo, hi)
                    mse = float(((preds - y) ** 2).mean())
                    if with_boost and w[2] <= 0:
                        continue
                    if best is None or mse < best[0] - 1e-12:
                        best = (mse, alpha, joint, w, preds, raw)
        assert best is not None
        mse, alpha, joint, w, preds, raw_oof = best
        if mse >= self.report["cv_rmse"] ** 2 or w[1] <= 0:
            return  # the features alone do as well: keep the small model
        boost_f0 = 0.0
        if w[2] > 0:
            boost_f0, trees = _boost(x, y)
            scale = float(w[2])
            self.text_trees = [
                [j, thr, _scaled(lo_t, scale), _scaled(hi_t, scale)] for j, thr, lo_t, hi_t in trees
            ]
        ym = float(y.mean())
        kern = kern_text + joint**2 * kern_feat if joint else kern_text
        dual = np.linalg.solve(kern + alpha * np.eye(n), y - ym)
        w_text = xt.T @ dual
        # the joint kernel's feature part, in the features' own (standardised) terms
        w_feat = joint**2 * (x.T @ dual)
        self.text_weights = [float(v) * float(w[1]) for v in w_text]
        self.text_dense_weights = [
            float(c) * float(w[0]) + float(v) * float(w[1])
            for c, v in zip(coef_f, w_feat, strict=True)
        ]
        self.text_intercept = float(w[0] * self.intercept + w[1] * ym + w[2] * boost_f0 + w[3])
        # spread matching as measured out of fold: new essays behave like held-out ones
        self.text_centre = float(raw_oof.mean())
        self.text_stretch = _stretch(raw_oof, y)
        self.report.update(_agreement(preds, y, lo, hi))
        self.report.update(
            {
                "model": "features+text",
                "text_alpha": alpha,
                "text_joint_scale": joint,
                "stack_weights": [round(float(v), 4) for v in w],
                "boosted_trees": len(self.text_trees or []),
            }
        )

    # ---------------------------------------------------------------- use

    def predict(self, row: Mapping[str, float], text: str | None = None) -> float:
        if self.text_weights is not None and text is not None:
            return self._predict_text(row, text)
        x = np.array(
            [
                (float(row.get(k, 0.0)) - m) / s
                for k, m, s in zip(self.features, self.mean, self.scale, strict=True)
            ]
        )
        raw = float(x @ np.array(self.coef)) + self.intercept
        if self.quantile_raw:
            val = _quantile_map(raw, self.quantile_raw, self.quantile_score or [])
        else:
            val = self.centre + self.stretch * (raw - self.centre)
        return float(min(self.score_max, max(self.score_min, val)))

    def _standardise(self, row: Mapping[str, float]) -> np.ndarray:
        return np.array(
            [
                (float(row.get(k, 0.0)) - m) / s
                for k, m, s in zip(self.features, self.mean, self.scale, strict=True)
            ]
        )

    def _predict_text(self, row: Mapping[str, float], text: str) -> float:
        assert self.text_weights is not None and self.text_dense_weights is not None
        raw = (
            float(text_vector(text) @ np.array(self.text_weights))
            + float(self._standardise(row) @ np.array(self.text_dense_weights))
            + self.text_intercept
        )
        if self.text_trees:
            z = self._standardise(row)
            for j, thr, lo_t, hi_t in self.text_trees:
                j2, thr2, v_lo, v_hi = lo_t if z[int(j)] < thr else hi_t
                raw += v_lo if z[int(j2)] < thr2 else v_hi
        val = self.text_centre + self.text_stretch * (raw - self.text_centre)
        return float(min(self.score_max, max(self.score_min, val)))

    def interval(self) -> float:
        """Typical error (cross-validated RMSE) on the score scale: the +/- a teacher sees."""
        return float(self.report.get("cv_rmse", 0.0))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "ridge-v1",
            "features": list(self.features),
            "mean": self.mean,
            "scale": self.scale,
            "coef": self.coef,
            "intercept": self.intercept,
            "stretch": self.stretch,
            "centre": self.centre,
            "score_min": self.score_min,
            "score_max": self.score_max,
            "alpha": self.alpha,
            "report": self.report,
            "quantiles": None
            if self.quantile_raw is None
            else {"raw": self.quantile_raw, "score": self.quantile_score},
            "text": None
            if self.text_weights is None
            else {
                "dim": TEXT_DIM,
                "weights": [round(v, 6) for v in self.text_weights],
                "dense_weights": self.text_dense_weights,
                "intercept": self.text_intercept,
                "centre": self.text_centre,
                "stretch": self.text_stretch,
                "trees": self.text_trees,
            },
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Calibrator:
        if d.get("kind") != "ridge-v1":
            raise ValueError("unknown calibration model")
        text = d.get("text")
        quantiles = d.get("quantiles")
        if text is not None and int(text["dim"]) != TEXT_DIM:
            raise ValueError("calibration text model has another size")
        return cls(
            text_weights=None if text is None else [float(v) for v in text["weights"]],
            text_dense_weights=None if text is None else list(text["dense_weights"]),
            text_intercept=0.0 if text is None else float(text["intercept"]),
            text_centre=0.0 if text is None else float(text["centre"]),
            text_stretch=1.0 if text is None else float(text["stretch"]),
            text_trees=None if text is None or not text.get("trees") else list(text["trees"]),
            features=tuple(d["features"]),
            mean=list(d["mean"]),
            scale=list(d["scale"]),
            coef=list(d["coef"]),
            intercept=float(d["intercept"]),
            stretch=float(d["stretch"]),
            centre=float(d["centre"]),
            score_min=float(d["score_min"]),
            score_max=float(d["score_max"]),
            alpha=float(d["alpha"]),
            report=dict(d.get("report", {})),
            quantile_raw=None if not quantiles else [float(v) for v in quantiles["raw"]],
            quantile_score=None if not quantiles else [float(v) for v in quantiles["score"]],
        )


def _stretch(raw: np.ndarray, y: np.ndarray) -> float:
    """Factor that gives the predictions the spread of the training scores (regression
    predictions bunch towards the middle, which costs agreement once rounded)."""
    sd_raw = float(raw.std())
    if sd_raw < 1e-9:
        return 1.0
    return float(min(3.0, max(1.0, float(y.std()) / sd_raw)))


def _agreement(preds: np.ndarray, y: np.ndarray, lo: float, hi: float) -> dict[str, Any]:
    if float(lo).is_integer() and float(hi).is_integer() and all(float(v).is_integer() for v in y):
        ilo, ihi = int(lo), int(hi)
        pr = [min(ihi, max(ilo, round_half_up(p))) for p in preds]
        yt = [int(v) for v in y]
        kappa = qwk(yt, pr, ilo, ihi)
        exact = sum(1 for a, b in zip(pr, yt, strict=True) if a == b) / len(yt)
        adjacent = sum(1 for a, b in zip(pr, yt, strict=True) if abs(a - b) <= 1) / len(yt)
    else:
        kappa, exact, adjacent = None, None, None
    r = float(np.corrcoef(preds, y)[0, 1]) if float(preds.std()) > 0 and float(y.std()) > 0 else 0.0
    return {
        "cv_qwk": None if kappa is None else round(kappa, 4),
        "cv_exact": None if exact is None else round(exact, 4),
        "cv_adjacent": None if adjacent is None else round(adjacent, 4),
        "cv_pearson": round(r, 4),
        "cv_rmse": round(float(np.sqrt(((preds - y) ** 2).mean())), 4),
        "cv_mae": round(float(np.abs(preds - y).mean()), 4),
    }


def _folds_of(order: np.ndarray, k: int) -> list[np.ndarray]:
    return [np.sort(order[i::k]) for i in range(k)]


def _standardised(x_raw: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mean = x_raw.mean(axis=0)
    sd = x_raw.std(axis=0)
    sd[sd < 1e-9] = 1.0
    return (x_raw - mean) / sd, mean, sd


def _quantile_map(
    raw: float | np.ndarray, knots_raw: Sequence[float], knots_score: Sequence[float]
) -> Any:
    """Distribution matching: a prediction's place among the held-out predictions becomes
    the same place among the grades. Ties among the knots are spread evenly."""
    xr = np.asarray(knots_raw, dtype=float)
    ys = np.asarray(knots_score, dtype=float)
    xr = xr + np.arange(len(xr)) * 1e-9  # strictly increasing for interpolation
    return np.interp(raw, xr, ys)


@dataclass(frozen=True)
class _Tried:
    """One candidate's repeated cross-validation (see ``_cross_validate``)."""

    r: float  # mean correlation of the out-of-fold predictions with the grades
    score: float  # mean agreement of the spread predictions (QWK, or minus the RMSE)
    alpha: float
    oof: np.ndarray  # raw out-of-fold predictions, one row per fold assignment
    preds: np.ndarray  # the first assignment's predictions after spreading


def _cross_validate(
    x: np.ndarray,
    y: np.ndarray,
    repeats: Sequence[list[np.ndarray]],
    lo: float,
    hi: float,
    spread: str,
) -> _Tried:
    """A ridge on x over every fold assignment, alpha chosen by out-of-fold error; its
    predictions spread by mean and sd as the training folds give them (``spread="mean/sd"``,
    as ``fit`` does) or like the grades' distribution (``"quantile"``). Agreement is QWK on
    an integer scale, otherwise minus the RMSE."""
    n = len(y)
    best: tuple[float, float, np.ndarray, np.ndarray] | None = None
    for alpha in ALPHAS:
        oof = np.zeros((len(repeats), n))
        stretched = np.zeros((len(repeats), n))
        for r, fold_idx in enumerate(repeats):
            for test in fold_idx:
                train = np.setdiff1d(np.arange(n), test)
                coef, ym = _ridge(x[train], y[train], alpha)
                oof[r, test] = x[test] @ coef + ym
                raw_train = x[train] @ coef + ym
                c = float(raw_train.mean())
                st = _stretch(raw_train, y[train])
                stretched[r, test] = c + st * (oof[r, test] - c)
        mse = float(((oof - y[None, :]) ** 2).mean())
        if best is None or mse < best[0] - 1e-12:
            best = (mse, alpha, oof, stretched)
    assert best is not None
    _mse, alpha, oof, stretched = best
    knots = np.linspace(0.0, 1.0, min(QUANTILE_KNOTS, n))
    qy = np.quantile(y, knots)
    scores, rs, spread_preds = [], [], np.zeros_like(oof)
    for r in range(len(repeats)):
        if spread == "mean/sd":
            spread_preds[r] = np.clip(stretched[r], lo, hi)
        else:
            spread_preds[r] = np.clip(_quantile_map(oof[r], np.quantile(oof[r], knots), qy), lo, hi)
        rep = _agreement(spread_preds[r], y, lo, hi)
        scores.append(rep["cv_qwk"] if rep["cv_qwk"] is not None else -rep["cv_rmse"])
        rs.append(_correlation(oof[r], y))
    return _Tried(
        r=float(np.mean(rs)),
        score=float(np.mean(scores)),
        alpha=float(alpha),
        oof=oof,
        preds=spread_preds[0],
    )


def _correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Pearson's r; 0 when either side does not vary."""
    if float(a.std()) < 1e-12 or float(b.std()) < 1e-12:
        return 0.0
    return float(np.corrcoef(a, b)[0, 1])


def _rounded(v: float) -> float | None:
    return None if v != v else round(v, 4)
