"""The "summary" stage: strengths, next steps ordered by expected gain, and changes."""

from __future__ import annotations

from typing import Any

_CAT_PLURAL = {
    "spelling": "spelling",
    "grammar": "grammar",
    "punctuation": "punctuation and capital-letter",
    "word choice": "word-choice",
    "style": "style",
    "clarity": "clarity",
}


def _q(s: str, limit: int = 80) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 3].rsplit(" ", 1)[0] + "..."


def strengths(text: str, overview: dict, notes: list[dict], dims: dict[str, dict]) -> list[str]:
    st = overview["structure"]
    words = max(1, overview["words"])
    cands: list[tuple[float, str]] = []
    if st["thesis"]:
        cands.append(
            (
                dims["focus"]["score"],
                f'You state your position clearly: "{_q(st["thesis"]["text"])}"',
            )
        )
    if len(st["transitions"]) >= 2:
        shown: list[str] = []
        for t in st["transitions"]:
            if t["text"].lower() not in [s.lower() for s in shown]:
                shown.append(t["text"])
        cands.append(
            (
                dims["organisation"]["score"],
                "You link your ideas with words such as "
                + ", ".join(f"'{s}'" for s in shown[:3])
                + ".",
            )
        )
    if st["substantial_paragraphs"] >= 3 and st["conclusion"]:
        cands.append(
            (
                dims["organisation"]["score"] + 0.05,
                f"Your essay is organised into {st['substantial_paragraphs']} paragraphs "
                "with a conclusion.",
            )
        )
    if st["evidence_markers"]:
        e = st["evidence_markers"][0]["text"]
        cands.append(
            (
                dims["development"]["score"],
                f"You support your points with examples or details (for instance where "
                f"you write '{e}').",
            )
        )
    if st["counter_arguments"]:
        cands.append(
            (
                dims["development"]["score"] + 0.02,
                "You consider another point of view, which makes the argument stronger.",
            )
        )
    mech = [n for n in notes if n["category"] in ("spelling", "grammar", "punctuation")]
    rate = len(mech) * 100 / words
    if overview["words"] >= 80 and rate < 1.0:
        cands.append(
            (
                dims["conventions"]["score"],
                "Your spelling, grammar and punctuation are accurate: very few mistakes "
                "were found.",
            )
        )
    elif overview["words"] >= 80 and not any(n["category"] == "spelling" for n in notes):
        cands.append((0.6, "No spelling mistakes were found."))
    if overview["vocabulary"]["mattr"] >= 0.72 and overview["words"] >= 80:
        cands.append((dims["language"]["score"], "You use a varied vocabulary."))
    if overview["structure"]["sentence_variety"]["sd_words"] >= 6 and overview["sentences"] >= 5:
        cands.append(
            (
                dims["language"]["score"] - 0.05,
                "You mix short and long sentences, which keeps the writing lively.",
            )
        )
    cands.sort(key=lambda c: -c[0])
    out = [c[1] for c in cands[:3]]
    if len(out) < 2 and overview["words"] > 0:
        # developed paragraphs, as the organisation criterion counts them (not a title)
        n = overview.get("structure", {}).get("substantial_paragraphs", overview["paragraphs"])
        where = f" in {n} paragraph{'s' if n != 1 else ''}" if n else ""
        out.append(f"You wrote {overview['words']} words{where}.")
    if len(out) < 2 and overview["sentences"] > 0:
        out.append(f"You finished {overview['sentences']} sentences with punctuation.")
    return out[:3]


def next_steps(
    overview: dict,
    notes: list[dict],
    criteria: list[dict],
    dim_of: dict[str, str],
    advisories: list[dict],
) -> list[str]:
    if advisories:
        codes = [a["code"] for a in advisories]
        steps = []
        if "empty" in codes or "too_short" in codes:
            steps.append("Write a full answer: several paragraphs that respond to the task.")
        if "off_prompt" in codes or "copied_prompt" in codes:
            steps.append("Answer the question in your own words and keep to its topic.")
        if "repeated_passage" in codes:
            steps.append("Remove the repeated passage and develop new ideas instead.")
        if "gibberish" in codes or "not_english" in codes:
            steps.append("Write the essay in English sentences made of real words.")
        return steps[:3] or ["Rewrite the essay so that it answers the task."]

    st = overview["structure"]
    cands: list[tuple[float, str]] = []
    total_w = sum(c["weight"] for c in criteria) or 1.0
    for c in criteria:
        gap = (c["max_points"] - c["points"]) / max(1, c["max_points"])
        gain = gap * c["weight"] / total_w
        dim = dim_of[c["name"]]
        step = _step_for(dim, overview, notes, st)
        if step and gain > 0:
            cands.append((gain, step))
    cands.sort(key=lambda x: -x[0])
    out: list[str] = []
    for _, s in cands:
        if s not in out:
            out.append(s)
    if len(out) < 2:
        for fallback in (
            "Read your essay aloud and fix anything that sounds wrong.",
            "Add one more specific example to support your main point.",
        ):
            if len(out) < 2:
                out.append(fallback)
    return out[:3]


def _step_for(dim: str, overview: dict, notes: list[dict], st: dict) -> str | None:
    if dim == "conventions":
        counts: dict[str, int] = {}
        for n in notes:
            if n["category"] in ("spelling", "grammar", "punctuation"):
                counts[n["category"]] = counts.get(n["category"], 0) + 1
        if not counts:
            return "Proofread once more for small slips in spelling and punctuation."
        cat, k = sorted(counts.items(), key=lambda x: (-x[1], x[0]))[0]
        return (
            f"Fix the {k} {_CAT_PLURAL[cat]} mistake{'s' if k != 1 else ''} marked in your essay."
        )
    if dim == "focus":
        if not st["thesis"]:
            return "State your opinion in one clear sentence in your first paragraph."
        rel = st["prompt_relevance"]
        if rel is not None and rel < 0.4:
            return "Answer the question directly and use its key words."
        return "End with a conclusion that repeats your position in new words."
    if dim == "organisation":
        if st["substantial_paragraphs"] < 3:
            return (
                "Organise your essay into paragraphs: an introduction, one paragraph for "
                "each main point, and a conclusion."
            )
        if not st["conclusion"]:
            return "Add a short conclusion that sums up your main point."
        if len(st["transition_kinds"]) < 3:
            return (
                "Use linking words to show how ideas connect (for example 'however', "
                "'as a result', 'in addition')."
            )
        return "Start each body paragraph with a sentence that says what it is about."
    if dim == "development":
        if not st["evidence_markers"]:
            return "Support each main point with a specific example, fact or experience."
        if not st["counter_arguments"]:
            return "Mention a view that disagrees with yours and explain why you still hold yours."
        return "Explain each example: say how it proves your point."
    if dim == "language":
        over = st["repetition"]["overused_words"]
        if over:
            return (
                f"Replace some repeats of '{over[0]['word']}' ({over[0]['count']} times) "
                "with other words."
            )
        if st["sentence_variety"]["sd_words"] < 4:
            return "Vary your sentences: combine some short ones and split very long ones."
        return "Use more precise words instead of general ones like 'good', 'bad' or 'thing'."
    return None


def changes(current: dict[str, Any], previous: dict[str, Any] | None) -> list[str]:
    if not previous:
        return []
    out: list[str] = []
    cur_notes = current.get("notes", {}).get("annotations", [])
    prev_notes = previous.get("notes", {}).get("annotations", [])

    def by_cat(notes: list[dict]) -> dict[str, int]:
        d: dict[str, int] = {}
        for n in notes:
            d[n.get("category", "")] = d.get(n.get("category", ""), 0) + 1
        return d

    cb, pb = by_cat(cur_notes), by_cat(prev_notes)
    for cat in ("spelling", "grammar", "punctuation", "word choice", "style", "clarity"):
        a, b = pb.get(cat, 0), cb.get(cat, 0)
        if a != b:
            word = "fewer" if b < a else "more"
            out.append(f"{word.capitalize()} {cat} notes: {a} before, {b} now.")
    pw = previous.get("overview", {}).get("words")
    cw = current.get("overview", {}).get("words")
    if isinstance(pw, int) and isinstance(cw, int) and pw != cw:
        out.append(f"Length: {pw} words before, {cw} now.")
    prev_crit = {c["name"]: c for c in previous.get("scores", {}).get("criteria", [])}
    for c in current.get("scores", {}).get("criteria", []):
        p = prev_crit.get(c["name"])
        if p is None:
            continue
        if c["points"] > p["points"]:
            out.append(f"{c['name']} improved: {p['level']} to {c['level']}.")
        elif c["points"] < p["points"]:
            out.append(f"{c['name']} went down: {p['level']} to {c['level']}.")
    ps = previous.get("overview", {}).get("structure", {})
    cs = current.get("overview", {}).get("structure", {})
    if ps and cs:
        if not ps.get("thesis") and cs.get("thesis"):
            out.append("You now state your position clearly.")
        if not ps.get("conclusion") and cs.get("conclusion"):
            out.append("You added a conclusion.")
    if not out:
        out.append("No measurable change since the last version.")
    return out
