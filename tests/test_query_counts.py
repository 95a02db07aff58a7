from tests.querycount import measure


def test_pages_make_the_same_number_of_queries_with_1_or_50_revisions(db, settings):
    counts = measure()
    for page, (one, fifty) in counts.items():
        assert one == fifty, f"{page}: {one} queries with 1 revision, {fifty} with 50"
