"""Levels that rest on measured evidence, and words a teacher would write (issue 7).

The essays are our own: the ranking set in tests/engine/ranking and the ones below.
"""

from __future__ import annotations

import re
from typing import Any

from coaching.engine import Engine, EssayInput
from coaching.engine.scoring import DEFAULT_RUBRIC
from coaching.engine.types import CriterionSpec, LevelSpec, RubricSpec
from tests.engine.ranking import RankedEssay, RankingSet, load, ranks, spearman

TOP = "Excellent"  # the default rubric's top level
LINKING_WORDS = {
    "however",
    "so",
    "also",
    "but",
    "and",
    "then",
    "firstly",
    "secondly",
    "finally",
    "moreover",
    "furthermore",
    "therefore",
    "thus",
    "because",
    "overall",
    "in conclusion",
    "on the other hand",
    "for example",
    "for instance",
    "in addition",
}

TABLETS = (
    "Should schools replace printed textbooks with tablets? Give reasons and examples to "
    "support your view."
)

# Twenty-two learner errors, most of them kinds a checker finds least often (agreement,
# comma splices, tense); only a few get a note.
TWENTY_ERRORS = """Nowadays many school is thinking about tablets, and the students has \
different opinions about it. In my opinion schools should keep the printed textbooks, the \
tablets are too expensive for many family.

Firstly, a tablet cost a lot of money and it break easily. Last year my class receive \
tablets from the school, after two months five of them was broken. The school have to buy \
new ones and this take all the money for the library.

Secondly, reading on a screen make my eyes tired. When I read a long story on the tablet I \
cannot concentrate, I always open other apps and play games. With a book I am more \
concentrate and I remember the story better then on the screen.

On the other hand, some people says tablets are lighter than books. This is true, but a \
good solution is to keep the books in the classroom, then the students does not need to \
carry them.

In conclusion, I think the printed textbooks is still the best choice for most schools, \
because they are cheaper and better for reading."""

# The same essay, every error corrected.
TWENTY_FIXED = """Nowadays many schools are thinking about tablets, and students have \
different opinions about them. In my opinion, schools should keep printed textbooks, because \
tablets are too expensive for many families.

Firstly, a tablet costs a lot of money and it breaks easily. Last year my class received \
tablets from the school. After two months, five of them were broken. The school had to buy \
new ones, and this took all the money for the library.

Secondly, reading on a screen makes my eyes tired. When I read a long story on the tablet, I \
cannot concentrate. I always open other apps and play games. With a book I concentrate more, \
and I remember the story better than on the screen.

On the other hand, some people say that tablets are lighter than books. This is true, but a \
good solution is to keep the books in the classroom, so that students do not need to carry \
them.

In conclusion, I think printed textbooks are still the best choice for most schools, because \
they are cheaper and better for reading."""


_RESULTS: list[tuple[RankingSet, RankedEssay, dict[str, Any]]] = []


def _analysed(engine: Engine) -> list[tuple[RankingSet, RankedEssay, dict[str, Any]]]:
    if _RESULTS:
        return _RESULTS
    _RESULTS.extend(
        (rs, essay, engine.analyze(EssayInput(text=essay.text, prompt=rs.prompt)))
        for rs in load()
        for essay in rs.essays
    )
    return _RESULTS


def _criterion(result: dict, name: str) -> dict:
    return next(c for c in result["scores"]["criteria"] if c["name"] == name)


def _essay(engine: Engine, key: str, name: str) -> tuple[RankingSet, RankedEssay, dict]:
    return next(x for x in _analysed(engine) if x[0].key == key and x[1].name == name)


def _quotes(line: str) -> list[str]:
    return [q.rstrip("\u2026") for q in re.findall(r"\u201c([^\u201d]+)\u201d", line)]


# ------------------------------------------------------------------ ranking and gaming


def test_ranking_set_follows_the_teachers_order(engine: Engine) -> None:
    """The benchmark's targets hold on the tuning prompts and on the held-out ones."""
    by_group: dict[bool, list[float]] = {False: [], True: []}
    by_key: dict[str, list[tuple[RankedEssay, dict]]] = {}
    held: dict[str, bool] = {}
    for rs, essay, result in _analysed(engine):
        by_key.setdefault(rs.key, []).append((essay, result))
        held[rs.key] = rs.held_out
    for key, rows in by_key.items():
        scores = [r["scores"]["overall"]["percent"] for _, r in rows]
        by_group[held[key]].append(spearman([e.teacher_rank for e, _ in rows], ranks(scores)))
    for rhos in by_group.values():
        assert rhos and sum(rhos) / len(rhos) >= 0.8


def test_every_gaming_attempt_is_flagged(engine: Engine) -> None:
    for rs, essay, result in _analysed(engine):
        codes = [a["code"] for a in result["scores"]["advisories"]]
        codes += [c["code"] for c in result["overview"]["concerns"]]
        if essay.gaming:
            assert codes, f"{rs.key}/{essay.name} not flagged"
        else:
            assert not codes, f"{rs.key}/{essay.name} flagged {codes}"


def test_unrelated_middle_paragraphs_are_named_and_cap_thesis_and_evidence(engine: Engine) -> None:
    for key in ("chores", "zoos"):
        _, essay, result = _essay(engine, key, "gaming_sandwich")
        concerns = [c for c in result["overview"]["concerns"] if c["code"] == "off_topic_paragraph"]
        assert [c["message"][:11] for c in concerns] == ["Paragraph 2", "Paragraph 3"]
        for c in concerns:  # the concern points at the paragraph itself
            assert essay.text[c["start"] : c["end"]].startswith(
                c["message"].split("\u201c")[1][:20]
            )
        assert _criterion(result, "Thesis & focus")["points"] <= 2
        assert _criterion(result, "Evidence & development")["points"] <= 2
        assert "not about the question" in _criterion(result, "Thesis & focus")["rationale"]
        assert any("is off the question" in s for s in result["summary"]["next_steps"][:1])


def test_stuffed_linking_words_earn_nothing(engine: Engine) -> None:
    for key in ("tablets", "zoos"):
        _, _, result = _essay(engine, key, "gaming_stuffing")
        assert "stuffed_linking" in {c["code"] for c in result["overview"]["concerns"]}
        assert _criterion(result, "Evidence & development")["level"] == "Beginning"
        assert _criterion(result, "Organisation")["level"] == "Beginning"
        assert not any("link" in s.lower() for s in result["summary"]["strengths"])


def test_long_rare_words_earn_nothing(engine: Engine) -> None:
    for key in ("chores", "parttime"):
        _, _, result = _essay(engine, key, "gaming_rare_words")
        assert "rare_words" in {c["code"] for c in result["overview"]["concerns"]}
        language = _criterion(result, "Language & style")
        assert language["points"] <= 2
        assert "earn nothing" in language["rationale"]


def test_copied_and_padded_prompt_is_no_thesis(engine: Engine) -> None:
    _, _, result = _essay(engine, "city", "gaming_copied_prompt")
    assert "prompt_padding" in {c["code"] for c in result["overview"]["concerns"]}
    assert result["overview"]["structure"]["thesis"] is None
    assert _criterion(result, "Thesis & focus")["level"] == "Beginning"


def test_an_essay_on_another_prompt_is_blocked(engine: Engine) -> None:
    _, _, result = _essay(engine, "tablets", "chores/excellent")
    assert result["scores"]["passing_blocked"]
    assert "off_prompt" in {a["code"] for a in result["scores"]["advisories"]}


# ------------------------------------------------------------------ levels with evidence


def test_each_level_states_the_evidence_it_rests_on(engine: Engine) -> None:
    _, essay, result = _essay(engine, "tablets", "excellent")
    crit = {c["dimension"]: c for c in result["scores"]["criteria"]}
    thesis = crit["focus"]
    assert thesis["evidence"][0]["quote"].startswith("I believe schools should not replace")
    assert "position is stated in the opening" in thesis["rationale"]
    assert crit["development"]["basis"]["examples"] >= 2
    assert "specific example" in crit["development"]["rationale"]
    assert "paragraphs do a clear job" in crit["organisation"]["rationale"]
    assert "errors per 100 words" in crit["conventions"]["rationale"]
    for c in crit.values():
        assert c["level"] == TOP
        for e in c["evidence"]:
            assert essay.text[e["start"] : e["end"]] == e["quote"]


def test_a_headline_or_a_question_is_not_a_position(engine: Engine) -> None:
    body = TWENTY_FIXED.split("\n\n", 1)[1]
    headline = "Tablets Should Replace Textbooks\n\n" + body
    question = "Should schools replace printed textbooks with tablets?\n\n" + body
    for text in (headline, question):
        result = engine.analyze(EssayInput(text=text, prompt=TABLETS))
        position = result["overview"]["argument"]["position"]
        assert position["where"] == "ending"  # the opening line is not taken for it
        assert position["text"].startswith("In conclusion")
        assert _criterion(result, "Thesis & focus")["points"] <= 2


def test_twenty_errors_are_never_exemplary_conventions(engine: Engine) -> None:
    result = engine.analyze(EssayInput(text=TWENTY_ERRORS, prompt=TABLETS))
    marked = [
        n
        for n in result["notes"]["annotations"]
        if n["category"] in ("spelling", "grammar", "punctuation")
    ]
    assert len(marked) < 22  # the notes shown are only a part of the errors ...
    conv = _criterion(result, "Conventions")
    assert conv["points"] <= 2  # ... and the estimate does not take them for all of them
    assert conv["basis"]["errors_per_100"] > 100 * len(marked) / result["overview"]["words"]
    for _, essay, res in _analysed(engine):
        if essay.name == "very_weak":
            assert _criterion(res, "Conventions")["level"] == "Beginning"


def test_short_essays_never_reach_the_top_level_and_say_they_are_unsure(engine: Engine) -> None:
    for _, _, result in _analysed(engine):
        if result["overview"]["words"] < 150 and not result["scores"]["passing_blocked"]:
            for c in result["scores"]["criteria"]:
                assert c["level"] != TOP
                assert "The machine is unsure here" in c["rationale"]
                assert c["confidence"] <= 0.55


def test_revision_that_fixes_errors_moves_conventions_and_says_why(engine: Engine) -> None:
    first = engine.analyze(EssayInput(text=TWENTY_ERRORS, prompt=TABLETS))
    second = engine.analyze(
        EssayInput(
            text=TWENTY_FIXED, prompt=TABLETS, previous_text=TWENTY_ERRORS, previous_result=first
        )
    )
    before, after = _criterion(first, "Conventions"), _criterion(second, "Conventions")
    assert after["points"] > before["points"]
    changes = second["summary"]["changes"]
    fixed = next(c for c in changes if c.startswith("Fixed:"))
    assert "grammar" in fixed and "\u2018" in fixed  # which notes, by kind and by word
    assert any(
        c.startswith("Conventions rose from") and "estimated errors per 100 words" in c
        for c in changes
    )


def test_revision_that_adds_evidence_moves_development(engine: Engine) -> None:
    _, _, fair = _essay(engine, "tablets", "fair")
    fair_text = next(e.text for e in load()[0].essays if e.name == "fair")
    added = fair_text.replace(
        "With a tablet you only carry one thing.",
        "With a tablet you only carry one thing. For example, last year my sister's school "
        "bag weighed nine kilograms, and her doctor told her to carry less because her back "
        "hurt.",
    ).replace(
        "Some students will not have it at home.",
        "Some students will not have it at home. In my class, for instance, three students "
        "share one computer with their brothers and sisters, so they could not use a tablet "
        "every evening.",
    )
    assert added != fair_text
    second = engine.analyze(
        EssayInput(text=added, prompt=TABLETS, previous_text=fair_text, previous_result=fair)
    )
    assert (
        _criterion(second, "Evidence & development")["points"]
        > _criterion(fair, "Evidence & development")["points"]
    )
    assert any(
        c.startswith("Evidence & development rose") and "specific examples" in c
        for c in second["summary"]["changes"]
    )


# ------------------------------------------------------------------ words a teacher would write


def test_evidence_quotes_are_whole_clauses_never_a_lone_connective(engine: Engine) -> None:
    for _, essay, result in _analysed(engine):
        for c in result["scores"]["criteria"]:
            for e in c["evidence"]:
                if c["dimension"] == "conventions":
                    continue  # these point at the marked mistakes themselves
                q = e["quote"].strip(" ,.;:").lower()
                assert q not in LINKING_WORDS, (essay.name, c["name"], e["quote"])
                assert len(q.split()) >= 4, (essay.name, c["name"], e["quote"])
            for q in _quotes(c["rationale"]):
                assert q.strip(" ,.;:").lower() not in LINKING_WORDS
                assert len(q.split()) >= 4


def test_strengths_never_quote_a_sentence_with_a_note(engine: Engine) -> None:
    quoted = 0
    for _, essay, result in _analysed(engine):
        notes = result["notes"]["annotations"]
        for line in result["summary"]["strengths"]:
            for q in _quotes(line):
                start = essay.text.find(q[:40])
                assert start >= 0
                sentence_end = min(
                    (essay.text.find(m, start) for m in (". ", ".\n", "? ", "! ")),
                    key=lambda i: i if i >= 0 else len(essay.text),
                )
                end = len(essay.text) if sentence_end < 0 else sentence_end
                assert not any(n["start"] < end and start <= n["end"] for n in notes), line
                quoted += 1
    assert quoted >= 10  # the test looks at real quotes


def test_dense_errors_quote_no_model_sentence_and_put_grammar_first(engine: Engine) -> None:
    result = engine.analyze(EssayInput(text=TWENTY_ERRORS, prompt=TABLETS))
    assert all("\u201c" not in s for s in result["summary"]["strengths"])
    assert result["summary"]["next_steps"][0].startswith("Errors are frequent")
    for _, essay, res in _analysed(engine):
        if essay.name == "very_weak":
            assert res["summary"]["next_steps"][0].startswith("Errors are frequent")


def test_vocabulary_praise_is_not_boilerplate(engine: Engine) -> None:
    said = [
        any("precise words" in s for s in result["summary"]["strengths"])
        for _, _, result in _analysed(engine)
    ]
    assert 0 < sum(said) < len(said) / 2
    for _, _, result in _analysed(engine):
        assert not any("varied vocabulary" in s for s in result["summary"]["strengths"])


_NEGATIVE = (
    "no sentence states",
    "no specific example",
    "no concluding paragraph",
    "not about the question",
    "a narrow range",
    "piled",
    "earn nothing",
    "frequent errors",
)


def test_rationales_never_contradict_the_level(engine: Engine) -> None:
    for _, essay, result in _analysed(engine):
        for c in result["scores"]["criteria"]:
            if c["level"] == TOP:
                assert not any(n in c["rationale"] for n in _NEGATIVE), (essay.name, c)
            assert c["rationale"].startswith(c["level"] + ".")


# ------------------------------------------------------------------ what a criterion measures


def test_measures_decides_what_a_criterion_is_scored_on(engine: Engine) -> None:
    levels = tuple(LevelSpec(label, i + 1) for i, label in enumerate(("Low", "Mid", "High")))
    rubric = RubricSpec(
        "Custom",
        (
            CriterionSpec("Ideas", levels=levels, measures="conventions"),
            CriterionSpec("Ideas again", levels=levels),
        ),
    )
    result = engine.analyze(EssayInput(text=TWENTY_ERRORS, prompt=TABLETS, rubric=rubric))
    first, second = result["scores"]["criteria"]
    assert first["dimension"] == "conventions" and "errors per 100 words" in first["rationale"]
    assert second["dimension"] == "development"  # decided from the name
    assert DEFAULT_RUBRIC.criteria[0].measures == ""
