"""Nothing lost, nothing crashes: nasty files and fuzzed inputs through the real ``ingest``.

Every input named must end up either as an article in the store or in the
store's ``skipped`` table with a reason; ``ingest`` itself must never raise.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.run import MAX_TEXT_CHARS, ingest
from storyline.store import Store

SENTENCE = "Officials in Kyiv said on Tuesday that 40 people were killed in the strike. "


def _accounted(store: Store) -> tuple[set[str], dict[str, str]]:
    sources = {a.source for a in store.articles()}
    skipped = {s.source: s.reason for s in store.skipped()}
    return sources, skipped


def _nasty_files(folder: Path) -> dict[str, Path]:
    """The nasty corpus, generated (nothing copied from anywhere). Name -> path."""
    rng = random.Random(7)
    files: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        path = folder / name
        path.write_bytes(data)
        files[name] = path

    put("random.txt", rng.randbytes(20_000))
    put("random.html", rng.randbytes(5_000))
    words = [f"w{rng.randrange(10**6)}" for _ in range(20_000)]
    page = f"<html><body><article><h1>Strike</h1><p>{SENTENCE}{' '.join(words)}</p></article>"
    whole = gzip.compress(page.encode())
    put("truncated.html.gz", whole[: len(whole) // 2])
    lines = "".join(
        json.dumps({"url": f"https://ex.org/{i}", "text": SENTENCE + " ".join(words[i::50])}) + "\n"
        for i in range(50)
    )
    whole = gzip.compress(lines.encode())
    put("truncated.jsonl.gz", whole[: len(whole) // 2])
    # A 50 MB single line: far over MAX_TEXT_CHARS, refused with that reason.
    put("huge-one-line.txt", b"word " * 10_000_000)
    nested = "<div>" * 50_000 + f"<p>{SENTENCE * 10}</p>" + "</div>" * 50_000
    put("deeply-nested.html", f"<html><body>{nested}</body></html>".encode())
    put("nul-head.txt", b"\x00\x01" * 100 + SENTENCE.encode() * 10)
    put("nul-inside.txt", SENTENCE.encode() * 200 + b"\x00" + SENTENCE.encode() * 5)
    put(
        "mixed-encodings.txt",
        ("Kyiv talks\n\n" + SENTENCE * 3 + "The minister’s aide said “soon”.\n").encode()
        + "Le ministre a déclaré « bientôt » – à Kyiv.\n".encode("latin-1", "replace")
        + "Міністр сказав.\n".encode("cp1251"),
    )
    put("utf16.txt", ("Kyiv talks\n\n" + SENTENCE * 5).encode("utf-16"))
    put(
        "broken.jsonl",
        b"".join(
            [
                json.dumps({"url": "https://ex.org/good", "text": SENTENCE * 4}).encode() + b"\n",
                b'{"url": "https://ex.org/cut", "text": "half a rec\n',
                b"[1, 2, 3]\n",
                b'{"title": "no text"}\n',
                b'{"text": 12345}\n',
                rng.randbytes(300).replace(b"\n", b" ") + b"\n",
                b"\xff\xfe\xfa not utf8 \x80\n",
                json.dumps({"link": "https://ex.org/good2", "body": SENTENCE * 3}).encode(),
            ]
        ),
    )
    put("empty.md", b"")
    put("whitespace.txt", b" \n\t\n  ")
    put("controls.warc", rng.randbytes(3_000))
    (folder / "x.txt").mkdir()
    files["x.txt"] = folder / "x.txt"
    os.symlink(folder / "does-not-exist.txt", folder / "dangling.txt")
    files["dangling.txt"] = folder / "dangling.txt"
    return files


def test_nasty_files_are_ingested_or_skipped_with_a_reason(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "nasty"
    folder.mkdir()
    files = _nasty_files(folder)
    with Store(tmp_path / "s.db") as store:
        # Named one by one (a folder walk passes over directories silently) ...
        report = ingest([str(p) for p in files.values()], store, nlp=nlp)
        sources, skipped = _accounted(store)
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # Every named input is accounted for: an article, or skipped (itself or per record).
    for name, path in files.items():
        mine = [s for s in skipped if s == str(path) or s.startswith(f"{path}#")]
        assert str(path) in sources or mine or name == "broken.jsonl", name
        assert all(skipped[s].strip() for s in mine), name

    def reason(name: str) -> str:
        return skipped[str(files[name])]

    assert "too long" in reason("huge-one-line.txt")
    assert f"{MAX_TEXT_CHARS:,}" in reason("huge-one-line.txt")
    assert "gzip" in reason("truncated.html.gz")
    assert "folder holds no supported files" in reason("x.txt")
    assert "no such file" in reason("dangling.txt")
    assert "binary" in reason("random.txt")
    assert "binary" in reason("nul-head.txt")
    assert "empty" in reason("empty.md") and "empty" in reason("whitespace.txt")
    assert "truncated" in reason("truncated.jsonl.gz")

    # The readable ones land.
    for name in ("mixed-encodings.txt", "utf16.txt", "nul-inside.txt"):
        assert str(files[name]) in sources, name
    # JSON Lines: the two good records land; every other non-empty line is skipped by number.
    assert {"https://ex.org/good", "https://ex.org/good2"} <= sources
    broken = str(files["broken.jsonl"])
    assert {f"{broken}#{n}" for n in (2, 3, 4, 6, 7)} <= set(skipped)
    assert f"{broken}#5" in sources  # {"text": 12345} is a (tiny) text after all
    # Records of the truncated gzip read before the cut still land.
    assert any(s.startswith("https://ex.org/") and s[-1].isdigit() for s in sources)
    assert report.ingested == len(sources)


# Suffixes the readers claim, so fuzzed files reach every reader.
SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".json", ".warc", ".txt.gz", ".html.gz"]
bodies = st.one_of(
    st.binary(max_size=3_000),
    st.text(max_size=2_000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(
        st.one_of(
            st.dictionaries(
                # No url/link keys: records are then named path#line and can be checked.
                st.sampled_from(["text", "body", "title", "date", "published", "html"]),
                st.one_of(st.text(max_size=300), st.integers(), st.none(), st.lists(st.text())),
            ),
            st.text(max_size=100),
        ),
        max_size=5,
    ).map(lambda rs: "\n".join(json.dumps(r) for r in rs).encode()),
    st.builds(
        lambda tag, text, n: (f"<{tag}>" * n + text + f"</{tag}>" * n).encode(),
        st.sampled_from(["div", "p", "article", "script", "table", "html"]),
        st.text(max_size=500),
        st.integers(0, 300),
    ),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(files=st.lists(st.tuples(st.sampled_from(SUFFIXES), bodies), min_size=1, max_size=4))
def test_fuzzed_inputs_never_crash_and_are_all_accounted_for(files, nlp) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, (suffix, body) in enumerate(files):
            path = Path(tmp) / f"f{n}{suffix}"
            path.write_bytes(gzip.compress(body) if suffix.endswith(".gz") else body)
            paths.append(path)
        with Store(Path(tmp) / "s.db") as store:
            ingest([str(p) for p in paths], store, nlp=nlp)
            sources, skipped = _accounted(store)
        accounted = sources | set(skipped)
        for path, (suffix, body) in zip(paths, files, strict=True):
            if str(path) in accounted:
                continue
            assert suffix in (".jsonl", ".json"), path
            if suffix == ".jsonl":  # every non-empty line, by its number
                lines = [n for n, raw in enumerate(body.split(b"\n"), 1) if raw.strip()]
                assert {f"{path}#{n}" for n in lines} <= accounted, path
            else:
                assert any(s.startswith(f"{path}#") for s in accounted), path
        assert all(reason.strip() for reason in skipped.values())
