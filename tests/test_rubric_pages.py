"""Rubric pages as every persona; the builder with and without htmx; starters; copies."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from coaching.models import Criterion, Level, Rubric
from tests.conftest import client_for, htmx_headers
from tests.factories import RubricFactory


def _client(school, persona: str) -> Client:
    user = school.personas()[persona]
    return client_for(user) if user else Client()


@pytest.fixture
def rubrics(school):
    """Ms Teacher's rubric (used in the shared class), one she has not used, and a
    rubric of the other teacher."""
    used = school.assignment.rubric
    used.owner = school.teacher
    used.name = "Uniform essays"
    used.save()
    unused = RubricFactory(owner=school.teacher, name="Poetry rubric")
    others = RubricFactory(owner=school.other_teacher, name="History rubric")
    starter = Rubric.objects.filter(is_starter=True).order_by("pk").first()
    return {"used": used, "unused": unused, "others": others, "starter": starter}


def _builder_post(**fields) -> dict:
    data = {
        "name": "Speech rubric",
        "description": "For a persuasive speech written out.",
        "c-0-name": "Clarity of argument",
        "c-0-description": "Is the point clear?",
        "c-0-weight": "2",
        "c-0-measures": "",
        "c-0-l-0-label": "Strong",
        "c-0-l-0-points": "3",
        "c-0-l-0-descriptor": "Clear throughout.",
        "c-0-l-1-label": "Weak",
        "c-0-l-1-points": "1",
        "c-0-l-1-descriptor": "Hard to follow.",
        "c-1-name": "Spelling",
        "c-1-weight": "0.5",
        "c-1-measures": "conventions",
        "c-1-l-0-label": "Accurate",
        "c-1-l-0-points": "2",
        "c-1-l-1-label": "Careless",
        "c-1-l-1-points": "0",
    }
    data.update(fields)
    return data


def test_starter_rubrics_exist_and_are_complete(db):
    starters = {r.name: r for r in Rubric.objects.filter(is_starter=True)}
    assert set(starters) == {
        "Argumentative essay",
        "Narrative writing",
        "Literary analysis",
        "Six-trait writing",
    }
    for rubric in starters.values():
        assert rubric.owner is None
        criteria = list(rubric.criteria.all())
        assert len(criteria) >= 5
        for criterion in criteria:
            points = [level.points for level in criterion.levels.all()]
            assert len(points) >= 4 and len(set(points)) == len(points)
            assert all(level.descriptor for level in criterion.levels.all())


EXPECT_GET = {
    # page -> persona -> status (anonymous: redirect to login)
    "list": {"teacher": 200, "co_teacher": 200, "other_teacher": 200},
    "new": {"teacher": 200, "co_teacher": 200, "other_teacher": 200},
    "import": {"teacher": 200, "co_teacher": 200, "other_teacher": 200},
    "used": {"teacher": 200, "co_teacher": 200},
    "used_edit": {"teacher": 200},
    "unused": {"teacher": 200},
    "others": {"other_teacher": 200},
    "starter": {"teacher": 200, "co_teacher": 200, "other_teacher": 200},
    "starter_edit": {},
    "used_csv": {"teacher": 200, "co_teacher": 200},
    "used_json": {"teacher": 200, "co_teacher": 200},
    "starter_json": {"teacher": 200, "co_teacher": 200, "other_teacher": 200},
    "others_csv": {"other_teacher": 200},
}


def _urls(rubrics) -> dict[str, str]:
    detail = lambda key: reverse("coaching:teach_rubric_detail", args=[rubrics[key].pk])  # noqa: E731
    export = lambda key, fmt: reverse(  # noqa: E731
        "coaching:teach_rubric_export", args=[rubrics[key].pk, fmt]
    )
    return {
        "list": reverse("coaching:teach_rubric_list"),
        "new": reverse("coaching:teach_rubric_new"),
        "import": reverse("coaching:teach_rubric_import"),
        "used": detail("used"),
        "used_edit": reverse("coaching:teach_rubric_edit", args=[rubrics["used"].pk]),
        "unused": detail("unused"),
        "others": detail("others"),
        "starter": detail("starter"),
        "starter_edit": reverse("coaching:teach_rubric_edit", args=[rubrics["starter"].pk]),
        "used_csv": export("used", "csv"),
        "used_json": export("used", "json"),
        "starter_json": export("starter", "json"),
        "others_csv": export("others", "csv"),
    }


@pytest.mark.parametrize("htmx", [False, True])
def test_every_page_as_every_persona(school, rubrics, htmx):
    urls = _urls(rubrics)
    headers = htmx_headers() if htmx else {}
    for page, url in urls.items():
        for persona in school.personas():
            response = _client(school, persona).get(url, headers=headers)
            if persona == "anonymous":
                assert response.status_code == 302, (page, persona)
                assert response["Location"].startswith(reverse("account_login"))
                continue
            expected = EXPECT_GET[page].get(persona, 404)
            assert response.status_code == expected, (page, persona, response.status_code)


def test_the_list_separates_own_shared_and_starters(school, rubrics):
    body = client_for(school.teacher).get(reverse("coaching:teach_rubric_list")).content.decode()
    own = body.split('id="own-heading"')[1].split("</section>")[0]
    assert "Uniform essays" in own and "Poetry rubric" in own
    assert "History rubric" not in body
    starters = body.split('id="starter-heading"')[1]
    assert "Six-trait writing" in starters
    co = client_for(school.co_teacher).get(reverse("coaching:teach_rubric_list")).content.decode()
    shared = co.split('id="shared-heading"')[1].split("</section>")[0]
    assert "Uniform essays" in shared and "Poetry rubric" not in co


def test_detail_lists_only_assignments_in_classes_the_viewer_teaches(school, rubrics):
    from tests.factories import AssignmentFactory

    AssignmentFactory(
        classroom=school.other_teacher.classrooms.first(),
        rubric=rubrics["used"],
        title="Secret history essay",
    )
    for persona in ("teacher", "co_teacher"):
        body = _client(school, persona).get(_urls(rubrics)["used"]).content.decode()
        assert "Uniforms" in body and "Secret history essay" not in body


def test_new_rubric_saves_from_the_builder(school):
    client = client_for(school.teacher)
    response = client.post(reverse("coaching:teach_rubric_new"), _builder_post())
    rubric = Rubric.objects.get(name="Speech rubric")
    assert response.status_code == 302
    assert response["Location"] == reverse("coaching:teach_rubric_detail", args=[rubric.pk])
    assert rubric.owner == school.teacher and not rubric.is_starter
    criteria = list(rubric.criteria.order_by("order"))
    assert [(c.name, float(c.weight), c.measures) for c in criteria] == [
        ("Clarity of argument", 2.0, ""),
        ("Spelling", 0.5, "conventions"),
    ]
    assert sorted(criteria[0].levels.values_list("points", "label")) == [(1, "Weak"), (3, "Strong")]


def test_saving_with_htmx_redirects_the_browser(school):
    response = client_for(school.teacher).post(
        reverse("coaching:teach_rubric_new"), _builder_post(), headers=htmx_headers()
    )
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/teach/rubrics/")


@pytest.mark.parametrize(
    ("fields", "key", "message"),
    [
        ({"name": ""}, "name", "Give the rubric a name."),
        ({"c-0-weight": "0"}, "c-0-weight", "more than 0"),
        ({"c-0-weight": "-1"}, "c-0-weight", "more than 0"),
        ({"c-0-weight": "heavy"}, "c-0-weight", "must be a number"),
        ({"c-1-l-1-points": "2"}, "c-1-l-1-points", "same points"),
        ({"c-1-l-1-points": "two"}, "c-1-l-1-points", "whole number"),
        ({"c-0-name": ""}, "c-0-name", "Give this criterion a name."),
        ({"c-1-name": "clarity of ARGUMENT"}, "c-1-name", "already has this name"),
        ({"c-1-measures": "telepathy"}, "c-1-measures", "Choose what the engine measures"),
        ({"c-0-l-0-label": ""}, "c-0-l-0-label", "Give this level a label."),
    ],
)
def test_validation_messages_are_tied_to_their_fields(school, fields, key, message):
    client = client_for(school.teacher)
    for headers, status in ((None, 400), (htmx_headers(), 200)):
        response = client.post(
            reverse("coaching:teach_rubric_new"), _builder_post(**fields), headers=headers or {}
        )
        body = response.content.decode()
        assert response.status_code == status
        assert f'id="{key}-error"' in body
        assert message in body.split(f'id="{key}-error"')[1].split("</p>")[0]
        assert f'aria-describedby="{key}-error"' in body
        assert f'<a href="#{key}">' in body  # the summary links to the field
    assert not Rubric.objects.filter(name="Speech rubric").exists()


def test_a_criterion_needs_two_levels_and_a_rubric_one_criterion(school):
    client = client_for(school.teacher)
    data = {k: v for k, v in _builder_post().items() if not k.startswith("c-1-l-1")}
    body = client.post(reverse("coaching:teach_rubric_new"), data).content.decode()
    assert 'id="c-1-levels-error"' in body and "at least two levels" in body
    data = {k: v for k, v in _builder_post().items() if not k.startswith("c-")}
    body = client.post(reverse("coaching:teach_rubric_new"), data).content.decode()
    assert "at least one criterion" in body
    assert not Rubric.objects.filter(name="Speech rubric").exists()


def _action(client, action: str, data: dict | None = None, htmx: bool = False):
    return client.post(
        reverse("coaching:teach_rubric_new"),
        {**(data or _builder_post()), "action": action},
        headers=htmx_headers() if htmx else {},
    )


@pytest.mark.parametrize("htmx", [False, True])
def test_builder_actions_keep_what_was_typed_and_save_nothing(school, htmx):
    client = client_for(school.teacher)
    before = Rubric.objects.count()
    response = _action(client, "add-criterion", htmx=htmx)
    body = response.content.decode()
    assert response.status_code == 200
    assert ("<html" in body) is not htmx  # htmx gets the builder fragment only
    assert body.count('class="criterion') == 3
    assert 'value="Clarity of argument"' in body and 'value="Spelling"' in body
    assert 'id="c-2-name" name="c-2-name" value="" class="input" autofocus' in body

    body = _action(client, "add-level-1", htmx=htmx).content.decode()
    assert 'name="c-1-l-2-label"' in body and 'name="c-1-l-3-label"' not in body

    body = _action(client, "remove-level-0-1", htmx=htmx).content.decode()
    assert 'name="c-0-l-1-label"' not in body and 'value="Strong"' in body

    body = _action(client, "up-criterion-1", htmx=htmx).content.decode()
    assert body.index('value="Spelling"') < body.index('value="Clarity of argument"')
    assert 'id="c-0-name" name="c-0-name" value="Spelling"' in body

    body = _action(client, "down-criterion-0", htmx=htmx).content.decode()
    assert body.index('value="Spelling"') < body.index('value="Clarity of argument"')

    body = _action(client, "remove-criterion-0", htmx=htmx).content.decode()
    assert 'value="Clarity of argument"' not in body and body.count('class="criterion') == 1

    body = _action(client, "nonsense-9", htmx=htmx).content.decode()
    assert body.count('class="criterion') == 2
    assert Rubric.objects.count() == before


def test_the_engine_default_is_shown_from_the_name(school):
    body = _action(client_for(school.teacher), "add-level-0").content.decode()
    select = body.split('id="c-0-measures"')[1].split("</select>")[0]
    assert "Decide from the name (now: Thesis and focus on the question)" in select or (
        "Decide from the name (now: Evidence and development)" in select
    )
    spelling = body.split('id="c-1-measures"')[1].split("</select>")[0]
    assert 'value="conventions" selected' in spelling


def test_owner_edits_in_place_keeping_criterion_ids(school, rubrics):
    rubric = rubrics["unused"]
    ids = list(rubric.criteria.order_by("order").values_list("pk", flat=True))
    url = reverse("coaching:teach_rubric_edit", args=[rubric.pk])
    client = client_for(school.teacher)
    page = client.get(url).content.decode()
    assert 'value="Ideas"' in page and 'value="Strong"' in page
    response = client.post(url, _builder_post(name="Poetry rubric v2"))
    assert response.status_code == 302
    rubric.refresh_from_db()
    assert rubric.name == "Poetry rubric v2"
    kept = list(rubric.criteria.order_by("order").values_list("pk", "name"))
    assert kept == [(ids[0], "Clarity of argument"), (ids[1], "Spelling")]
    assert not Criterion.objects.filter(pk=ids[2]).exists()
    assert Level.objects.filter(criterion_id=ids[0]).count() == 2


@pytest.mark.parametrize("persona", ["co_teacher", "other_teacher", "student", "outsider"])
def test_only_the_owner_can_edit_or_delete(school, rubrics, persona):
    client = _client(school, persona)
    rubric = rubrics["used"]
    for htmx in (False, True):
        headers = htmx_headers() if htmx else {}
        url = reverse("coaching:teach_rubric_edit", args=[rubric.pk])
        assert client.post(url, _builder_post(), headers=headers).status_code == 404
        url = reverse("coaching:teach_rubric_delete", args=[rubrics["unused"].pk])
        assert client.post(url, headers=headers).status_code == 404
    rubric.refresh_from_db()
    assert rubric.name == "Uniform essays"
    assert Rubric.objects.filter(pk=rubrics["unused"].pk).exists()


def test_starters_are_never_edited_in_place(school, rubrics):
    starter = rubrics["starter"]
    client = client_for(school.teacher)
    url = reverse("coaching:teach_rubric_edit", args=[starter.pk])
    assert client.post(url, _builder_post()).status_code == 404
    delete = reverse("coaching:teach_rubric_delete", args=[starter.pk])
    assert client.post(delete).status_code == 404
    starter.refresh_from_db()
    assert starter.is_starter and starter.name != "Speech rubric"


@pytest.mark.parametrize("htmx", [False, True])
def test_copy_a_starter_then_edit_the_copy(school, rubrics, htmx):
    starter = rubrics["starter"]
    client = client_for(school.other_teacher)
    response = client.post(
        reverse("coaching:teach_rubric_copy", args=[starter.pk]),
        headers=htmx_headers() if htmx else {},
    )
    copy = Rubric.objects.get(owner=school.other_teacher, name=starter.name)
    edit = reverse("coaching:teach_rubric_edit", args=[copy.pk])
    assert (response["HX-Redirect"] if htmx else response["Location"]) == edit
    assert not copy.is_starter
    assert copy.criteria.count() == starter.criteria.count()
    assert client.get(edit).status_code == 200
    client.post(edit, _builder_post(name="My argument rubric"))
    starter.refresh_from_db()
    copy.refresh_from_db()
    assert copy.name == "My argument rubric" and starter.name != "My argument rubric"


def test_copy_needs_sight_of_the_rubric(school, rubrics):
    for persona in ("student", "outsider", "other_teacher"):
        url = reverse("coaching:teach_rubric_copy", args=[rubrics["used"].pk])
        assert _client(school, persona).post(url).status_code == 404
    assert Client().post(url).status_code == 302
    assert not Rubric.objects.filter(name__startswith="Copy of").exists()
    response = client_for(school.co_teacher).post(url)
    assert response.status_code == 302
    assert Rubric.objects.get(name="Copy of Uniform essays").owner == school.co_teacher


def test_delete_only_when_unused(school, rubrics):
    client = client_for(school.teacher)
    response = client.post(
        reverse("coaching:teach_rubric_delete", args=[rubrics["used"].pk]), follow=True
    )
    assert "cannot be deleted" in response.content.decode()
    assert Rubric.objects.filter(pk=rubrics["used"].pk).exists()
    response = client.post(
        reverse("coaching:teach_rubric_delete", args=[rubrics["unused"].pk]),
        headers=htmx_headers(),
    )
    assert response["HX-Redirect"] == reverse("coaching:teach_rubric_list")
    assert not Rubric.objects.filter(pk=rubrics["unused"].pk).exists()


def test_students_cannot_reach_any_rubric_page_even_by_post(school, rubrics):
    client = client_for(school.student)
    assert client.post(reverse("coaching:teach_rubric_new"), _builder_post()).status_code == 404
    assert client.post(reverse("coaching:teach_rubric_import"), {}).status_code == 404
    assert not Rubric.objects.filter(name="Speech rubric").exists()
