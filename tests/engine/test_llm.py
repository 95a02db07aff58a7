"""The optional LLM client against a local OpenAI-compatible test server (no other network)."""

from __future__ import annotations

import copy
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from coaching.engine.llm import LLMConfig, LLMOutcome, refine

API_KEY = "sk-test-do-not-leak-1234"

PROMPT = "Should students be allowed to use phones at school?"

ESSAY = (
    "Phones can help students learn, but they also distract them in class.\n\n"
    "First, a phone is a small library. When I forgot the date of the French Revolution, "
    "I looked it up in ten seconds. Teachers can also send homework reminders.\n\n"
    "However, many students play games when the lesson is boring. My friend failed a test "
    "because he was watching videos instead of listening.\n\n"
    "In conclusion, phones should be allowed only when the teacher says so."
)

RUBRIC_LEVELS = {
    "Ideas": ["Excellent", "Good", "Developing", "Beginning"],
    "Language": ["Excellent", "Good", "Developing", "Beginning"],
}
LEVEL_POINTS = {
    name: {"Excellent": 4, "Good": 3, "Developing": 2, "Beginning": 1} for name in RUBRIC_LEVELS
}


def _span(quote: str) -> dict[str, Any]:
    start = ESSAY.find(quote)
    assert start >= 0
    return {"quote": quote, "start": start, "end": start + len(quote)}


def offline_scores(*, blocked: bool = False) -> dict[str, Any]:
    # Ideas: Developing 2/4 (weight 2); Language: Good 3/4 (weight 1).
    # Offline overall: (2 * 0.5 + 1 * 0.75) / 3 = 0.5833 of 8 points.
    return {
        "criteria": [
            {
                "name": "Ideas",
                "level": "Developing",
                "points": 2,
                "max_points": 4,
                "weight": 2.0,
                "rationale": "Offline ideas rationale.",
                "evidence": [_span("Phones can help students learn")],
                "confidence": 0.6,
            },
            {
                "name": "Language",
                "level": "Good",
                "points": 3,
                "max_points": 4,
                "weight": 1.0,
                "rationale": "Offline language rationale.",
                "evidence": [],
                "confidence": 0.7,
            },
        ],
        "overall": {"points": 4.67, "max_points": 8.0, "percent": 58.3},
        "advisories": [{"code": "too_short", "message": "The essay is far too short."}]
        if blocked
        else [],
        "passing_blocked": blocked,
        "rubric": "Test rubric",
        "features": {"words": 80},
    }


OFFLINE_SUMMARY: dict[str, Any] = {
    "strengths": ["Offline strength."],
    "next_steps": ["Offline next step."],
    "changes": ["Offline change since the last draft."],
}


def llm_content(**overrides: Any) -> dict[str, Any]:
    """A valid model answer: Ideas up to Good, Language down to Developing."""
    content: dict[str, Any] = {
        "criteria": [
            {
                "name": "Ideas",
                "level": "Good",
                "rationale": "You give a clear position and support it with a real example.",
                "quotes": [
                    "phones should be allowed only when the teacher says so",
                    "I looked it up in ten seconds",
                ],
            },
            {
                "name": "Language",
                "level": "Developing",
                "rationale": "Sentences are clear but simple and often start the same way.",
                "quotes": ["My friend failed a test"],
            },
        ],
        "strengths": ["You take a clear position.", "Your example about history is vivid."],
        "next_steps": ["Explain why games distract more than they help.", "Vary your openings."],
    }
    content.update(overrides)
    return content


def completion(content: dict[str, Any] | str) -> dict[str, Any]:
    text = content if isinstance(content, str) else json.dumps(content)
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
        ],
    }


# --------------------------------------------------------------------------- the test server


@dataclass
class Step:
    status: int = 200
    body: Any = None  # dict (sent as JSON) or bytes
    delay: float = 0.0  # seconds before answering
    drip: float = 0.0  # seconds between bytes of the body


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class ServerState:
    steps: list[Step] = field(default_factory=list)
    requests: list[Recorded] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_step(self) -> Step:
        with self.lock:
            return self.steps.pop(0) if len(self.steps) > 1 else self.steps[0]


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True
    state: ServerState


class Handler(BaseHTTPRequestHandler):
    server: FakeServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        state = self.server.state
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with state.lock:
            state.requests.append(
                Recorded(
                    self.path, {k.lower(): v for k, v in self.headers.items()}, json.loads(raw)
                )
            )
        step = state.next_step()
        if step.delay:
            state.release.wait(step.delay)
        body = step.body if isinstance(step.body, bytes) else json.dumps(step.body).encode()
        try:
            self.send_response(step.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            if step.drip:
                for i in range(len(body)):
                    self.wfile.write(body[i : i + 1])
                    self.wfile.flush()
                    if state.release.wait(step.drip):
                        return
            else:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True


@pytest.fixture(scope="module")
def server() -> Iterator[FakeServer]:
    srv = FakeServer(("127.0.0.1", 0), Handler)
    srv.state = ServerState()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.state.release.set()
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def llm(server: FakeServer) -> Iterator[ServerState]:
    server.state = ServerState()
    yield server.state
    server.state.release.set()  # let any slow handler finish at once


def config_for(server: FakeServer, **kw: Any) -> LLMConfig:
    host, port = server.server_address[:2]
    defaults: dict[str, Any] = {
        "base_url": f"http://{host!s}:{port}/v1/",
        "api_key": API_KEY,
        "model": "test-model",
        "timeout": 2.0,
        "budget": 4.0,
        "max_attempts": 2,
    }
    defaults.update(kw)
    return LLMConfig(**defaults)


def run(config: LLMConfig, *, blocked: bool = False) -> tuple[LLMOutcome, dict, dict]:
    scores = offline_scores(blocked=blocked)
    summary = copy.deepcopy(OFFLINE_SUMMARY)
    scores_before, summary_before = copy.deepcopy(scores), copy.deepcopy(summary)
    outcome = refine(
        config,
        text=ESSAY,
        prompt=PROMPT,
        rubric_levels=RUBRIC_LEVELS,
        level_points=LEVEL_POINTS,
        offline_scores=scores,
        offline_summary=summary,
    )
    assert scores == scores_before and summary == summary_before, "inputs must not be mutated"
    assert API_KEY not in json.dumps([outcome.scores, outcome.summary, outcome.note])
    return outcome, scores_before, summary_before


def criterion(scores: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in scores["criteria"] if c["name"] == name)


def assert_offline_fallback(outcome: LLMOutcome, scores: dict, summary: dict) -> None:
    assert outcome.source == "offline"
    assert outcome.note.endswith("showing the offline feedback.")
    assert outcome.scores == {**scores, "source": "offline", "note": outcome.note}
    assert outcome.summary == {**summary, "source": "offline", "note": outcome.note}


# --------------------------------------------------------------------------- the tests


def test_valid_reply_is_used_and_checked(server: FakeServer, llm: ServerState) -> None:
    llm.steps = [Step(body=completion(llm_content()))]
    outcome, _, summary = run(config_for(server))

    assert outcome.source == "llm" and outcome.note == ""
    assert outcome.scores["source"] == "llm" and outcome.summary["source"] == "llm"

    ideas = criterion(outcome.scores, "Ideas")
    assert (ideas["level"], ideas["points"], ideas["max_points"]) == ("Good", 3, 4)
    assert ideas["rationale"].startswith("You give a clear position")
    assert ideas["source"] == "llm" and ideas["weight"] == 2.0
    for ev in ideas["evidence"]:
        assert ESSAY[ev["start"] : ev["end"]] == ev["quote"]
    assert [e["quote"] for e in ideas["evidence"]] == [
        "phones should be allowed only when the teacher says so",
        "I looked it up in ten seconds",
    ]
    assert ideas["evidence"][1]["start"] == ESSAY.find("I looked it up in ten seconds")
    language = criterion(outcome.scores, "Language")
    assert (language["level"], language["points"]) == ("Developing", 2)
    assert language["evidence"] == [_span("My friend failed a test")]

    # (2 * 3/4 + 1 * 2/4) / 3 = 2/3 of 8 points
    assert outcome.scores["overall"] == {"points": 5.33, "max_points": 8.0, "percent": 66.7}
    assert outcome.scores["passing_blocked"] is False
    assert outcome.scores["features"] == {"words": 80}  # offline keys kept

    assert outcome.summary["strengths"] == llm_content()["strengths"]
    assert outcome.summary["next_steps"] == llm_content()["next_steps"]
    assert outcome.summary["changes"] == summary["changes"]

    (req,) = llm.requests
    assert req.path == "/v1/chat/completions"
    assert req.headers["authorization"] == f"Bearer {API_KEY}"
    assert req.body["model"] == "test-model"
    assert req.body["temperature"] == 0
    fmt = req.body["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["name"] == "essay_feedback"
    assert fmt["json_schema"]["strict"] is True
    schema = fmt["json_schema"]["schema"]
    assert set(schema["required"]) == {"criteria", "strengths", "next_steps"}
    item = schema["properties"]["criteria"]["items"]
    assert set(item["required"]) == {"name", "level", "rationale", "quotes"}
    assert item["properties"]["name"]["enum"] == ["Ideas", "Language"]
    system, user = req.body["messages"]
    assert system["role"] == "system" and "writing teacher" in system["content"]
    assert "ONLY" in system["content"] and "exactly" in system["content"]
    assert user["role"] == "user"
    for needle in (ESSAY, PROMPT, '"Ideas"', '"Developing"', "Offline ideas rationale."):
        assert needle in user["content"]


def test_api_key_not_in_config_repr() -> None:
    assert API_KEY not in repr(LLMConfig(base_url="http://127.0.0.1:1/v1", api_key=API_KEY))


def test_malformed_json_is_retried_then_falls_back(server: FakeServer, llm: ServerState) -> None:
    llm.steps = [Step(body=completion('{"criteria": [ {"name": "Ideas", '))]
    outcome, scores, summary = run(config_for(server))
    assert_offline_fallback(outcome, scores, summary)
    assert "not valid" in outcome.note
    assert len(llm.requests) == 2


def test_reply_that_is_not_a_completion_falls_back(server: FakeServer, llm: ServerState) -> None:
    llm.steps = [Step(body=b"<html>gateway</html>")]
    outcome, scores, summary = run(config_for(server, max_attempts=1))
    assert_offline_fallback(outcome, scores, summary)
    assert len(llm.requests) == 1


def test_quote_not_in_text_keeps_that_criterion_offline(
    server: FakeServer, llm: ServerState
) -> None:
    content = llm_content()
    content["criteria"][0]["quotes"].append("phones are banned in every school in France")
    llm.steps = [Step(body=completion(content))]
    outcome, scores, _ = run(config_for(server))

    assert outcome.source == "llm"
    ideas = criterion(outcome.scores, "Ideas")
    assert ideas == {**criterion(scores, "Ideas"), "source": "offline"}
    language = criterion(outcome.scores, "Language")
    assert language["level"] == "Developing" and language["source"] == "llm"
    # (2 * 2/4 + 1 * 2/4) / 3 = 1/2 of 8 points
    assert outcome.scores["overall"] == {"points": 4.0, "max_points": 8.0, "percent": 50.0}


def test_level_not_in_rubric_keeps_that_criterion_offline(
    server: FakeServer, llm: ServerState
) -> None:
    content = llm_content()
    content["criteria"][1]["level"] = "Outstanding"
    llm.steps = [Step(body=completion(content))]
    outcome, scores, _ = run(config_for(server))

    assert outcome.source == "llm"
    assert criterion(outcome.scores, "Language") == {
        **criterion(scores, "Language"),
        "source": "offline",
    }
    assert criterion(outcome.scores, "Ideas")["level"] == "Good"


def test_unknown_duplicate_and_missing_criteria(server: FakeServer, llm: ServerState) -> None:
    ideas = llm_content()["criteria"][0]
    content = llm_content(
        criteria=[
            ideas,
            {**ideas, "level": "Excellent"},  # Ideas twice: neither is trusted
            {**ideas, "name": "Creativity"},  # not in the rubric
        ]
    )  # Language missing
    llm.steps = [Step(body=completion(content))]
    outcome, scores, _ = run(config_for(server))
    assert outcome.source == "llm"  # the summary was valid
    assert outcome.scores["source"] == "offline"
    assert [c["name"] for c in outcome.scores["criteria"]] == ["Ideas", "Language"]
    for name in ("Ideas", "Language"):
        assert criterion(outcome.scores, name) == {**criterion(scores, name), "source": "offline"}
    assert outcome.scores["overall"] == scores["overall"]
    assert outcome.summary["source"] == "llm"


def test_summary_lists_are_validated(server: FakeServer, llm: ServerState) -> None:
    content = llm_content(strengths=["a", "b", "c", "d"], next_steps=["", "Fix it."])
    llm.steps = [Step(body=completion(content))]
    outcome, _, summary = run(config_for(server))
    assert outcome.scores["source"] == "llm"
    assert outcome.summary == {**summary, "source": "offline"}


def test_nothing_usable_falls_back(server: FakeServer, llm: ServerState) -> None:
    content = llm_content(strengths=[], next_steps=["x" * 301])
    for c in content["criteria"]:
        c["quotes"] = ["not in the essay at all"]
    llm.steps = [Step(body=completion(content))]
    outcome, scores, summary = run(config_for(server))
    assert_offline_fallback(outcome, scores, summary)
    assert "did not match" in outcome.note
    assert len(llm.requests) == 1  # a well-formed answer is not asked again


def test_slow_reply_times_out_within_budget(server: FakeServer, llm: ServerState) -> None:
    llm.steps = [Step(body=completion(llm_content()), delay=5.0)]
    config = config_for(server, timeout=0.3, budget=0.8)
    t0 = time.monotonic()
    outcome, scores, summary = run(config)
    elapsed = time.monotonic() - t0
    assert elapsed < config.budget + 1.0
    assert_offline_fallback(outcome, scores, summary)
    assert "timed out" in outcome.note


def test_trickling_reply_cannot_outlast_budget(server: FakeServer, llm: ServerState) -> None:
    llm.steps = [Step(body=completion(llm_content()), drip=0.05)]
    config = config_for(server, timeout=0.5, budget=0.7, max_attempts=1)
    t0 = time.monotonic()
    outcome, scores, summary = run(config)
    assert time.monotonic() - t0 < config.budget + 1.0
    assert_offline_fallback(outcome, scores, summary)


def test_server_error_then_valid_retries(server: FakeServer, llm: ServerState) -> None:
    llm.steps = [
        Step(status=500, body={"error": {"message": "boom"}}),
        Step(body=completion(llm_content())),
    ]
    outcome, _, _ = run(config_for(server))
    assert outcome.source == "llm" and outcome.note == ""
    assert len(llm.requests) == 2
    assert criterion(outcome.scores, "Ideas")["level"] == "Good"


def test_rate_limit_is_retried(server: FakeServer, llm: ServerState) -> None:
    llm.steps = [Step(status=429, body={"error": {}}), Step(body=completion(llm_content()))]
    outcome, _, _ = run(config_for(server))
    assert outcome.source == "llm"
    assert len(llm.requests) == 2


def test_unauthorised_is_not_retried(server: FakeServer, llm: ServerState) -> None:
    llm.steps = [Step(status=401, body={"error": {"message": f"bad key {API_KEY}"}})]
    outcome, scores, summary = run(config_for(server, max_attempts=3))
    assert_offline_fallback(outcome, scores, summary)
    assert "API key" in outcome.note
    assert len(llm.requests) == 1


def test_bad_request_is_not_retried(server: FakeServer, llm: ServerState) -> None:
    llm.steps = [Step(status=400, body={"error": {"message": "no json_schema here"}})]
    outcome, scores, summary = run(config_for(server, max_attempts=3))
    assert_offline_fallback(outcome, scores, summary)
    assert len(llm.requests) == 1


def test_passing_blocked_scores_stay_offline(server: FakeServer, llm: ServerState) -> None:
    content = llm_content()
    for c in content["criteria"]:
        c["level"] = "Excellent"
    llm.steps = [Step(body=completion(content))]
    outcome, scores, _ = run(config_for(server), blocked=True)

    assert outcome.source == "llm"
    for key in ("criteria", "overall", "advisories", "passing_blocked"):
        assert outcome.scores[key] == scores[key]
    assert outcome.scores["source"] == "offline"
    assert "advisories" in outcome.scores["note"]
    assert outcome.summary["strengths"] == content["strengths"]
    assert outcome.summary["source"] == "llm"


def test_unreachable_server_falls_back() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again below: nothing listens there
    config = LLMConfig(base_url=f"http://127.0.0.1:{port}/v1", timeout=0.5, budget=1.0)
    outcome, scores, summary = run(config)
    assert_offline_fallback(outcome, scores, summary)
    assert "could not be reached" in outcome.note


def test_not_configured_makes_no_request() -> None:
    outcome, scores, summary = run(LLMConfig(base_url=""))
    assert_offline_fallback(outcome, scores, summary)
    outcome, scores, summary = run(LLMConfig(base_url="file:///etc/passwd"))
    assert_offline_fallback(outcome, scores, summary)
