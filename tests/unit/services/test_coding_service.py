import datetime as dt
import subprocess
from pathlib import Path

import pytest

from focusapp.domain.sources import Source
from focusapp.services.coding import CodingSourceError

ME = "sam@example.org"
OTHER = "kim@example.org"
DAY = dt.date(2026, 11, 2)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / ".gitconfig").write_text(f"[user]\n\tname = Sam\n\temail = {ME}\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(folder))
    return folder


def git(repo: Path, *args: str, when: str | None = None) -> str:
    extra = {} if when is None else {"GIT_COMMITTER_DATE": when}
    import os

    done = subprocess.run(
        ["git", "-C", str(repo), *args],
        env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1", **extra},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def make_repo(path: Path) -> Path:
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    return path


def commit(repo: Path, when: str, email: str = ME) -> None:
    (repo / "file.txt").write_text(f"{when} {email}\n", encoding="utf-8")
    git(repo, "add", "file.txt")
    git(repo, "commit", "-q", "-m", "work", f"--date={when}", f"--author=S <{email}>", when=when)


@pytest.fixture
def repo(home: Path, tmp_path: Path) -> Path:
    repository = make_repo(tmp_path / "src" / "app")
    commit(repository, "2026-11-02T09:00:00+01:00")
    commit(repository, "2026-11-02T09:40:00+01:00")
    commit(repository, "2026-11-02T10:30:00+01:00")
    commit(repository, "2026-11-02T11:00:00+01:00", email=OTHER)
    return repository


def test_commits_fill_in_coding_time_for_days_without_a_typed_value(context, repo: Path) -> None:
    info = context.coding.add(str(repo.parent))
    assert info.commits == 3
    assert info.repositories == (str(repo),)
    assert info.authors == (ME,)
    [day] = context.checkins.days(DAY, DAY)
    assert day.coding_minutes == 120  # 08:30 (30 min before the first) to 10:30
    assert context.checkins.sources(DAY).coding_source is Source.COMMITS
    audit = context.coding.audit(DAY)
    assert audit.minutes == 120
    assert audit.sources == (str(repo.parent),)
    assert [len(s.commits) for s in audit.sessions] == [3]


def test_a_typed_value_wins_and_clearing_it_brings_the_estimate_back(context, repo) -> None:
    context.coding.add(str(repo))
    context.checkins.record(DAY, {"energy": 3, "coding_minutes": 15})
    assert context.checkins.days(DAY, DAY)[0].coding_minutes == 15
    assert context.checkins.sources(DAY).coding_source is Source.TYPED
    context.checkins.record(DAY, {"coding_minutes": None})
    assert context.checkins.days(DAY, DAY)[0].coding_minutes == 120


def test_longer_focus_sessions_win_over_the_commit_estimate(context, repo) -> None:
    from focusapp.storage.repositories import FocusSessionRepository

    context.coding.add(str(repo))
    with context.sessions.begin() as session:
        repository = FocusSessionRepository(session)
        started = repository.start(dt.datetime(2026, 11, 2, 7, tzinfo=dt.UTC), "Europe/Berlin")
        repository.end(started.id, dt.datetime(2026, 11, 2, 10, tzinfo=dt.UTC))
    assert context.checkins.days(DAY, DAY)[0].coding_minutes == 180
    assert context.checkins.sources(DAY).coding_source is Source.SESSIONS


def test_given_authors_count_too_and_are_remembered(context, repo) -> None:
    info = context.coding.add(str(repo), [OTHER.upper()])
    assert info.commits == 4
    assert set(info.authors) == {ME, OTHER}
    commit(repo, "2026-11-03T09:00:00+01:00", email=OTHER)
    [(path, again, error)] = context.coding.sync()
    assert (path, error) == (str(repo), None)
    assert again is not None
    assert again.commits == 5


def test_removing_a_source_removes_its_commits_and_nothing_typed(context, repo) -> None:
    context.coding.add(str(repo))
    context.checkins.record(dt.date(2026, 11, 3), {"energy": 4})
    assert context.coding.remove(str(repo)) is True
    assert context.coding.sources() == []
    assert [d.date for d in context.checkins.days()] == [dt.date(2026, 11, 3)]
    assert context.coding.remove(str(repo)) is False


def test_the_tray_reads_the_same_coding_time(context, repo, data_dir) -> None:
    from focusapp.services.light_days import LightDays

    context.coding.add(str(repo))
    light = LightDays(context.paths.db_path, context.clock, context.zone, lambda: 4)
    assert light.days(DAY, DAY) == context.checkins.days(DAY, DAY)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "nowhere", "is not a folder"),
        (lambda tmp: tmp, "No git repository was found"),
    ],
)
def test_a_path_without_repositories_is_refused_and_nothing_stored(
    context, home, tmp_path, make, message
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CodingSourceError, match=message):
        context.coding.add(str(make(empty)))
    assert context.coding.sources() == []


def test_without_any_address_the_user_is_asked_for_one(context, tmp_path, monkeypatch) -> None:
    bare = tmp_path / "bare-home"
    bare.mkdir()
    monkeypatch.setenv("HOME", str(bare))
    from focusapp.services.coding import CodingService
    from focusapp.services.profile import Profile

    service = CodingService(Profile(context.sessions, context.clock, context.zone, lambda: 4))
    with pytest.raises(CodingSourceError, match="--author EMAIL"):
        service.add(str(tmp_path))


AW_FIXTURE = Path(__file__).resolve().parents[2] / "data" / "activitywatch" / "peewee-sqlite.v2.db"


def test_activitywatch_time_beats_a_smaller_commit_estimate_and_the_tray_agrees(
    home, context, repo, tmp_path
) -> None:
    from focusapp.services.light_days import LightDays

    database = tmp_path / "aw.db"
    database.write_bytes(AW_FIXTURE.read_bytes())
    context.coding.add(str(repo))  # 120 minutes from commits
    assert context.checkins.days(DAY, DAY)[0].coding_minutes == 120
    info = context.coding.add_activitywatch(str(database), ["code", "title:jupyter", "nvim"])
    assert (info.kind, info.commits) == ("activitywatch", 3)
    assert context.checkins.days(DAY, DAY)[0].coding_minutes == 120  # 100 < 120
    info = context.coding.add_activitywatch(str(database), ["code", "firefox", "nvim"])
    assert context.checkins.days(DAY, DAY)[0].coding_minutes == 130  # 40 + 60 + 30
    assert context.checkins.sources(DAY).coding_source is Source.ACTIVITY
    light = LightDays(context.paths.db_path, context.clock, context.zone, lambda: 4)
    assert light.days(DAY, DAY) == context.checkins.days(DAY, DAY)
    audit = context.coding.audit(DAY)
    assert (audit.activity_minutes, audit.activity_sources) == (130, (str(database),))
    assert context.coding.remove(str(database)) is True
    assert context.checkins.days(DAY, DAY)[0].coding_minutes == 120


def test_a_file_that_is_not_activitywatch_is_refused(home, context, tmp_path) -> None:
    other = tmp_path / "other.db"
    other.write_bytes(b"")
    with pytest.raises(CodingSourceError):
        context.coding.add_activitywatch(str(other))
    assert context.coding.sources() == []
