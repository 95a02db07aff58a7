"""Rubric files: export as CSV and JSON; import CSV, JSON, and a rubric table from a Word
document (.docx) or a PDF. The format is documented in README.md ("Rubric files").

Every importer returns a RubricDraft (nothing is saved here). CSV and JSON are exact: any
problem is reported with the row (or entry) it is on, and the file is refused. A table in
a .docx or .pdf is a best effort: the teacher sees it in the builder and fixes it there.
A file that cannot be read at all gives a "damaged" message, never an error page.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from coaching.rubric_draft import (
    MAX_CRITERIA,
    MAX_LEVELS,
    MEASURES,
    CriterionDraft,
    LevelDraft,
    RubricDraft,
    to_dict,
    validate,
)
from essays import fileparse
from essays.textfiles import UnreadableFile, parse_limits, run_parser, too_large_message

MAX_FILE_BYTES = 1024 * 1024
MAX_ROWS = MAX_CRITERIA * MAX_LEVELS + 1
CSV_COLUMNS = ("criterion", "description", "weight", "measures", "level", "points", "descriptor")
_ALIASES = {
    "criterion": "criterion",
    "criteria": "criterion",
    "criterion name": "criterion",
    "description": "description",
    "criterion description": "description",
    "weight": "weight",
    "measures": "measures",
    "engine measures": "measures",
    "level": "level",
    "level label": "level",
    "label": "level",
    "points": "points",
    "score": "points",
    "descriptor": "descriptor",
    "level descriptor": "descriptor",
}
FORMATS = (".csv", ".json", ".docx", ".pdf")


class RubricFileError(Exception):
    """The file cannot become a rubric; `problems` name the row and what is wrong."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class Imported:
    draft: RubricDraft
    exact: bool  # CSV/JSON: valid as it stands; .docx/.pdf: to be checked in the builder
    places: dict[str, str] = field(default_factory=dict)  # "c-0-l-1" -> "Row 3"


# ---------------------------------------------------------------------- export


def export_json(draft: RubricDraft) -> str:
    return json.dumps(to_dict(draft), ensure_ascii=False, indent=2) + "\n"


def _safe_cell(value: str) -> str:
    # A cell that a spreadsheet would run as a formula is written as text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def export_csv(draft: RubricDraft) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    data = to_dict(draft)
    for c in data["criteria"]:
        for level in c["levels"]:
            writer.writerow(
                [
                    _safe_cell(c["name"]),
                    _safe_cell(c["description"]),
                    f"{c['weight']:g}",
                    c["measures"],
                    _safe_cell(level["label"]),
                    level["points"],
                    _safe_cell(level["descriptor"]),
                ]
            )
    return out.getvalue()


# ---------------------------------------------------------------------- import


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RubricFileError([_("This file is not text we can read. Save it as UTF-8 CSV.")])


def _unformula(value: str) -> str:
    return value[1:] if value[:2] in ("'=", "'+", "'-", "'@") else value


def _check(imported: Imported) -> Imported:
    """For exact formats: every problem named by its row, or the draft as it is."""
    problems = validate(imported.draft)
    if problems:
        messages = []
        for key, message in problems.summary():
            parts = key.split("-")
            place = ""
            for length in (4, 2):  # c-0-l-1, then c-0
                prefix = "-".join(parts[:length])
                if len(parts) >= length and prefix in imported.places:
                    place = imported.places[prefix]
                    break
            messages.append(f"{place}: {message}" if place else message)
        raise RubricFileError(messages)
    return imported


def rows_to_draft(rows: list[list[str]], *, name: str, first_row: int = 1) -> Imported:
    """Long-format rows (a header naming the columns, then one row per level), as in
    our CSV. `first_row` is the header's row number, for messages."""
    if not rows:
        raise RubricFileError([_("The file is empty.")])
    header = [_ALIASES.get(cell.strip().lower(), "") for cell in rows[0]]
    missing = [col for col in ("criterion", "level", "points") if col not in header]
    if missing:
        raise RubricFileError(
            [
                _("Row %(row)d: the header needs the columns %(cols)s (missing: %(missing)s).")
                % {
                    "row": first_row,
                    "cols": "criterion, level, points",
                    "missing": ", ".join(missing),
                }
            ]
        )
    if len(rows) > MAX_ROWS + 1:
        raise RubricFileError(
            [_("The file has more than %(n)d rows; a rubric is smaller.") % {"n": MAX_ROWS}]
        )
    column = {col: header.index(col) for col in CSV_COLUMNS if col in header}
    draft = RubricDraft(name=name)
    places: dict[str, str] = {}
    errors: list[str] = []
    current: CriterionDraft | None = None
    for offset, row in enumerate(rows[1:], start=1):
        number = first_row + offset
        if not any(cell.strip() for cell in row):
            continue

        def cell(col: str, row: list[str] = row) -> str:
            index = column.get(col)
            return _unformula(row[index].strip()) if index is not None and index < len(row) else ""

        criterion_name = cell("criterion")
        if not criterion_name and current is None:
            errors.append(_("Row %(row)d: the criterion is empty.") % {"row": number})
            continue
        if criterion_name and (current is None or criterion_name != current.name):
            weight = cell("weight") or "1"
            measures = cell("measures").lower()
            if measures and measures not in MEASURES:
                errors.append(
                    _(
                        "Row %(row)d: “%(value)s” is not something the engine measures "
                        "(use %(list)s, or leave it empty)."
                    )
                    % {
                        "row": number,
                        "value": measures,
                        "list": ", ".join(sorted(m for m in MEASURES if m)),
                    }
                )
            current = CriterionDraft(
                name=criterion_name,
                description=cell("description"),
                weight=weight,
                measures=measures if measures in MEASURES else "",
            )
            draft.criteria.append(current)
            places[f"c-{len(draft.criteria) - 1}"] = _("Row %(row)d") % {"row": number}
        assert current is not None
        points = cell("points")
        if not re.fullmatch(r"[0-9]{1,6}", points):
            errors.append(
                _("Row %(row)d: points “%(value)s” is not a whole number.")
                % {"row": number, "value": points}
            )
        current.levels.append(
            LevelDraft(label=cell("level"), points=points, descriptor=cell("descriptor"))
        )
        places[f"c-{len(draft.criteria) - 1}-l-{len(current.levels) - 1}"] = _("Row %(row)d") % {
            "row": number
        }
    if errors:
        raise RubricFileError(errors[:20])
    return Imported(draft=draft, exact=True, places=places)


def parse_csv(data: bytes, *, name: str) -> Imported:
    text = _decode(data)
    rows = _bounded(".csv", fileparse.csv_rows, text, max_rows=MAX_ROWS + 1)
    return _check(rows_to_draft(rows, name=name))


def parse_json(data: bytes, *, name: str) -> Imported:
    try:
        obj = json.loads(_decode(data))
    except (json.JSONDecodeError, RecursionError) as exc:
        line = getattr(exc, "lineno", None)
        raise RubricFileError(
            [
                _("This JSON file is damaged (line %(line)s): it is not valid JSON.")
                % {"line": line or "?"}
            ]
        ) from exc
    if not isinstance(obj, dict) or not isinstance(obj.get("criteria"), list):
        raise RubricFileError([_("The JSON needs an object with a “criteria” list.")])
    draft = RubricDraft(
        name=_text(obj.get("name")) or name, description=_text(obj.get("description"))
    )
    places: dict[str, str] = {}
    errors: list[str] = []
    for i, c in enumerate(obj["criteria"][: MAX_CRITERIA + 1]):
        where = _("Criterion %(n)d") % {"n": i + 1}
        if not isinstance(c, dict):
            errors.append(_("%(where)s: it must be an object.") % {"where": where})
            continue
        levels = c.get("levels")
        if not isinstance(levels, list):
            errors.append(_("%(where)s: it needs a “levels” list.") % {"where": where})
            levels = []
        measures = _text(c.get("measures")).lower()
        if measures not in MEASURES:
            errors.append(
                _("%(where)s: “%(value)s” is not something the engine measures.")
                % {"where": where, "value": measures}
            )
        criterion = CriterionDraft(
            name=_text(c.get("name")),
            description=_text(c.get("description")),
            weight=_text(c.get("weight", 1)) or "1",
            measures=measures if measures in MEASURES else "",
        )
        places[f"c-{i}"] = where
        for j, level in enumerate(levels[: MAX_LEVELS + 1]):
            lwhere = _("Criterion %(n)d, level %(m)d") % {"n": i + 1, "m": j + 1}
            if not isinstance(level, dict):
                errors.append(_("%(where)s: it must be an object.") % {"where": lwhere})
                continue
            points = level.get("points")
            if isinstance(points, bool) or not isinstance(points, int | str):
                points = ""
            criterion.levels.append(
                LevelDraft(
                    label=_text(level.get("label")),
                    points=str(points).strip(),
                    descriptor=_text(level.get("descriptor")),
                )
            )
            places[f"c-{i}-l-{len(criterion.levels) - 1}"] = lwhere
        draft.criteria.append(criterion)
    if errors:
        raise RubricFileError(errors[:20])
    return _check(Imported(draft=draft, exact=True, places=places))


def _text(value: Any) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value).strip()


# ---------------------------------------------------------------------- tables in documents

_POINTS_IN_HEADER = re.compile(r"(?<![\d.])(\d{1,4})(?![\d.])")


def grid_to_draft(rows: list[list[str]], *, name: str) -> Imported:
    """A rubric drawn as a grid: the header row names the levels ("Excellent (4)", "3 -
    Good", "Beginning"), each later row is a criterion (first cell: its name, then a line
    break and its description) with one descriptor per level. Or, when the header names
    the columns like our CSV, the long format."""
    rows = [[cell.strip() for cell in row] for row in rows]
    rows = [row for row in rows if any(row)]
    while rows and len(rows[0]) > 1 and len(set(rows[0])) == 1:
        rows = rows[1:]  # a title row merged across the table
    if not rows:
        raise RubricFileError([_("We found no table in this file.")])
    header_names = {_ALIASES.get(cell.strip().lower(), "") for cell in rows[0]}
    if {"criterion", "level", "points"} <= header_names:
        imported = rows_to_draft(rows, name=name)
        return Imported(draft=imported.draft, exact=False, places=imported.places)
    header = rows[0]
    if len(header) < 3:
        raise RubricFileError(
            [_("The table needs a column of criteria and at least two columns of levels.")]
        )
    levels: list[tuple[str, str]] = []
    for k, cell in enumerate(header[1:]):
        match = _POINTS_IN_HEADER.search(cell)
        points = match[1] if match else str(len(header) - 1 - k)
        label = _POINTS_IN_HEADER.sub("", cell) if match else cell
        label = re.sub(
            r"^[\s\-–:()\[\]/.]+|[\s\-–:()\[\]/.]+$",
            "",
            re.sub(r"\(\s*\)|\bpoints?\b|\bpts\b", "", label, flags=re.I),
        )
        levels.append((label or _("Level %(n)d") % {"n": k + 1}, points))
    draft = RubricDraft(name=name)
    for row in rows[1 : MAX_CRITERIA + 2]:
        first, *cells = row + [""] * (len(header) - len(row))
        title, _sep, description = first.partition("\n")
        draft.criteria.append(
            CriterionDraft(
                name=" ".join(title.split()),
                description=" ".join(description.split()),
                levels=[
                    LevelDraft(label=label, points=points, descriptor=" ".join(text.split()))
                    for (label, points), text in zip(levels, cells, strict=False)
                ],
            )
        )
    return Imported(draft=draft, exact=False)


def parse_docx(data: bytes, *, name: str) -> Imported:
    rows = _bounded(
        ".docx", fileparse.docx_table_rows, data, max_rows=MAX_ROWS, max_cols=MAX_LEVELS + 2
    )
    if rows is None:
        raise RubricFileError([_("We found no table in this Word document.")])
    return grid_to_draft(rows, name=name)


def parse_pdf(data: bytes, *, name: str) -> Imported:
    """A table in a PDF, read from pypdf's layout-preserving text (fileparse.pdf_table_rows)."""
    rows = _bounded(
        ".pdf",
        fileparse.pdf_table_rows,
        data,
        max_pages=10,
        max_rows=MAX_ROWS * 4,
        max_cols=MAX_LEVELS + 2,
    )
    if rows is None:
        raise RubricFileError([_("We found no table in this PDF.")])
    return grid_to_draft(rows, name=name)


def _bounded(suffix: str, func: Callable[..., Any], data: bytes | str, **kwargs: Any) -> Any:
    """A parser of untrusted input, run in the killable child (essays/sandbox.py)."""
    try:
        return run_parser(suffix, functools.partial(func, **kwargs), data, parse_limits())
    except UnreadableFile as exc:
        raise RubricFileError([str(exc)]) from exc


def import_file(filename: str, data: bytes, *, name: str = "", size: int | None = None) -> Imported:
    """The file as a draft. Its name: `name` if given, else the name inside a JSON file,
    else the file's name. `size`: the upload's real size when only its start was read."""
    suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    stem = filename.rsplit(".", 1)[0].strip()[:200] or _("Imported rubric")
    size = max(size or 0, len(data))
    if size > MAX_FILE_BYTES:
        raise RubricFileError([too_large_message(size, MAX_FILE_BYTES)])
    if not data:
        raise RubricFileError([_("The file is empty.")])
    parsers = {".csv": parse_csv, ".json": parse_json, ".docx": parse_docx, ".pdf": parse_pdf}
    parser = parsers.get(suffix)
    if parser is None:
        raise RubricFileError(
            [
                _("Upload a .csv, .json, .docx or .pdf file; %(name)s is none of these.")
                % {"name": filename}
            ]
        )
    imported = parser(data, name=stem)
    if name.strip():
        imported.draft.name = name.strip()[:200]
    return imported
