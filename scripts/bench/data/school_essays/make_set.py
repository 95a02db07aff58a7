"""Build school_essays.jsonl: short school essays on four prompts, graded 2-12.

    .venv/bin/python scripts/bench/data/school_essays/make_set.py

Every base essay in base/ was written by hand for this project. The set holds each base
essay once, with the grade its writer gave it, plus variants of the strong and middle
essays made worse in documented, writer-like ways (see README.md), graded by a fixed
marking scheme plus a little rater noise. Deterministic (seeded); rerunning rewrites the
same file.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROMPTS = {
    "uniform": "Should students have to wear a school uniform? Give your opinion and reasons.",
    "helped": "Write about a time you helped someone. What happened and what did you learn?",
    "computers": "Write a letter to your local newspaper: do computers do more good than harm?",
    "start": "Should the school day start later? Explain your view.",
}
# the grade the writer gave each hand-written essay (2-12: two raters' 1-6 summed)
BASE_GRADES = {
    "uniform_good_1": 12, "uniform_good_2": 11, "helped_good_1": 12, "helped_good_2": 11,
    "computers_good_1": 12, "computers_good_2": 11, "start_good_1": 11, "start_good_2": 11,
    "uniform_mid_1": 7, "helped_mid_1": 7, "computers_mid_1": 7, "start_mid_1": 6,
    "uniform_weak_1": 3, "helped_weak_1": 2, "computers_weak_1": 3, "start_weak_1": 2,
}  # fmt: skip

# how children commonly misspell words (written from experience, not from a corpus)
MISSPELL = {
    "because": "becuase", "friend": "freind", "friends": "freinds", "their": "there",
    "too": "to", "believe": "beleive", "really": "realy", "which": "wich",
    "different": "diffrent", "until": "untill", "necessary": "neccessary",
    "separate": "seperate", "tomorrow": "tommorow", "embarrassed": "embarassed",
    "don't": "dont", "I'm": "im", "it's": "its", "definitely": "definately",
    "beautiful": "beautifull", "environment": "enviroment", "government": "goverment",
    "probably": "probly", "interesting": "intresting", "comfortable": "comfterble",
    "library": "libary", "February": "Febuary", "surprise": "suprise", "could": "cud",
    "would": "wud", "people": "peple", "school": "skool", "brother": "bruther",
    "opinion": "opinon", "important": "importent", "actually": "acually",
    "expensive": "expencive", "though": "tho", "through": "thru", "whole": "hole",
}  # fmt: skip
# longer words a weaker writer would say more plainly
SIMPLER = {
    "concentrate": "think", "recommend": "say", "community": "town", "expressing": "showing",
    "personality": "who you are", "embarrassed": "sad", "furious": "angry",
    "responsible": "good", "sensible": "ok", "comfort": "being comfy",
    "uncomfortable": "not comfy", "constant": "lots of",
    "notifications": "messages", "elderly": "old", "research": "finding stuff",
    "excellent": "really good", "confident": "sure", "benefits": "good things",
    "attractive": "nice", "difficulty": "problem", "solution": "answer",
    "realised": "saw", "patient": "nice", "shallow": "fake", "dreading": "scared of",
    "apologising": "saying sorry", "eruption": "volcano", "organise": "sort out",
    "consequences": "what happens", "opportunity": "chance", "therefore": "so",
    "however": "but", "However": "But", "Furthermore": "Also", "In addition": "Also",
    "Secondly": "Also", "Firstly": "First", "In conclusion": "So", "To sum up": "So",
}  # fmt: skip
NAMES = ("Mr Patel", "Sam", "Mum", "Iceland")
PLACES = ("Iceland",)


def sentences(par: str) -> list[str]:
    return re.findall(r"[^.!?]+[.!?]+[\"']?\s*|[^.!?]+$", par)


def truncate(paras: list[str], keep: float, rng: random.Random) -> list[str]:
    """A writer who runs out of time: the essay stops after a share of its sentences."""
    flat = [(i, s) for i, p in enumerate(paras) for s in sentences(p)]
    n = max(2, round(len(flat) * keep))
    out: dict[int, str] = {}
    for i, s in flat[:n]:
        out[i] = out.get(i, "") + s
    return [out[i].strip() for i in sorted(out)]


def misspell(text: str, rate: float, rng: random.Random) -> tuple[str, int]:
    """Spelling slips: a known childish misspelling, else a letter dropped, doubled or swapped."""
    count = 0

    def slip(m: re.Match[str]) -> str:
        nonlocal count
        w = m.group()
        if rng.random() >= rate:
            return w
        if w in MISSPELL:
            count += 1
            return MISSPELL[w]
        if len(w) < 5 or not w.isalpha() or w[0].isupper():
            return w
        i = rng.randrange(1, len(w) - 1)
        kind = rng.choice(("drop", "double", "swap"))
        count += 1
        if kind == "drop":
            return w[:i] + w[i + 1 :]
        if kind == "double":
            return w[:i] + w[i] + w[i:]
        return w[:i] + w[i + 1] + w[i] + w[i + 2 :]

    return re.sub(r"[A-Za-z']+", slip, text), count


def lowercase(text: str) -> str:
    """No capitals at sentence starts, 'i' for 'I'."""
    text = re.sub(r"(^|[.!?]\s+)([A-Z])", lambda m: m.group(1) + m.group(2).lower(), text)
    return re.sub(r"\bI\b", "i", text)


def run_ons(text: str, share: float, rng: random.Random) -> str:
    """Sentences joined with a comma or nothing (comma splices, run-ons)."""

    def join(m: re.Match[str]) -> str:
        if rng.random() >= share:
            return m.group()
        sep = rng.choice((", ", " ", " and "))
        word = m.group(2)
        return sep + (word if word == "I" else word[0].lower() + word[1:])

    return re.sub(r"(\.\s+)([A-Z][\w']*)", join, text)


def simplify(text: str) -> str:
    for hard, easy in SIMPLER.items():
        text = re.sub(rf"\b{re.escape(hard)}\b", easy, text)
    return text


def agreement_slips(text: str, rng: random.Random) -> tuple[str, int]:
    """Subject-verb slips a hurried writer makes: 'they was', 'it don't', 'students is'."""
    swaps = [
        (r"\bthey were\b", "they was"),
        (r"\bwe were\b", "we was"),
        (r"\bdoes not\b", "do not"),
        (r"\bstudents are\b", "students is"),
        (r"\bthere are\b", "there is"),
        (r"\bhe was\b", "he were"),
        (r"\bpeople are\b", "people is"),
    ]
    count = 0
    for pat, rep in swaps:
        if re.search(pat, text) and rng.random() < 0.7:
            text = re.sub(pat, rep, text, count=1)
            count += 1
    return text, count


def anonymise(text: str, rng: random.Random) -> str:
    """What a data release does: names, places, numbers and some capitalised words
    replaced by tokens (@PERSON1, @LOCATION1, @NUM1, @CAPS1)."""
    people: dict[str, str] = {}
    for name in ("Mr Patel", "Sam", "Biscuit"):
        if name in text:
            people[name] = f"@PERSON{len(people) + 1}"
            text = text.replace(name, people[name])
    for i, place in enumerate(("Iceland",), 1):
        text = text.replace(place, f"@LOCATION{i}")
    nums = 0

    def num(m: re.Match[str]) -> str:
        nonlocal nums
        nums += 1
        return f"@NUM{nums}"

    text = re.sub(r"\b(?:seven|eight|nine|ten|forty|thirty|two hundred|\d+)\b", num, text)
    if rng.random() < 0.5:
        text = text.replace("Dear Editor", "Dear @CAPS1")
    return text


def variant(base: str, grade: int, rng: random.Random) -> tuple[str, float, list[str]]:
    paras = [p.strip() for p in base.split("\n\n") if p.strip()]
    steps: list[str] = []
    penalty = 0.0
    keep = rng.choice((1.0, 1.0, 0.8, 0.6, 0.45, 0.3))
    if keep < 1.0:
        paras = truncate(paras, keep, rng)
        penalty += 5.0 * (1.0 - keep)
        steps.append(f"truncate:{keep}")
    if rng.random() < 0.35:
        paras = [" ".join(paras)]
        penalty += 0.7
        steps.append("one-paragraph")
    text = "\n\n".join(paras)
    if rng.random() < 0.4:
        text = simplify(text)
        penalty += 1.0
        steps.append("simplify")
    rate = rng.choice((0.0, 0.0, 0.02, 0.05, 0.08, 0.12))
    if rate:
        text, n = misspell(text, rate, rng)
        words = max(1, len(text.split()))
        penalty += min(3.5, 30.0 * n / words)
        steps.append(f"misspell:{rate}")
    if rng.random() < 0.3:
        text, n = agreement_slips(text, rng)
        penalty += 0.5 * n
        steps.append(f"agreement:{n}")
    if rng.random() < 0.3:
        share = rng.choice((0.3, 0.6))
        text = run_ons(text, share, rng)
        penalty += 2.5 * share
        steps.append(f"run-ons:{share}")
    if rng.random() < 0.2:
        text = lowercase(text)
        penalty += 1.0
        steps.append("lowercase")
    if rng.random() < 0.5:
        text = anonymise(text, rng)
        steps.append("anonymise")
    noisy = grade - penalty + rng.gauss(0.0, 1.0)
    return text, noisy, steps


def main() -> None:
    rng = random.Random(2026)
    rows = []
    for path in sorted((HERE / "base").glob("*.txt")):
        name = path.stem
        prompt = name.split("_")[0]
        text = path.read_text(encoding="utf-8").strip()
        grade = BASE_GRADES[name]
        rows.append(
            {"id": name, "prompt": PROMPTS[prompt], "text": text, "score": grade, "made": "hand"}
        )
        copies = 11 if "_good_" in name else 5 if "_mid_" in name else 0
        for k in range(copies):
            new, noisy, steps = variant(text, grade, rng)
            score = min(12, max(2, round(noisy)))
            rows.append(
                {
                    "id": f"{name}-v{k + 1}",
                    "prompt": PROMPTS[prompt],
                    "text": new,
                    "score": score,
                    "made": " ".join(steps) or "copy",
                }
            )
    for r in rows:
        r["score_min"], r["score_max"] = 2, 12
    out = HERE / "school_essays.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    hist: dict[int, int] = {}
    for r in rows:
        hist[r["score"]] = hist.get(r["score"], 0) + 1
    print(f"{len(rows)} essays -> {out.name}; grades {dict(sorted(hist.items()))}")


if __name__ == "__main__":
    main()
