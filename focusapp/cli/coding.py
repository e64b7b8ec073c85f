"""``focusapp coding add|add-activitywatch|list|sync|show|remove``: coding time from local work.

Commits authored by your addresses give per-day coding sessions, estimated the way git-hours
does (commits less than 2 h apart are one session, which starts 30 min before its first
commit); ActivityWatch's database gives the time spent in your editors, AFK time left out.
A value you typed for a day always wins; ``focusapp show --json`` lists the estimate as
``coding_minutes`` on the other days, and ``focusapp coding show DATE`` explains it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from focusapp.cli.source_lists import print_sources, print_sync
from focusapp.cli.support import (
    EXIT_OK,
    UserError,
    add_command,
    add_day,
    add_json,
    open_context_for,
    write_json,
    write_lines,
)
from focusapp.cli.values import parse_date as parse_day
from focusapp.formats.activitywatch import DEFAULT_APPS

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from zoneinfo import ZoneInfo

    from focusapp.bootstrap import AppContext
    from focusapp.domain.sources import DaySources
    from focusapp.services.coding import CodingAudit, CodingSourceInfo

_PRIVACY: Final = (
    "git itself is run, read-only and offline; of each of your commits only its hash, time "
    "and repository are kept, never its message or files."
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``coding`` and its actions to the command line."""
    coding = add_command(
        commands,
        "coding",
        "coding time from your git commits, where you typed none",
        "Estimate coding time from the commits in your git repositories. " + _PRIVACY,
        "focusapp coding add ~/src",
        "focusapp coding show today",
    )
    actions = coding.add_subparsers(
        dest="action",
        metavar="{add,add-activitywatch,list,sync,show,remove}",
        required=True,
    )
    add = add_command(
        actions,
        "add",
        "add a git repository, or a folder whose repositories are all scanned",
        "Add a git repository, or a folder whose repositories (up to 4 levels down) are all "
        "scanned, and read your commits now. Your commits are those by git config "
        "user.email (global and each repository's) plus every --author given. " + _PRIVACY,
        "focusapp coding add ~/src",
        "focusapp coding add ~/work/api --author me@work.example",
        handler=cmd_coding_add,
    )
    add.add_argument("path", metavar="PATH", help="a git repository or a folder of them")
    add.add_argument(
        "--author",
        action="append",
        default=[],
        metavar="EMAIL",
        help="another address your commits use (repeatable; remembered for this folder)",
    )

    watch = add_command(
        actions,
        "add-activitywatch",
        "add ActivityWatch's local database: time in your editors, AFK time left out",
        "Add ActivityWatch's database (aw-server-rust's sqlite.db or aw-server's "
        "peewee-sqlite.v2.db; found under ~/.local/share/activitywatch when not given) and read "
        "the time spent in your editors and notebooks, leaving out time away from the keyboard. "
        "It is opened read-only; window titles are matched and never stored.",
        "focusapp coding add-activitywatch",
        "focusapp coding add-activitywatch ~/.local/share/activitywatch/aw-server-rust/sqlite.db"
        " --app code --app title:jupyter",
        handler=cmd_coding_add_activitywatch,
    )
    watch.add_argument("dbfile", metavar="DBFILE", nargs="?", help="the database file")
    watch.add_argument(
        "--app",
        action="append",
        default=[],
        metavar="NAME",
        help="an editor to count, part of its app name, or title:TEXT for window titles "
        "(repeatable; default: " + ", ".join(DEFAULT_APPS) + ")",
    )

    listing = add_command(
        actions,
        "list",
        "list the coding sources",
        "List the added folders with their repositories, addresses, commits and last scan.",
        "focusapp coding list --json",
        handler=cmd_coding_list,
    )
    add_json(listing)

    add_command(
        actions,
        "sync",
        "re-scan every coding source now",
        "Re-scan every added folder for new commits (and repositories). " + _PRIVACY,
        "focusapp coding sync",
        handler=cmd_coding_sync,
    )

    show = add_command(
        actions,
        "show",
        "explain a day's coding time: the sessions and sources behind it",
        "Show a day's coding time, where it came from (typed, focus sessions or commits) "
        "and the commit sessions and folders behind the estimate.",
        "focusapp coding show today",
        "focusapp coding show 2026-11-02 --json",
        handler=cmd_coding_show,
    )
    add_day(show)
    add_json(show)

    remove = add_command(
        actions,
        "remove",
        "forget a coding source and its commits",
        "Forget an added folder and the commits read from it. What you typed is never touched.",
        "focusapp coding remove ~/src",
        handler=cmd_coding_remove,
    )
    remove.add_argument("path", metavar="PATH", help="the folder as added (see list)")


def cmd_coding_add(args: argparse.Namespace) -> int:
    """Add one folder and scan it now."""
    addresses = [_address(text) for text in args.author]
    context = open_context_for(args)
    return _print_added(context, lambda: context.coding.add(args.path, addresses))


def cmd_coding_add_activitywatch(args: argparse.Namespace) -> int:
    """Add ActivityWatch's database and read it now."""
    context = open_context_for(args)
    return _print_added(context, lambda: context.coding.add_activitywatch(args.dbfile, args.app))


def _print_added(context: AppContext, add: Callable[[], CodingSourceInfo]) -> int:
    """Add a source with ``add`` and print it; say why when nothing was added."""
    from focusapp.services.coding import CodingSourceError

    try:
        info = add()
    except CodingSourceError as error:
        raise UserError(f"{error} Nothing was added.") from None
    write_lines([f"Added {info.path}.", *_info_lines(info, context.zone)])
    return EXIT_OK


def cmd_coding_list(args: argparse.Namespace) -> int:
    """Print every coding source."""
    context = open_context_for(args)
    return print_sources(
        context.coding.sources(),
        as_json=args.json,
        to_json=_info_json,
        to_lines=lambda info: [info.path, *_info_lines(info, context.zone)],
        none_yet="No coding source added yet. Add one with: focusapp coding add PATH",
    )


def cmd_coding_sync(args: argparse.Namespace) -> int:
    """Re-scan every source; failures go to stderr and exit 2."""
    context = open_context_for(args)
    return print_sync(
        "focusapp coding sync",
        [
            (None if info is None else [path, *_info_lines(info, context.zone)], error or path)
            for path, info, error in context.coding.sync()
        ],
        nothing_to_do="Nothing to do: no coding source added (focusapp coding add PATH).",
        could_not="coding sources could not be read",
    )


def cmd_coding_show(args: argparse.Namespace) -> int:
    """Print one day's coding time, its source and the estimate behind it."""
    context = open_context_for(args)
    is_today = args.date.strip().lower() == "today"
    day = context.checkins.today() if is_today else parse_day(args.date)
    audit = context.coding.audit(day)
    sources = context.checkins.sources(day)
    if args.json:
        payload = audit_json(audit, sources, context.zone)
        write_json(payload)
    else:
        write_lines(_audit_lines(audit, sources, context.zone))
    return EXIT_OK


def cmd_coding_remove(args: argparse.Namespace) -> int:
    """Forget one source and its commits."""
    if not open_context_for(args).coding.remove(args.path):
        raise UserError(f"{args.path} was not added; see: focusapp coding list")
    write_lines([f"Removed {args.path} and its commits."])
    return EXIT_OK


# --- text --------------------------------------------------------------------------------------


def audit_json(audit: CodingAudit, sources: DaySources, zone: ZoneInfo) -> dict[str, object]:
    """Return a day's coding audit in the documented JSON shape."""
    return {
        "date": audit.date.isoformat(),
        "coding_minutes": sources.effective.coding_minutes,
        "coding_source": None if sources.coding_source is None else str(sources.coding_source),
        "commit_minutes": audit.minutes,
        "coding_sources": list(audit.sources),
        "activity_minutes": audit.activity_minutes,
        "activitywatch_sources": list(audit.activity_sources),
        "sessions": [
            {
                "start": session.start.astimezone(zone).isoformat(),
                "end": session.end.astimezone(zone).isoformat(),
                "commits": [
                    {
                        "sha": commit.sha,
                        "at": commit.authored_at.astimezone(zone).isoformat(),
                        "repository": commit.repository,
                    }
                    for commit in session.commits
                ],
            }
            for session in audit.sessions
        ],
    }


def _audit_lines(audit: CodingAudit, sources: DaySources, zone: ZoneInfo) -> list[str]:
    from focusapp.domain.durations import format_duration

    effective = sources.effective.coding_minutes
    origin = {
        "typed": "typed by you",
        "sessions": "from focus sessions",
        "commits": "estimated from commits",
        "activitywatch": "editor time in ActivityWatch",
    }.get(str(sources.coding_source), "")
    head = f"{audit.date:%a %Y-%m-%d}: "
    if effective is None:
        head += "no coding time."
    else:
        head += f"{format_duration(effective)} coding ({origin})."
    lines = [head]
    if audit.activity_minutes is not None:
        lines.append(
            f"ActivityWatch: {format_duration(audit.activity_minutes)} in your editors, from "
            + ", ".join(audit.activity_sources)
        )
    if audit.minutes is None:
        lines.append("No commits of yours on this day.")
        return lines
    lines.append(
        f"Commits: {format_duration(audit.minutes)} estimated from " + ", ".join(audit.sources)
    )
    for session in audit.sessions:
        start, end = session.start.astimezone(zone), session.end.astimezone(zone)
        count = len(session.commits)
        noun = "commit" if count == 1 else "commits"
        lines.append(f"  {start:%a %H:%M}-{end:%H:%M}  {count} {noun}")
    return lines


def _info_json(info: CodingSourceInfo) -> dict[str, object]:
    return {
        "path": info.path,
        "kind": info.kind,
        "authors": list(info.authors),
        "repositories": list(info.repositories),
        "commits": info.commits,
        "added_at": info.added_at.isoformat(),
        "scanned_at": None if info.scanned_at is None else info.scanned_at.isoformat(),
        "warnings": list(info.warnings),
    }


def _info_lines(info: CodingSourceInfo, zone: ZoneInfo) -> list[str]:
    repositories = len(info.repositories)
    noun = "repository" if repositories == 1 else "repositories"
    scanned = (
        "never scanned"
        if info.scanned_at is None
        else f"scanned {info.scanned_at.astimezone(zone):%Y-%m-%d %H:%M}"
    )
    if info.kind == "activitywatch":
        lines = [
            f"  ActivityWatch: {info.commits} stretches in your editors, {scanned}",
            "  Apps counted: " + ", ".join(info.authors),
        ]
        lines.extend(f"  Warning: {warning}" for warning in info.warnings)
        return lines
    lines = [
        f"  {repositories} {noun}, {info.commits} of your commits, {scanned}",
        "  Your addresses: " + (", ".join(info.authors) or "none"),
    ]
    lines.extend(f"  Warning: {warning}" for warning in info.warnings)
    return lines


def _address(text: str) -> str:
    cleaned = text.strip()
    local, at, domain = cleaned.partition("@")
    if not (local and at and domain) or any(c.isspace() for c in cleaned):
        raise UserError(f"--author: '{text}' is not an e-mail address")
    return cleaned.lower()
