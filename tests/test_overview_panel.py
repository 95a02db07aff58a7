"""The overview panel names the engine's concerns (an off-topic paragraph, stuffed linking
words ...) beside its advisories."""

from django.template.loader import render_to_string


def test_concerns_are_shown_with_the_advisories() -> None:
    data = {
        "words": 150,
        "paragraphs": 4,
        "sentences": 9,
        "avg_sentence_words": 16.7,
        "reading_ease": None,
        "advisories": [],
        "concerns": [
            {
                "code": "off_topic_paragraph",
                "message": "Paragraph 2 (\u201cThe history of Rome\u201d) does not seem to be "
                "about the question.",
            }
        ],
        "structure": None,
    }
    html = render_to_string("coaching/_panel_overview.html", {"data": data})
    assert "Please check" in html
    assert "Paragraph 2 (\u201cThe history of Rome\u201d) does not seem to be about" in html
    data["concerns"] = []
    assert "Please check" not in render_to_string("coaching/_panel_overview.html", {"data": data})
