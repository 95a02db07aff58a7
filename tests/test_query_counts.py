from tests.querycount import measure


def test_pages_make_the_same_number_of_queries_with_1_or_50_revisions(db, settings):
    counts = measure()
    for page, (one, fifty) in counts.items():
        assert one == fifty, f"{page}: {one} queries with 1 revision, {fifty} with 50"


def test_teacher_pages_make_the_same_number_of_queries_for_any_class_size(db):
    from tests.querycount import measure_teacher_pages

    counts = measure_teacher_pages(small=60, large=130)
    for page, (small, large) in counts.items():
        assert small == large, f"{page}: {small} queries with 60 students, {large} with 130"
