"""The compare page's word diff on 5,000-word revisions: small edits, heavy edits, a full
rewrite, one 5,000-word paragraph. Text is generated here (our own vocabulary).

    .venv/bin/python scripts/bench/diff_bench.py
"""

from __future__ import annotations

import random
import time

from _common import ROOT, summary  # type: ignore[import-not-found]  # noqa: F401

COMMON = [
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "is",
    "that",
    "it",
    "for",
    "was",
    "on",
    "are",
    "as",
    "with",
    "they",
    "be",
    "at",
    "one",
    "have",
    "this",
]


def main() -> None:
    from coaching.presenters import word_diff

    rng = random.Random(3)
    vocabulary = COMMON * 20 + [f"word{i}" for i in range(2000)]

    def essay(paragraphs: int = 25, words: int = 200) -> str:
        return "\n\n".join(
            " ".join(rng.choice(vocabulary) for _ in range(words)) for _ in range(paragraphs)
        )

    def edit(text: str, rate: float) -> str:
        return "\n\n".join(
            " ".join(rng.choice(vocabulary) if rng.random() < rate else w for w in p.split())
            for p in text.split("\n\n")
        )

    base, single = essay(), essay(1, 5000)
    cases = {
        "2% of words changed": (base, edit(base, 0.02)),
        "40% of words changed": (base, edit(base, 0.4)),
        "rewritten": (base, essay()),
        "one 5,000-word paragraph, 5% changed": (single, edit(single, 0.05)),
        "one 5,000-word paragraph, rewritten": (single, essay(1, 5000)),
    }
    for name, (old, new) in cases.items():
        times = []
        for _ in range(5):
            started = time.perf_counter()
            word_diff(old, new)
            times.append(time.perf_counter() - started)
        print(f"{name}: {summary(times)}")


if __name__ == "__main__":
    main()
