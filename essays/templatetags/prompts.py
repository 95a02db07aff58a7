from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from essays.markdown import markdown_excerpt, render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """A teacher's Markdown as sanitised HTML (see essays/markdown.py)."""
    return render_markdown(text or "")


@register.filter
def excerpt(text: str, limit: int = 280) -> str:
    return markdown_excerpt(text or "", limit)
