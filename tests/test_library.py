"""Which playbooks exist: the shipped folder, then RECOVERY_PLAYBOOKS, then --playbooks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from recovery_cli.errors import RecoveryError
from recovery_cli.library import ENV_VAR, Library, shipped_dir
from recovery_cli.lint.runner import check_many
from support import playbook_dict, step, write

SHIPPED_ID = "outsourced-delay"


def scenario(folder: Path, playbook_id: str, title: str = "Ours", **fields: object) -> Path:
    """A one-step playbook file `<folder>/<id>.yaml`."""
    data = playbook_dict(id=playbook_id, title=title, **fields)
    return write(folder, f"{playbook_id}.yaml", data)


PRINCIPLES = """\
principles:
  - id: listen
    rule: Our own rule about listening.
    why: Because we say so.
    source:
      - title: Our handbook
  - id: be-kind
    rule: Be kind.
    why: Kindness helps.
    source:
      - title: Our handbook
"""


def test_the_shipped_folder_is_found_with_its_principles_and_exemplar() -> None:
    folder = shipped_dir()
    assert (folder / "principles.yaml").is_file()
    library = Library.configured()
    assert library.files[SHIPPED_ID] == folder / "scenarios" / f"{SHIPPED_ID}.yaml"
    assert library.playbook(SHIPPED_ID).id == SHIPPED_ID
    assert "empathise-first" in library.principles


def test_a_playbooks_folder_adds_its_playbooks(tmp_path: Path) -> None:
    scenario(tmp_path, "tiny")
    library = Library.configured([tmp_path])
    assert library.playbook("tiny").title == "Ours"
    assert SHIPPED_ID in library.files


def overrides(library: Library) -> list[tuple[str, str, str]]:
    """(id, overridden file, winning file) as `recovery lint` notes them for a library."""
    report = check_many([], library, lint=True)
    found = []
    for problem in report.problems:
        if problem.rule == "override":
            winner = str(problem.location.file)
            scenario_id = Path(winner).stem
            overridden = problem.message.rsplit(" in ", 1)[1]
            found.append((scenario_id, overridden, winner))
    return found


def test_a_playbooks_folder_overrides_a_shipped_id_and_says_so(tmp_path: Path) -> None:
    ours = scenario(tmp_path, SHIPPED_ID, title="Our own late-delivery playbook")
    library = Library.configured([tmp_path])
    assert library.playbook(SHIPPED_ID).title == "Our own late-delivery playbook"
    shipped = shipped_dir() / "scenarios" / f"{SHIPPED_ID}.yaml"
    assert (SHIPPED_ID, str(shipped.resolve()), str(ours)) in overrides(library)


def test_no_overrides_are_reported_when_ids_are_unique(tmp_path: Path) -> None:
    scenario(tmp_path / "one", "first")
    scenario(tmp_path / "two", "second")
    assert overrides(Library([tmp_path / "one", tmp_path / "two"])) == []


def test_the_environment_names_several_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scenario(tmp_path / "team", "from-team")
    scenario(tmp_path / "site", "from-site")
    monkeypatch.setenv(ENV_VAR, f"{tmp_path / 'team'}{os.pathsep}{tmp_path / 'site'}")
    library = Library.configured()
    assert {"from-team", "from-site", SHIPPED_ID} <= set(library.files)


def test_a_playbooks_option_beats_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scenario(tmp_path / "env", "tiny", title="From the environment")
    scenario(tmp_path / "flag", "tiny", title="From the flag")
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    library = Library.configured([tmp_path / "flag"])
    assert library.playbook("tiny").title == "From the flag"
    assert overrides(library) == [
        ("tiny", str(tmp_path / "env" / "tiny.yaml"), str(tmp_path / "flag" / "tiny.yaml"))
    ]


def test_a_later_folder_beats_an_earlier_one_in_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scenario(tmp_path / "a", "tiny", title="First")
    scenario(tmp_path / "b", "tiny", title="Second")
    monkeypatch.setenv(ENV_VAR, f"{tmp_path / 'a'}{os.pathsep}{tmp_path / 'b'}")
    assert Library.configured().playbook("tiny").title == "Second"


def test_a_missing_playbooks_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RecoveryError) as caught:
        Library.configured([tmp_path / "nowhere"])
    assert "does not exist" in caught.value.message
    assert str(tmp_path / "nowhere") in caught.value.message
    assert caught.value.hint is not None and "--playbooks" in caught.value.hint


def test_a_missing_folder_in_the_environment_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nowhere"))
    with pytest.raises(RecoveryError) as caught:
        Library.configured()
    assert "does not exist" in caught.value.message
    assert caught.value.hint is not None and ENV_VAR in caught.value.hint


def test_a_single_playbook_file_may_be_given_instead_of_a_folder(tmp_path: Path) -> None:
    path = scenario(tmp_path, "tiny")
    assert Library.configured([path]).files["tiny"] == path


def test_a_folders_principles_add_and_replace_principles_by_id(tmp_path: Path) -> None:
    write(tmp_path, "principles.yaml", PRINCIPLES)
    principles = Library.configured([tmp_path]).principles
    assert principles["listen"].rule == "Our own rule about listening."
    assert principles["be-kind"].rule == "Be kind."
    assert "empathise-first" in principles


def test_a_playbook_may_apply_a_principle_its_folder_adds(tmp_path: Path) -> None:
    write(tmp_path, "principles.yaml", PRINCIPLES)
    scenario(tmp_path, "tiny", principles=["be-kind"], steps=[step("hi", principle="be-kind")])
    assert Library.configured([tmp_path]).playbook("tiny").principles == ["be-kind"]


def test_a_principle_nobody_defines_stops_the_playbook_loading(tmp_path: Path) -> None:
    scenario(tmp_path, "tiny", principles=["be-kind"])
    with pytest.raises(RecoveryError) as caught:
        Library.configured([tmp_path]).playbook("tiny")
    assert "unknown principle `be-kind`" in caught.value.describe()


def test_test_files_principles_checks_and_triage_are_not_playbooks(tmp_path: Path) -> None:
    scenario(tmp_path, "tiny")
    scenario(tmp_path / "more", "other")
    write(tmp_path, "tiny.test.yaml", "cases: []\n")
    write(tmp_path, "tiny.test.yml", "cases: []\n")
    write(tmp_path, "principles.yaml", PRINCIPLES)
    write(tmp_path, "checks.yaml", "checks: []\n")
    write(tmp_path, "triage.yaml", "categories: []\n")
    write(tmp_path, "notes.txt", "not yaml\n")
    assert list(Library([tmp_path]).files) == ["other", "tiny"]


def test_an_unknown_playbook_id_lists_the_known_ones(tmp_path: Path) -> None:
    scenario(tmp_path, "tiny")
    scenario(tmp_path, "small")
    with pytest.raises(RecoveryError) as caught:
        Library([tmp_path]).playbook("tinny")
    assert caught.value.message == "no playbook `tinny`"
    assert caught.value.hint is not None and "small, tiny" in caught.value.hint


def _good_and_broken(folder: Path) -> None:
    """A library of one good playbook and one that does not load."""
    write(folder, "principles.yaml", PRINCIPLES)
    scenario(folder, "good")
    write(folder, "broken.yaml", "id: broken\n")


def test_loading_every_playbook_keeps_the_broken_ones_as_problems(tmp_path: Path) -> None:
    _good_and_broken(tmp_path)
    library = Library([tmp_path])
    assert [playbook.id for playbook in library.playbooks()] == ["good"]
    assert library.problems
    assert all(
        problem.location.file == str(tmp_path / "broken.yaml") for problem in library.problems
    )


def test_a_broken_principles_file_is_reported_once(tmp_path: Path) -> None:
    write(tmp_path, "principles.yaml", "principles: []\n")
    scenario(tmp_path, "first")
    scenario(tmp_path, "second")
    library = Library([tmp_path])
    library.playbooks()
    assert len(library.problems) == 1


def _counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The playbook files read from YAML from now on."""
    import recovery_cli.playbook.loader

    reads: list[Path] = []
    real = recovery_cli.playbook.loader.load_playbook

    def counting(path: Path, principle_ids: set[str] | None = None) -> object:
        reads.append(path)
        return real(path, principle_ids)

    monkeypatch.setattr(recovery_cli.playbook.loader, "load_playbook", counting)
    return reads


def test_asking_for_every_playbook_twice_reads_and_reports_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batch and triage both ask the same library; the files are parsed and reported once."""
    _good_and_broken(tmp_path)
    reads = _counting_reads(monkeypatch)
    library = Library([tmp_path])
    first = [playbook.id for playbook in library.playbooks()]
    problems_after_first = len(library.problems)
    second = [playbook.id for playbook in library.playbooks()]
    assert first == second == ["good"]
    assert len(library.problems) == problems_after_first > 0
    assert sorted(path.name for path in reads) == ["broken.yaml", "good.yaml"]


def test_a_clean_library_is_read_from_its_files_once_then_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every triage, run and batch loads the library: an unchanged one is not parsed again,
    and gives the very same playbooks and principles."""
    first = Library.configured()
    books = first.playbooks()
    reads = _counting_reads(monkeypatch)
    again = Library.configured()
    assert again.playbooks() == books
    assert again.principles == first.principles
    assert reads == []
    assert again.problems == []


def test_an_edited_playbook_is_read_again_not_taken_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ours"
    write(folder, "principles.yaml", PRINCIPLES)
    scenario(folder, "good", title="Before")
    assert [book.title for book in Library([folder]).playbooks()] == ["Before"]
    path = scenario(folder, "good", title="After, and longer")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    reads = _counting_reads(monkeypatch)
    assert [book.title for book in Library([folder]).playbooks()] == ["After, and longer"]
    assert [path.name for path in reads] == ["good.yaml"]


def test_a_library_with_problems_is_never_cached_so_they_show_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _good_and_broken(tmp_path)
    for _ in range(2):
        library = Library([tmp_path])
        library.playbooks()
        assert library.problems


def test_a_damaged_cache_is_a_miss_never_a_wrong_playbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recovery_cli.paths import cache_dir

    books = Library.configured().playbooks()
    stored = cache_dir() / "library.json"  # type: ignore[operator]
    text = stored.read_text(encoding="utf-8")
    reads = _counting_reads(monkeypatch)
    for damaged in (text[: len(text) // 2], text.replace('"id"', '"identity"'), "[]", "\x00"):
        stored.write_text(damaged, encoding="utf-8")
        reads.clear()
        assert Library.configured().playbooks() == books
        assert len(reads) == len(books)
