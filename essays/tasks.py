"""Huey tasks of the writing workflow: thin, take an id, safe to run twice."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from essays.services import invite_email_send


@db_task(retries=3, retry_delay=30)
def send_invite_email(invite_id: int, base_url: str, once: str = "") -> None:
    invite_email_send(invite_id=invite_id, base_url=base_url, once=once)
