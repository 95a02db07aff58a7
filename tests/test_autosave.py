"""Autosave that tells the truth: versions, stale writes refused, too long, NUL."""

from __future__ import annotations

import re
import threading
import time

import pytest
from django.db import connection
from django.urls import reverse

from essays.models import Essay
from essays.services import DraftConflict, draft_save, essay_for
from tests.conftest import client_for

SCRIPT = {"X-Autosave": "1"}


def autosave_url(school) -> str:
    return reverse("essays:draft_autosave", args=[school.assignment.pk])


def edit_url(school) -> str:
    return reverse("essays:essay_edit", args=[school.assignment.pk])


def page_version(client, school) -> str:
    """The draft version the editor page hands to the script (and the no-JS form)."""
    body = client.get(edit_url(school)).content.decode()
    field = re.search(r'name="base" value="([^"]*)"', body)
    data = re.search(r'data-version="([^"]*)"', body)
    assert field and data and field.group(1) == data.group(1)
    return field.group(1)


def test_a_save_on_the_current_version_is_kept_and_returns_the_new_version(school):
    client = client_for(school.student)
    base = page_version(client, school)
    assert base == ""  # no draft yet
    response = client.post(
        autosave_url(school), {"text": "First words", "base": base}, headers=SCRIPT
    )
    assert response.status_code == 200
    assert "Draft saved" in response.content.decode()
    essay = Essay.objects.get(student=school.student)
    assert essay.draft_text == "First words"
    assert response["X-Draft-Version"] == essay.draft_version != ""

    again = client.post(
        autosave_url(school),
        {"text": "First words, more", "base": response["X-Draft-Version"]},
        headers=SCRIPT,
    )
    assert again.status_code == 200
    assert again["X-Draft-Version"] != response["X-Draft-Version"]
    assert page_version(client, school) == again["X-Draft-Version"]


def test_a_save_from_an_older_page_is_refused_with_409_and_changes_nothing(school):
    old_tab = client_for(school.student)
    stale = page_version(old_tab, school)
    new_tab = client_for(school.student)
    new_tab.post(autosave_url(school), {"text": "Newer words", "base": stale}, headers=SCRIPT)
    essay = Essay.objects.get(student=school.student)

    response = old_tab.post(
        autosave_url(school), {"text": "Older words", "base": stale}, headers=SCRIPT
    )
    assert response.status_code == 409
    assert "changed in another tab or window" in response.content.decode()
    assert "<html" not in response.content.decode()
    # The page learns the newer version: "Keep this one" saves on top of it.
    assert response["X-Draft-Version"] == essay.draft_version
    essay.refresh_from_db()
    assert essay.draft_text == "Newer words"

    kept = old_tab.post(
        autosave_url(school),
        {"text": "Older words", "base": response["X-Draft-Version"]},
        headers=SCRIPT,
    )
    assert kept.status_code == 200
    essay.refresh_from_db()
    assert essay.draft_text == "Older words"


def test_a_late_beacon_cannot_overwrite_what_was_typed_after_the_reload(school):
    client = client_for(school.student)
    base = page_version(client, school)
    # The reloaded page saved newer words on the same base before the beacon arrived.
    client.post(
        autosave_url(school), {"text": "Words typed after reload", "base": base}, headers=SCRIPT
    )
    # sendBeacon cannot set headers: it marks itself with a form field.
    beacon = client.post(
        autosave_url(school), {"text": "Words in the beacon", "base": base, "autosave": "1"}
    )
    assert beacon.status_code == 409
    assert Essay.objects.get(student=school.student).draft_text == "Words typed after reload"
    # A beacon leaves no "Draft saved." flash message for the next page.
    assert "Draft saved." not in client.get(edit_url(school)).content.decode()


def test_a_stale_save_of_the_very_text_already_saved_is_no_conflict(school):
    client = client_for(school.student)
    base = page_version(client, school)
    client.post(autosave_url(school), {"text": "Same words\n", "base": base, "autosave": "1"})
    version = Essay.objects.get(student=school.student).draft_version
    response = client.post(
        autosave_url(school), {"text": "Same words\r\n", "base": base}, headers=SCRIPT
    )
    assert response.status_code == 200
    assert response["X-Draft-Version"] == version


def test_without_a_base_the_last_write_wins_as_before(school):
    client = client_for(school.student)
    client.post(autosave_url(school), {"text": "One", "base": ""}, headers=SCRIPT)
    response = client.post(autosave_url(school), {"text": "Two"}, headers=SCRIPT)
    assert response.status_code == 200
    assert Essay.objects.get(student=school.student).draft_text == "Two"


def test_a_stale_save_without_javascript_keeps_the_text_and_says_how_to_keep_it(school):
    client = client_for(school.student)
    stale = page_version(client, school)
    client.post(autosave_url(school), {"text": "From the other tab", "base": stale}, headers=SCRIPT)
    newer = Essay.objects.get(student=school.student).draft_version

    response = client.post(autosave_url(school), {"text": "From this page", "base": stale})
    body = response.content.decode()
    assert response.status_code == 409
    assert "changed in another tab or window" in body
    assert "Save draft again to keep it" in body
    assert ">From this page</textarea>" in body
    assert f'name="base" value="{newer}"' in body
    assert Essay.objects.get(student=school.student).draft_text == "From the other tab"

    again = client.post(autosave_url(school), {"text": "From this page", "base": newer})
    assert again.status_code == 302
    assert Essay.objects.get(student=school.student).draft_text == "From this page"


def test_text_too_long_to_save_says_how_long_and_the_limit(school, settings):
    settings.ESSAY_MAX_WORDS = 100
    client = client_for(school.student)
    client.post(autosave_url(school), {"text": "Kept draft", "base": ""}, headers=SCRIPT)
    base = Essay.objects.get(student=school.student).draft_version

    response = client.post(
        autosave_url(school), {"text": "word " * 101, "base": base}, headers=SCRIPT
    )
    assert response.status_code == 422
    assert "Too long to save: 101 words, the limit is 100." in response.content.decode()
    assert "X-Draft-Version" not in response

    huge_word = client.post(
        autosave_url(school), {"text": "a" * 3001, "base": base}, headers=SCRIPT
    )
    assert huge_word.status_code == 422
    assert "3001 characters, the limit is 3000" in huge_word.content.decode()

    no_js = client.post(autosave_url(school), {"text": "word " * 101, "base": base})
    assert no_js.status_code == 422
    assert "Too long to save: 101 words" in no_js.content.decode()
    assert Essay.objects.get(student=school.student).draft_text == "Kept draft"


def test_a_nul_character_is_no_server_error(school):
    client = client_for(school.student)
    for headers in (SCRIPT, {}):
        response = client.post(
            autosave_url(school), {"text": "Before\x00after", "base": ""}, headers=headers
        )
        assert response.status_code in (200, 302, 409, 422)
    essay = essay_for(assignment=school.assignment, student=school.student)
    assert "\x00" not in essay.draft_text


@pytest.mark.django_db(transaction=True)
def test_two_tabs_saving_on_the_same_base_at_once_cannot_both_win(school, monkeypatch):
    import essays.services

    real_now = essays.services.timezone.now

    def slow_now():  # widens the gap between the version check and the write
        time.sleep(0.3)
        return real_now()

    essay = essay_for(assignment=school.assignment, student=school.student)
    monkeypatch.setattr(essays.services.timezone, "now", slow_now)
    base = essay.draft_version
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def tab(name: str) -> None:
        try:
            mine = Essay.objects.get(pk=essay.pk)
            barrier.wait(timeout=10)
            draft_save(essay=mine, text=f"Written in {name}", base=base)
            outcomes[name] = "saved"
        except DraftConflict:
            outcomes[name] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=tab, args=(name,)) for name in ("tab A", "tab B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["refused", "saved"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    essay.refresh_from_db()
    assert essay.draft_text == f"Written in {winner}"
