"""Issue 9: every upload is parsed in a killable child within bounds of size, inflated
size, pages, time and memory; every refusal says what is wrong and what to do, the draft
stays as it was, and nothing answers 500. Each hostile file is built by the test."""

from __future__ import annotations

import resource
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coaching.rubric_io import RubricFileError, import_file
from essays.models import Essay
from essays.sandbox import ChildLimit, run_bounded
from essays.textfiles import UnreadableFile, extract_text, run_parser
from tests import hostile_files as hostile
from tests.conftest import client_for

DOCX_DAMAGED = "This file is damaged or not a real .docx"


def _refusal(name: str, data: bytes) -> UnreadableFile:
    with pytest.raises(UnreadableFile) as caught:
        extract_text(name, data)
    return caught.value


def _rubric_refusal(name: str, data: bytes) -> str:
    with pytest.raises(RubricFileError) as caught:
        import_file(name, data)
    return " ".join(caught.value.problems)


# ---------------------------------------------------------------------- .docx


def test_a_zip_bomb_docx_is_refused_with_its_real_inflated_size_before_inflating():
    data = hostile.zip_bomb_docx(1100)
    assert len(data) < 2 * 1024 * 1024  # small enough to pass the upload limit
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    refusal = _refusal("essay.docx", data)
    assert refusal.reason == "inflated"
    assert "Too large: this .docx unpacks to 1,101 MB; the limit is 32 MB" in str(refusal)
    assert "unpacks to 701 MB" in _rubric_refusal("rubric.docx", hostile.zip_bomb_docx(700))
    # The web process never held the inflated part (ru_maxrss is in KB on Linux).
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024


@pytest.mark.parametrize(
    "build",
    [hostile.malformed_xml_docx, hostile.entity_bomb_docx, hostile.deep_xml_docx],
    ids=["malformed", "entity-expansion", "deep-nesting"],
)
def test_broken_or_hostile_xml_in_a_docx_is_damaged_not_a_500(build):
    data = build()
    refusal = _refusal("essay.docx", data)
    assert refusal.reason == "damaged"
    assert DOCX_DAMAGED in str(refusal)
    assert DOCX_DAMAGED in _rubric_refusal("rubric.docx", data)


def test_an_honest_docx_still_reads():
    data = hostile.plain_docx("Uniforms are fair.", "They save money.")
    assert extract_text("essay.docx", data) == "Uniforms are fair.\n\nThey save money.\n"


# ---------------------------------------------------------------------- .pdf


def test_a_pdf_stream_that_inflates_past_the_limit_is_too_large():
    refusal = _refusal("essay.pdf", hostile.inflating_pdf(40))
    assert refusal.reason == "inflated"
    assert "Too large: this .pdf unpacks to more than 32 MB; the limit is 32 MB" in str(refusal)
    assert "unpacks to more than 32 MB" in _rubric_refusal("rubric.pdf", hostile.inflating_pdf(40))


def test_ten_pages_sharing_one_large_stream_count_ten_times():
    data = hostile.shared_stream_pdf(pages=10, stream_mb=4)
    assert len(data) < 200 * 1024
    refusal = _refusal("essay.pdf", data)
    assert refusal.reason == "inflated"
    assert "the limit is 32 MB" in str(refusal)


def test_a_pdf_that_is_slow_to_read_is_killed_at_the_deadline(settings):
    # Within the inflation budget (10 x 2.5 MB) but minutes of text extraction: the child
    # is killed at the deadline and the student is told, not kept waiting.
    settings.UPLOAD_PARSE_SECONDS = 1
    refusal = _refusal("essay.pdf", hostile.shared_stream_pdf(pages=10, stream_mb=2.5))
    assert refusal.reason == "timeout"
    assert isinstance(refusal.__cause__, ChildLimit)
    assert refusal.__cause__.exitcode in (-signal.SIGKILL, -signal.SIGXCPU)
    assert "took too long to read (over 1 seconds)" in str(refusal)


def test_too_many_pages_are_refused_with_the_count(settings):
    settings.UPLOAD_MAX_PDF_PAGES = 5
    refusal = _refusal("essay.pdf", hostile.pdf(6, hostile.text_operators(100)))
    assert refusal.reason == "pages"
    assert "This PDF has 6 pages; the limit is 5" in str(refusal)


# ---------------------------------------------------------------------- .md and .txt


@pytest.mark.parametrize("kb", [60, 90])
def test_star_markdown_is_read_in_linear_time(settings, kb):
    # The former italics pattern took 15 s (60 KB) and 27 s (90 KB): under a 2 s deadline
    # it would be killed; the linear one reads it.
    settings.UPLOAD_PARSE_SECONDS = 2
    text = extract_text("essay.md", hostile.star_markdown(kb))
    assert text.startswith("*a *a")


def test_the_child_is_killed_when_a_pattern_runs_away():
    text = hostile.star_markdown(90).decode()
    with pytest.raises(ChildLimit) as caught:
        run_bounded(hostile.old_italics, text, seconds=1, memory_bytes=256 * 1024 * 1024)
    assert caught.value.reason == "timeout"
    assert caught.value.exitcode in (-signal.SIGKILL, -signal.SIGXCPU)


def test_the_child_cannot_take_more_memory_than_its_limit():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ChildLimit) as caught:
        run_bounded(hostile.hog_memory, 2048, seconds=10, memory_bytes=256 * 1024 * 1024)
    assert caught.value.reason == "memory"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024


def test_markdown_still_loses_its_markup():
    text = extract_text("essay.md", b"# Title\n\n**Bold**, *soft* and _quiet_ [words](http://x).\n")
    assert text == "Title\n\nBold, soft and quiet words.\n"


def test_nul_characters_in_a_text_file_are_dropped_or_refused():
    assert extract_text("essay.txt", b"x" * 5000 + b"\x00 and more") == "x" * 5000 + " and more\n"
    assert _refusal("essay.txt", b"early \x00 nul").reason == "binary"


def test_a_long_run_of_spaces_is_read_in_linear_time(settings):
    settings.UPLOAD_PARSE_SECONDS = 2
    assert (
        extract_text("essay.txt", b"a" + b" " * 1_500_000 + b"b\n") == "a" + " " * 1_500_000 + "b\n"
    )


def test_the_size_check_names_the_real_size(settings):
    settings.ESSAY_MAX_UPLOAD_BYTES = 2 * 1024 * 1024
    refusal = _refusal("essay.md", b" *a" * 2_000_000)
    assert refusal.reason == "too_large"
    assert "Too large (5.7 MB; the limit is 2.0 MB)" in str(refusal)


# ---------------------------------------------------------------------- through the pages


@pytest.mark.parametrize(
    ("name", "build", "message"),
    [
        ("essay.docx", hostile.zip_bomb_docx, "unpacks to 1,101 MB"),
        ("essay.docx", hostile.entity_bomb_docx, DOCX_DAMAGED),
        ("essay.pdf", hostile.inflating_pdf, "unpacks to more than 32 MB"),
    ],
)
def test_a_hostile_upload_explains_and_leaves_the_draft_untouched(school, name, build, message):
    client = client_for(school.student)
    client.post(reverse("essays:draft_autosave", args=[school.assignment.pk]), {"text": "keep me"})
    url = reverse("essays:draft_upload", args=[school.assignment.pk])
    response = client.post(url, {"file": SimpleUploadedFile(name, build())}, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Essay.objects.get(student=school.student).draft_text == "keep me"


def test_an_upload_over_the_limit_names_its_real_size(school, settings):
    settings.ESSAY_MAX_UPLOAD_BYTES = 1024 * 1024
    client = client_for(school.student)
    url = reverse("essays:draft_upload", args=[school.assignment.pk])
    upload = SimpleUploadedFile("essay.txt", b"word " * (3 * 1024 * 1024 // 5))
    response = client.post(url, {"file": upload}, follow=True)
    assert "Too large (3.0 MB; the limit is 1.0 MB)" in response.content.decode()


def test_a_hostile_rubric_file_through_the_page_is_a_message(school):
    response = client_for(school.teacher).post(
        reverse("coaching:teach_rubric_import"),
        {"file": SimpleUploadedFile("r.docx", hostile.deep_xml_docx())},
    )
    assert response.status_code == 400
    assert DOCX_DAMAGED in response.content.decode()


def test_no_child_process_is_a_message_too(monkeypatch):
    def no_fork(*args, **kwargs):
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr("essays.textfiles.run_bounded", no_fork)
    refusal = _refusal("essay.docx", hostile.plain_docx("Fine."))
    assert refusal.reason == "unavailable"
    assert "Try again in a minute, or paste the text" in str(refusal)


# ---------------------------------------------------------------------- how many at once

BUSY = "Many files are being read right now; try again in a moment."


def test_uploads_past_the_concurrency_cap_are_refused_at_once_with_the_draft_kept(
    school, settings, tmp_path
):
    settings.UPLOAD_PARSE_CONCURRENCY = 2
    settings.UPLOAD_PARSE_SECONDS = 120  # the held children are let go by the test, not killed
    release = tmp_path / "release"
    client = client_for(school.student)
    client.post(reverse("essays:draft_autosave", args=[school.assignment.pk]), {"text": "keep me"})
    url = reverse("essays:draft_upload", args=[school.assignment.pk])
    honest = hostile.plain_docx("Uniforms are fair.")

    with ThreadPoolExecutor(max_workers=2) as pool:
        # two uploads being read in this process: their children wait for the test
        held = [
            pool.submit(
                run_parser, ".txt", hostile.parse_when_released, str(tmp_path), str(release)
            )
            for _ in range(2)
        ]
        try:
            for _ in range(6000):  # both children have started (or one has failed)
                if len(list(tmp_path.glob("started-*"))) == 2 or any(f.done() for f in held):
                    break
                time.sleep(0.02)
            assert len(list(tmp_path.glob("started-*"))) == 2, [f.result() for f in held]

            # a third is refused at once, through the page as other refusals are
            response = client.post(
                url, {"file": SimpleUploadedFile("essay.docx", honest)}, follow=True
            )
            assert response.status_code == 200
            assert BUSY in response.content.decode()
            assert Essay.objects.get(student=school.student).draft_text == "keep me"
            assert _refusal("essay.txt", b"Some text.").reason == "busy"
            assert BUSY in _rubric_refusal("rubric.docx", hostile.plain_docx("Criterion"))
        finally:
            release.touch()
        assert [f.result() for f in held] == ["released", "released"]

    # the slots are given back: the same upload now reads
    response = client.post(url, {"file": SimpleUploadedFile("essay.docx", honest)}, follow=True)
    assert BUSY not in response.content.decode()
    assert Essay.objects.get(student=school.student).draft_text == "Uniforms are fair.\n"


def test_a_failing_parse_gives_its_slot_back(settings):
    settings.UPLOAD_PARSE_CONCURRENCY = 1
    # a refused file and a child stopped at its memory limit each give the one slot back
    for _ in range(2):
        assert _refusal("essay.docx", hostile.malformed_xml_docx()).reason == "damaged"
    with pytest.raises(ChildLimit):
        run_bounded(
            hostile.hog_memory, 2048, seconds=10, memory_bytes=256 * 1024 * 1024, max_running=1
        )
    assert extract_text("essay.txt", b"Still readable.") == "Still readable.\n"
