"""Every command's ``--help`` explains it and shows how to type it (issue 12, item 13).

The test walks the real parser, so a command added later (by anyone) is checked too: each
command and each action has a description and at least one example that runs it, and an
action chosen by a positional word (``focus start|stop|status``) has an example per word.
"""

from __future__ import annotations

import argparse
import importlib
import re
import shlex
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from focusapp.cli.main import COMMANDS, build_parser, main
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


def test_each_command_module_adds_exactly_the_commands_listed_for_it():
    for module, names in COMMANDS.items():
        added = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(added)
        assert tuple(added.choices) == names, module
    listed = [name for names in COMMANDS.values() for name in names]
    assert [path[0] for path, _ in commands(build_parser()) if len(path) == 1] == listed


@pytest.mark.parametrize(("path", "parser"), ALL, ids=[" ".join(path) for path, _ in ALL])
def test_the_parser_of_one_command_reads_its_examples_as_the_whole_parser_does(path, parser):
    for line in example_lines(parser):
        words = shlex.split(line)[1:]
        assert vars(build_parser(words).parse_args(words)) == vars(
            build_parser().parse_args(words)
        ), line


@pytest.mark.parametrize(
    "words",
    [
        ["lgo"],
        ["log", "--energy"],
        ["--data-dir"],
        ["-h"],
        ["--help", "log"],
        ["--bogus", "log"],
        ["log", "--bogus"],
        ["--data-dir", "x", "show", "--from"],
        ["--version"],
        ["--", "log"],
        ["calendar"],
        ["config", "set", "-h"],
        ["--autostart=1"],
    ],
)
def test_the_parser_of_one_command_says_what_the_whole_parser_says(words, capsys):
    said = []
    for parser in (build_parser(words), build_parser()):
        with pytest.raises(SystemExit) as stop:
            parser.parse_args(words)
        said.append((stop.value.code, capsys.readouterr()))
    assert said[0] == said[1]


def test_a_command_imports_only_its_own_command_module():
    script = (
        "import sys, focusapp.cli.main as c;"
        "c.build_parser(['--data-dir', 'x', 'log', '--energy', '3']);"
        "print(sorted(m for m in sys.modules if m.startswith('focusapp.cli.')))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    shown = done.stdout.strip()
    assert shown == str(
        [
            "focusapp.cli.checkins",
            "focusapp.cli.files",
            "focusapp.cli.main",
            "focusapp.cli.support",
            "focusapp.cli.table",
            "focusapp.cli.values",
        ]
    ), done.stderr


def test_starting_the_window_loads_no_command_and_no_value_parser():
    script = (
        "import sys, focusapp.cli.main as c; c.build_parser(['--autostart']);"
        "print(sorted(m for m in sys.modules if m.startswith('focusapp.cli.')),"
        " 'focusapp.domain.dates' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.strip() == "['focusapp.cli.main', 'focusapp.cli.support'] False", done.stderr
