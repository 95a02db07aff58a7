"""Hostile essay text through the engine (issue 9): time and harper.js's resident memory for
a 2,000- and a 5,000-letter "word", 5,000 emoji words, an essay past ESSAY_MAX_WORDS, and a
normal essay whose previous revision held the giant word. Before the bounds: 1.8 GB, a
crash, a timeout.

    .venv/bin/python scripts/bench/hostile_engine.py
"""

from __future__ import annotations

import os
import time

from _common import ROOT  # type: ignore[import-not-found]  # noqa: F401

from coaching.engine import Engine, EssayInput
from coaching.engine.harper_js import recycled_count, rss_mb, server_info

ESSAY = (
    "School uniforms should be required in every secondary school.\n\n"
    "First, uniforms reduce pressure about clothes. When everyone wears the same jacket, "
    "nobody is judged for wearing cheap or unfashionable things.\n\n"
    "Second, uniforms save families money. A few shirts and trousers cost less than a "
    "wardrobe of fashionable clothes, and they last for years.\n\n"
    "In conclusion, schools should adopt them because they are fair and cheap.\n"
)


def node_mb() -> int | None:
    pid = server_info().get("pid")
    return rss_mb(pid) if pid else None


def main() -> None:
    started = time.perf_counter()
    engine = Engine(harper_max_rss_mb=1000)
    print(
        f"start-up {time.perf_counter() - started:.1f} s; Python {rss_mb(os.getpid())} MB, "
        f"Node {node_mb()} MB"
    )
    giant = ESSAY.replace("cheap or", "cheap " + "c" * 5000 + " or")
    cases = [
        ("2,000-letter word", EssayInput(text=ESSAY.replace("cheap or", f"cheap {'b' * 2000} or"))),
        ("5,000-letter word", EssayInput(text=giant)),
        ("5,000 emoji words", EssayInput(text=" ".join(["😀", "👩‍👩‍👧‍👦", "🇬🇧", "🎉"] * 1250))),
        ("5,400-word essay", EssayInput(text="Students learn more when they sleep. " * 900)),
        ("previous revision: 5,000-letter word", EssayInput(text=ESSAY, previous_text=giant)),
    ]
    for name, essay in cases:
        t = time.perf_counter()
        result = engine.analyze(essay)
        notes = [
            n["rule"] for n in result["notes"]["annotations"] if n["rule"].startswith("bounds")
        ]
        print(
            f"{name:38} {time.perf_counter() - t:5.2f} s  Node {node_mb()} MB  "
            f"notes {notes or '-'}  skipped {result['notes'].get('skipped', '-')}"
        )
    print(f"Node processes recycled for memory: {recycled_count()}")


if __name__ == "__main__":
    main()
