"""Assignment prompts: Markdown written by a teacher, shown to students as safe HTML.

markdown-it-py parses CommonMark (raw HTML off); nh3 then keeps only the tags and
attributes a prompt needs, so whatever a prompt contains, no script, style, event handler
or javascript: link reaches a student's page.
"""

from __future__ import annotations

import functools
from html import unescape

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

PROMPT_MAX_CHARS = 20_000

_ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "a", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"scope"}}


@functools.cache
def _parser() -> MarkdownIt:
    # "js-default": CommonMark without raw HTML, with tables and strikethrough off.
    return MarkdownIt("js-default").enable("table")


def _shift_headings(html: str) -> str:
    # The page's own title is the h1: a prompt's "# Heading" becomes an h2, and so on.
    for level in range(5, 0, -1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(
            f"</h{level}>", f"</h{level + 1}>"
        )
    return html


def render_markdown(text: str) -> SafeString:
    html = _shift_headings(_parser().render(text[:PROMPT_MAX_CHARS]))
    cleaned = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 (sanitised by nh3 just above)


def markdown_excerpt(text: str, limit: int = 280) -> str:
    """Plain text for lists: the prompt without Markdown marks, cut at a word."""
    html = _parser().render(text[: limit * 4])
    plain = " ".join(unescape(nh3.clean(html, tags=set())).split())
    if len(plain) <= limit:
        return plain
    cut = plain.rfind(" ", 0, limit)
    return plain[: cut if cut > 0 else limit] + "…"
