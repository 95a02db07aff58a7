"""Settings, security headers, health check, and account rate limits."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from config.env import env_bool, env_int, env_list, env_str
from tests.conftest import clear_cache, client_for


def test_env_helpers_reject_bad_values(monkeypatch, tmp_path):
    monkeypatch.setenv("X_BOOL", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_BOOL"):
        env_bool("X_BOOL")
    monkeypatch.setenv("X_INT", "ten")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("X_INT", 1)
    monkeypatch.setenv("X_INT", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 5"):
        env_int("X_INT", 10, minimum=5)
    monkeypatch.setenv("X_LIST", "a, b,,c")
    assert env_list("X_LIST") == ["a", "b", "c"]
    secret = tmp_path / "secret"
    secret.write_text("from-a-file\n")
    monkeypatch.setenv("X_SECRET_FILE", str(secret))
    assert env_str("X_SECRET") == "from-a-file"
    monkeypatch.setenv("X_SECRET_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match="cannot be read"):
        env_str("X_SECRET")


def test_strict_content_security_policy(school):
    response = client_for(school.student).get(reverse("essays:assignment_list"))
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert "script-src 'self' 'nonce-" in policy
    assert "frame-ancestors 'self'" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    body = response.content.decode()
    # Every script tag carries the nonce; no inline handlers anywhere.
    assert body.count("<script") == body.count(f'nonce="{nonce}"')
    assert " onclick=" not in body and " onload=" not in body


def test_login_failures_are_rate_limited_in_the_shared_cache(client, school):
    clear_cache()
    url = reverse("account_login")
    bodies = [
        client.post(url, {"login": "student@school.test", "password": "wrong"}).content.decode()
        for _ in range(6)
    ]
    assert "Too many failed login attempts" not in bodies[0]
    assert "Too many failed login attempts" in bodies[-1]
    # Even the right password is refused while the limit holds.
    from tests.factories import PASSWORD

    response = client.post(url, {"login": "student@school.test", "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    clear_cache()


def test_signup_creates_a_user_who_logs_in_by_email(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "New Person",
            "role": "student",
            "email": "New.Person@School.test",
            "password1": "Essays-fun-2026",
            "password2": "Essays-fun-2026",
        },
    )
    assert response.status_code == 302
    from essays.models import User

    assert User.objects.filter(email="new.person@school.test").exists()


def test_the_admin_lists_classes_and_assignments(db, school):
    from essays.models import User

    admin = User.objects.create_superuser(email="admin@school.test", password="x")
    client = client_for(admin)
    for url in ("/admin/essays/classroom/", "/admin/essays/assignment/", "/admin/coaching/rubric/"):
        assert client.get(url).status_code == 200
    response = client.get(f"/admin/essays/classroom/{school.classroom.pk}/change/")
    assert response.status_code == 200


def test_a_class_behind_one_school_address_can_all_sign_in(db):
    """Forty students from one NAT address sign in within a minute: none is refused."""
    from django.test import Client

    from tests.conftest import clear_cache
    from tests.factories import PASSWORD, UserFactory

    clear_cache()
    students = [UserFactory(email=f"pupil{i}@school.test") for i in range(40)]
    url = reverse("account_login")
    for student in students:
        response = Client().post(url, {"login": student.email, "password": PASSWORD})
        assert response.status_code == 302, student.email
    clear_cache()
