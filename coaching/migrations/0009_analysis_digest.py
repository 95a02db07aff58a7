"""Analysis.digest: the machine's points and note counts, filled in for past analyses."""

from django.db import migrations, models


def fill(apps, schema_editor):
    from coaching.models import digest_of

    Analysis = apps.get_model("coaching", "Analysis")
    StageResult = apps.get_model("coaching", "StageResult")
    digests: dict[int, dict] = {}
    results = StageResult.objects.filter(stage__in=["scores", "notes"]).values_list(
        "analysis_id", "stage", "data"
    )
    for analysis_id, stage, data in results.iterator(chunk_size=500):
        digests.setdefault(analysis_id, {}).update(digest_of(stage, data or {}))
        if len(digests) >= 500:
            _save(Analysis, digests)
    _save(Analysis, digests)


def _save(Analysis, digests: dict[int, dict]) -> None:
    analyses = list(Analysis.objects.filter(pk__in=list(digests)))
    for analysis in analyses:
        analysis.digest = {**analysis.digest, **digests[analysis.pk]}
    Analysis.objects.bulk_update(analyses, ["digest"], batch_size=500)
    digests.clear()


class Migration(migrations.Migration):
    dependencies = [("coaching", "0008_print_job")]

    operations = [
        migrations.AddField(
            model_name="analysis",
            name="digest",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
