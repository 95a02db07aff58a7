"""Essays and drafts encrypted at rest (config/encryption.py); rows written before are encrypted here."""

from django.db import migrations

import essays.fields
from config.encryption import decrypt_rows, encrypt_rows

FIELDS = {"Essay": ["draft_text"], "Revision": ["text"]}


def encrypt(apps, schema_editor):
    for model, fields in FIELDS.items():
        encrypt_rows(apps.get_model("essays", model), fields)


def decrypt(apps, schema_editor):
    for model, fields in FIELDS.items():
        table = apps.get_model("essays", model)._meta.db_table
        decrypt_rows(schema_editor.connection, table, fields)


class Migration(migrations.Migration):
    dependencies = [
        ("essays", "0002_teacher_side"),
    ]

    operations = [
        migrations.AlterField(
            model_name="essay",
            name="draft_text",
            field=essays.fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name="revision",
            name="text",
            field=essays.fields.EncryptedTextField(),
        ),
        migrations.RunPython(encrypt, decrypt),
    ]
