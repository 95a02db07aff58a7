"""The Engine: text in, staged findings and scores out (pure data)."""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from . import advisories as adv
from . import bounds, gate, morph, parse, trust
from . import variety as spelling_variety
from .argument import analyse_argument
from .argument import concerns as find_concerns
from .features import suspicion_features, text_features
from .grammar import grammar_notes
from .grammar.common import match_case
from .harper_js import REQUEST_TIMEOUT, HarperChecker, HarperUnavailable
from .harper_rules import harper_notes
from .lm import language_model, lm_profile
from .ngrams import counts as ngram_counts
from .notes import Note, merge_notes
from .placeholders import PlaceholderIndex
from .rules import run_rules
from .rules_lm import lm_check
from .scoring import (
    DEFAULT_RUBRIC,
    criterion_levels,
    dimension_for,
    dimension_scores,
    level_for,
    one_line,
)
from .spelling import SpellingFilter, rare_real_word, variety_note
from .structure import analyse_structure
from .summary import changes, next_steps, strengths
from .text import Document, SentenceSplitter, build_document
from .types import ENGINE_VERSION, STAGES, EssayInput

log = logging.getLogger(__name__)


def _load_word_knowledge() -> None:
    """Load what the checkers read, now rather than on the first essay (each is cached)."""
    ngram_counts()
    language_model()
    morph.tags("went")  # the lexicon
    rare_real_word("went")  # Webster's word list
    parse.parser()  # the dependency parser (grammar/parsed.py)


def _in_variety(n: Note, variety: str) -> Note:
    """A grammar note's suggestion spelt the essay's way ('travel' -> 'travelled' in a
    British essay: the word lists inflect in American spelling)."""
    if n.category == "spelling" or not n.suggestions:
        return n

    def respell(word: str) -> str:
        other = spelling_variety.other_form(word, variety)
        return word if other is None else match_case(word, other)

    respelt = tuple(" ".join(respell(w) for w in s.split(" ")) for s in n.suggestions)
    return n if respelt == n.suggestions else replace(n, suggestions=respelt)


class Engine:
    """Loads the word lists and checkers once; analyse many essays with one instance.

    Not thread-safe: use one Engine per thread (or process).
    """

    def __init__(
        self,
        *,
        dialect: str = "british",
        use_harper: bool = True,
        max_words: int = bounds.MAX_WORDS,
        harper_timeout: float | None = None,
        harper_max_rss_mb: int | None = None,
    ) -> None:
        """``dialect``: the spelling variety for an essay whose assignment leaves it to the
        student ("auto") and whose own spelling shows none; each essay's variety comes with
        it (``EssayInput.spelling``). ``max_words``: the checkers read no further (see
        bounds.py). ``harper_timeout``: seconds to wait for Harper's answer before its notes
        are skipped; ``harper_max_rss_mb``: its Node process is started afresh once its
        resident memory grows past this."""
        self.version = ENGINE_VERSION
        self._max_words = max_words
        self._dialect = dialect if dialect in spelling_variety.VARIETIES else "british"
        self._splitter = SentenceSplitter()
        self._spelling = SpellingFilter(dialect)
        self._harper: HarperChecker | None = None
        # Python's word lists and models load while Node starts harper.js (each ~1 s; the
        # main thread only waits on Node's pipe meanwhile); a failure there is raised again
        # below, where each is asked for once more
        loading = threading.Thread(target=_load_word_knowledge, name="engine-load", daemon=True)
        loading.start()
        if use_harper:
            try:
                self._harper = HarperChecker(
                    dialect,
                    timeout=harper_timeout or REQUEST_TIMEOUT,
                    max_rss_mb=harper_max_rss_mb,
                )
            except HarperUnavailable as exc:
                # keep coaching without Harper's notes rather than fail every analysis;
                # (the worker log says so at start-up)
                log.error("Harper is unavailable, its notes are off: %s", exc)
                self._harper = None
        loading.join()
        self._ngrams = ngram_counts()
        self._lm = language_model()
        _load_word_knowledge()
        # a misspelt word too: Harper builds its spelling index on the first one it meets;
        # once per variety (the Node server keeps one linter each)
        for variety in spelling_variety.VARIETIES:
            self.analyze(
                EssayInput(
                    text="This is a short warm-up text. It has two sentances.", spelling=variety
                )
            )
        _give_back_freed_memory()

    # ------------------------------------------------------------------ public API

    def run(self, inp: EssayInput) -> Iterator[tuple[str, dict[str, Any]]]:
        # What no checker can digest (a 5,000-letter "word", a wall of emoji, words past the
        # limit) is blanked out, offsets unchanged: every checker below reads `text`.
        bounded = bounds.bound(inp.text or "", max_words=self._max_words)
        text = bounded.text
        doc = build_document(text, self._splitter)
        requested = (inp.spelling or "auto").lower()
        detection = spelling_variety.detect(text)
        variety = spelling_variety.resolve(requested, detection, self._dialect)
        skipped: list[str] = []
        harper = self._harper_lint(text, variety, skipped)

        # overview ---------------------------------------------------------------
        overview = analyse_structure(doc, inp.prompt or "", self._spelling.common_words)
        argument = analyse_argument(doc, inp.prompt or "", self._ngrams.unigram)
        lm_feats, sentence_lm = lm_profile(doc, self._lm)
        overview["argument"] = argument
        position = argument["position"]
        # the position shown is a real one: a sentence with a stance on the question in the
        # writer's own words (not a heading, a question or the prompt copied)
        overview["structure"]["thesis"] = (
            {k: position[k] for k in ("start", "end", "text")} if position else None
        )
        likely_en = None
        if self._harper and len(text.split()) >= 5:
            harper_checker = self._harper

            def likely_en() -> bool:
                if "harper" in skipped:
                    return True  # it failed on this essay already: do not wait for it twice
                try:
                    return harper_checker.is_likely_english(text)
                except Exception:
                    # a checker that fails costs its answer, never the analysis
                    log.warning("Harper's language check failed", exc_info=True)
                    if "harper" not in skipped:
                        skipped.append("harper")
                    return True

        advisories, adv_stats = adv.detect(
            text,
            inp.prompt or "",
            is_known_word=self._spelling.is_known,
            relevance=overview["structure"]["prompt_relevance"],
            likely_english=likely_en,
            core_mentions=argument["core_mentions"] if argument["topic"]["core"] else None,
        )
        found = find_concerns(argument, sentence_lm, doc)
        if any(a["code"] in ("off_prompt", "copied_prompt", "empty") for a in advisories):
            # the advisory already says it of the whole essay
            found = [c for c in found if c["code"] not in ("off_topic_paragraph", "prompt_padding")]
        overview["concerns"] = found
        overview["advisories"] = advisories
        overview["measures"] = adv_stats
        overview["spelling"] = {
            "requested": requested if requested in spelling_variety.CHOICES else "auto",
            "variety": variety,
            "british_words": detection.count("british"),
            "american_words": detection.count("american"),
        }
        yield "overview", overview

        # notes ------------------------------------------------------------------
        lm_found, lm_suspects = lm_check(doc, self._lm)
        notes, counted = self._notes(
            doc,
            harper,
            advisories,
            lm_found,
            variety=variety,
            explicit=requested in spelling_variety.VARIETIES,
            detection=detection,
        )
        if bounded.blanked:
            # a note touching a blanked span is about the blanks, not the student's words
            bound_notes = bounded.notes(inp.text or "")
            notes = merge_notes(
                [*bound_notes, *(n for n in notes if not bounded.covers(n.start, n.end))]
            )
            counted = merge_notes(
                [*bound_notes, *(n for n in counted if not bounded.covers(n.start, n.end))]
            )
        note_dicts = [n.as_dict() for n in notes]
        # what the checkers found, before the gate's rules for fluent writing and company:
        # the scoring features count these (the levels a student reads rest on the notes shown)
        counted_dicts = [n.as_dict() for n in counted]
        notes_stage: dict[str, Any] = {"annotations": note_dicts}
        if skipped:
            notes_stage["skipped"] = skipped  # the page says some checks were skipped
        yield "notes", notes_stage

        # scores -----------------------------------------------------------------
        signals = {"lm_suspects_per_100": lm_suspects * 100 / max(1, overview["words"])}
        scores, dims, dim_of = self._scores(
            inp, doc, overview, note_dicts, advisories, signals, counted_dicts
        )
        scores["features"].update(
            {
                k: round(v, 4)
                for k, v in text_features(doc, self._ngrams, self._spelling.common_words).items()
            }
        )
        scores["features"]["checker_findings_per_100"] = round(
            len(harper) * 100 / max(1, overview["words"]), 4
        )
        scores["features"].update(
            {k: round(v, 4) for k, v in suspicion_features(doc, self._ngrams).items()}
        )
        scores["features"].update({k: round(v, 4) for k, v in lm_feats.items()})
        # words the language model doubts at a margin too low to show (see rules_lm.py)
        scores["features"]["lm_suspects_per_100"] = round(
            lm_suspects * 100 / max(1, overview["words"]), 4
        )
        flagged = [(n["start"], n["end"]) for n in counted_dicts]
        scores["features"]["clean_sentence_share"] = round(
            sum(1 for s in doc.sentences if not any(a < s.end and s.start <= b for a, b in flagged))
            / max(1, len(doc.sentences)),
            4,
        )
        yield "scores", scores

        # summary ----------------------------------------------------------------
        summary: dict[str, Any] = {
            "strengths": strengths(text, overview, note_dicts, dims)
            if not advisories
            else _blocked_strengths(overview),
            "next_steps": next_steps(
                overview, note_dicts, scores["criteria"], dim_of, advisories, dims, inp.prompt or ""
            ),
            "changes": [],
        }
        previous = inp.previous_result
        try:
            # (with Harper down on this essay, analysing the previous text would wait for it
            # again: the comparison is what a failing checker costs)
            if previous is None and inp.previous_text is not None and not skipped:
                previous = self.analyze(
                    EssayInput(
                        text=inp.previous_text,
                        prompt=inp.prompt,
                        rubric=inp.rubric,
                        spelling=inp.spelling,
                    )
                )
            if previous is not None:
                current = {
                    "overview": overview,
                    "notes": {"annotations": note_dicts},
                    "scores": scores,
                }
                summary["changes"] = changes(
                    current, previous, text=text, previous_text=inp.previous_text
                )
        except Exception:
            # the previous revision costs only the comparison, never this analysis
            log.warning("comparison with the previous revision failed", exc_info=True)
            summary["changes"] = []
        yield "summary", summary

    def analyze(self, inp: EssayInput) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for stage, data in self.run(inp):
            result[stage] = data
        result["engine_version"] = ENGINE_VERSION
        return result

    # ------------------------------------------------------------------ internals

    def _harper_lint(self, text: str, variety: str, skipped: list[str]) -> list[dict]:
        """Harper's findings; none (and "harper" in ``skipped``) when it fails, hangs past
        its timeout or answers nonsense: a checker costs its notes, never the analysis."""
        if self._harper is None or not text.strip():
            return []
        try:
            found = self._harper.lint(text, variety)
            return [f for f in found if 0 <= f["start"] <= f["end"] <= len(text)]
        except Exception:
            log.warning("Harper failed; this essay gets no notes from it", exc_info=True)
            skipped.append("harper")
            return []

    def _notes(
        self,
        doc: Document,
        harper: list[dict],
        advisories: list[dict],
        lm_found: list[Note],
        *,
        variety: str,
        explicit: bool,
        detection: spelling_variety.Detection,
    ) -> tuple[list[Note], list[Note]]:
        """The notes shown, and the notes scoring counts (``gate.counted``)."""
        if any(a["code"] in ("empty", "gibberish", "not_english") for a in advisories):
            return [], []
        raw = self.candidate_notes(doc, harper, lm_found, variety, explicit, detection)
        return merge_notes(gate.apply(raw, len(doc.word_tokens))), merge_notes(gate.counted(raw))

    def candidate_notes(
        self,
        doc: Document,
        harper: list[dict],
        lm_found: list[Note],
        variety: str,
        explicit: bool,
        detection: spelling_variety.Detection,
        dropped: list[tuple[Note, str]] | None = None,
    ) -> list[Note]:
        """Every checker's notes after the trust guards (``trust.review``), before the
        per-kind gate and the overlap merge (``scripts/bench/gate_stats.py`` reads these).
        The dependency parse is held for the whole step: the grammar rules read it, and so
        do the guards that judge other checkers' notes."""
        with parse.parsed(doc):
            ctx = trust.context(doc)
            raw: list[Note] = []
            raw.extend(
                self._spelling.filter_harper(
                    doc,
                    harper_notes(harper, None),
                    variety=variety,
                    explicit=explicit,
                    names=ctx.names,
                    terms=ctx.terms,
                    strong_names=ctx.strong_names,
                    defined=ctx.defined,
                )
            )
            # British conventions (the verb 'practise', 'programme') only for an essay that is
            # British by the assignment or by its own spelling
            british = variety == "british" and (explicit or detection.variety == "british")
            raw.extend(
                n for n in run_rules(doc) if british or not n.rule.startswith("rule:british:")
            )
            raw.extend(lm_found)
            if not explicit:
                mixed = variety_note(detection, variety)
                if mixed is not None:
                    raw.append(mixed)
            raw.extend(grammar_notes(doc))
            # a placeholder (@PERSON1, [name], XXX) stands for a word the student wrote: no note
            holders = PlaceholderIndex.of(doc.text)
            if holders:
                raw = [n for n in raw if not holders.covers(n.start, n.end)]
            return [_in_variety(n, variety) for n in trust.review(ctx, raw, dropped)]

    def _scores(
        self,
        inp: EssayInput,
        doc: Document,
        overview: dict,
        notes: list[dict],
        advisories: list[dict],
        signals: dict[str, float],
        counted: list[dict],
    ) -> tuple[dict[str, Any], dict[str, dict], dict[str, str]]:
        rubric = inp.rubric or DEFAULT_RUBRIC
        text = doc.text
        rich = self._rich_sentence(doc, notes)
        dims = dimension_scores(text, overview, notes, rich, signals)
        # the same measures on what the checkers found, for the calibration features
        counted_dims = (
            dims if counted == notes else dimension_scores(text, overview, counted, None, signals)
        )
        blocked = bool(advisories)
        criteria_out: list[dict[str, Any]] = []
        dim_of: dict[str, str] = {}
        words = overview["words"]
        for crit in rubric.criteria:
            levels = criterion_levels(crit)
            ordered = sorted(levels, key=lambda lv: lv.points)
            dim = dimension_for(crit)
            dim_of[crit.name] = dim
            if dim == "overall":
                s = sum(dims[d]["score"] for d in dims) / len(dims)
                info = {"score": s, "reasons": [], "evidence": [], "unsure": "", "basis": {}}
                for d in ("focus", "development", "organisation", "conventions"):
                    info["reasons"].extend(dims[d]["reasons"][:1])
                    info["evidence"].extend(dims[d]["evidence"][:1])
            else:
                info = dims[dim]
            if blocked:
                level, dist = ordered[0], 0.5
                rationale = f"{level.label}. Not scored above the lowest level: " + "; ".join(
                    a["message"] for a in advisories
                )
                evidence: list[dict] = []
                confidence = 0.9
            else:
                level, dist = level_for(info["score"], levels)
                evidence = [e for e in info["evidence"] if e["end"] > e["start"]][:3]
                length_factor = min(1.0, math.sqrt(max(0, words) / 250))
                confidence = round(0.35 + 0.3 * (dist / 0.5) + 0.2 * length_factor, 2)
                if dim == "overall":
                    confidence = round(confidence * 0.8, 2)
                unsure = info.get("unsure", "")
                if unsure:
                    confidence = min(confidence, 0.55)
                elif dist < 0.1:
                    near = _neighbour(ordered, level, info["score"])
                    if near is not None:
                        unsure = f"it is close to '{near.label}'"
                rationale = _rationale(level.label, info["reasons"], unsure)
            criteria_out.append(
                {
                    "name": crit.name,
                    "level": level.label,
                    "points": level.points,
                    "max_points": ordered[-1].points,
                    "weight": crit.weight,
                    "rationale": rationale,
                    "evidence": evidence,
                    "confidence": min(1.0, max(0.0, confidence)),
                    "dimension": dim,
                    "basis": info.get("basis", {}),
                }
            )
        total_w = sum(c["weight"] for c in criteria_out) or 1.0
        frac = (
            sum(
                c["weight"] * c["points"] / c["max_points"] for c in criteria_out if c["max_points"]
            )
            / total_w
        )
        max_points = float(sum(c["max_points"] for c in criteria_out))
        scores = {
            "criteria": criteria_out,
            "overall": {
                "points": round(frac * max_points, 2),
                "max_points": max_points,
                "percent": round(100 * frac, 1),
            },
            "advisories": advisories,
            "passing_blocked": blocked,
            "rubric": rubric.name,
            "features": features_from(overview, counted, counted_dims),
        }
        return scores, dims, dim_of

    def _rich_sentence(self, doc: Document, notes: list[dict]) -> tuple[int, int] | None:
        """The sentence with the most less-common words and no notes in it."""
        best, best_n = None, 1
        flagged = [(n["start"], n["end"]) for n in notes]
        for s in doc.sentences:
            if any(a < s.end and s.start <= b for a, b in flagged):
                continue
            n = sum(
                1
                for t in s.words
                if len(t.text) > 3
                and t.lower not in self._spelling.common_words
                and self._spelling.is_known(t.lower)
            )
            if n > best_n and len(s.words) <= 40:
                best, best_n = (s.start, s.end), n
        return best


def _rationale(label: str, reasons: list[str], unsure: str) -> str:
    """What this essay does that puts it at this level, in the essay's own terms; and, when
    the evidence is thin or the score sits on a boundary, that the machine is unsure."""
    if not reasons:
        body = f"{label}."
    else:
        first = reasons[0][:1].upper() + reasons[0][1:]
        body = f"{label}. " + "; ".join([first, *reasons[1:]]) + "."
    if unsure:
        body += f" The machine is unsure here: {unsure}."
    return one_line(body)


def _neighbour(ordered: list, level: Any, score: float) -> Any:
    """The level on the other side of the nearest boundary."""
    i = ordered.index(level)
    pos = max(0.0, min(1.0, score)) * len(ordered) - i
    j = i + 1 if pos >= 0.5 else i - 1
    return ordered[j] if 0 <= j < len(ordered) else None


def _blocked_strengths(overview: dict) -> list[str]:
    out = []
    if overview["words"] > 0:
        out.append(f"You have made a start: {overview['words']} words so far.")
    return out


def features_from(overview: dict, notes: list[dict], dims: dict[str, dict]) -> dict[str, float]:
    """Numbers about the essay that a calibration model can learn from."""
    words = max(1, overview["words"])
    counts: dict[str, int] = {}
    for n in notes:
        counts[n["category"]] = counts.get(n["category"], 0) + 1
    voc = overview["vocabulary"]
    st = overview["structure"]
    feats = {
        "log_words": math.log(words),
        "sentences": float(overview["sentences"]),
        "avg_sentence_words": float(overview["avg_sentence_words"]),
        "sd_sentence_words": float(st["sentence_variety"]["sd_words"]),
        "paragraphs": float(st["substantial_paragraphs"]),
        "mattr": float(voc["mattr"]),
        "long_word_share": float(voc["long_word_share"]),
        "avg_word_length": float(voc["avg_word_length"]),
        "rare_per_sqrt_words": voc["less_common_words"] / math.sqrt(words),
        "notes_per_100": len(notes) * 100 / words,
        "transitions": float(len(st["transitions"])),
        "transition_kinds": float(len(st["transition_kinds"])),
    }
    for cat in ("spelling", "grammar", "punctuation", "word choice", "style", "clarity"):
        feats[f"{cat.replace(' ', '_')}_per_100"] = counts.get(cat, 0) * 100 / words
    for d, info in sorted(dims.items()):
        feats[f"dim_{d}"] = float(info["score"])
    return {k: round(v, 4) for k, v in feats.items()}


__all__ = ["STAGES", "Engine"]


def _give_back_freed_memory() -> None:
    """Loading the word lists and models leaves tens of megabytes freed but still held by
    the C allocator (the Webster list alone: 16 MB); glibc's malloc_trim returns them to
    the system, so every worker's resident memory is what the engine really keeps."""
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    name = ctypes.util.find_library("c")
    if not name:
        return
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return  # not glibc (musl, macOS): nothing to give back this way
    trim(0)
