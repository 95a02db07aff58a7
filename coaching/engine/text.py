"""Tokens, sentences and paragraphs with character offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\S", re.UNICODE)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_PARA_SPLIT_RE = re.compile(r"\n[ \t]*\n\s*")
_VOWEL_GROUP_RE = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    index: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    paragraph: int = 0
    # its dependency parse (a spaCy Doc of ``text``), filled in by parse.ensure
    parse: Any = field(default=None, repr=False, compare=False)

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.is_word]


@dataclass
class Paragraph:
    start: int
    end: int
    text: str
    sentences: list[Sentence] = field(default_factory=list)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [
        Token(m.group(), m.start() + offset, m.end() + offset, i)
        for i, m in enumerate(_TOKEN_RE.finditer(text))
    ]


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans. Blank lines separate paragraphs; if there are none, single
    newlines do (each non-empty line is a paragraph)."""
    spans: list[tuple[int, int]] = []
    sep = _PARA_SPLIT_RE if _PARA_SPLIT_RE.search(text) else re.compile(r"\n\s*")
    pos = 0
    for m in sep.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        out.append((s + lead, s + lead + len(stripped)))
    return out


class SentenceSplitter:
    """pysbd wrapped to return spans; falls back to a regex splitter."""

    def __init__(self) -> None:
        try:
            import pysbd

            # sentences as text, placed in the essay below: pysbd's own char_span mode
            # compiles a pattern per sentence and searches the whole text with each (~7 ms
            # of a 600-word essay)
            self._seg = pysbd.Segmenter(language="en", clean=False, char_span=False)
        except Exception:  # pragma: no cover - pysbd is a hard dependency
            self._seg = None

    def split(self, text: str, offset: int = 0) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        if self._seg is not None:
            try:
                pos = 0
                for piece in self._seg.segment(text):
                    piece = piece.strip()
                    if not piece:
                        continue
                    s = text.find(piece, pos)
                    if s < 0:
                        spans = []
                        break
                    spans.append((s, s + len(piece)))
                    pos = s + len(piece)
            except Exception:
                spans = []
            if spans and _spans_ok(text, spans):
                return _trim_spans(text, spans, offset)
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+(?:[.!?]+|$)", text)]
        return _trim_spans(text, spans, offset)


def _spans_ok(text: str, spans: list[tuple[int, int]]) -> bool:
    prev = 0
    for s, e in spans:
        if s < prev or e > len(text) or s > e:
            return False
        prev = e
    return True


def _trim_spans(text: str, spans: list[tuple[int, int]], offset: int) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        chunk = text[s:e]
        st = chunk.strip()
        if not st:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        out.append((s + lead + offset, s + lead + len(st) + offset))
    return out


@dataclass
class Document:
    text: str
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    tokens: list[Token]
    # inside parse.parsed(): the sentences' parses stay until the outermost block ends
    parsing: bool = field(default=False, repr=False, compare=False)

    @property
    def word_tokens(self) -> list[Token]:
        return [t for t in self.tokens if t.is_word]


def build_document(text: str, splitter: SentenceSplitter) -> Document:
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for pi, (ps, pe) in enumerate(split_paragraphs(text)):
        para = Paragraph(ps, pe, text[ps:pe])
        for ss, se in splitter.split(text[ps:pe], ps):
            sent = Sentence(ss, se, text[ss:se], paragraph=pi)
            para.sentences.append(sent)
            sentences.append(sent)
        paragraphs.append(para)
    tokens: list[Token] = []
    for sent in sentences:
        toks = tokenize(sent.text, sent.start)
        renum = [Token(t.text, t.start, t.end, len(tokens) + i) for i, t in enumerate(toks)]
        sent.tokens = renum
        tokens.extend(renum)
    return Document(text=text, paragraphs=paragraphs, sentences=sentences, tokens=tokens)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    w = word.lower().strip("'’")
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    n = len(_VOWEL_GROUP_RE.findall(w))
    return max(1, n)


def reading_ease(n_words: int, n_sentences: int, n_syllables: int) -> float | None:
    """Flesch reading ease; None when there is too little text to say."""
    if n_words < 30 or n_sentences == 0:
        return None
    score = 206.835 - 1.015 * (n_words / n_sentences) - 84.6 * (n_syllables / n_words)
    return round(max(-50.0, min(121.0, score)), 1)
