"""Every command's ``--help`` explains it and shows how to type it (issue 12, item 13).

The test walks the real parser, so a command added later (by anyone) is checked too: each
command and each action has a description and at least one example that runs it, and an
action chosen by a positional word (``focus start|stop|status``) has an example per word.
"""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from focusapp.cli.main import build_parser, main
from focusapp.settings.specs import KEYS, accepted_form

if TYPE_CHECKING:
    from collections.abc import Iterator

EXAMPLES_HEADING = "examples:"


def commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Yield (words after ``focusapp``, parser) for every command and action, depth first."""
    for action in parser._actions:  # argparse offers no public walk of its tree
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*path, name), sub
                yield from commands(sub, (*path, name))


def example_lines(parser: argparse.ArgumentParser) -> list[str]:
    """Return the example command lines of ``parser``'s epilog."""
    epilog = parser.epilog or ""
    if EXAMPLES_HEADING not in epilog:
        return []
    block = epilog.split(EXAMPLES_HEADING, 1)[1]
    return [line.strip() for line in block.splitlines() if line.strip().startswith("focusapp ")]


ALL = sorted(commands(build_parser()))


def test_the_walk_reaches_every_level():
    paths = {path for path, _ in ALL}
    assert {("log",), ("show",), ("focus",), ("config", "set"), ("backup", "restore")} <= paths
    assert ("calendar", "import") in paths


@pytest.mark.parametrize(("path", "parser"), ALL, ids=[" ".join(path) for path, _ in ALL])
def test_every_command_has_a_description_and_an_example_that_runs_it(path, parser):
    assert (parser.description or "").strip(), f"focusapp {' '.join(path)} has no description"
    examples = example_lines(parser)
    assert examples, f"focusapp {' '.join(path)} has no example in its epilog"
    prefix = "focusapp " + " ".join(path)
    for line in examples:
        assert line == prefix or line.startswith(prefix + " "), line
    for action in parser._actions:
        if (
            action.option_strings
            or not action.choices
            or isinstance(action, argparse._SubParsersAction)
        ):
            continue
        for choice in action.choices:
            words = [shlex.split(line) for line in examples]
            assert any(str(choice) in w for w in words), f"no example of {prefix} {choice}"


@pytest.mark.parametrize(("path", "parser"), ALL, ids=[" ".join(path) for path, _ in ALL])
def test_every_example_parses(path, parser):
    root = build_parser()
    for line in example_lines(parser):
        words = shlex.split(line)[1:]
        try:
            root.parse_args(words)
        except SystemExit as stop:  # pragma: no cover - the message says which line
            pytest.fail(f"example does not parse: {line} ({stop})")


def help_text(*words: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "focusapp", *words, "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_config_set_help_lists_every_key_with_its_accepted_values():
    shown = flat(help_text("config", "set"))
    for key in KEYS:
        assert f"{key} {flat(accepted_form(key))}" in shown, key


def test_examples_keep_their_lines_and_the_description_still_wraps(capsys):
    with pytest.raises(SystemExit):
        main(["focus", "--help"])
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "  focusapp focus start" in lines
    assert max(len(line) for line in lines) <= 100
    assert EXAMPLES_HEADING in lines
