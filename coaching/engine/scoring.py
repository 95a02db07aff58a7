"""Rubric scores from the engine's measurements (heuristics; calibration refines them)."""

from __future__ import annotations

import math
import re
from typing import Any

from .types import CriterionSpec, LevelSpec, RubricSpec

_LEVELS = (
    LevelSpec("Beginning", 1, "Missing or very weak."),
    LevelSpec("Developing", 2, "Present but uneven."),
    LevelSpec("Proficient", 3, "Clear and mostly effective."),
    LevelSpec("Excellent", 4, "Consistently strong."),
)

DEFAULT_RUBRIC = RubricSpec(
    name="Argumentative essay (default)",
    criteria=(
        CriterionSpec(
            "Thesis & focus", "States a clear position and keeps to the question.", 1.0, _LEVELS
        ),
        CriterionSpec(
            "Organisation", "Paragraphs, introduction, conclusion, linking.", 1.0, _LEVELS
        ),
        CriterionSpec("Evidence & development", "Reasons, examples and other views.", 1.0, _LEVELS),
        CriterionSpec(
            "Language & style", "Vocabulary range, sentence variety, word choice.", 1.0, _LEVELS
        ),
        CriterionSpec("Conventions", "Spelling, grammar and punctuation.", 1.0, _LEVELS),
    ),
)

DIMENSIONS = ("focus", "organisation", "development", "language", "conventions")

_DIM_KEYWORDS = (
    (
        "conventions",
        (
            "convention",
            "grammar",
            "mechanic",
            "spelling",
            "punctuation",
            "accuracy",
            "accurate",
            "correct",
        ),
    ),
    ("organisation", ("organi", "structure", "coheren", "cohesion", "flow", "paragraph", "format")),
    (
        "development",
        (
            "evidence",
            "support",
            "develop",
            "content",
            "argument",
            "reason",
            "example",
            "elaborat",
            "analysis",
            "ideas",
        ),
    ),
    (
        "language",
        (
            "language",
            "style",
            "vocab",
            "word",
            "voice",
            "fluency",
            "sentence",
            "expression",
            "range",
            "register",
            "tone",
        ),
    ),
    (
        "focus",
        (
            "thesis",
            "focus",
            "position",
            "claim",
            "purpose",
            "task",
            "prompt",
            "question",
            "relevan",
            "main idea",
            "controlling",
        ),
    ),
)


def dimension_for(criterion: CriterionSpec) -> str:
    """What the engine measures for a criterion: the teacher's choice when it names one,
    otherwise guessed from the criterion's name, then its description."""
    if criterion.measures in DIMENSIONS or criterion.measures == "overall":
        return criterion.measures
    text = (criterion.name + " " + criterion.description).lower()
    name = criterion.name.lower()
    for dim, keys in _DIM_KEYWORDS:
        if any(k in name for k in keys):
            return dim
    for dim, keys in _DIM_KEYWORDS:
        if any(k in text for k in keys):
            return dim
    return "overall"


def _ramp(x: float, lo: float, hi: float) -> float:
    if hi == lo:
        return 1.0 if x >= hi else 0.0
    return max(0.0, min(1.0, (x - lo) / (hi - lo)))


def _clip_quote(text: str, start: int, end: int, limit: int = 160) -> dict[str, Any]:
    if end - start > limit:
        cut = text.rfind(" ", start, start + limit)
        end = cut if cut > start + 20 else start + limit
    return {"quote": text[start:end], "start": start, "end": end}


def dimension_scores(
    text: str,
    overview: dict,
    notes: list[dict],
    rich_sentence: tuple[int, int] | None = None,
) -> dict[str, dict[str, Any]]:
    """For each dimension: {"score": 0..1, "reasons": [str], "evidence": [quotes]}."""
    st = overview["structure"]
    voc = overview["vocabulary"]
    words = max(1, overview["words"])
    out: dict[str, dict[str, Any]] = {}

    # focus -----------------------------------------------------------------
    reasons: list[str] = []
    ev: list[dict[str, Any]] = []
    score = 0.0
    if st["thesis"]:
        score += 0.4
        th = st["thesis"]
        ev.append(_clip_quote(text, th["start"], th["end"]))
        reasons.append("the position is stated early")
    else:
        reasons.append("no clear statement of the writer's position was found near the start")
    rel = st["prompt_relevance"]
    if rel is None:
        score += 0.25
    else:
        score += 0.35 * _ramp(rel, 0.1, 0.6)
        reasons.append(
            "it uses many of the prompt's key words"
            if rel >= 0.5
            else "it uses some of the prompt's key words"
            if rel >= 0.25
            else "it uses few of the prompt's key words"
        )
    if st["conclusion"]:
        score += 0.15
        if st["conclusion_sentence"]:
            cs = st["conclusion_sentence"]
            ev.append(_clip_quote(text, cs["start"], cs["end"]))
        reasons.append("the ending comes back to the main point")
    score += 0.1 * _ramp(words, 80, 250)
    out["focus"] = {"score": min(1.0, score), "reasons": reasons, "evidence": ev}

    # organisation ------------------------------------------------------------
    reasons, ev = [], []
    sp = st["substantial_paragraphs"]
    score = {0: 0.0, 1: 0.1, 2: 0.45, 3: 0.75}.get(sp, 1.0) * 0.35
    reasons.append(f"{sp} developed paragraph{'s' if sp != 1 else ''}")
    if st["introduction"]:
        score += 0.12
    if st["conclusion"]:
        score += 0.13
    if not st["conclusion"]:
        reasons.append("no clear conclusion")
    kinds = st["transition_kinds"]
    n_tr = len(st["transitions"])
    score += 0.25 * min(1.0, len(kinds) / 4) * _ramp(n_tr, 0, 4)
    if st["transitions"]:
        shown = st["transitions"][:3]
        reasons.append("linking words such as " + ", ".join(f"'{t['text']}'" for t in shown))
        for t in shown[:2]:
            ev.append(_clip_quote(text, t["start"], t["end"]))
    else:
        reasons.append("few linking words between ideas")
    score += 0.15 * min(1.0, len(st["topic_sentences"]) / 2)
    out["organisation"] = {"score": min(1.0, score), "reasons": reasons, "evidence": ev}

    # development ----------------------------------------------------------
    reasons, ev = [], []
    score = 0.35 * _ramp(words, 100, 400)
    n_ev = len(st["evidence_markers"]) + min(3, st["numbers"])
    score += 0.3 * _ramp(n_ev, 0, 4)
    if st["evidence_markers"]:
        e = st["evidence_markers"][0]
        reasons.append(f"supporting detail signalled by '{e['text']}'")
        ev.append(_clip_quote(text, e["start"], e["end"]))
    else:
        reasons.append("few examples or supporting details")
    if st["counter_arguments"]:
        score += 0.2
        c = st["counter_arguments"][0]
        reasons.append(f"another view is considered ('{c['text']}')")
        ev.append(_clip_quote(text, c["start"], c["end"]))
    else:
        reasons.append("other points of view are not discussed")
    avg_par = words / max(1, overview["paragraphs"])
    score += 0.15 * _ramp(avg_par, 30, 80)
    reasons.append(f"{overview['words']} words")
    out["development"] = {"score": min(1.0, score), "reasons": reasons, "evidence": ev}

    # language ---------------------------------------------------------------
    reasons, ev = [], []
    m = voc["mattr"]
    score = 0.35 * _ramp(m, 0.6, 0.8)
    score += 0.2 * _ramp(voc["long_word_share"], 0.12, 0.3)
    score += 0.2 * _ramp(voc["less_common_words"] / math.sqrt(words), 0.3, 2.0)
    sv = st["sentence_variety"]
    score += 0.15 * _ramp(sv["sd_words"], 2, 8)
    style_notes = sum(1 for n in notes if n["category"] in ("word choice", "style", "clarity"))
    score += 0.1 * (1 - _ramp(style_notes * 100 / words, 0.5, 3))
    over = st["repetition"]["overused_words"]
    if over:
        score -= 0.05 * min(2, len(over))
        reasons.append(
            "some words are repeated often ("
            + ", ".join(f"'{o['word']}' {o['count']} times" for o in over[:2])
            + ")"
        )
    reasons.insert(
        0,
        "a varied vocabulary"
        if m >= 0.72
        else "a fairly limited vocabulary"
        if m < 0.65
        else "a reasonable range of words",
    )
    reasons.append(
        "varied sentence lengths" if sv["sd_words"] >= 6 else "sentences of similar length"
    )
    if rich_sentence is not None:
        ev.append(_clip_quote(text, rich_sentence[0], rich_sentence[1]))
    out["language"] = {"score": max(0.0, min(1.0, score)), "reasons": reasons, "evidence": ev}

    # conventions ----------------------------------------------------------
    reasons, ev = [], []
    mech = [n for n in notes if n["category"] in ("spelling", "grammar", "punctuation")]
    rate = len(mech) * 100 / words
    score = 1.0 - _ramp(rate, 0.5, 9.0)
    by_cat: dict[str, int] = {}
    for n in mech:
        by_cat[n["category"]] = by_cat.get(n["category"], 0) + 1
    if mech:
        reasons.append(
            f"{len(mech)} marked mistake{'s' if len(mech) != 1 else ''} in {overview['words']} "
            "words (" + ", ".join(f"{v} {k}" for k, v in sorted(by_cat.items())) + ")"
        )
        for n in mech[:3]:
            if n["end"] > n["start"]:
                ev.append(_clip_quote(text, n["start"], n["end"]))
    else:
        reasons.append("no spelling, grammar or punctuation mistakes were found")
    out["conventions"] = {"score": score, "reasons": reasons, "evidence": ev, "rate": rate}
    return out


def level_for(score: float, levels: tuple[LevelSpec, ...]) -> tuple[LevelSpec, float]:
    """Pick a level for a 0..1 score; also return the distance (in level widths, at most
    0.5) to the nearest level boundary: small means a borderline decision."""
    ordered = sorted(levels, key=lambda lv: lv.points)
    n = len(ordered)
    pos = max(0.0, min(1.0, score)) * n
    idx = min(n - 1, int(pos))
    frac = pos - idx
    dists = []
    if idx > 0:
        dists.append(frac)
    if idx < n - 1:
        dists.append(1 - frac)
    dist = min(dists) if dists else 0.5
    return ordered[idx], max(0.0, min(0.5, dist))


def criterion_levels(criterion: CriterionSpec) -> tuple[LevelSpec, ...]:
    return criterion.levels or _LEVELS


_SPACE = re.compile(r"\s+")


def one_line(s: str) -> str:
    return _SPACE.sub(" ", s).strip()
