"""Feedback, comments and class PDFs encrypted at rest; rows written before are encrypted here."""

from django.db import migrations

import essays.fields
from config.encryption import decrypt_rows, encrypt_rows

FIELDS = {
    "Analysis": ["digest"],
    "StageResult": ["data"],
    "TeacherReview": ["comment", "return_note", "released"],
    "NoteDecision": ["message"],
    "TeacherComment": ["text"],
    "PrintJob": ["pdf"],
}


def encrypt(apps, schema_editor):
    for model, fields in FIELDS.items():
        encrypt_rows(apps.get_model("coaching", model), fields)


def decrypt(apps, schema_editor):
    for model, fields in FIELDS.items():
        table = apps.get_model("coaching", model)._meta.db_table
        decrypt_rows(schema_editor.connection, table, fields, binary=model == "PrintJob")


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0010_analysis_waiting"),
    ]

    operations = [
        migrations.AlterField(
            model_name="analysis",
            name="digest",
            field=essays.fields.EncryptedJSONField(blank=True, default=dict),
        ),
        migrations.AlterField(
            model_name="notedecision",
            name="message",
            field=essays.fields.EncryptedTextField(
                blank=True, help_text="the teacher's wording, when edited"
            ),
        ),
        migrations.AlterField(
            model_name="printjob",
            name="pdf",
            field=essays.fields.EncryptedBinaryField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="stageresult",
            name="data",
            field=essays.fields.EncryptedJSONField(),
        ),
        migrations.AlterField(
            model_name="teachercomment",
            name="text",
            field=essays.fields.EncryptedTextField(verbose_name="comment"),
        ),
        migrations.AlterField(
            model_name="teacherreview",
            name="comment",
            field=essays.fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name="teacherreview",
            name="released",
            field=essays.fields.EncryptedJSONField(
                blank=True,
                help_text="what the student sees: the marking as it was when last released",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="teacherreview",
            name="return_note",
            field=essays.fields.EncryptedTextField(blank=True, verbose_name="what to fix"),
        ),
        migrations.RunPython(encrypt, decrypt),
    ]
