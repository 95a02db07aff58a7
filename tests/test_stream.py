"""The SSE stream, through Django's AsyncClient."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from django.test import AsyncClient
from django.urls import reverse

from coaching.models import Analysis, StageResult
from tests.factories import UNIFORM_ESSAY

pytestmark = pytest.mark.django_db(transaction=True)


async def read_events(response) -> list[dict[str, str]]:
    """Parse an SSE body into events, stopping when the server closes it."""
    raw = b""
    async for chunk in response.streaming_content:
        raw += chunk if isinstance(chunk, bytes) else chunk.encode()
    events = []
    for block in raw.decode().split("\n\n"):
        event: dict[str, str] = {}
        for line in block.splitlines():
            key, _, value = line.partition(": ")
            if key == "data":
                event["data"] = event.get("data", "") + value + "\n"
            elif key in ("id", "event"):
                event[key] = value
        if "event" in event:
            events.append(event)
    return events


async def logged_in(user) -> AsyncClient:
    client = AsyncClient()
    await client.aforce_login(user)
    return client


async def test_a_finished_analysis_streams_every_panel_then_done(school, analysed):
    revision = await sync_to_async(analysed)(UNIFORM_ESSAY)
    client = await logged_in(school.student)
    response = await client.get(reverse("coaching:revision_stream", args=[revision.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/event-stream"
    assert "Content-Encoding" not in response
    events = await read_events(response)
    names = [e["event"] for e in events]
    assert names == [
        "connected",
        "overview",
        "notes",
        "scores",
        "summary",
        "progress",
        "revisions",
        "done",
    ]
    assert events[0]["data"] == "\n"  # nothing to show: the page empties its status line
    assert [e.get("id") for e in events[1:5]] == ["1", "2", "3", "4"]
    assert "Words" in events[1]["data"]
    assert "Feedback complete." in events[5]["data"]
    assert "<html" not in events[3]["data"]


async def test_last_event_id_resumes_after_what_the_browser_has(school, analysed):
    revision = await sync_to_async(analysed)(UNIFORM_ESSAY)
    client = await logged_in(school.student)
    url = reverse("coaching:revision_stream", args=[revision.pk])
    events = await read_events(await client.get(url, headers={"Last-Event-ID": "2"}))
    assert [e["event"] for e in events] == [
        "connected",
        "scores",
        "summary",
        "progress",
        "revisions",
        "done",
    ]
    events = await read_events(await client.get(url, {"after": "3"}))
    assert [e["event"] for e in events] == [
        "connected",
        "summary",
        "progress",
        "revisions",
        "done",
    ]


async def test_the_stream_is_hidden_from_classmates_and_other_teachers(school, analysed):
    revision = await sync_to_async(analysed)(UNIFORM_ESSAY)
    url = reverse("coaching:revision_stream", args=[revision.pk])
    for person in (school.classmate, school.other_teacher):
        client = await logged_in(person)
        assert (await client.get(url)).status_code == 404
    assert (await AsyncClient().get(url)).status_code == 403


async def test_a_stream_waits_for_stages_and_ends_when_the_analysis_fails(school, submit, settings):
    settings.STREAM_POLL_INTERVAL = 0.05
    revision = await sync_to_async(submit)(UNIFORM_ESSAY)
    analysis = await Analysis.objects.aget(revision=revision)
    await StageResult.objects.acreate(
        analysis=analysis, stage="overview", seq=1, data={"words": 3, "paragraphs": 1}
    )
    await Analysis.objects.filter(pk=analysis.pk).aupdate(status="failed")
    client = await logged_in(school.student)
    events = await read_events(
        await client.get(reverse("coaching:revision_stream", args=[revision.pk]))
    )
    assert [e["event"] for e in events] == [
        "connected",
        "overview",
        "progress",
        "revisions",
        "done",
    ]
    assert "We could not analyse this revision." in events[2]["data"]


# what an admitted stream sends first: the reconnect delay and "connected" (no data)
ADMITTED = "retry: 1000\n\nevent: connected\ndata: \n\n"


async def first_chunk(response) -> str:
    chunk = await anext(aiter(response.streaming_content))
    return chunk.decode() if isinstance(chunk, bytes) else chunk


async def close(response) -> None:
    """What the ASGI server does when the browser goes away: close the view's generator."""
    await response._iterator.aclose()


async def test_one_stream_past_the_cap_is_asked_to_come_back_later(school, submit, settings):
    settings.STREAM_MAX_PER_USER = 2
    settings.STREAM_POLL_INTERVAL = 0.05
    revision = await sync_to_async(submit)(UNIFORM_ESSAY)  # queued: its streams wait
    url = reverse("coaching:revision_stream", args=[revision.pk])
    client = await logged_in(school.student)
    held = [await client.get(url) for _ in range(2)]
    for response in held:
        assert await first_chunk(response) == ADMITTED

    extra = await client.get(url)
    assert extra.status_code == 200
    assert extra["Content-Type"] == "text/event-stream"
    events = await read_events(extra)  # a short answer: it ends by itself
    assert [e["event"] for e in events] == ["busy"]
    assert "updates again shortly" in events[0]["data"]
    # the browser's EventSource waits this long before it reconnects
    busy = await client.get(url)
    assert await first_chunk(busy) == (
        "retry: 30000\n\nevent: busy\n"
        "data: Too many feedback pages are open; this one updates again shortly.\n\n"
    )
    await close(busy)

    # the student's teacher is not counted against the student
    teacher = await logged_in(school.teacher)
    response = await teacher.get(url)
    assert await first_chunk(response) == ADMITTED
    await close(response)

    # a closed stream gives its place back
    await close(held[0])
    again = await client.get(url)
    assert await first_chunk(again) == ADMITTED
    for response in (held[1], again):
        await close(response)


async def test_with_redis_down_streams_poll_and_the_cap_holds_per_process(school, submit, settings):
    from e2e.harness import free_port

    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    settings.STREAM_MAX_PER_USER = 1
    revision = await sync_to_async(submit)(UNIFORM_ESSAY)
    url = reverse("coaching:revision_stream", args=[revision.pk])
    client = await logged_in(school.student)
    held = await client.get(url)
    assert await first_chunk(held) == ADMITTED
    events = await read_events(await client.get(url))
    assert [e["event"] for e in events] == ["busy"]
    await close(held)
    # a finished analysis still reaches the page through the database alone
    analysis = await Analysis.objects.aget(revision=revision)
    await Analysis.objects.filter(pk=analysis.pk).aupdate(status="failed")
    events = await read_events(await client.get(url))
    assert [e["event"] for e in events] == ["connected", "progress", "revisions", "done"]


async def test_a_stream_keeps_going_on_the_database_when_redis_stops(school, submit, settings):
    import asyncio

    from e2e.harness import PrivateRedis

    revision = await sync_to_async(submit)(UNIFORM_ESSAY)
    analysis = await Analysis.objects.aget(revision=revision)
    await StageResult.objects.acreate(
        analysis=analysis, stage="overview", seq=1, data={"words": 3, "paragraphs": 1}
    )
    url = reverse("coaching:revision_stream", args=[revision.pk])
    client = await logged_in(school.student)
    received: list[str] = []

    async def read(response) -> None:
        async for chunk in response.streaming_content:
            received.append(chunk.decode() if isinstance(chunk, bytes) else chunk)

    with PrivateRedis() as redis_server:
        settings.REDIS_URL = redis_server.url  # the stream subscribes on our own Redis
        reading = asyncio.create_task(read(await client.get(url)))
        for _ in range(1000):  # the first panel is out: the stream now waits on pub/sub
            if any("event: overview" in chunk for chunk in received):
                break
            await asyncio.sleep(0.02)
        else:
            raise AssertionError("the stream sent nothing")
        redis_server.stop()  # mid-wait: no wake-up can come any more
        await Analysis.objects.filter(pk=analysis.pk).aupdate(status="failed")
        await asyncio.wait_for(reading, timeout=60)  # the DB poll finds the change
    body = "".join(received)
    assert body.index("event: overview") < body.index("event: progress")
    assert body.rstrip().endswith("event: done\ndata: failed")
