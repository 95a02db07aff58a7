"""Advisories: essays that must not get a passing machine score (and why)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .lexicon import STOPWORDS
from .structure import content_words

MIN_WORDS = 50

MESSAGES = {
    "empty": "The essay is empty.",
    "too_short": "The essay is far too short to score ({words} words; at least {min} needed).",
    "off_prompt": "The essay does not seem to answer the prompt: it shares almost no key "
    "words with it.",
    "copied_prompt": "Most of the essay repeats the prompt's own words.",
    "repeated_passage": "A large part of the essay is the same passage repeated.",
    "gibberish": "Much of the text is not made of real words.",
    "not_english": "The essay does not appear to be written in English.",
}

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _shingles(words: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]


def repeated_share(words: list[str], n: int = 6) -> float:
    """Share of the word n-grams that are repeats of an earlier n-gram."""
    sh = _shingles(words, n)
    if len(sh) < 4:
        return 0.0
    seen: set[tuple[str, ...]] = set()
    rep = 0
    for s in sh:
        if s in seen:
            rep += 1
        else:
            seen.add(s)
    return rep / len(sh)


def copied_share(words: list[str], prompt_words: list[str], n: int = 4) -> float:
    """Share of the essay's words covered by n-grams that also occur in the prompt."""
    if len(words) < n or len(prompt_words) < n:
        return 0.0
    prompt_grams = set(_shingles(prompt_words, n))
    covered = [False] * len(words)
    for i, g in enumerate(_shingles(words, n)):
        if g in prompt_grams:
            for k in range(i, i + n):
                covered[k] = True
    return sum(covered) / len(words)


def detect(
    text: str,
    prompt: str,
    *,
    is_known_word: Any = None,
    relevance: float | None,
    likely_english: bool | Callable[[], bool] | None = None,
    core_mentions: int | None = None,
) -> tuple[list[dict[str, str]], dict[str, float]]:
    """Return (advisories, measurements). ``likely_english`` may be a function: it is
    called only when the word counts alone cannot tell (it costs a parse).
    ``core_mentions`` counts the essay's uses of the prompt's most telling topic words
    (argument.topic_keys): none at all in a full essay means it answers another question."""
    words = [w.lower() for w in _WORD.findall(text)]
    n = len(text.split())
    out: list[dict[str, str]] = []
    stats: dict[str, float] = {"words": float(n)}
    if not text.strip() or not words:
        out.append({"code": "empty", "message": MESSAGES["empty"]})
        return out, stats
    if n < MIN_WORDS:
        out.append(
            {"code": "too_short", "message": MESSAGES["too_short"].format(words=n, min=MIN_WORDS)}
        )
    # language and gibberish
    stop_share = sum(1 for w in words if w in STOPWORDS) / len(words)
    unknown = 0
    if is_known_word is not None:
        unknown = sum(1 for w in words if not is_known_word(w))
    unknown_share = unknown / len(words)
    stats["stopword_share"] = round(stop_share, 3)
    stats["unknown_share"] = round(unknown_share, 3)
    vowelless = sum(1 for w in words if len(w) > 3 and not re.search(r"[aeiouy]", w))
    ascii_share = sum(1 for c in text if c.isascii()) / max(1, len(text))
    if len(words) >= 5:
        if (ascii_share < 0.6 or (stop_share < 0.12 and unknown_share > 0.5)) and not (
            unknown_share > 0.5
            and stop_share < 0.03
            and ascii_share > 0.9
            and vowelless / len(words) > 0.2
        ):
            out.append({"code": "not_english", "message": MESSAGES["not_english"]})
        elif unknown_share > 0.4 or vowelless / len(words) > 0.2:
            out.append({"code": "gibberish", "message": MESSAGES["gibberish"]})
        elif (
            stop_share < 0.2
            and (likely_english() if callable(likely_english) else likely_english) is False
        ):
            out.append({"code": "not_english", "message": MESSAGES["not_english"]})
    rep = repeated_share(words)
    stats["repeated_share"] = round(rep, 3)
    if rep > 0.3 and len(words) >= 20:
        out.append({"code": "repeated_passage", "message": MESSAGES["repeated_passage"]})
    if prompt.strip():
        pw = [w.lower() for w in _WORD.findall(prompt)]
        cp = copied_share(words, pw)
        stats["copied_share"] = round(cp, 3)
        if cp > 0.5:
            out.append({"code": "copied_prompt", "message": MESSAGES["copied_prompt"]})
        elif relevance is not None and n >= MIN_WORDS:
            pkeys = set(content_words(prompt))
            if (len(pkeys) >= 3 and relevance < 0.08) or core_mentions == 0:
                out.append({"code": "off_prompt", "message": MESSAGES["off_prompt"]})
    # keep unique codes in a stable order
    seen: set[str] = set()
    uniq = []
    for a in out:
        if a["code"] not in seen:
            seen.add(a["code"])
            uniq.append(a)
    return uniq, stats
