"""The argument, paragraph by paragraph: what the prompt is about, whether each paragraph
keeps to it and what job it does, where the writer's position is, and the signs of an essay
written for a marking machine rather than a reader (stuffed linking words, the prompt
copied and padded, long rare words that do not make sense together).

Pure measurement on the text: the levels that rest on it are decided in scoring.py.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import morph
from .lexicon import STOPWORDS, TRANSITIONS
from .text import Document, Paragraph, Sentence

# Words of a prompt that set the task rather than the topic ("give reasons and examples").
INSTRUCTION_WORDS = frozenset(
    {
        "answer",
        "argue",
        "argument",
        "agree",
        "both",
        "consider",
        "describe",
        "detail",
        "details",
        "disagree",
        "discuss",
        "essay",
        "evidence",
        "example",
        "examples",
        "explain",
        "give",
        "idea",
        "ideas",
        "opinion",
        "own",
        "point",
        "points",
        "question",
        "reason",
        "reasons",
        "side",
        "sides",
        "support",
        "think",
        "use",
        "view",
        "views",
        "whether",
        "write",
        "your",
    }
)

# A sentence that states where the writer stands (a stance word and a claim).
STANCE = (
    "i believe",
    "i think",
    "in my opinion",
    "in my view",
    "i agree",
    "i disagree",
    "i partly agree",
    "i would argue",
    "i argue",
    "i am convinced",
    "i feel that",
    "i prefer",
    "i would choose",
    "i do not believe",
    "i do not think",
    "i don't think",
    "i dont think",
    "should",
    "must",
    "ought to",
    "is better",
    "are better",
    "is the best",
)
PERSONAL_STANCE = tuple(p for p in STANCE if p.startswith("i ") or p.startswith("in my"))
_MODALS = ("should", "must", "ought", "better", "best")


def _modal_on_topic(ws: list[str], keys: set[str]) -> bool:
    """'schools should start later': a modal verdict with a topic word just before or after
    it (not 'we must all think about it')."""
    for i, w in enumerate(ws):
        if w in _MODALS:
            near = ws[max(0, i - 4) : i] + ws[i + 1 : i + 7]
            if {norm(x) for x in near} & keys:
                return True
    return False


# a position that gives its reason or its limits is stronger than a bare verdict
QUALIFIERS = (
    "because",
    "since",
    "as long as",
    "although",
    "though",
    "but",
    "rather than",
    "instead",
    "only if",
    "unless",
    "while",
    "so that",
)
REASON_MARKERS = (
    "because",
    "since",
    "as a result",
    "this means",
    "which means",
    "the reason",
    "so that",
    "this is why",
    "that is why",
    "leads to",
    "helps",
    "causes",
)
EXAMPLE_MARKERS = (
    "for example",
    "for instance",
    "such as",
    "according to",
    "research",
    "studies",
    "study",
    "survey",
    "report",
    "percent",
    "when i",
    "when my",
    "when we",
    "last year",
    "last week",
    "last spring",
    "last summer",
    "last winter",
    "in my school",
    "in my class",
    "in my city",
    "in my town",
    "my brother",
    "my sister",
    "my friend",
    "my cousin",
    "my parents",
    "my mother",
    "my father",
    "my younger",
    "my older",
    "my class",
    "our class",
    "at my",
)
# another view, named as someone else's (a contrast word alone is not one)
_OTHERS = (
    "some people",
    "many people",
    "other people",
    "most people",
    "some parents",
    "some teachers",
    "some students",
    "others",
)
_VIEW_VERBS = (
    "think",
    "say",
    "says",
    "believe",
    "argue",
    "claim",
    "feel",
    "want",
    "prefer",
    "point out",
    "worry",
    "disagree",
    "agree",
)
# another view, named as someone else's (a contrast word alone is not one; nor is 'many
# people have asked')
COUNTER_VIEW = (
    *(f"{who} {verb}" for who in _OTHERS for verb in _VIEW_VERBS),
    "critics",
    "supporters",
    "opponents",
    "it is true that",
    "admittedly",
    "some may",
    "some might",
    "it could be argued",
    "one might",
    "those who",
)
CONCLUSION_OPENERS = (
    "in conclusion",
    "to conclude",
    "to sum up",
    "in summary",
    "all in all",
    "overall",
    "in short",
    "to summarise",
    "to summarize",
    "for these reasons",
    "so ",
)

# common words that do not tie a paragraph to a topic on their own
GENERIC = frozenset(
    {
        "people",
        "person",
        "thing",
        "way",
        "time",
        "year",
        "day",
        "life",
        "good",
        "bad",
        "many",
        "much",
        "make",
        "get",
        "go",
        "say",
        "take",
        "see",
        "know",
        "want",
        "need",
        "like",
        "important",
        "new",
        "old",
        "great",
        "lot",
        "other",
        "first",
        "last",
        "also",
        "even",
        "still",
        "well",
        "very",
        "really",
        "help",
        "part",
        "some",
        "most",
        "more",
        "often",
        "today",
        "world",
    }
)
# sentences that report what others think or frame the question are not the position
NOT_POSITION = (
    "some people",
    "many people",
    "most people",
    "others",
    "people say",
    "people think",
    "whether",
    "they say",
    "critics",
    "supporters",
)

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# a sentence needs this many words besides its linking words to carry a point
CONTENT_SENTENCE_WORDS = 8


@lru_cache(maxsize=65536)
def norm(word: str) -> str:
    """A word's topic form: its base form from the lexicon when it has one ('cities' ->
    'city', 'paid' -> 'pay', 'closed' -> 'close'), else the word with a plural -s off."""
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    lem = morph.first_lemma(w)
    if lem:
        return lem
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def topic_keys(prompt: str, frequency: Any = None) -> dict[str, list[str]]:
    """The prompt's topic words (task words like 'give reasons' left out) and its core:
    the rarer half, which an essay on another question is unlikely to use. ``frequency``
    maps a word to how common it is in general English (the rarer, the more telling)."""
    keys: dict[str, str] = {}
    for w in words_of(prompt):
        if w in STOPWORDS or w in INSTRUCTION_WORDS or len(w) < 3:
            continue
        k = norm(w)
        if k not in INSTRUCTION_WORDS and k not in GENERIC:
            keys.setdefault(k, w)
    if not keys:
        return {"keys": [], "core": []}

    def common(k: str) -> float:
        return float(frequency(keys[k])) if frequency is not None else 0.0

    ranked = sorted(keys, key=lambda k: (common(k), k))
    n_core = max(1, (len(ranked) + 1) // 2)
    return {"keys": sorted(keys), "core": sorted(ranked[:n_core])}


@lru_cache(maxsize=64)
def _matcher(phrases: tuple[str, ...]) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """One compiled alternation for the phrases; a phrase ending in a space must open the
    text ('so ' as the first word)."""
    inside = sorted((p for p in phrases if not p.endswith(" ")), key=len, reverse=True)
    pattern = (
        re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, inside)) + r")(?![a-z])")
        if inside
        else None
    )
    return pattern, tuple(p for p in phrases if p.endswith(" "))


def _has(low: str, phrases: tuple[str, ...]) -> bool:
    pattern, openers = _matcher(phrases)
    return bool(pattern and pattern.search(low)) or any(low.startswith(p) for p in openers)


_LINKS = tuple(TRANSITIONS)
_LINK_RE = re.compile(
    r"(?<![a-z])(" + "|".join(map(re.escape, sorted(_LINKS, key=len, reverse=True))) + r")(?![a-z])"
)
_OPEN_LINK_RE = re.compile(
    r"(?:"
    + "|".join(
        map(
            re.escape,
            sorted((p for p in _LINKS if p not in ("and", "but", "so", "also")), key=len)[::-1],
        )
    )
    + r")(?![a-z])"
)


def _transition_words(low: str) -> int:
    return sum(len(m.group(1).split()) for m in _LINK_RE.finditer(low))


def _clause(sent: Sentence, limit: int = 140) -> dict[str, Any]:
    """The sentence, or its first clause when it is long: a whole clause, never a lone
    linking word."""
    text = sent.text
    end = len(text)
    if end > limit:
        cut = max(text.rfind(", ", 0, limit), text.rfind("; ", 0, limit))
        space = text.rfind(" ", 0, limit)
        end = cut if cut > 40 else (space if space > 40 else limit)
    return {
        "start": sent.start,
        "end": sent.start + end,
        "text": text[:end],
        "sentence_end": sent.end,
    }


def _copied(words: list[str], prompt_grams: set[tuple[str, ...]], n: int = 4) -> float:
    if len(words) < n or not prompt_grams:
        return 0.0
    covered = [False] * len(words)
    for i in range(len(words) - n + 1):
        if tuple(words[i : i + n]) in prompt_grams:
            for k in range(i, i + n):
                covered[k] = True
    return sum(covered) / len(words)


def analyse_argument(doc: Document, prompt: str, frequency: Any = None) -> dict[str, Any]:
    """Paragraph jobs, on-topic-ness, the position sentence and gaming signs."""
    topic = topic_keys(prompt, frequency) if prompt.strip() else {"keys": [], "core": []}
    keys, core = set(topic["keys"]), set(topic["core"])
    pw = words_of(prompt)
    prompt_grams = {tuple(pw[i : i + 4]) for i in range(len(pw) - 3)}
    paras = [p for p in doc.paragraphs if p.text.strip()]
    if len(paras) >= 2 and _is_title(paras[0].text):
        # a title line is not a paragraph: the overview's counts leave it out too
        paras = paras[1:]
    n_para = len(paras)

    # the position: the first sentence in the opening (first paragraph, or first three
    # sentences) with a stance and a claim about the topic in the writer's own words
    position = None
    opening: list[Sentence] = list(paras[0].sentences) if paras else []
    if len(opening) < 2:
        opening = list(doc.sentences[:3])
    closing: list[Sentence] = list(paras[-1].sentences) if n_para >= 2 else []
    candidates = [(s, "opening") for s in opening] + [(s, "ending") for s in closing]
    rejected: list[str] = []
    for s, where in candidates:
        verdict = _position_verdict(s, keys, core, prompt_grams)
        if verdict == "ok":
            position = {**_clause(s, 220), "where": where}
            low = s.text.lower()
            position["reasoned"] = _has(low, QUALIFIERS)
            break
        if verdict and verdict not in rejected:
            rejected.append(verdict)

    # the opening's own topic words (when it is on the question) widen the prompt's: a body
    # paragraph about 'pocket money' belongs to an essay whose opening is about it
    opening_words: set[str] = set()
    if paras and keys:
        first = _topic_words(paras[0].text)
        if first & keys:
            opening_words = first - keys
    paragraphs: list[dict[str, Any]] = []
    for i, p in enumerate(paras):
        paragraphs.append(_paragraph(p, i, n_para, keys, core, opening_words, position))
    off = [p for p in paragraphs if p["on_topic"] is False]

    # gaming signs ---------------------------------------------------------------------
    sents = doc.sentences
    n_sent = max(1, len(sents))
    words_total = max(1, len(doc.word_tokens))
    link_words = sum(_transition_words(s.text.lower()) for s in sents)
    opened = sum(1 for s in sents if _opens_with_link(s.text.lower()))
    stacked = sum(1 for s in sents if _stacked_links(s.text.lower()))
    empty = sum(1 for s in sents if _content_words(s) < 5)
    stuffed = len(sents) >= 5 and (
        opened / n_sent >= 0.8 or (opened / n_sent >= 0.7 and empty / n_sent >= 0.4) or stacked >= 3
    )
    ew = words_of(doc.text)
    copied = _copied(ew, prompt_grams)
    prompt_copies = doc.text.lower().count(prompt.strip().lower()[:40]) if len(prompt) > 40 else 0
    return {
        "topic": topic,
        "position": position,
        "position_rejected": rejected,
        "paragraphs": paragraphs,
        "off_topic_paragraphs": [
            {"index": p["index"], "start": p["start"], "end": p["end"], "quote": p["opening"]}
            for p in off
        ],
        "off_topic_share": round(sum(p["words"] for p in off) / words_total, 3),
        "core_mentions": sum(p["core_hits"] for p in paragraphs),
        "linking": {
            "words_per_sentence": round(link_words / n_sent, 2),
            "opened_share": round(opened / n_sent, 2),
            "stacked": stacked,
            "empty_share": round(empty / n_sent, 2),
            "stuffed": stuffed,
        },
        "copied_share": round(copied, 3),
        "prompt_copies": prompt_copies,
    }


def _topic_words(text: str) -> set[str]:
    return {
        norm(w)
        for w in words_of(text)
        if len(w) > 2 and w not in STOPWORDS and w not in GENERIC and w not in INSTRUCTION_WORDS
    } - GENERIC


@lru_cache(maxsize=4096)
def _content_count(low: str) -> int:
    return max(0, len(words_of(low)) - _transition_words(low))


def _content_words(s: Sentence) -> int:
    return _content_count(s.text.lower())


def _opens_with_link(low: str) -> bool:
    return bool(_OPEN_LINK_RE.match(low))


def _stacked_links(low: str) -> bool:
    """Two linking phrases in a row at the start ('However, on the other hand, ...')."""
    m = re.match(r"([a-z ]+),\s*([a-z ]+),", low)
    return bool(m and m.group(1) in TRANSITIONS and m.group(2).strip() in TRANSITIONS)


def _position_verdict(
    s: Sentence, keys: set[str], core: set[str], prompt_grams: set[tuple[str, ...]]
) -> str:
    """'ok' for a real position sentence, else why not ('' when it has no stance)."""
    text = s.text.strip()
    low = text.lower()
    ws = words_of(low)
    if not _has(low, STANCE):
        return ""
    if _has(low, NOT_POSITION) and not re.search(r"\bi\b", low):
        return "someone else's view, not the writer's"
    if keys and not _has(low, PERSONAL_STANCE) and not _modal_on_topic(ws, keys):
        return "not a position on the question"
    if text.endswith("?"):
        return "a question, not a position"
    if len(ws) < 6 or not re.search(r"[.!]$", text):
        return "a heading, not a sentence"
    if _copied(ws, prompt_grams) >= 0.5:
        return "the prompt's own words"
    if keys:
        found = {norm(w) for w in ws}
        if not (found & core) and len(found & keys) < 2:
            return "not about the question"
    if len(ws) - _transition_words(low) < 6:
        return "too vague to be a position"
    return "ok"


def _is_title(text: str) -> bool:
    line = text.strip()
    return "\n" not in line and len(line.split()) <= 12 and not line.endswith((".", "!", "?", ":"))


def _paragraph(
    p: Paragraph,
    index: int,
    n_para: int,
    keys: set[str],
    core: set[str],
    opening_words: set[str],
    position: dict[str, Any] | None,
) -> dict[str, Any]:
    low = p.text.lower()
    ws = words_of(low)
    found = [norm(w) for w in ws if w not in STOPWORDS]
    key_hits = len(set(found) & keys)
    core_hits = sum(1 for w in found if w in core)
    shared = len(_topic_words(p.text) & opening_words) if index else 0
    n_words = len(ws)
    on_topic: bool | None
    if not keys:
        on_topic = None
    elif n_words < 20:
        on_topic = None if key_hits == 0 else True  # too short to judge when no key word
    else:
        on_topic = core_hits + key_hits + shared > 0
    content = [s for s in p.sentences if _content_words(s) >= CONTENT_SENTENCE_WORDS - 2]
    reasons = [s for s in content if _has(s.text.lower(), REASON_MARKERS)]
    examples = [
        s for s in content if _has(s.text.lower(), EXAMPLE_MARKERS) or re.search(r"\d", s.text)
    ]
    counter = [s for s in content if _has(s.text.lower(), COUNTER_VIEW)]
    holds_position = bool(
        position and p.start <= position["start"] < p.end and position["where"] == "opening"
    )
    if index == 0 and n_para >= 2:
        role = "introduction"
    elif index == n_para - 1 and n_para >= 3:
        role = "conclusion"
    else:
        role = "body"
    concluding = bool(_has(low, CONCLUSION_OPENERS)) or bool(
        position and p.start <= position["start"] < p.end
    )
    if on_topic is False:
        job = ""
    elif role == "introduction":
        job = "states the position" if holds_position else "introduces the topic"
    elif role == "conclusion":
        job = "sums up" if (concluding or _has(low, STANCE)) and on_topic is not False else ""
    elif len(content) < 2:
        job = ""
    elif counter and len(content) >= 2:
        job = "answers another view"
    elif examples and reasons:
        job = "gives a reason with an example"
    elif examples:
        job = "gives an example"
    elif reasons:
        job = "gives a reason"
    else:
        job = "makes a point"
    return {
        "index": index,
        "start": p.start,
        "end": p.end,
        "words": n_words,
        "role": role,
        "on_topic": on_topic,
        "key_hits": key_hits,
        "core_hits": core_hits,
        "shared": shared,
        "job": job,
        "reasons": [_clause(s) for s in reasons[:2]],
        "examples": [_clause(s) for s in examples[:2]],
        "counter": [_clause(s) for s in counter[:1]],
        "opening": _clause(p.sentences[0])["text"] if p.sentences else p.text[:80],
        "opening_end": _clause(p.sentences[0])["end"] if p.sentences else p.start,
    }


# a sentence whose known words average below this log-probability (natural log, trigram)
# strings words together that English rarely puts side by side; the clearest essays of our
# own average -4 to -7 (tests/engine/ranking), word salads of rare words below -11
RARE_SENTENCE_LOGPROB = -9.0
PROMPT_PADDING_SHARE = 0.25


def concerns(
    argument: dict[str, Any],
    sentence_lm: list[tuple[float | None, float]],
    doc: Document,
) -> list[dict[str, Any]]:
    """What the feedback must name about the essay as a whole: unrelated paragraphs,
    stuffed linking words, the prompt copied and padded, rare words that make no sense."""
    out: list[dict[str, Any]] = []
    for p in argument["off_topic_paragraphs"]:
        out.append(
            {
                "code": "off_topic_paragraph",
                "message": f"Paragraph {p['index'] + 1} (\u201c{_short(p['quote'])}\u201d) does "
                "not seem to be about the question.",
                "start": p["start"],
                "end": p["end"],
            }
        )
    link = argument["linking"]
    if link["stuffed"]:
        n = len(doc.sentences)
        out.append(
            {
                "code": "stuffed_linking",
                "message": f"Linking words are piled up ({round(link['opened_share'] * n)} of "
                f"{n} sentences open with one, {link['stacked']} with two in a row) while the "
                "sentences after them say little: linking words count only when they join "
                "real points.",
            }
        )
    if argument["copied_share"] >= PROMPT_PADDING_SHARE or argument["prompt_copies"] >= 2:
        out.append(
            {
                "code": "prompt_padding",
                "message": f"About {round(100 * argument['copied_share'])}% of the essay "
                "repeats the prompt's own words: only your own words count.",
            }
        )
    judged = [
        (s, lp, oov)
        for s, (lp, oov) in zip(doc.sentences, sentence_lm, strict=False)
        if len(s.words) >= 6
    ]
    odd = [s for s, lp, oov in judged if (lp is not None and lp < RARE_SENTENCE_LOGPROB)]
    if judged and len(odd) >= 2 and len(odd) / len(judged) >= 0.4:
        out.append(
            {
                "code": "rare_words",
                "message": f"{len(odd)} of {len(judged)} sentences string long, rare words "
                "together in ways English hardly ever does (for example \u201c"
                f"{_short(odd[0].text)}\u201d): rare words earn nothing unless they make "
                "sense.",
                "start": odd[0].start,
                "end": odd[0].end,
            }
        )
    return out


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"
