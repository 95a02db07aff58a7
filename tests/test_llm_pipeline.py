"""The optional LLM, switched on in settings, through the real pipeline.

A local OpenAI-compatible server answers; the client's own edge cases (malformed,
slow, failing replies) are tested in tests/engine/test_llm.py.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from coaching.pipeline import analysis_run
from tests.factories import UNIFORM_ESSAY


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)  # type: ignore[attr-defined]
        if self.server.fail:  # type: ignore[attr-defined]
            self.send_response(500)
            self.end_headers()
            return
        criteria = body["response_format"]["json_schema"]["schema"]["properties"]["criteria"]
        names = criteria["items"]["properties"]["name"]["enum"]
        content = {
            "criteria": [
                {
                    "name": name,
                    "level": "Good",
                    "rationale": f"The essay argues its case clearly for {name}.",
                    "quotes": ["uniforms reduce pressure about clothes"],
                }
                for name in names
            ],
            "strengths": ["A clear position stated in the first sentence."],
            "next_steps": ["Give a figure for what uniforms cost."],
        }
        reply = {"choices": [{"message": {"role": "assistant", "content": json.dumps(content)}}]}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def llm_server(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.requests = []  # type: ignore[attr-defined]
    server.fail = False  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.LLM_BASE_URL = f"http://127.0.0.1:{server.server_port}/v1"
    settings.LLM_API_KEY = "school-key"
    settings.LLM_TIMEOUT = 2
    settings.LLM_BUDGET = 3
    yield server
    server.shutdown()


def test_llm_refines_rationale_and_summary_and_keeps_offline_notes(submit, llm_server):
    revision = submit(UNIFORM_ESSAY)
    assert analysis_run(analysis_id=revision.analysis.pk)
    stages = {s.stage: s.data for s in revision.analysis.stages.all()}
    assert len(llm_server.requests) == 1
    scores = stages["scores"]
    assert scores["source"] == "llm"
    for criterion in scores["criteria"]:
        assert criterion["level"] == "Good" and criterion["points"] == 3
        for evidence in criterion["evidence"]:
            assert revision.text[evidence["start"] : evidence["end"]] == evidence["quote"]
    assert stages["summary"]["next_steps"] == ["Give a figure for what uniforms cost."]
    assert "annotations" in stages["notes"]  # the offline inline notes stay


def test_a_failing_llm_falls_back_to_the_offline_result_and_says_so(submit, llm_server):
    llm_server.fail = True
    revision = submit(UNIFORM_ESSAY)
    assert analysis_run(analysis_id=revision.analysis.pk)
    scores = revision.analysis.stages.get(stage="scores").data
    assert scores["source"] == "offline"
    assert scores["note"]
    revision.analysis.refresh_from_db()
    assert revision.analysis.status == "done"
