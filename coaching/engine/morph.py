"""Word-form lookups (Penn tags a word can carry, base forms), from lemminflect's lexicon."""

from __future__ import annotations

from functools import lru_cache

import lemminflect

_UPOS_TAGS = {
    "VERB": ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ"),
    "AUX": ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ"),
    "NOUN": ("NN", "NNS"),
    "ADJ": ("JJ", "JJR", "JJS"),
    "ADV": ("RB", "RBR", "RBS"),
}


@lru_cache(maxsize=200_000)
def all_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's base forms of the (lower-case) word by part of speech, looked up once
    (the lookup copies its tables, so it is worth caching). Do not modify the result."""
    return {u: tuple(v) for u, v in lemminflect.getAllLemmas(word.lower()).items()}


@lru_cache(maxsize=200_000)
def tags(word: str) -> frozenset[str]:
    """Penn tags the (lower-case) word can have according to the lexicon (no guessing)."""
    w = word.lower()
    out: set[str] = set()
    lemmas = all_lemmas(w)
    for upos, lems in lemmas.items():
        for lemma in lems:
            infl = lemminflect.getAllInflections(lemma, upos=upos)
            for tag, forms in infl.items():
                if w in forms:
                    out.add(tag)
            if upos in ("ADJ", "ADV") and lemma == w:
                out.add("JJ" if upos == "ADJ" else "RB")
            if upos == "NOUN" and lemma == w and not infl:
                out.add("NN")
    return frozenset(out)


@lru_cache(maxsize=200_000)
def lemmas(word: str, upos: str) -> tuple[str, ...]:
    return all_lemmas(word.lower()).get(upos, ())


@lru_cache(maxsize=200_000)
def inflect(lemma: str, tag: str) -> str | None:
    forms = lemminflect.getInflection(lemma, tag=tag)
    return forms[0] if forms else None


@lru_cache(maxsize=200_000)
def first_lemma(word: str, upos: tuple[str, ...] = ("NOUN", "VERB", "ADJ")) -> str | None:
    """The first base form of the word under the first part of speech that has one."""
    found = all_lemmas(word.lower())
    for u in upos:
        if found.get(u):
            return found[u][0]
    return None


def is_known(word: str) -> bool:
    return bool(all_lemmas(word.lower()))


def base_verb(word: str) -> str | None:
    lem = lemmas(word, "VERB")
    return lem[0] if lem else None


def only_verb_forms(word: str, allowed: set[str]) -> bool:
    t = tags(word)
    return bool(t) and t <= allowed
