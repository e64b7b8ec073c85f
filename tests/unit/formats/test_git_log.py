from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from focusapp.domain.coding import coding_days
from focusapp.formats import git_log
from focusapp.formats.git_log import (
    GitError,
    configured_email,
    find_repositories,
    git_environment,
    read_commits,
    scan,
)

ME = "sam@example.org"
OTHER = "kim@example.org"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(f"[user]\n\tname = Sam\n\temail = {ME}\n", encoding="utf-8")
    return {"HOME": str(home), "PATH": os.environ["PATH"]}


def git(repo: Path, env: dict[str, str], *args: str, extra: dict[str, str] | None = None) -> str:
    full = {**env, "GIT_CONFIG_NOSYSTEM": "1", **(extra or {})}
    done = subprocess.run(
        ["git", "-C", str(repo), *args], env=full, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def make_repo(path: Path, env: dict[str, str]) -> Path:
    path.mkdir(parents=True)
    git(path, env, "init", "-q", "-b", "main")
    return path


def commit(
    repo: Path, env: dict[str, str], when: str, email: str = ME, message: str = "work"
) -> str:
    (repo / "file.txt").write_text(f"{when} {email} {message}\n", encoding="utf-8")
    git(repo, env, "add", "file.txt")
    git(
        repo,
        env,
        "commit",
        "-q",
        "-m",
        message,
        f"--date={when}",
        f"--author=Someone <{email}>",
        extra={"GIT_COMMITTER_DATE": when},
    )
    return git(repo, env, "rev-parse", "HEAD")


def test_reads_the_users_commits_with_their_author_times(
    tmp_path: Path, env: dict[str, str]
) -> None:
    repo = make_repo(tmp_path / "project", env)
    first = commit(repo, env, "2026-12-02T10:00:00+01:00")
    commit(repo, env, "2026-12-02T10:30:00+01:00", email=OTHER)
    last = commit(repo, env, "2026-12-02T11:00:00+01:00", email="SAM@Example.org")

    commits = read_commits(repo, [ME], environ=env)

    assert sorted((c.sha, c.authored_at) for c in commits) == [
        (first, dt.datetime(2026, 12, 2, 9, tzinfo=dt.UTC)),
        (last, dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC)),
    ]
    assert {c.repository for c in commits} == {str(repo)}
    days = coding_days(commits, ZoneInfo("Europe/Berlin"))
    assert {day: d.minutes for day, d in days.items()} == {dt.date(2026, 12, 2): 90}


def test_every_branch_counts_and_merges_do_not(tmp_path: Path, env: dict[str, str]) -> None:
    repo = make_repo(tmp_path / "project", env)
    commit(repo, env, "2026-12-01T09:00:00+00:00")
    git(repo, env, "checkout", "-q", "-b", "feature")
    on_branch = commit(repo, env, "2026-12-01T10:00:00+00:00")
    git(repo, env, "checkout", "-q", "main")
    (repo / "other.txt").write_text("x", encoding="utf-8")
    git(repo, env, "add", "other.txt")
    git(
        repo,
        env,
        "commit",
        "-q",
        "-m",
        "main work",
        extra={
            "GIT_COMMITTER_DATE": "2026-12-01T11:00:00+00:00",
            "GIT_AUTHOR_DATE": "2026-12-01T11:00:00+00:00",
        },
    )
    git(
        repo,
        env,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "merge",
        "feature",
        extra={
            "GIT_AUTHOR_DATE": "2026-12-01T12:00:00+00:00",
            "GIT_COMMITTER_DATE": "2026-12-01T12:00:00+00:00",
        },
    )
    git(repo, env, "checkout", "-q", "-b", "parked")
    parked = commit(repo, env, "2026-12-03T10:00:00+00:00")
    git(repo, env, "checkout", "-q", "main")

    shas = {c.sha for c in read_commits(repo, [ME], environ=env)}

    assert len(shas) == 4
    assert {on_branch, parked} <= shas


def test_commit_messages_are_never_read(
    tmp_path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path / "project", env)
    commit(repo, env, "2026-12-02T10:00:00+01:00", message="secret plans")
    outputs: list[str] = []
    real = subprocess.run

    def spy(*args: object, **kwargs: object) -> subprocess.CompletedProcess[str]:
        done = real(*args, **kwargs)  # type: ignore[call-overload]
        outputs.append(str(done.stdout))
        return done  # type: ignore[no-any-return]

    monkeypatch.setattr(git_log.subprocess, "run", spy)
    commits = read_commits(repo, [ME], environ=env)

    assert len(commits) == 1
    assert not any("secret" in output for output in outputs)
    assert not any("secret" in repr(c) for c in commits)


def test_mailmap_addresses_count(tmp_path: Path, env: dict[str, str]) -> None:
    repo = make_repo(tmp_path / "project", env)
    (repo / ".mailmap").write_text(f"Sam <{ME}> <sam@old-job.example>\n", encoding="utf-8")
    commit(repo, env, "2026-12-02T10:00:00+01:00", email="sam@old-job.example")

    assert len(read_commits(repo, [ME], environ=env)) == 1


def test_configured_email_global_and_per_repository(tmp_path: Path, env: dict[str, str]) -> None:
    repo = make_repo(tmp_path / "work", env)
    assert configured_email(environ=env) == ME
    git(repo, env, "config", "user.email", "sam@work.example")
    assert configured_email(repo, environ=env) == "sam@work.example"
    assert configured_email(environ={"HOME": str(tmp_path / "nobody"), "PATH": env["PATH"]}) is None


def test_scan_a_folder_of_repositories(tmp_path: Path, env: dict[str, str]) -> None:
    code = tmp_path / "code"
    one = make_repo(code / "one", env)
    two = make_repo(code / "clients" / "acme" / "two", env)
    work = make_repo(code / "work", env)
    git(work, env, "config", "user.email", "sam@work.example")
    too_deep = make_repo(code / "a" / "b" / "c" / "d" / "e", env)
    commit(one, env, "2026-12-01T09:00:00+00:00")
    commit(two, env, "2026-12-01T10:00:00+00:00")
    commit(work, env, "2026-12-01T11:00:00+00:00", email="sam@work.example")
    commit(work, env, "2026-12-01T11:30:00+00:00", email=OTHER)
    commit(too_deep, env, "2026-12-01T12:00:00+00:00")
    make_repo(code / "empty", env)

    result = scan(code, environ=env)

    assert result.repositories == sorted([one, two, work, code / "empty"])
    assert sorted(Path(c.repository).name for c in result.commits) == ["one", "two", "work"]
    assert result.warnings == []


def test_given_addresses_are_added(tmp_path: Path, env: dict[str, str]) -> None:
    repo = make_repo(tmp_path / "project", env)
    commit(repo, env, "2026-12-01T09:00:00+00:00", email=OTHER)
    assert scan(repo, environ=env).commits == []
    assert len(scan(repo, [OTHER], environ=env).commits) == 1


def test_a_symlink_loop_is_walked_once(tmp_path: Path, env: dict[str, str]) -> None:
    code = tmp_path / "code"
    repo = make_repo(code / "sub" / "project", env)
    (code / "sub" / "loop").symlink_to(code, target_is_directory=True)
    (code / "again").symlink_to(code / "sub", target_is_directory=True)

    assert find_repositories(code, max_depth=10) == [repo]


def test_a_broken_repository_is_named_and_costs_no_other(
    tmp_path: Path, env: dict[str, str]
) -> None:
    code = tmp_path / "code"
    good = make_repo(code / "good", env)
    commit(good, env, "2026-12-01T09:00:00+00:00")
    bad = code / "bad"
    (bad / ".git").mkdir(parents=True)
    (bad / ".git" / "HEAD").write_text("garbage", encoding="utf-8")

    result = scan(code, environ=env)

    assert len(result.commits) == 1
    assert len(result.warnings) == 1
    assert "bad could not be read by git" in result.warnings[0]


def test_a_timeout_is_a_clear_error(tmp_path: Path, env: dict[str, str]) -> None:
    repo = make_repo(tmp_path / "project", env)
    commit(repo, env, "2026-12-01T09:00:00+00:00")
    with pytest.raises(GitError, match="did not answer"):
        read_commits(repo, [ME], environ=env, timeout=0.000001)


def test_missing_git_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GitError, match="not installed"):
        configured_email(environ={"PATH": str(tmp_path), "HOME": str(tmp_path)})


def test_the_environment_forbids_prompts_pagers_and_fetching() -> None:
    env = git_environment({"HOME": "/h", "GIT_DIR": "/elsewhere", "PAGER": "less"})
    assert env["GIT_TERMINAL_PROMPT"] == "0"
    assert env["GIT_NO_LAZY_FETCH"] == "1"
    assert env["PAGER"] == env["GIT_PAGER"] == "cat"
    assert "GIT_DIR" not in env
    assert env["HOME"] == "/h"


def test_no_remote_is_ever_contacted(tmp_path: Path, env: dict[str, str]) -> None:
    # A remote that would hang or fail if contacted: the scan does not notice it exists.
    repo = make_repo(tmp_path / "project", env)
    git(repo, env, "remote", "add", "origin", "http://127.0.0.1:9/none.git")
    commit(repo, env, "2026-12-01T09:00:00+00:00")
    git(repo, env, "config", "remote.origin.promisor", "true")
    assert len(scan(repo, environ=env, timeout=10).commits) == 1


def test_only_config_and_log_are_ever_run(
    tmp_path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path / "project", env)
    commit(repo, env, "2026-12-01T09:00:00+00:00")
    commands: list[list[str]] = []
    real = subprocess.run

    def spy(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        commands.append(command)
        assert kwargs["stdin"] == subprocess.DEVNULL
        assert kwargs["timeout"]
        return real(command, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(git_log.subprocess, "run", spy)
    scan(repo, environ=env)

    assert commands
    for command in commands:
        assert command[:2] == ["git", "--no-pager"]
        assert "protocol.allow=never" in command
        assert command[6] in {"config", "log"}


def test_notes_are_not_commits_of_work(tmp_path: Path, env: dict[str, str]) -> None:
    repo = make_repo(tmp_path / "project", env)
    commit(repo, env, "2026-12-01T09:00:00+00:00")
    git(
        repo,
        env,
        "notes",
        "add",
        "-m",
        "reviewed",
        extra={
            "GIT_AUTHOR_DATE": "2026-12-05T09:00:00+00:00",
            "GIT_COMMITTER_DATE": "2026-12-05T09:00:00+00:00",
        },
    )
    (repo / "file.txt").write_text("stashed change", encoding="utf-8")
    git(
        repo,
        env,
        "stash",
        extra={
            "GIT_AUTHOR_DATE": "2026-12-06T09:00:00+00:00",
            "GIT_COMMITTER_DATE": "2026-12-06T09:00:00+00:00",
        },
    )

    commits = read_commits(repo, [ME], environ=env)

    assert [c.authored_at.date() for c in commits] == [dt.date(2026, 12, 1)]
