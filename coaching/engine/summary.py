"""The "summary" stage: strengths that are true of this essay, next steps ranked by what
would raise the score most, and what changed since the last revision (and why)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

_CAT_PLURAL = {
    "spelling": "spelling",
    "grammar": "grammar",
    "punctuation": "punctuation and capital-letter",
    "word choice": "word-choice",
    "style": "style",
    "clarity": "clarity",
}
MECHANICS = ("spelling", "grammar", "punctuation")
# errors per 100 words (estimated) from which grammar comes first among the next steps
DENSE_ERRORS = 4.0


def _q(s: str, limit: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def _noted(notes: list[dict], start: int, end: int) -> bool:
    """Does any note touch the span (a note's point counts when it is inside)?"""
    return any(n["start"] < end and start <= max(n["end"], n["start"]) for n in notes)


def strengths(text: str, overview: dict, notes: list[dict], dims: dict[str, dict]) -> list[str]:
    """What the essay does well, each true of it; a sentence quoted as a model never has a
    note in it."""
    st = overview["structure"]
    arg = overview.get("argument") or {}
    concerns = {c["code"] for c in overview.get("concerns", [])}
    gamed = bool(concerns & {"stuffed_linking", "rare_words", "prompt_padding"})
    words = overview["words"]
    cands: list[tuple[float, str]] = []

    rate = float(dims["conventions"].get("basis", {}).get("errors_per_100", 99.0))
    # where errors are dense, a sentence without a note probably has one we missed: praise
    # the move without holding the sentence up as a model
    quotable = rate < DENSE_ERRORS

    def clean(span: dict) -> bool:
        """No note anywhere in the whole sentence the span comes from."""
        return not _noted(notes, span["start"], max(span["end"], span.get("sentence_end", 0)))

    def quote(span: dict, key: str = "text") -> str:
        return f": \u201c{_q(span[key])}\u201d" if quotable and clean(span) else "."

    pos = arg.get("position")
    if pos and dims["focus"]["score"] >= 0.5 and not gamed:
        cands.append(
            (
                dims["focus"]["score"] + 0.05,
                "You answer the question in a sentence of your own" + quote(pos),
            )
        )
    on_topic = [
        p
        for p in arg.get("paragraphs", [])
        if p["on_topic"] is not False and p["role"] != "introduction"
    ]
    if not gamed:
        examples = [e for p in on_topic for e in p["examples"]]
        examples.sort(key=lambda e: not clean(e))  # a clean one to quote, if there is one
        if examples and dims["development"]["score"] >= 0.4:
            cands.append(
                (
                    dims["development"]["score"],
                    "You back up a point with a specific example" + quote(examples[0]),
                )
            )
        counter = [c for p in on_topic for c in p["counter"]]
        counter.sort(key=lambda c: not clean(c))
        if counter and dims["development"]["score"] >= 0.4:
            cands.append(
                (
                    dims["development"]["score"] - 0.02,
                    "You take on another view instead of ignoring it" + quote(counter[0]),
                )
            )
    jobs = [p for p in arg.get("paragraphs", []) if p["job"]]
    paragraphs = arg.get("paragraphs", [])
    if len(paragraphs) >= 4 and len(jobs) == len(paragraphs) and not gamed:
        cands.append(
            (
                dims["organisation"]["score"],
                f"Each of your {len(paragraphs)} paragraphs does a clear job: the first "
                f"{paragraphs[0]['job']}, the last {paragraphs[-1]['job']}.",
            )
        )
    marked = sum(1 for n in notes if n["category"] in MECHANICS)
    if words >= 80 and rate < 1.5:
        cands.append(
            (
                dims["conventions"]["score"],
                "Your spelling, grammar and punctuation are careful: "
                + (f"{marked} small slip{'s' if marked != 1 else ''}" if marked else "no mistake")
                + f" marked in {words} words.",
            )
        )
    elif words >= 80 and not any(n["category"] == "spelling" for n in notes) and rate < 4:
        cands.append((0.5, "No spelling mistakes were marked."))
    lang = dims["language"]
    if lang["score"] >= 0.6 and lang["evidence"] and not gamed and quotable:
        e = lang["evidence"][0]
        if clean(e):
            cands.append(
                (
                    lang["score"] - 0.03,
                    f"You choose precise words, for example: \u201c{_q(e['quote'])}\u201d",
                )
            )
    sv = st["sentence_variety"]
    if sv["sd_words"] >= 6 and overview["sentences"] >= 5 and lang["score"] >= 0.5 and not gamed:
        cands.append(
            (
                lang["score"] - 0.06,
                f"You mix short and long sentences ({sv['shortest']} to {sv['longest']} "
                "words), which keeps the writing lively.",
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
    dims: dict[str, dict] | None = None,
    prompt: str = "",
) -> list[str]:
    """At most three steps, the one that would raise the score most first."""
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

    dims = dims or {}
    cands: list[tuple[float, str]] = []
    total_w = sum(c["weight"] for c in criteria) or 1.0
    gains: dict[str, float] = {}
    for c in criteria:
        gap = (c["max_points"] - c["points"]) / max(1, c["max_points"])
        dim = dim_of[c["name"]]
        gains[dim] = gains.get(dim, 0.0) + gap * c["weight"] / total_w
    question = _first_sentence(prompt)
    for dim, gain in gains.items():
        if gain <= 0:
            continue
        for boost, step in _steps_for(dim, overview, notes, dims, question):
            cands.append((gain + boost, step))
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


def _first_sentence(prompt: str) -> str:
    m = re.match(r"\s*([^?.!]+[?.!]?)", prompt or "")
    return _q(m.group(1), 100) if m else ""


def _steps_for(
    dim: str, overview: dict, notes: list[dict], dims: dict[str, dict], question: str
) -> list[tuple[float, str]]:
    """(extra priority, step) for one dimension, from what the essay does."""
    st = overview["structure"]
    arg = overview.get("argument") or {}
    concerns = {c["code"] for c in overview.get("concerns", [])}
    paragraphs = arg.get("paragraphs", [])
    off = arg.get("off_topic_paragraphs", [])
    steps: list[tuple[float, str]] = []
    if dim in ("focus", "development", "overall") and off:
        p = off[0]
        steps.append(
            (
                1.0,
                f"Paragraph {p['index'] + 1} (\u201c{_q(p['quote'], 60)}\u201d) is off the "
                "question: replace it with a paragraph that answers "
                + (f"\u201c{question}\u201d." if question else "the question."),
            )
        )
    if dim == "conventions" or dim == "overall":
        steps.extend(_conventions_steps(notes, dims))
    if dim == "focus":
        if "prompt_padding" in concerns:
            steps.append((0.5, "Answer the question in your own words instead of repeating it."))
        pos = arg.get("position")
        if not pos:
            steps.append(
                (
                    0.3,
                    "Say where you stand in one sentence of your own in the first paragraph, "
                    "with your main reason (for example \u201cI believe \u2026 because "
                    "\u2026\u201d).",
                )
            )
        elif pos["where"] != "opening":
            steps.append(
                (
                    0.1,
                    "Put your answer to the question in the first paragraph, not only at the end.",
                )
            )
        elif not pos.get("reasoned"):
            steps.append(
                (0.0, "Add your main reason to your position sentence, so the reader knows why.")
            )
        else:
            steps.append(
                (-0.05, "End with a conclusion that gives your answer again in new words.")
            )
    if dim == "development":
        if "stuffed_linking" in concerns or "rare_words" in concerns:
            steps.append(
                (
                    0.5,
                    "Replace the piled-up linking words and rare words with real points: in "
                    "each paragraph, one claim, the reason for it and an example.",
                )
            )
        examples = sum(
            len(p["examples"])
            for p in paragraphs
            if p["on_topic"] is not False and p["role"] != "introduction"
        )
        bare = [p for p in paragraphs if p["role"] == "body" and p["job"] == "makes a point"]
        if not examples:
            steps.append(
                (
                    0.2,
                    "Back up each reason with a specific example: something that happened, a "
                    "fact or a case you know.",
                )
            )
        elif bare:
            steps.append(
                (
                    0.1,
                    f"Paragraph {bare[0]['index'] + 1} makes a point without a reason or an "
                    "example: add one that shows why it is true.",
                )
            )
        if not any(p["counter"] for p in paragraphs):
            steps.append(
                (
                    0.0,
                    "Answer a view that disagrees with yours and explain why you still hold yours.",
                )
            )
        steps.append((-0.1, "Explain each example: say how it proves your point."))
    if dim == "organisation":
        idle = [p for p in paragraphs if not p["job"] and p["words"] >= 15 and p["on_topic"]]
        if len(paragraphs) <= 1 or st["substantial_paragraphs"] < 3:
            steps.append(
                (
                    0.2,
                    "Organise your essay into paragraphs: an introduction with your answer, one "
                    "paragraph for each reason, and a conclusion.",
                )
            )
        if "stuffed_linking" in concerns:
            steps.append(
                (
                    0.4,
                    "Use a linking word only where it shows a real link (a contrast, a cause, "
                    "an example), not at the start of every sentence.",
                )
            )
        if idle:
            steps.append(
                (
                    0.1,
                    f"Give paragraph {idle[0]['index'] + 1} one job: a point on the question, "
                    "then its reason and an example.",
                )
            )
        if paragraphs and not (paragraphs[-1]["role"] == "conclusion" and paragraphs[-1]["job"]):
            steps.append(
                (0.05, "End with a short paragraph that answers the question again in new words.")
            )
        if len(st["transition_kinds"]) < 2 and "stuffed_linking" not in concerns:
            steps.append(
                (
                    0.0,
                    "Show how your ideas connect with linking words (for example 'however', "
                    "'as a result', 'for example').",
                )
            )
    if dim == "language":
        if "rare_words" in concerns:
            steps.append(
                (
                    0.3,
                    "Use words you would use to explain your idea to a friend: long, rare words "
                    "earn nothing when the sentence does not make sense.",
                )
            )
        over = st["repetition"]["overused_words"]
        if over:
            steps.append(
                (
                    -0.05,
                    f"Replace some repeats of '{over[0]['word']}' ({over[0]['count']} times) "
                    "with other words.",
                )
            )
        elif st["sentence_variety"]["sd_words"] < 4:
            steps.append(
                (-0.05, "Vary your sentences: combine some short ones and split very long ones.")
            )
        else:
            steps.append(
                (
                    -0.1,
                    "Use more precise words instead of general ones like 'good', 'bad' or 'thing'.",
                )
            )
    return steps


def _conventions_steps(notes: list[dict], dims: dict[str, dict]) -> list[tuple[float, str]]:
    counts = Counter(n["category"] for n in notes if n["category"] in MECHANICS)
    rate = float(dims.get("conventions", {}).get("basis", {}).get("errors_per_100", 0.0))
    if not counts:
        return [(-0.1, "Proofread once more for small slips in spelling and punctuation.")]
    cat, k = sorted(counts.items(), key=lambda x: (-x[1], x[0]))[0]
    if rate >= DENSE_ERRORS:
        total = sum(counts.values())
        return [
            (
                0.6,
                f"Errors are frequent (about {rate:.0f} in every 100 words): correct the "
                f"{total} marked mistakes first, then read each sentence again checking that "
                "the verb agrees with its subject ('they are', 'she has') and that every "
                "sentence ends before a new one starts.",
            )
        ]
    return [(0.0, f"Fix the {k} {_CAT_PLURAL[cat]} mistake{'s' if k != 1 else ''} marked.")]


# ---------------------------------------------------------------------------- changes


def _note_keys(notes: list[dict], text: str | None) -> Counter:
    """Notes by (rule, the words they point at): the same slip keeps its key when the
    text around it moves."""
    keys: Counter = Counter()
    for n in notes:
        if text is None:
            words = n.get("message", "")
        else:
            a, b = n["start"], n["end"]
            if a == b:  # a point: name the word before it
                a = max(0, text.rfind(" ", 0, max(0, a - 1)) + 1)
            words = " ".join(text[a:b].split()).lower()
        keys[(n.get("rule", ""), n.get("category", ""), words)] += 1
    return keys


_WHY = {
    "conventions": ("errors_per_100", "estimated errors per 100 words", "{:.1f}"),
    "development": ("examples", "specific examples on the question", "{}"),
    "organisation": ("jobs", "paragraphs with a clear job", "{}"),
    "focus": ("off", "paragraphs off the question", "{}"),
    "language": ("mattr", "different words per 100", "{:.2f}"),
}


def changes(
    current: dict[str, Any],
    previous: dict[str, Any] | None,
    *,
    text: str | None = None,
    previous_text: str | None = None,
) -> list[str]:
    """Which notes were fixed (and which are new), which criteria moved and why."""
    if not previous:
        return []
    out: list[str] = []
    cur_notes = current.get("notes", {}).get("annotations", [])
    prev_notes = previous.get("notes", {}).get("annotations", [])
    both = text is not None and previous_text is not None
    cur_k = _note_keys(cur_notes, text if both else None)
    prev_k = _note_keys(prev_notes, previous_text if both else None)
    fixed = prev_k - cur_k
    new = cur_k - prev_k
    if fixed:
        n_fixed = sum(fixed.values())
        fixed_cats = Counter(c for (_, c, _) in fixed.elements())
        shown = [w for (_, _, w) in fixed if w][:4] if both else []
        out.append(
            f"Fixed: {n_fixed} of the {len(prev_notes)} notes on the last version ("
            + ", ".join(f"{v} {k}" for k, v in sorted(fixed_cats.items()))
            + (": " + ", ".join(f"\u2018{_q(w, 30)}\u2019" for w in shown) if shown else "")
            + ")."
        )
    if new:
        n_new = sum(new.values())
        cats = Counter(c for (_, c, _) in new.elements())
        out.append(
            f"New notes: {n_new} (" + ", ".join(f"{v} {k}" for k, v in sorted(cats.items())) + ")."
        )
    pw = previous.get("overview", {}).get("words")
    cw = current.get("overview", {}).get("words")
    if isinstance(pw, int) and isinstance(cw, int) and pw != cw:
        out.append(f"Length: {pw} words before, {cw} now.")
    prev_crit = {c["name"]: c for c in previous.get("scores", {}).get("criteria", [])}
    for c in current.get("scores", {}).get("criteria", []):
        p = prev_crit.get(c["name"])
        if p is None or c["points"] == p["points"]:
            continue
        moved = "rose" if c["points"] > p["points"] else "fell"
        line = f"{c['name']} {moved} from {p['level']} to {c['level']}"
        why = _WHY.get(c.get("dimension", ""))
        before = (p.get("basis") or {}).get(why[0]) if why else None
        after = (c.get("basis") or {}).get(why[0]) if why else None
        if why and before is not None and after is not None and before != after:
            fmt = why[2]
            line += f": {why[1]} {fmt.format(before)} before, {fmt.format(after)} now"
        out.append(line + ".")
    ps = previous.get("overview", {}).get("structure", {})
    cs = current.get("overview", {}).get("structure", {})
    if ps and cs:
        if not ps.get("thesis") and cs.get("thesis"):
            out.append("You now state your position in a sentence of your own.")
        if not ps.get("conclusion") and cs.get("conclusion"):
            out.append("You added a conclusion.")
    if not out:
        out.append("No measurable change since the last version.")
    return out
