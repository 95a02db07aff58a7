"""Structure and argument: the "overview" stage."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from typing import Any

from .lexicon import (
    CONCLUSION_MARKERS,
    COUNTER_MARKERS,
    EVIDENCE_MARKERS,
    POSITION_MARKERS,
    STOPWORDS,
    TRANSITIONS,
)
from .placeholders import PlaceholderIndex
from .text import Document, Sentence, reading_ease, syllables


def content_words(text: str) -> list[str]:
    return [
        stem(w)
        for w in re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower())
        if w not in STOPWORDS and len(w) > 2
    ]


def stem(word: str) -> str:
    """A very light stemmer: enough to match 'schools'/'school', 'argued'/'argue'."""
    w = word.lower()
    for suf in ("ingly", "ings", "ing", "edly", "ied", "ies", "ed", "es", "ly", "s", "e"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


@cache
def _phrase_re(phrase: str) -> re.Pattern[str]:
    """The phrase as a whole-word pattern, compiled once: built afresh on every call, these
    ~200 patterns pushed the sentence splitter's out of the re module's 512-entry cache, and
    both were compiled again for every essay (~12 ms of a 600-word essay's analysis)."""
    return re.compile(r"(?<![a-z])" + re.escape(phrase) + r"(?![a-z])")


def _find_phrases(
    text_lower: str, phrases: dict[str, str] | tuple[str, ...]
) -> list[tuple[str, int, int]]:
    found = []
    for ph in sorted(phrases):
        for m in _phrase_re(ph).finditer(text_lower):
            found.append((ph, m.start(), m.end()))
    found.sort(key=lambda x: (x[1], x[2]))
    return found


def _sent_has(sent: Sentence, phrases: tuple[str, ...]) -> bool:
    low = sent.text.lower()
    return any(_phrase_re(p).search(low) for p in phrases)


def _span(sent: Sentence) -> dict[str, Any]:
    return {"start": sent.start, "end": sent.end, "text": sent.text}


def mattr(tokens: list[str], window: int = 50) -> float:
    """Moving-average type-token ratio (length-robust vocabulary diversity)."""
    if not tokens:
        return 0.0
    if len(tokens) <= window:
        return len(set(tokens)) / len(tokens)
    counts = Counter(tokens[:window])
    total = len(counts) / window
    n = 1
    for i in range(window, len(tokens)):
        counts[tokens[i]] += 1
        old = tokens[i - window]
        counts[old] -= 1
        if counts[old] == 0:
            del counts[old]
        total += len(counts) / window
        n += 1
    return total / n


def prompt_relevance(text: str, prompt: str) -> float | None:
    """Share of the prompt's key words (stemmed) that the essay uses, tempered by how
    much of the essay's vocabulary is on topic. None without a usable prompt."""
    p = set(content_words(prompt))
    if len(p) < 2:
        return None
    e = content_words(text)
    if not e:
        return 0.0
    es = set(e)
    coverage = len(p & es) / len(p)
    on_topic = sum(1 for w in e if w in p) / len(e)
    return round(min(1.0, 0.7 * coverage + 0.3 * min(1.0, on_topic * 5)), 3)


def analyse_structure(doc: Document, prompt: str, common_words: frozenset[str]) -> dict[str, Any]:
    text = doc.text
    low = text.lower()
    paras = doc.paragraphs
    sents = doc.sentences
    holders = PlaceholderIndex.of(doc.text)  # @PERSON1, [name]: not the student's words
    word_toks = [t.lower for t in doc.word_tokens if not holders.covers(t.start, t.end)]
    n_words = len(word_toks)

    # thesis: first sentence in the first (substantial) paragraph that states a position
    thesis = None
    intro_par = None
    for pi, p in enumerate(paras):
        if len(p.text.split()) >= 8:
            intro_par = pi
            break
    if intro_par is not None and len(paras) >= 1:
        for s in paras[intro_par].sentences:
            if not s.text.rstrip().endswith("?") and _sent_has(s, POSITION_MARKERS):
                thesis = _span(s)
                break
    if thesis is None and sents and n_words >= 60:
        # fall back to the last sentence of the introduction if it states a position
        first_sents = sents[:3]
        for s in first_sents:
            if not s.text.rstrip().endswith("?") and _sent_has(
                s, ("should", "must", "because", "believe", "think", "agree")
            ):
                thesis = _span(s)
                break

    substantial = [p for p in paras if len(p.text.split()) >= 8]
    has_intro = len(substantial) >= 3 or (thesis is not None and len(substantial) >= 2)
    conclusion_sentence = None
    if substantial:
        last = substantial[-1]
        for s in last.sentences:
            if _sent_has(s, CONCLUSION_MARKERS):
                conclusion_sentence = _span(s)
                break
    if conclusion_sentence is None:
        for s in sents[len(sents) // 2 :]:
            if _sent_has(s, CONCLUSION_MARKERS[:5]):
                conclusion_sentence = _span(s)
                break
    has_conclusion = conclusion_sentence is not None or (
        len(substantial) >= 3 and _sent_has(substantial[-1].sentences[0], POSITION_MARKERS)
        if substantial[-1:] and substantial[-1].sentences
        else False
    )

    topic_sentences = []
    for p in substantial[1:-1] if len(substantial) >= 3 else []:
        if p.sentences:
            topic_sentences.append(_span(p.sentences[0]))

    transitions = _find_phrases(low, TRANSITIONS)
    # "so", "then", "also", "yet" count only at a sentence start
    sent_starts = {s.start for s in sents}
    transitions = [
        t
        for t in transitions
        if t[0] not in {"so", "then", "also", "yet", "next", "overall", "despite"}
        or t[1] in sent_starts
    ]
    trans_kinds = sorted({TRANSITIONS[t[0]] for t in transitions})
    evidence = _find_phrases(low, EVIDENCE_MARKERS)
    numbers = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\b\d[\d,.]*%?", text)]
    counter = _find_phrases(low, COUNTER_MARKERS)

    # repetition: content words used very often
    cw = [w for w in word_toks if w not in STOPWORDS and len(w) > 3]
    cw_counts = Counter(cw)
    overused = [
        {"word": w, "count": c}
        for w, c in sorted(cw_counts.items(), key=lambda x: (-x[1], x[0]))
        if n_words and c >= 4 and c / max(1, n_words) > 0.02
    ][:5]
    starts = Counter(s.words[0].lower for s in sents if s.words)
    repeated_openers = [
        {"word": w, "count": c}
        for w, c in sorted(starts.items(), key=lambda x: (-x[1], x[0]))
        if c >= 3 and c / max(1, len(sents)) > 0.25
    ]

    lens = [len(s.words) for s in sents if s.words]
    mean_len = sum(lens) / len(lens) if lens else 0.0
    sd = math.sqrt(sum((x - mean_len) ** 2 for x in lens) / len(lens)) if lens else 0.0
    long_sents = [
        {"start": s.start, "end": s.end, "words": len(s.words)} for s in sents if len(s.words) > 40
    ]

    types = set(word_toks)
    rare = [w for w in types if w.isalpha() and len(w) > 2 and w not in common_words]
    long_words = sum(1 for w in word_toks if len(w) >= 7)
    vocabulary = {
        "unique_words": len(types),
        "type_token_ratio": round(len(types) / n_words, 3) if n_words else 0.0,
        "mattr": round(mattr(word_toks), 3),
        "long_word_share": round(long_words / n_words, 3) if n_words else 0.0,
        "less_common_words": len(rare),
        "avg_word_length": round(sum(len(w) for w in word_toks) / n_words, 2) if n_words else 0.0,
    }
    n_syll = sum(syllables(w) for w in word_toks)
    structure = {
        "introduction": has_intro,
        "conclusion": has_conclusion,
        "conclusion_sentence": conclusion_sentence,
        "thesis": thesis,
        "topic_sentences": topic_sentences,
        "transitions": [
            {"text": text[s:e], "start": s, "end": e, "kind": TRANSITIONS[p]}
            for p, s, e in transitions
        ],
        "transition_kinds": trans_kinds,
        "evidence_markers": [{"text": text[s:e], "start": s, "end": e} for _, s, e in evidence],
        "numbers": len(numbers),
        "counter_arguments": [{"text": text[s:e], "start": s, "end": e} for _, s, e in counter],
        "prompt_relevance": prompt_relevance(text, prompt) if prompt.strip() else None,
        "repetition": {"overused_words": overused, "repeated_sentence_openers": repeated_openers},
        "sentence_variety": {
            "mean_words": round(mean_len, 1),
            "sd_words": round(sd, 1),
            "shortest": min(lens) if lens else 0,
            "longest": max(lens) if lens else 0,
            "long_sentences": long_sents[:5],
            "question_sentences": sum(1 for s in sents if s.text.rstrip().endswith("?")),
        },
        "substantial_paragraphs": len(substantial),
    }
    return {
        "words": len(text.split()),
        "paragraphs": len(paras),
        "sentences": len(sents),
        "avg_sentence_words": round(mean_len, 1),
        "reading_ease": reading_ease(n_words, len(sents), n_syll),
        "vocabulary": vocabulary,
        "structure": structure,
    }
