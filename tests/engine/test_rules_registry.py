"""The rules package as data: one registry, phrase tables run by one matcher, no circle."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from coaching.engine import rules
from coaching.engine.rules import phrases, registry
from coaching.engine.rules.tables import PHRASES, PhraseFix
from coaching.engine.text import SentenceSplitter, build_document

PACKAGE = Path(rules.__file__).resolve().parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "notes.json"
KINDS = {"grammar", "spelling", "punctuation", "word choice", "style", "clarity"}


def test_every_rule_id_the_golden_essays_meet_is_registered() -> None:
    seen = {
        note[2].removeprefix("rule:")
        for essay in json.loads(GOLDEN.read_text()).values()
        for note in essay["rules"]
    }
    assert seen
    assert {r for r in seen if registry.info(r) is None} == set()


def test_registry_rows_say_what_and_how_sure() -> None:
    for rule_id, info in registry.REGISTRY.items():
        assert info.id == rule_id and info.kind in KINDS and info.message, rule_id
        assert 0 <= info.right <= info.tokens
        if info.tokens:
            assert info.precision == info.right / info.tokens
        else:
            assert info.precision is None
    assert "FCE" in registry.MEASURED_ON and "rule_stats.py" in registry.MEASURED_ON
    # every table row's rule is registered
    assert {row.rule for row in PHRASES} <= set(registry.REGISTRY)


def test_every_rule_listed_once_and_no_import_circle() -> None:
    assert len(rules.RULES) == len(set(rules.RULES))
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and path.stem != "__init__":
                # inside the package a module imports only base pieces and data, never
                # the package itself or a rule module
                assert node.module in {"base", "tables"}, (path.name, node.module)


def test_one_matcher_marks_deletes_inserts_and_joins() -> None:
    table = (
        PhraseFix(("discuss", "about"), 1, "", "No 'about'.", "grammar", "t-delete"),
        PhraseFix(("thank", "for"), 1, "+you", "Say 'thank you for'.", "grammar", "t-insert"),
        PhraseFix(("every", "body"), None, "everybody", "One word.", "spelling", "t-join", True),
        PhraseFix(
            ("arrived", "to"),
            1,
            "at",
            "Arrive at.",
            "grammar",
            "t-context",
            context=lambda toks, i, end: end < len(toks) and toks[end].text[:1].isupper(),
        ),
    )
    index = {row.words[0]: (row,) for row in table}
    text = (
        "We discuss about it. Thank for the card. Every body came. Every  body left. "
        "We arrived to Leeds. We arrived to help."
    )
    doc = build_document(text, SentenceSplitter())
    notes = [n for s in doc.sentences for n in phrases.match_phrases(s, index)]
    got = {(n.rule, text[n.start : n.end], n.suggestions) for n in notes}
    assert got == {
        ("rule:t-delete", "about", ("",)),
        ("rule:t-insert", "", ("you for",)),
        ("rule:t-join", "Every body", ("Everybody",)),
        ("rule:t-context", "to", ("at",)),
    }
