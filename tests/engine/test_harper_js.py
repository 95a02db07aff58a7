"""Harper through Automattic's harper.js in a Node process (coaching/engine/harper_js.py)."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading

import pytest

from coaching.engine import Engine, EssayInput, harper_js
from coaching.engine.harper_js import HarperChecker, HarperUnavailable
from coaching.engine.harper_rules import DISABLED_RULES, ENABLED_RULES, USED_RULES


@pytest.fixture(scope="module")
def checker() -> HarperChecker:
    return HarperChecker("british")


def test_spans_are_python_string_indices(checker: HarperChecker) -> None:
    # emoji are two UTF-16 units in JavaScript and one character in Python
    text = "Café 😀😀 time. This is an test of the linter."
    lints = checker.lint(text)
    article = [f for f in lints if f["problem"] == "an"]
    assert article, lints
    f = article[0]
    assert text[f["start"] : f["end"]] == "an"
    assert "a" in f["suggestions"]
    for f in lints:
        assert text[f["start"] : f["end"]] == f["problem"]


def test_disabled_rules_stay_off_and_lint_all_has_them(checker: HarperChecker) -> None:
    text = "I have lots of friends and also I like it. I look forward to hear from you."
    assert not {f["rule"] for f in checker.lint(text)} & DISABLED_RULES
    assert {f["rule"] for f in checker.lint_all(text)} & DISABLED_RULES


def test_likely_english(checker: HarperChecker) -> None:
    assert checker.is_likely_english("This is a plain English sentence about school.")
    assert not checker.is_likely_english("Dies ist ein ganz normaler deutscher Satz hier.")


def test_a_dead_node_process_is_started_again(checker: HarperChecker) -> None:
    checker.lint("One warm-up sentence.")
    pid = harper_js.server_info()["pid"]
    os.kill(pid, signal.SIGKILL)
    lints = checker.lint("This is an test.")
    assert any(f["problem"] == "an" for f in lints)
    assert harper_js.server_info()["pid"] != pid


def test_threads_share_one_process(checker: HarperChecker) -> None:
    texts = [f"This is an test number {i}." for i in range(8)]
    results: dict[int, list] = {}

    def run(i: int) -> None:
        results[i] = checker.lint(texts[i])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, text in enumerate(texts):
        assert [text[f["start"] : f["end"]] for f in results[i]] == ["an"]


def test_a_slow_answer_times_out_and_the_next_request_recovers(checker: HarperChecker) -> None:
    checker.lint("Warm up.")
    pid = harper_js.server_info()["pid"]
    os.kill(pid, signal.SIGSTOP)  # the server hangs
    try:
        with pytest.raises(TimeoutError):
            HarperChecker("british", timeout=0.5).lint("This is an test.")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)
    assert any(f["problem"] == "an" for f in checker.lint("This is an test."))


def test_missing_node_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARPER_NODE", "/nonexistent/node")
    with pytest.raises(HarperUnavailable):
        HarperChecker("british")


def test_engine_without_node_still_coaches_and_logs(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("HARPER_NODE", "/nonexistent/node")
    with caplog.at_level(logging.ERROR, logger="coaching.engine.engine"):
        engine = Engine()
    assert "Harper is unavailable" in caplog.text
    result = engine.analyze(EssayInput(text="I like every thing in the city."))
    # the hand-written rules still run
    assert [a["rule"] for a in result["notes"]["annotations"]] == ["rule:one-word"]


def test_only_the_used_rules_run(checker: HarperChecker) -> None:
    info = harper_js.server_info()
    assert info["unknown_rules"] == [] or set(info["unknown_rules"]) <= DISABLED_RULES
    text = (
        "This is an test. I recieved it. Their is a problem and i think its fine. "
        "We was happy, and she dont know."
    )
    rules = {f["rule"] for f in checker.lint(text)}
    assert rules
    assert rules <= USED_RULES | ENABLED_RULES
    assert not rules & DISABLED_RULES


def test_engine_asks_harper_about_the_language_only_when_unsure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = Engine()
    calls: list[str] = []
    real = HarperChecker.is_likely_english

    def spy(self: HarperChecker, text: str) -> bool:
        calls.append(text)
        return real(self, text)

    monkeypatch.setattr(HarperChecker, "is_likely_english", spy)
    engine.analyze(
        EssayInput(text="I think that the school day should start later, because we are tired.")
    )
    assert calls == []  # plenty of English function words: no need to ask
    # known words but hardly a function word among them: the counts cannot tell
    odd = "Apples, oranges, bananas, grapes, pears, melons, cherries, peaches, plums, lemons."
    engine.analyze(EssayInput(text=odd))
    assert calls == [odd]
