"""Student-side fixes: the compare page's diff, quoted notes, counts that agree."""

from __future__ import annotations

import re

from django.urls import reverse

from coaching import selectors
from coaching.presenters import annotated_paragraphs, note_quote, word_diff
from tests.conftest import client_for, htmx_headers
from tests.factories import UNIFORM_ESSAY, UNIFORM_REVISED

OLD = "The first paragraph stays as it was.\n\nThe second one has a word that changes here.\n"
NEW = (
    "The first paragraph stays as it was.\n\n"
    "The second one has a term that changes here.\n\nA new third paragraph.\n"
)


def _side(diff, keep: str) -> str:
    """The text one side of the diff reads as: paragraphs of words."""
    paragraphs = []
    for paragraph in diff:
        words = [p.text for p in paragraph if p.kind in ("same", keep)]
        paragraphs.append(" ".join(w for w in words if w != "¶").replace(" ¶", ""))
    return "\n".join(p for p in paragraphs if p.strip())


def test_word_diff_keeps_paragraphs_and_marks_words_inline():
    diff = word_diff(OLD, NEW)
    assert len(diff) == 3
    assert [(p.kind, p.text) for p in diff[0]] == [("same", "The first paragraph stays as it was.")]
    assert [(p.kind, p.text) for p in diff[1]] == [
        ("same", "The second one has a"),
        ("removed", "word"),
        ("added", "term"),
        ("same", "that changes here."),
    ]
    assert [(p.kind, p.text) for p in diff[2]] == [("added", "A new third paragraph.")]


def test_word_diff_reads_as_each_revision_on_its_side():
    old = UNIFORM_ESSAY
    new = UNIFORM_REVISED.replace("\n\nSecond,", " Second,").replace("First,", "To begin,")
    diff = word_diff(old, new)
    old_paras = [" ".join(p.split()) for p in old.split("\n\n") if p.strip()]
    new_paras = [" ".join(p.split()) for p in new.split("\n\n") if p.strip()]
    assert " ".join(_side(diff, "added").split("\n")) == " ".join(new_paras)
    assert " ".join(_side(diff, "removed").split("\n")) == " ".join(old_paras)
    # the paragraph break the student removed is shown struck through
    assert any(p.kind == "removed" and "¶" in p.text for para in diff for p in para)


def test_word_diff_of_long_rewritten_revisions_is_complete():
    # 5,000 words each, nearly nothing in common: the coarse path must still be exact text.
    vocabulary = [f"w{i}" for i in range(400)]
    old = " ".join(vocabulary[(i * 7) % 400] for i in range(5000))
    new = " ".join(vocabulary[(i * 11 + 3) % 400] for i in range(5000))
    diff = word_diff(old, new)
    assert _side(diff, "removed").split() == old.split()
    assert _side(diff, "added").split() == new.split()


def test_compare_page_renders_running_text_by_paragraph(school, analysed):
    first = analysed(OLD)
    analysed(NEW)
    url = reverse("coaching:essay_compare", args=[first.essay.pk])
    body = client_for(school.student).get(url, {"a": 1, "b": 2}).content.decode()
    diff_html = body.split('class="diff essay-view mt-2">', 1)[1].split("</div>", 1)[0]
    assert diff_html.count("<p>") == 3
    assert "<p>The second one has a <del>word</del> <ins>term</ins> that changes here.</p>" in (
        diff_html
    )


def test_compare_diff_is_cached_per_revision_pair(school, analysed, monkeypatch):
    first = analysed(OLD)
    second = analysed(NEW)
    calls = []
    real = selectors.word_diff
    monkeypatch.setattr(selectors, "word_diff", lambda a, b: calls.append(1) or real(a, b))
    url = reverse("coaching:essay_compare", args=[first.essay.pk])
    client = client_for(school.student)
    for _ in range(3):
        assert client.get(url, {"a": 1, "b": 2}).status_code == 200
    assert len(calls) == 1
    client.get(url, {"a": 2, "b": 1})  # another pair, another entry
    assert len(calls) == 2
    assert selectors.revision_diff(first, second)[1][1].text == "word"


def test_compare_page_as_every_persona(school, analysed):
    first = analysed(OLD)
    analysed(NEW)
    url = reverse("coaching:essay_compare", args=[first.essay.pk])
    allowed = {"student", "teacher", "co_teacher"}
    for name, person in school.personas().items():
        for headers in ({}, htmx_headers()):
            client = client_for(person) if person else school_client()
            response = client.get(url, headers=headers)
            if person is None:
                assert response.status_code == 302, name
            elif name in allowed:
                assert response.status_code == 200, name
                assert "<ins>" in response.content.decode()
            else:
                assert response.status_code == 404, name


def school_client():
    from django.test import Client

    return Client()


ERRORS = """Why uniforms matter

School uniforms should be required in every secondary school becuase they help students.

First, uniforms reduce presure about clothes. Nobody is judged for wearing cheap clothes.
For example, my cousin said her school was calmer after uniforms arrived.

Second, uniforms save familys money over a year.
A few shirts and trousers cost less then a wardrobe of fashionable clothes.

In conclusion, uniforms make school fairer and cheaper, so every school should adopt them.
"""


def _feedback(school, revision) -> str:
    url = reverse("coaching:revision_feedback", args=[revision.pk])
    return client_for(school.student).get(url).content.decode()


def test_notes_list_quotes_the_words_each_note_is_about(school, analysed):
    revision = analysed(ERRORS)
    body = _feedback(school, revision)
    notes = revision.analysis.stages.get(stage="notes").data["annotations"]
    assert notes
    for note in notes:
        quote = revision.text[note["start"] : note["end"]]
        assert f'<q class="note-quote">{quote}</q>' in body
    assert '<q class="note-quote">becuase</q>' in body


def test_note_quote_of_a_missing_word_shows_where():
    text = "I went to the shop yesterday."
    assert note_quote(text, {"start": 10, "end": 10}) == "to ‸ the"
    assert note_quote(text, {"start": 2, "end": 6}) == "went"


def test_marked_mistakes_agree_between_notes_and_rubric(school, analysed):
    revision = analysed(ERRORS)
    body = _feedback(school, revision)
    scores = revision.analysis.stages.get(stage="scores").data
    conventions = next(c for c in scores["criteria"] if "marked" in c.get("basis", {}))
    in_rubric = conventions["basis"]["marked"]
    assert f"{in_rubric} mistakes marked" in conventions["rationale"]
    shown = int(re.search(r'data-mistake-count="(\d+)"', body).group(1))
    assert shown == in_rubric
    assert f"{in_rubric} marked mistake" in body.split("Notes on your text", 1)[1]
    notes = revision.analysis.stages.get(stage="notes").data["annotations"]
    assert int(re.search(r'data-note-count="(\d+)"', body).group(1)) == len(notes)


def test_style_notes_are_counted_apart_from_mistakes(school, analysed):
    from coaching.presenters import note_counts

    notes = [
        {"start": 0, "end": 1, "category": "spelling"},
        {"start": 2, "end": 3, "category": "style"},
        {"start": 4, "end": 5, "category": "grammar"},
    ]
    assert note_counts(notes) == {"total": 3, "mistakes": 2, "other": 1}


def test_paragraph_counts_agree_with_and_without_a_title(school, analysed):
    revision = analysed(ERRORS)
    body = _feedback(school, revision)
    overview = revision.analysis.stages.get(stage="overview").data
    developed = overview["structure"]["substantial_paragraphs"]
    assert overview["paragraphs"] == developed + 1  # the title line
    stats = body.split("<dt>Paragraphs</dt>", 1)[1]
    assert stats.startswith(f"<dd>{developed}</dd>")
    assert 'data-short-paragraphs="1"' in stats
    scores = revision.analysis.stages.get(stage="scores").data
    organisation = next(c for c in scores["criteria"] if c["name"] == "Organisation")
    assert f" of {developed} paragraphs do a clear job" in organisation["rationale"]
    # the text in the notes panel shows every paragraph the overview counted
    essay_view = body.split('<div class="essay-view mt-2">', 1)[1].split("</div>", 1)[0]
    assert essay_view.count("<p>") == overview["paragraphs"]


def test_paragraphs_without_blank_lines_match_the_engine():
    text = "A title\nFirst line is a paragraph.\nSecond line is another.\n"
    paragraphs = annotated_paragraphs(text, [{"start": 8, "end": 13, "category": "style"}])
    assert len(paragraphs) == 3
    assert paragraphs[1].segments[0].note == 1


def test_overlapping_notes_each_have_a_number_in_the_text():
    text = "Their going to the shop."
    notes = [
        {"start": 0, "end": 5, "category": "grammar"},
        {"start": 0, "end": 11, "category": "grammar"},
        {"start": 19, "end": 23, "category": "spelling"},
    ]
    paragraphs = annotated_paragraphs(text, notes)
    marks = [s for s in paragraphs[0].segments if s.note]
    assert [(m.note, m.also) for m in marks] == [(1, [2]), (3, [])]
    assert "".join(s.text for s in paragraphs[0].segments) == text
