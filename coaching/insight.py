"""The class overview of an assignment and its grade export, in a fixed number of queries.

Marks are the teacher's where an essay is marked, else the machine's suggestion, and
the page says which is which. Charts are SVG made here (no JavaScript), each with a table
of the same numbers as its text alternative.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import IO, Any

from django.db.models import F, QuerySet
from django.utils import timezone

from coaching.models import Analysis
from coaching.review import criterion_choices
from essays.models import Assignment, Membership, Revision, User

# --- the overview ------------------------------------------------------------------------


@dataclass
class LevelCount:
    label: str
    points: int
    teacher: int = 0
    machine: int = 0

    @property
    def total(self) -> int:
        return self.teacher + self.machine


@dataclass
class CriterionDistribution:
    name: str
    levels: list[LevelCount]
    chart: dict[str, Any] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(level.total for level in self.levels)


@dataclass
class Issue:
    kind: str
    category: str
    example: str
    notes: int
    students: int


@dataclass
class RevisionStep:
    number: int
    essays: int
    machine_mean: float | None
    teacher_mean: float | None


@dataclass
class Overview:
    students: int
    submitted: int
    missing: list[User]
    marked: int
    released: int
    distributions: list[CriterionDistribution]
    issues: list[Issue]
    steps: list[RevisionStep]
    improved: int
    same: int
    declined: int


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _students(assignment: Assignment) -> QuerySet[User]:
    return (
        User.objects.filter(
            memberships__classroom_id=assignment.classroom_id,
            memberships__role=Membership.Role.STUDENT,
        )
        .only("pk", "display_name", "email")
        .order_by("display_name", "email")
    )


def class_overview(assignment: Assignment, *, top_issues: int = 10) -> Overview:
    """Seven queries whatever the size of the class or the number of revisions."""
    students = _students(assignment)
    student_count = students.count()
    rows = list(
        Revision.objects.filter(essay__assignment=assignment)
        .order_by("essay_id", "number")
        .values_list(
            "pk",
            "essay_id",
            "essay__student_id",
            "number",
            "analysis__overall_percent",
            "review__points",
            "review__total",
            "review__max_total",
            "review__released_at",
        )
    )
    latest: dict[int, tuple] = {}
    by_essay: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        latest[row[1]] = row
        by_essay[row[1]].append(row)
    submitted_ids = {row[2] for row in latest.values()}
    latest_ids = [row[0] for row in latest.values()]

    # the machine's levels and note counts of each latest revision, from the digest
    machine: dict[int, dict[str, int]] = {}
    issue_notes: Counter[str] = Counter()
    issue_students: dict[str, set[int]] = defaultdict(set)
    issue_example: dict[str, tuple[str, str]] = {}
    for revision_id, digest in Analysis.objects.filter(revision_id__in=latest_ids).values_list(
        "revision_id", "digest"
    ):
        machine[revision_id] = digest.get("points") or {}
        for kind, (count, category, message) in (digest.get("kinds") or {}).items():
            issue_notes[kind] += count
            issue_students[kind].add(revision_id)
            issue_example.setdefault(kind, (category, message))

    distributions = []
    for criterion in criterion_choices(assignment):
        levels = sorted(criterion.levels.all(), key=lambda level: -level.points)
        counts = {level.points: LevelCount(level.label, level.points) for level in levels}
        for row in latest.values():
            teacher_points = (row[5] or {}).get(criterion.name)
            if teacher_points is not None and teacher_points in counts:
                counts[teacher_points].teacher += 1
                continue
            machine_points = machine.get(row[0], {}).get(criterion.name)
            if machine_points in counts:
                counts[machine_points].machine += 1
        distribution = CriterionDistribution(criterion.name, list(counts.values()))
        distribution.chart = bar_chart(distribution)
        distributions.append(distribution)

    steps = []
    numbers = sorted({row[3] for row in rows})
    for number in numbers:
        at = [row for row in rows if row[3] == number]
        steps.append(
            RevisionStep(
                number=number,
                essays=len(at),
                machine_mean=_mean([r[4] for r in at if r[4] is not None]),
                teacher_mean=_mean([100 * r[6] / r[7] for r in at if r[6] is not None and r[7]]),
            )
        )
    improved = same = declined = 0
    for revisions in by_essay.values():
        if len(revisions) < 2:
            continue
        first, last = _percent(revisions[0]), _percent(revisions[-1])
        if first is None or last is None:
            continue
        if last > first + 0.5:
            improved += 1
        elif last < first - 0.5:
            declined += 1
        else:
            same += 1

    issues = [
        Issue(
            kind=kind,
            category=issue_example[kind][0],
            example=issue_example[kind][1],
            notes=count,
            students=len(issue_students[kind]),
        )
        for kind, count in sorted(
            issue_notes.items(), key=lambda item: (-len(issue_students[item[0]]), -item[1])
        )[:top_issues]
    ]
    return Overview(
        students=student_count,
        submitted=len(submitted_ids),
        # only those who have not submitted become objects: a class of 300 costs no more
        missing=list(
            students.exclude(
                pk__in=Revision.objects.filter(essay__assignment=assignment).values(
                    "essay__student_id"
                )
            )
        ),
        marked=sum(1 for row in latest.values() if row[6] is not None),
        released=sum(1 for row in latest.values() if row[8] is not None),
        distributions=distributions,
        issues=issues,
        steps=steps,
        improved=improved,
        same=same,
        declined=declined,
    )


def _percent(row: tuple) -> float | None:
    """The teacher's percentage where marked, else the machine's."""
    if row[6] is not None and row[7]:
        return 100.0 * row[6] / row[7]
    return row[4]


BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 150
CHART_WIDTH = 460


def bar_chart(distribution: CriterionDistribution) -> dict[str, Any]:
    """Geometry of a horizontal bar chart: a bar per level, teacher's marks then machine's
    suggestions, scaled to the largest count. The template draws it."""
    biggest = max((level.total for level in distribution.levels), default=0) or 1
    span = CHART_WIDTH - LABEL_WIDTH - 40
    bars = []
    for i, level in enumerate(distribution.levels):
        y = i * (BAR_HEIGHT + BAR_GAP)
        teacher_w = round(span * level.teacher / biggest, 1)
        machine_w = round(span * level.machine / biggest, 1)
        bars.append(
            {
                "label": f"{level.label} ({level.points})",
                "y": y,
                "text_y": y + BAR_HEIGHT * 0.7,
                "teacher_x": LABEL_WIDTH,
                "teacher_w": teacher_w,
                "machine_x": LABEL_WIDTH + teacher_w,
                "machine_w": machine_w,
                "count_x": LABEL_WIDTH + teacher_w + machine_w + 6,
                "count": level.total,
            }
        )
    height = max(1, len(bars)) * (BAR_HEIGHT + BAR_GAP)
    return {
        "bars": bars,
        "width": CHART_WIDTH,
        "height": height,
        "label_x": LABEL_WIDTH - 8,
        "bar_height": BAR_HEIGHT,
    }


# --- the grade export --------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A spreadsheet must not run a student's name as a formula: text that starts like one
    gets a leading apostrophe. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_grades_csv(assignment: Assignment, out: IO[str] | Any) -> int:
    """One row per student of the class, names first (e-mail after), in four queries."""
    criteria = criterion_choices(assignment)
    students = _students(assignment)
    latest: dict[int, dict[str, Any]] = {}
    for row in (
        Revision.objects.filter(essay__assignment=assignment)
        .order_by("essay_id", "number")
        .values(
            "essay__student_id",
            "number",
            "created_at",
            "late",
            "word_count",
            machine_percent=F("analysis__overall_percent"),
            points=F("review__points"),
            total=F("review__total"),
            max_total=F("review__max_total"),
            released_at=F("review__released_at"),
            returned_at=F("review__returned_at"),
        )
    ):
        latest[row["essay__student_id"]] = dict(row)
    writer = csv.writer(out)
    header = ["Student", "E-mail", "Revision", "Submitted", "Late", "Words", "Status"]
    header += [c.name for c in criteria]
    header += ["Teacher total", "Out of", "Teacher %", "Machine %"]
    writer.writerow([safe_cell(h) for h in header])
    zone = timezone.get_current_timezone()
    for student in students:
        found = latest.get(student.pk)
        if found is None:
            cells: list[Any] = [str(student), student.email, "", "", "", "", "not submitted"]
            cells += [""] * len(criteria) + ["", "", "", ""]
        else:
            if found["returned_at"]:
                status = "returned for revision"
            elif found["released_at"]:
                status = "released"
            elif found["total"] is not None:
                status = "marked, not released"
            else:
                status = "not marked"
            points = found["points"] or {}
            percent = (
                round(100 * found["total"] / found["max_total"], 1)
                if found["total"] is not None and found["max_total"]
                else ""
            )
            cells = [
                str(student),
                student.email,
                found["number"],
                timezone.localtime(found["created_at"], zone).strftime("%Y-%m-%d %H:%M"),
                "yes" if found["late"] else "no",
                found["word_count"],
                status,
            ]
            cells += [points.get(c.name, "") for c in criteria]
            cells += [
                found["total"] if found["total"] is not None else "",
                found["max_total"] if found["max_total"] is not None else "",
                percent,
                round(found["machine_percent"], 1) if found["machine_percent"] is not None else "",
            ]
        writer.writerow([safe_cell(cell) for cell in cells])
    return len(students)
