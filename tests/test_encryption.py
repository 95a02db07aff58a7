"""Encryption at rest: the rows hold no plaintext, keys rotate without downtime, and the
migration encrypts what was written before (and gives it back when migrated backwards)."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from coaching.marking import note_key
from coaching.models import PrintJob, StageResult
from coaching.services import (
    note_decide,
    review_release,
    review_return,
    review_save,
    teacher_comment_add,
)
from config.encryption import PREFIX, new_key
from essays.management.commands.rotate_encryption import encrypted_fields
from essays.models import Essay, Revision
from tests.factories import UNIFORM_ESSAY

SECRET = "Zanzibar-marmalade"  # a phrase that appears only in what the people wrote
ESSAY = UNIFORM_ESSAY.replace("School uniforms", f"Scool uniforms ({SECRET})", 1)


def _raw_values() -> dict[str, list]:
    """Every encrypted column of every row, read with plain SQL."""
    quote = connection.ops.quote_name
    values: dict[str, list] = {}
    with connection.cursor() as cursor:
        for model, fields in encrypted_fields().items():
            for name in fields:
                column = model._meta.get_field(name).column
                cursor.execute(
                    f"SELECT {quote(column)} FROM {quote(model._meta.db_table)}"  # noqa: S608
                )
                values[f"{model._meta.label}.{name}"] = [row[0] for row in cursor.fetchall()]
    return values


def _as_text(value) -> str:
    return bytes(value).decode("latin-1") if isinstance(value, bytes | memoryview) else value


def _everything_written(school, analysed) -> Revision:
    revision = analysed(ESSAY)
    Essay.objects.filter(pk=revision.essay_id).update(draft_text=f"My draft: {SECRET}")
    Essay.objects.get(pk=revision.essay_id)  # saved through the field (encrypted)
    essay = revision.essay
    essay.draft_text = f"My next draft: {SECRET}"
    essay.save()
    criteria = school.assignment.rubric.criteria.all()
    review_save(
        revision=revision,
        teacher=school.teacher,
        points={c.pk: 3 for c in criteria},
        comment=f"Overall: {SECRET}",
    )
    review_release(revision=revision, teacher=school.teacher)
    review_return(revision=revision, teacher=school.teacher, note=f"Fix: {SECRET}")
    teacher_comment_add(revision=revision, teacher=school.teacher, text=SECRET, paragraph=1)
    notes = StageResult.objects.get(analysis__revision=revision, stage="notes").data
    first = notes["annotations"][0]
    note_decide(
        revision=revision,
        teacher=school.teacher,
        note_key=note_key(first),
        decision="edited",
        message=f"Better: {SECRET}",
    )
    PrintJob.objects.create(
        assignment=school.assignment, requested_by=school.teacher, pdf=SECRET.encode()
    )
    return revision


def test_raw_rows_hold_no_plaintext(school, analysed):
    revision = _everything_written(school, analysed)
    raw = _raw_values()
    assert set(raw) >= {
        "essays.Revision.text",
        "essays.Essay.draft_text",
        "coaching.StageResult.data",
        "coaching.Analysis.digest",
        "coaching.TeacherReview.comment",
        "coaching.TeacherReview.return_note",
        "coaching.TeacherReview.released",
        "coaching.TeacherComment.text",
        "coaching.NoteDecision.message",
        "coaching.PrintJob.pdf",
    }
    for label, values in raw.items():
        assert values, label
        for value in values:
            text = _as_text(value)
            assert SECRET not in text, label
            assert "uniform" not in text.lower(), label
            assert text == "" or text.startswith(PREFIX), (label, text[:40])
    # and the application reads them back as they were written
    revision = Revision.objects.get(pk=revision.pk)
    assert SECRET in revision.text
    assert revision.essay.draft_text == f"My next draft: {SECRET}"
    assert revision.review.comment == f"Overall: {SECRET}"
    assert revision.review.released["comment"] == f"Overall: {SECRET}"
    assert bytes(PrintJob.objects.get().pdf) == SECRET.encode()


def test_keys_rotate_while_every_row_stays_readable(school, analysed, settings):
    revision = analysed(ESSAY)
    old = list(settings.ENCRYPTION_KEYS)
    settings.ENCRYPTION_KEYS = [new_key(), *old]  # deploy step 1: the new key first
    assert SECRET in Revision.objects.get(pk=revision.pk).text  # old rows still read
    out = io.StringIO()
    call_command("rotate_encryption", stdout=out)  # step 2: re-encrypt
    assert "essays.Revision: " in out.getvalue()
    settings.ENCRYPTION_KEYS = settings.ENCRYPTION_KEYS[:1]  # step 3: drop the old key
    assert SECRET in Revision.objects.get(pk=revision.pk).text
    assert StageResult.objects.filter(analysis__revision=revision).count() == 4
    assert all(r.data for r in StageResult.objects.filter(analysis__revision=revision))
    settings.ENCRYPTION_KEYS = old  # the old key alone can no longer read them
    with pytest.raises(Exception, match="cannot be decrypted"):
        Revision.objects.get(pk=revision.pk)


def test_production_refuses_to_start_without_keys():
    env = {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "k" * 30 + "abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "essays.school.example",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "ESSAYCOACH_ENCRYPTION_KEYS" in result.stderr


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_old_rows_and_gives_them_back(school, analysed):
    revision = analysed(ESSAY)
    executor = MigrationExecutor(connection)
    executor.migrate([("essays", "0002_teacher_side"), ("coaching", "0010_analysis_waiting")])
    raw = _raw_values_of("essays_revision", "text") + _raw_values_of("coaching_stageresult", "data")
    assert any(SECRET in value for value in raw)  # migrated back: plaintext again
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    raw = _raw_values_of("essays_revision", "text") + _raw_values_of("coaching_stageresult", "data")
    assert raw and all(value.startswith(PREFIX) for value in raw)
    assert SECRET in Revision.objects.get(pk=revision.pk).text


def _raw_values_of(table: str, column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608
        return [str(row[0]) for row in cursor.fetchall()]
