"""Hostile input never reaches the checkers, and a failing checker costs only its notes
(issue 9: a 2,000-letter word grew harper.js to 1.8 GB, 5,000 letters crashed it, 5,000
emoji timed it out, and each failed the whole analysis)."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import signal
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coaching.engine import Engine, EssayInput, harper_js
from coaching.engine.bounds import LONG_RUN, LONG_WORD, bound
from coaching.engine.harper_js import HarperChecker

ESSAY = (
    "School uniforms should be required in every secondary school.\n\n"
    "First, uniforms reduce pressure about clothes. When everyone wears the same jacket, "
    "nobody is judged for wearing cheap or unfashionable things. For example, my cousin "
    "said her school felt calmer after uniforms arrived.\n\n"
    "Second, uniforms save families money. A few shirts and trousers cost less than a "
    "wardrobe of fashionable clothes, and they last for years.\n\n"
    "In conclusion, schools should adopt them because they are fair and cheap."
)


def _node_rss_mb() -> int | None:
    pid = harper_js.server_info().get("pid")
    return harper_js.rss_mb(pid) if pid else None


# ---------------------------------------------------------------------------- bound()


def test_an_ordinary_essay_is_left_exactly_as_it_is() -> None:
    bounded = bound(ESSAY + " 😀 Café déjà vu, e-mail: https://example.org/a/b?c=d.")
    assert bounded.blanked == []
    assert bounded.text == ESSAY + " 😀 Café déjà vu, e-mail: https://example.org/a/b?c=d."


def test_a_five_thousand_letter_word_is_blanked_with_its_offsets_kept() -> None:
    text = f"Uniforms are fair. {'a' * 5000} They are cheap."
    bounded = bound(text)
    assert len(bounded.text) == len(text)
    assert bounded.text.replace(" ", "") == "Uniformsarefair.Theyarecheap."
    (note,) = bounded.notes(text)
    assert (note.start, note.end) == (19, 5019)
    assert "5,000 letters long" in note.message


def test_a_long_word_is_counted_in_letters() -> None:
    text = f"It was {'a' * 3000}. Then it stopped."
    (note,) = bound(text).notes(text)
    assert "3,000 letters long" in note.message


def test_emoji_walls_long_blobs_and_text_past_the_limit_are_blanked() -> None:
    emoji = " ".join(["👩‍👩‍👧‍👦"] * 50)
    blob = "x1" * 300
    text = f"One two three. {emoji} Four five. {blob} six seven eight nine ten"
    bounded = bound(text, max_words=59)
    kinds = [b.kind for b in bounded.blanked]
    assert kinds == ["emoji", "long_run", "past_limit"]
    kept = ["One", "two", "three.", "Four", "five.", "six", "seven", "eight"]
    assert bounded.text.split() == kept
    messages = [n.message for n in bounded.notes(text)]
    assert len(messages) == 2  # emoji are not a mistake: nothing said of them
    assert "600 characters without a space" in messages[0]
    assert "first 59 words" in messages[1]


hostile_piece = st.one_of(
    st.text(min_size=0, max_size=30),
    st.integers(LONG_WORD + 1, 3000).map(lambda n: "é" * n),
    st.integers(LONG_RUN + 1, 3000).map(lambda n: ("ab1-" * n)[:n]),
    st.integers(1, 400).map(lambda n: "😀 " * n),
    st.sampled_from(["\n\n", " ", "\u200d", "\ufe0f", "\u202e", "\x00", "‍👍🏽"]),
)


# `make proof` (HOSTILE_PROOF=1) runs many more examples than `make test`
PROOF = os.environ.get("HOSTILE_PROOF") == "1"


@settings(
    max_examples=2000 if PROOF else 150,
    deadline=None,
    derandomize=not PROOF,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(hostile_piece, max_size=12), st.integers(1, 200))
def test_bound_keeps_length_and_whitespace_and_leaves_nothing_hostile(
    pieces: list[str], max_words: int
) -> None:
    text = " ".join(pieces)
    bounded = bound(text, max_words=max_words)
    assert len(bounded.text) == len(text)
    for i, (a, b) in enumerate(zip(text, bounded.text, strict=True)):
        assert a == b or (b == " " and bounded.covers(i, i + 1))
        assert a.isspace() == b.isspace() or b == " "
    assert not re.search(rf"[^\W\d_]{{{LONG_WORD + 1},}}", bounded.text)
    assert not re.search(rf"\S{{{LONG_RUN + 1},}}", bounded.text)
    assert len(bounded.text.split()) <= max_words
    for note in bounded.notes(text):
        assert 0 <= note.start < note.end <= len(text)


# ---------------------------------------------------------------------------- the engine


@pytest.fixture
def spy_harper(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    sent: list[str] = []
    real = HarperChecker.lint

    def spy(self: HarperChecker, text: str, dialect: str | None = None) -> list[dict]:
        sent.append(text)
        return real(self, text, dialect)

    monkeypatch.setattr(HarperChecker, "lint", spy)
    return sent


@pytest.mark.parametrize("letters", [2000, 5000])
def test_a_giant_word_gets_one_note_and_never_reaches_harper(
    engine: Engine, spy_harper: list[str], letters: int
) -> None:
    pid = harper_js.server_info().get("pid")
    text = ESSAY.replace("cheap or", f"cheap {'b' * letters} or")
    result = engine.analyze(EssayInput(text=text))
    assert spy_harper and all("b" * (LONG_WORD + 1) not in sent for sent in spy_harper)
    notes = result["notes"]["annotations"]
    giant = [n for n in notes if n["rule"] == "bounds:long_word"]
    assert len(giant) == 1
    assert f"{letters:,} letters long" in giant[0]["message"]
    assert text[giant[0]["start"] : giant[0]["end"]] == "b" * letters
    assert "skipped" not in result["notes"]
    # the rest of the essay is coached as before, by the same Node process
    assert result["overview"]["words"] > 50
    assert harper_js.server_info().get("pid") == pid
    assert (_node_rss_mb() or 0) < 1000


def test_five_thousand_emoji_words_are_analysed_quietly(
    engine: Engine, spy_harper: list[str]
) -> None:
    text = ESSAY + "\n\n" + " ".join(["😀", "👩‍👩‍👧‍👦", "🇬🇧"] * 1600)  # 4,800 "words"
    result = engine.analyze(EssayInput(text=text))
    assert all("😀" not in sent for sent in spy_harper)
    # nothing said about the emoji, nor about the blanks the checkers saw in their place
    assert [n for n in result["notes"]["annotations"] if n["end"] > len(ESSAY)] == []
    assert result["summary"]["next_steps"] is not None


def test_an_essay_past_the_word_limit_is_checked_up_to_it(engine: Engine) -> None:
    sentence = "Students learn more when they sleep enough before school. "
    text = sentence * 600 + "This tail is never checked: there is an mistake."  # 5,400 words
    result = engine.analyze(EssayInput(text=text))
    notes = result["notes"]["annotations"]
    limit = [n for n in notes if n["rule"] == "bounds:past_limit"]
    assert len(limit) == 1 and "first 5,000 words" in limit[0]["message"]
    assert text[limit[0]["start"] : limit[0]["end"]] == "sleep"  # word 5,001 only, not the rest
    assert not [n for n in notes if n["start"] > limit[0]["start"] and n is not limit[0]]


def test_a_giant_word_in_the_previous_revision_costs_nothing(engine: Engine) -> None:
    previous = ESSAY.replace("cheap or", f"cheap {'c' * 5000} or")
    result = engine.analyze(EssayInput(text=ESSAY, previous_text=previous))
    assert result["summary"]["changes"] is not None


# ---------------------------------------------------------------------------- faults


def _ordinary_notes(result: dict) -> list[str]:
    return [n["rule"] for n in result["notes"]["annotations"]]


TYPO_ESSAY = ESSAY + " I like every thing in the city. This is an test."


def test_harper_hanging_costs_its_notes_not_the_analysis(engine: Engine) -> None:
    assert engine._harper is not None
    engine._harper.lint("Warm up.")
    pid = harper_js.server_info()["pid"]
    timeout = engine._harper.timeout
    os.kill(pid, signal.SIGSTOP)  # harper.js hangs
    engine._harper.timeout = 0.5
    try:
        result = engine.analyze(EssayInput(text=TYPO_ESSAY + " Hanging."))
    finally:
        engine._harper.timeout = timeout
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)
    assert set(result) >= {"overview", "notes", "scores", "summary"}
    assert result["notes"]["skipped"] == ["harper"]
    assert "rule:one-word" in _ordinary_notes(result)  # the other checkers still speak
    assert not any(r.startswith("harper:") for r in _ordinary_notes(result))
    # the hung process was ended; the next essay gets a fresh one and Harper's notes again
    again = engine.analyze(EssayInput(text=TYPO_ESSAY))
    assert "skipped" not in again["notes"]
    assert any(r.startswith("harper:") for r in _ordinary_notes(again))
    assert harper_js.server_info()["pid"] != pid


def test_node_killed_mid_request_is_started_again(monkeypatch: pytest.MonkeyPatch) -> None:
    checker = HarperChecker("british")
    checker.lint("Warm up.")
    first = harper_js.server_info()["pid"]
    real = harper_js._Server._read_line
    killed: list[int] = []

    def kill_then_read(self: harper_js._Server, timeout: float) -> bytes:
        # the request is written: kill Node before it answers (once)
        if not killed and sys._getframe(1).f_code.co_name == "request":
            assert self.proc is not None
            killed.append(self.proc.pid)
            os.kill(self.proc.pid, signal.SIGKILL)
        return real(self, timeout)

    monkeypatch.setattr(harper_js._Server, "_read_line", kill_then_read)
    lints = checker.lint("This is an test.")
    assert killed == [first]
    assert [f["problem"] for f in lints] == ["an"]
    assert harper_js.server_info()["pid"] != first


def test_node_dying_on_every_request_costs_only_harpers_notes(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = harper_js._Server._read_line

    def always_kill(self: harper_js._Server, timeout: float) -> bytes:
        if self.proc is not None and sys._getframe(1).f_code.co_name == "request":
            os.kill(self.proc.pid, signal.SIGKILL)
        return real(self, timeout)

    monkeypatch.setattr(harper_js._Server, "_read_line", always_kill)
    result = engine.analyze(EssayInput(text=TYPO_ESSAY + " Dying."))
    assert result["notes"]["skipped"] == ["harper"]
    assert "rule:one-word" in _ordinary_notes(result)
    assert result["scores"]["criteria"]


@pytest.fixture
def garbage_node(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A "node" that says it is ready, then answers every request with nonsense."""
    script = tmp_path / "node"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        "print('{\"ready\": true}', flush=True)\n"
        "for line in sys.stdin:\n"
        '    print(\'{"id": 1, "lints": [{"rule": 7}]}\', flush=True)\n'
        "    print('not json at all', flush=True)\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    harper_js.shutdown()
    monkeypatch.setenv("HARPER_NODE", str(script))
    yield
    harper_js.shutdown()


def test_harper_answering_garbage_costs_only_its_notes(engine: Engine, garbage_node) -> None:
    result = engine.analyze(EssayInput(text=TYPO_ESSAY + " Garbage."))
    assert result["notes"]["skipped"] == ["harper"]
    assert "rule:one-word" in _ordinary_notes(result)


def test_a_node_that_refuses_our_v8_flags_runs_harper_without_them(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # harper_js.NODE_FLAGS are V8's own; a later Node may drop one
    harper_js.shutdown()
    monkeypatch.setenv("HARPER_NODE_FLAGS", "--wasm-num-compilation-tasks=1 --no-such-v8-flag")
    try:
        with caplog.at_level(logging.WARNING, logger="coaching.engine.harper_js"):
            lints = HarperChecker("british").lint("This is an test.")
        assert [f["problem"] for f in lints] == ["an"]
        assert "node refused the flags" in caplog.text
    finally:
        harper_js.shutdown()  # the next test starts one with the usual flags


def test_node_is_recycled_when_its_memory_grows_past_the_bound() -> None:
    checker = HarperChecker("british", max_rss_mb=1)  # any real process is past 1 MB
    before = harper_js.recycled_count()
    lints = checker.lint("This is an test.")
    assert [f["problem"] for f in lints] == ["an"]
    assert harper_js.recycled_count() == before + 1
    assert harper_js.server_info() == {}  # stopped; the next request starts a fresh one
    assert [f["problem"] for f in checker.lint("This is an test.")] == ["an"]
    roomy = HarperChecker("british", max_rss_mb=100_000)
    roomy.lint("This is an test.")
    pid = harper_js.server_info()["pid"]
    roomy.lint("This is an test too.")
    assert harper_js.server_info()["pid"] == pid
    assert harper_js.recycled_count() == before + 2


def test_a_hostile_token_sent_straight_to_node_gets_it_recycled() -> None:
    # what the bounds keep away from Harper, fed to it directly: its memory grows (by
    # ~250 MB for 600 letters) and the process is replaced instead of staying that big
    harper_js.shutdown()  # a fresh process: one that met a long token before has room already
    warm = HarperChecker("british")
    warm.lint("This is an tset to warm up the spelling index.")
    pid = harper_js.server_info()["pid"]
    base = harper_js.rss_mb(pid)
    assert base is not None
    before = harper_js.recycled_count()
    bounded = HarperChecker("british", max_rss_mb=base + 60)
    bounded.lint(f"Students like {'z' * 600} homework.")
    assert harper_js.recycled_count() == before + 1
    assert harper_js.server_info() == {}
    assert [f["problem"] for f in bounded.lint("This is an test.")] == ["an"]
    assert (_node_rss_mb() or 0) < base + 60


@settings(
    max_examples=200 if PROOF else 12,
    deadline=None,
    derandomize=not PROOF,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(hostile_piece, min_size=1, max_size=8))
def test_the_engine_never_fails_on_hostile_input(engine: Engine, pieces: list[str]) -> None:
    text = ESSAY + "\n\n" + " ".join(pieces)
    result = engine.analyze(EssayInput(text=text))
    assert set(result) >= {"overview", "notes", "scores", "summary"}
    assert "skipped" not in result["notes"]  # Harper answered: nothing hostile reached it
    for note in result["notes"]["annotations"]:
        assert 0 <= note["start"] <= note["end"] <= len(text)
    assert (_node_rss_mb() or 0) < 1000


def test_after_harper_failed_on_an_essay_it_is_not_asked_again(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # each question would wait for its own timeout (and a restart): one wait per essay
    asked: list[str] = []

    def failing_lint(self: HarperChecker, text: str, dialect: str | None = None) -> list[dict]:
        asked.append("lint")
        raise TimeoutError("no answer from harper.js within 30s")

    def language(self: HarperChecker, text: str) -> bool:
        asked.append("likely_english")
        return True

    monkeypatch.setattr(HarperChecker, "lint", failing_lint)
    monkeypatch.setattr(HarperChecker, "is_likely_english", language)
    # known words but hardly a function word among them: the engine would ask Harper
    odd = "Apples, oranges, bananas, grapes, pears, melons, cherries, peaches, plums, lemons."
    result = engine.analyze(EssayInput(text=odd))
    assert asked == ["lint"]
    assert result["notes"]["skipped"] == ["harper"]
    monkeypatch.undo()
    assert "skipped" not in engine.analyze(EssayInput(text=odd))["notes"]


def test_with_harper_down_the_previous_text_is_not_analysed_again(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    linted: list[str] = []

    def failing_lint(self: HarperChecker, text: str, dialect: str | None = None) -> list[dict]:
        linted.append(text)
        raise EOFError("harper.js server exited")

    monkeypatch.setattr(HarperChecker, "lint", failing_lint)
    previous = ESSAY.replace("cheap.", "cheap and smart.")
    result = engine.analyze(EssayInput(text=ESSAY, previous_text=previous))
    assert linted == [ESSAY]  # one wait for a failing checker per essay, not two
    assert result["summary"]["changes"] == []
    assert result["notes"]["skipped"] == ["harper"]
