from django.urls import reverse

from essays.models import Essay, Membership, Revision
from tests.conftest import client_for, htmx_headers
from tests.factories import UNIFORM_ESSAY, AssignmentFactory, ClassroomFactory


def edit_url(assignment) -> str:
    return reverse("essays:essay_edit", args=[assignment.pk])


def test_pages_need_login(client, school):
    for url in (
        reverse("essays:assignment_list"),
        reverse("essays:classroom_list"),
        edit_url(school.assignment),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_home_redirects_signed_in_people_to_their_assignments(school):
    response = client_for(school.student).get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("essays:assignment_list")


def test_assignment_list_shows_only_the_students_classes(school):
    AssignmentFactory(classroom=school.outsider.classrooms.first(), title="Secret history task")
    response = client_for(school.student).get(reverse("essays:assignment_list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Uniforms" in body
    assert "Not started" in body
    assert "Secret history task" not in body


def test_assignment_status_follows_the_essay(school):
    client = client_for(school.student)
    essay = Essay.objects.create(
        assignment=school.assignment, student=school.student, draft_text="Begun"
    )
    assert "Draft" in client.get(reverse("essays:assignment_list")).content.decode()
    revision = Revision.objects.create(
        essay=essay, number=1, text="x", text_sha256="0" * 64, word_count=1
    )
    from coaching.models import Analysis

    analysis = Analysis.objects.create(revision=revision)
    assert "Submitted" in client.get(reverse("essays:assignment_list")).content.decode()
    analysis.status = "done"
    analysis.save()
    assert "Feedback ready" in client.get(reverse("essays:assignment_list")).content.decode()


def test_join_a_class_by_code(school):
    other = ClassroomFactory(name="Drama 8", join_code="DRAMA888")
    client = client_for(school.student)
    response = client.post(reverse("essays:classroom_list"), {"code": "drama888"}, follow=True)
    assert "You joined Drama 8." in response.content.decode()
    assert Membership.objects.filter(classroom=other, user=school.student).exists()


def test_join_with_a_wrong_code_shows_the_error_next_to_the_field(school):
    response = client_for(school.student).post(reverse("essays:classroom_list"), {"code": "XX"})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'aria-invalid="true"' in body
    assert "No class has the join code" in body


def test_editor_works_for_the_student_and_404s_for_outsiders_and_teachers(school):
    response = client_for(school.student).get(edit_url(school.assignment))
    assert response.status_code == 200
    assert 'name="text"' in response.content.decode()
    for person in (school.outsider, school.other_teacher, school.teacher):
        assert client_for(person).get(edit_url(school.assignment)).status_code == 404


def test_each_student_gets_their_own_draft(school):
    client_for(school.student).post(
        reverse("essays:draft_autosave", args=[school.assignment.pk]), {"text": "Mine alone"}
    )
    response = client_for(school.classmate).get(edit_url(school.assignment))
    assert "Mine alone" not in response.content.decode()


def test_autosave_with_htmx_returns_only_the_status_fragment(school):
    url = reverse("essays:draft_autosave", args=[school.assignment.pk])
    response = client_for(school.student).post(url, {"text": "Draft one"}, headers=htmx_headers())
    body = response.content.decode()
    assert response.status_code == 200
    assert "Draft saved" in body
    assert "<html" not in body
    assert Essay.objects.get(student=school.student).draft_text == "Draft one"


def test_save_draft_without_js_redirects_back_to_the_editor(school):
    url = reverse("essays:draft_autosave", args=[school.assignment.pk])
    response = client_for(school.student).post(url, {"text": "No JS draft"})
    assert response.status_code == 302
    assert response["Location"] == edit_url(school.assignment)
    page = client_for(school.student).get(edit_url(school.assignment)).content.decode()
    assert "No JS draft" in page


def test_autosave_by_an_outsider_is_a_404_and_saves_nothing(school):
    url = reverse("essays:draft_autosave", args=[school.assignment.pk])
    response = client_for(school.outsider).post(url, {"text": "intrusion"})
    assert response.status_code == 404
    assert not Essay.objects.filter(draft_text="intrusion").exists()


def test_submit_goes_to_the_feedback_page(school, django_capture_on_commit_callbacks):
    url = reverse("essays:essay_submit", args=[school.assignment.pk])
    with django_capture_on_commit_callbacks():
        response = client_for(school.student).post(url, {"text": UNIFORM_ESSAY})
    revision = Revision.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("coaching:revision_feedback", args=[revision.pk])


def test_a_rejected_submit_keeps_the_text_and_explains(school):
    school.assignment.max_words = 5
    school.assignment.save()
    text = "These are more than five words in this essay."
    url = reverse("essays:essay_submit", args=[school.assignment.pk])
    response = client_for(school.student).post(url, {"text": text})
    body = response.content.decode()
    assert response.status_code == 422
    assert "limit for this assignment is 5" in body
    assert text in body
    assert Essay.objects.get(student=school.student).draft_text == text
    assert not Revision.objects.exists()


def test_upload_puts_the_text_in_the_draft(school):
    url = reverse("essays:draft_upload", args=[school.assignment.pk])
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("essay.txt", b"Uploaded words here.", content_type="text/plain")
    response = client_for(school.student).post(url, {"file": upload}, follow=True)
    assert "We put the text of essay.txt into your draft" in response.content.decode()
    assert Essay.objects.get(student=school.student).draft_text == "Uploaded words here.\n"


def test_upload_of_an_unreadable_file_explains_and_keeps_the_draft(school):
    client = client_for(school.student)
    client.post(reverse("essays:draft_autosave", args=[school.assignment.pk]), {"text": "keep me"})
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("essay.docx", b"not really a docx")
    url = reverse("essays:draft_upload", args=[school.assignment.pk])
    response = client.post(url, {"file": upload}, follow=True)
    assert "damaged or not a real .docx" in response.content.decode()
    assert Essay.objects.get(student=school.student).draft_text == "keep me"


def test_classes_page_lists_only_the_users_classes(school):
    body = client_for(school.student).get(reverse("essays:classroom_list")).content.decode()
    assert "English 9" in body
    assert "History 11" not in body
    assert school.classroom.join_code not in body  # students do not see the join code
    teacher_body = client_for(school.teacher).get(reverse("essays:classroom_list")).content.decode()
    assert school.classroom.join_code in teacher_body
