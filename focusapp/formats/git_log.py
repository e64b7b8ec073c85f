"""Reading the user's commits from local git repositories, through git itself.

git is run as a subprocess (never a hand-written object reader), read-only and offline:

* ``git --no-pager log --all --no-merges --format=...``: hashes, author addresses and author
  times only, on every branch and tag; not ``refs/notes`` (adding a note is not coding) nor
  ``refs/stash`` (a stash is not a commit of work, and its index commit is no merge).
  Messages are never asked for, so they cannot leak into FocusApp.
* The environment disables everything that could prompt, page, lock or reach the network:
  ``GIT_TERMINAL_PROMPT=0``, no askpass, ``GIT_OPTIONAL_LOCKS=0``, ``GIT_NO_LAZY_FETCH=1``
  (a partial clone would otherwise fetch missing objects), ``-c protocol.allow=never`` (no
  transport may be used at all), ``-c log.showSignature=false`` (no gpg run).
* Every call has a timeout; stdin is closed.

Commits are kept when their author address (as written, or as mapped by ``.mailmap``) is
one of the user's: ``git config user.email`` plus any addresses given.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from focusapp.domain.calendar import normalize_address
from focusapp.domain.coding import Commit
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from pathlib import Path

#: Seconds one git call may take; a huge repository's log takes a few seconds.
GIT_TIMEOUT: Final = 60.0
#: How many folder levels below a chosen folder repositories are looked for.
DEFAULT_MAX_DEPTH: Final = 4
_SEPARATOR: Final = "\x1f"
_FORMAT: Final = f"--format=%H{_SEPARATOR}%ae{_SEPARATOR}%aE{_SEPARATOR}%aI"
_SAFE_CONFIG: Final = ("-c", "protocol.allow=never", "-c", "log.showSignature=false")
_CONTEXT: Final = "Coding sources"


class GitError(RuntimeError):
    """git could not be run or did not answer; the message is written for people."""


@dataclass(slots=True)
class GitScan:
    """What scanning a folder found.

    Attributes:
        repositories: Every repository found, in path order.
        commits: The user's commits in all of them (a commit in two clones appears twice;
            :func:`focusapp.domain.coding.coding_sessions` counts it once).
        warnings: Repositories that could not be read, named.
    """

    repositories: list[Path] = field(default_factory=list)
    commits: list[Commit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def git_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """Return ``environ`` with every prompt, pager, lock and lazy fetch turned off."""
    env = {key: value for key, value in environ.items() if not key.startswith("GIT_")}
    env.update(
        GIT_TERMINAL_PROMPT="0",
        GIT_ASKPASS="",
        SSH_ASKPASS="",
        GIT_PAGER="cat",
        PAGER="cat",
        GIT_OPTIONAL_LOCKS="0",
        GIT_NO_LAZY_FETCH="1",
        LC_ALL="C",
    )
    return env


def run_git(
    args: list[str],
    *,
    cwd: Path | None = None,
    environ: Mapping[str, str] | None = None,
    timeout: float = GIT_TIMEOUT,
) -> subprocess.CompletedProcess[str]:
    """Run ``git --no-pager ARGS`` safely (see the module docstring); never raises on exit code.

    Raises:
        GitError: If git is not installed or does not finish within ``timeout``.
    """
    command = ["git", "--no-pager", *_SAFE_CONFIG, *args]
    try:
        return subprocess.run(
            command,
            cwd=cwd,
            env=git_environment(os.environ if environ is None else environ),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError:
        raise GitError(translate(_CONTEXT, "git is not installed.")) from None
    except subprocess.TimeoutExpired:
        text = translate(_CONTEXT, "git did not answer within {seconds:g} seconds.")
        raise GitError(text.format(seconds=timeout)) from None


def configured_email(
    repository: Path | None = None, *, environ: Mapping[str, str] | None = None
) -> str | None:
    """Return ``git config user.email`` (for ``repository``, else the global one), if set.

    Raises:
        GitError: If git cannot be run.
    """
    done = run_git(["config", "--get", "user.email"], cwd=repository, environ=environ)
    value = done.stdout.strip()
    return value if done.returncode == 0 and value else None


def read_commits(
    repository: Path,
    addresses: Iterable[str],
    *,
    environ: Mapping[str, str] | None = None,
    timeout: float = GIT_TIMEOUT,
) -> list[Commit]:
    """Return the commits in ``repository`` (all branches, no merges) by any of ``addresses``.

    Raises:
        GitError: If git cannot be run, times out, or cannot read the repository.
    """
    wanted = {normalize_address(address) for address in addresses if address.strip()}
    done = run_git(
        ["log", "--exclude=refs/notes/*", "--exclude=refs/stash", "--all", "--no-merges", _FORMAT],
        cwd=repository,
        environ=environ,
        timeout=timeout,
    )
    if done.returncode != 0:
        if "does not have any commits" in done.stderr:
            return []
        text = translate(_CONTEXT, "{path} could not be read by git: {problem}")
        problem = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode
        raise GitError(text.format(path=repository, problem=problem))
    return list(_parse_log(done.stdout, wanted, str(repository)))


def _parse_log(output: str, wanted: set[str], repository: str) -> Iterator[Commit]:
    for line in output.splitlines():
        parts = line.split(_SEPARATOR)
        if len(parts) != 4:
            continue
        sha, raw_address, mapped_address, when = parts
        if not {normalize_address(raw_address), normalize_address(mapped_address)} & wanted:
            continue
        try:
            authored = dt.datetime.fromisoformat(when)
        except ValueError:
            continue
        if authored.tzinfo is not None:
            yield Commit(sha, authored, repository)


def find_repositories(folder: Path, max_depth: int = DEFAULT_MAX_DEPTH) -> list[Path]:
    """Return the git repositories at or below ``folder``, at most ``max_depth`` levels down.

    A repository's own folders are not searched further (its submodules are its own
    business); hidden folders are skipped; symbolic links to folders are followed, but a
    folder reached twice (a link loop, or a link to a folder already seen) only once.
    """
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    _walk(folder, max_depth, found, seen)
    return sorted(found)


def _walk(folder: Path, depth: int, found: list[Path], seen: set[tuple[int, int]]) -> None:
    try:
        info = folder.stat()
    except OSError:
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return
    seen.add(key)
    if (folder / ".git").exists():
        found.append(folder)
        return
    if depth <= 0:
        return
    try:
        # Real folders before links, so a folder is reported under its own path.
        children = sorted(folder.iterdir(), key=lambda p: (p.is_symlink(), p.name))
    except OSError:
        return
    for child in children:
        if not child.name.startswith(".") and child.is_dir():
            _walk(child, depth - 1, found, seen)


def scan(
    path: Path,
    addresses: Iterable[str] = (),
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
    environ: Mapping[str, str] | None = None,
    timeout: float = GIT_TIMEOUT,
) -> GitScan:
    """Return the user's commits in the repository ``path`` or in every repository below it.

    The user's addresses are ``addresses`` plus ``git config user.email`` (global, and each
    repository's own). A repository git cannot read is named in the warnings; the others
    still count.

    Raises:
        GitError: If git itself cannot be run.
    """
    result = GitScan(repositories=find_repositories(path, max_depth))
    given = [address for address in addresses if address.strip()]
    global_email = configured_email(environ=environ)
    for repository in result.repositories:
        own = configured_email(repository, environ=environ)
        wanted = [*given, *(e for e in (global_email, own) if e)]
        try:
            result.commits.extend(
                read_commits(repository, wanted, environ=environ, timeout=timeout)
            )
        except GitError as error:
            result.warnings.append(str(error))
    return result
