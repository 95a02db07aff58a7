"""People-centred fixtures: a student, a classmate, their teacher, and outsiders."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from essays.models import Assignment, Classroom, Membership, User
from tests.factories import (
    PASSWORD,
    AssignmentFactory,
    ClassroomFactory,
    MembershipFactory,
    UserFactory,
)


@dataclass
class School:
    classroom: Classroom
    assignment: Assignment
    student: User
    classmate: User
    teacher: User
    other_teacher: User
    outsider: User
    co_teacher: User
    admin: User

    def personas(self) -> dict[str, User | None]:
        """Everyone a teacher page must be tested as (None: not signed in)."""
        return {
            "anonymous": None,
            "student": self.student,
            "classmate": self.classmate,
            "teacher": self.teacher,
            "co_teacher": self.co_teacher,
            "other_teacher": self.other_teacher,
            "outsider": self.outsider,
        }


@pytest.fixture
def school(db) -> School:
    classroom = ClassroomFactory(name="English 9")
    student = UserFactory(email="student@school.test", display_name="Sam Student")
    classmate = UserFactory(email="classmate@school.test", display_name="Casey Classmate")
    teacher = UserFactory(
        email="teacher@school.test", display_name="Ms Teacher", role=User.Role.TEACHER
    )
    co_teacher = UserFactory(
        email="co-teacher@school.test", display_name="Mr Coteacher", role=User.Role.TEACHER
    )
    other_teacher = UserFactory(
        email="other-teacher@school.test", display_name="Dr Other", role=User.Role.TEACHER
    )
    outsider = UserFactory(email="outsider@school.test", display_name="Olly Outsider")
    admin = User.objects.create_superuser(email="site-admin@school.test", password=PASSWORD)
    classroom.created_by = teacher
    classroom.save(update_fields=["created_by"])
    MembershipFactory(classroom=classroom, user=student)
    MembershipFactory(classroom=classroom, user=classmate)
    MembershipFactory(classroom=classroom, user=teacher, role=Membership.Role.TEACHER)
    MembershipFactory(classroom=classroom, user=co_teacher, role=Membership.Role.TEACHER)
    other_class = ClassroomFactory(name="History 11")
    MembershipFactory(classroom=other_class, user=other_teacher, role=Membership.Role.TEACHER)
    MembershipFactory(classroom=other_class, user=outsider)
    assignment = AssignmentFactory(classroom=classroom, title="Uniforms")
    return School(
        classroom,
        assignment,
        student,
        classmate,
        teacher,
        other_teacher,
        outsider,
        co_teacher,
        admin,
    )


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def htmx_headers() -> dict[str, str]:
    return {"HX-Request": "true"}


@pytest.fixture
def password() -> str:
    return PASSWORD


def clear_cache() -> None:
    """Empty our cache: on Redis only our own keys (CACHE_KEY_PREFIX). `cache.clear()` is
    FLUSHDB, which also empties the queues and rate limits of every other test run
    sharing that Redis database, mid-test."""
    from django.conf import settings
    from django.core.cache import cache

    if not settings.REDIS_URL:
        cache.clear()
        return
    client = cache._cache.get_client(write=True)  # type: ignore[attr-defined]
    keys = list(client.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Engine results, rate limits: each test starts with an empty cache.
    clear_cache()


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Unit tests render pages without running collectstatic; the hashed, compressed
    # storage is exercised by the browser tests against a collected tree.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Real hashing costs ~0.3 s a user; tests make many users and prove nothing by it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def submit(school, django_capture_on_commit_callbacks):
    """Submit an essay as a student; analysis is queued but run only when a test says so."""
    from essays.services import essay_for, revision_submit

    def _submit(text: str, student: User | None = None):
        essay = essay_for(assignment=school.assignment, student=student or school.student)
        with django_capture_on_commit_callbacks(execute=False):
            return revision_submit(essay=essay, text=text)

    return _submit


@pytest.fixture
def analysed(submit):
    """Submit and run the real engine through the pipeline, as the worker would."""
    from coaching.pipeline import analysis_run

    def _analysed(text: str, student: User | None = None):
        revision = submit(text, student)
        assert analysis_run(analysis_id=revision.analysis.pk)
        revision.analysis.refresh_from_db()
        return revision

    return _analysed
