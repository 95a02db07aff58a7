"""Our starter rubrics (coaching/starters.py), which teachers copy and edit."""

from django.db import migrations


def create_starters(apps, schema_editor):
    from coaching.starters import STARTERS

    Rubric = apps.get_model("coaching", "Rubric")
    Criterion = apps.get_model("coaching", "Criterion")
    Level = apps.get_model("coaching", "Level")
    for spec in STARTERS:
        if Rubric.objects.filter(name=spec["name"], is_starter=True).exists():
            continue
        rubric = Rubric.objects.create(
            name=spec["name"], description=spec["description"], is_starter=True
        )
        for order, c in enumerate(spec["criteria"]):
            criterion = Criterion.objects.create(
                rubric=rubric,
                name=c["name"],
                description=c["description"],
                weight=c["weight"],
                measures=c["measures"],
                order=order,
            )
            Level.objects.bulk_create(
                Level(criterion=criterion, label=label, points=points, descriptor=text)
                for label, points, text in c["levels"]
            )


def remove_starters(apps, schema_editor):
    Rubric = apps.get_model("coaching", "Rubric")
    Rubric.objects.filter(is_starter=True, assignments__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("coaching", "0006_teacher_review_released")]

    operations = [migrations.RunPython(create_starters, remove_starters)]
