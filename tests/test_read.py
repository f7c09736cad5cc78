"""Readers: every input format, and every kind of bad input reported by name and skipped."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import SEEDS
from storyline.clean import build_article
from storyline.read import expand, read_inputs
from storyline.schema import RawDocument, Skip

BODY = "Officials said on Tuesday that talks would resume. " * 5


def _read(*paths: Path) -> tuple[list[RawDocument], list[Skip]]:
    docs, skips = [], []
    for item in read_inputs([str(p) for p in paths]):
        (skips if isinstance(item, Skip) else docs).append(item)
    return docs, skips


def test_seeds_folder_is_read_recursively_in_order() -> None:
    docs, skips = _read(SEEDS)
    assert skips == []
    assert [Path(d.source).name[:3] for d in docs] == ["000", "001", "002", "003", "004"]
    assert all(d.fmt == "text" and d.text for d in docs)


def test_jsonl_maps_real_field_names(tmp_path: Path) -> None:
    records = [
        {
            "maintext": BODY,
            "title": "A",
            "url": "https://ex.com/a",
            "date_publish": "2025-05-19T10:00:00",
        },
        {
            "body": BODY,
            "headline": "B",
            "link": "https://ex.com/b",
            "pubDate": "Wed, 21 May 2025 14:57:43 GMT",
            "source_domain": "ex.com",
        },
        {"content": BODY, "title": "C", "published": "2025-05-20", "sitename": "Example"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    docs, skips = _read(path)
    assert skips == []
    assert [d.meta.get("title") for d in docs] == ["A", "B", "C"]
    # Readers pass dates on as written; cleaning normalises them (ISO, RFC 822).
    assert [build_article(d).published for d in docs] == ["2025-05-19", "2025-05-21", "2025-05-20"]
    assert all(build_article(d).published_basis == "metadata" for d in docs)
    assert docs[1].meta["outlet"] == "ex.com" and docs[2].meta["outlet"] == "Example"
    assert docs[0].source == "https://ex.com/a"
    # No URL: the source is path#line, as the contract says.
    assert docs[2].source == f"{path}#3"


def test_jsonl_gz_and_broken_lines(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    lines = [
        json.dumps({"text": BODY, "url": "https://ex.com/1"}),
        "{not json",
        "[1, 2]",
        json.dumps({"title": "no text"}),
        json.dumps({"text": BODY, "url": "https://ex.com/2"}),
    ]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    docs, skips = _read(path)
    assert [d.source for d in docs] == ["https://ex.com/1", "https://ex.com/2"]
    reasons = {s.source: s.reason for s in skips}
    assert reasons[f"{path}#2"].startswith("not JSON")
    assert "not an object" in reasons[f"{path}#3"]
    assert "no text field" in reasons[f"{path}#4"]


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    path.write_text(json.dumps({"articles": [{"text": BODY, "url": "https://ex.com/x"}]}))
    docs, skips = _read(path)
    assert len(docs) == 1 and not skips


def test_news_dumpster_records_are_read() -> None:
    dump = SEEDS.parents[1] / "data" / "news-dumpster-2025" / "dedupe0521.jsonl.gz"
    docs, skips = _read(dump)
    # 759 records; one (line 747) has an empty body and is reported, not lost silently.
    assert len(docs) == 758
    assert [(s.source.rsplit("#", 1)[1], s.reason[:21]) for s in skips] == [
        ("747", "record has no text fi")
    ]
    assert all(d.text and d.meta.get("url") and d.meta.get("published") for d in docs)


def test_html_and_gzipped_html(tmp_path: Path) -> None:
    page = (
        f"<html><head><title>T</title></head><body><article><p>{BODY}</p></article></body></html>"
    )
    (tmp_path / "a.html").write_text(page)
    (tmp_path / "b.htm.gz").write_bytes(gzip.compress(page.encode()))
    docs, skips = _read(tmp_path)
    assert not skips and [d.fmt for d in docs] == ["html", "html"]
    assert all(d.html and "<article>" in d.html for d in docs)


def _warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(record)


def test_warc_html_responses(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    page = f"<html><body><article><p>{BODY}</p></article></body></html>"
    _warc(
        path,
        [
            ("https://ex.com/p1", "text/html; charset=utf-8", page),
            ("https://ex.com/logo.png", "image/png", "PNG"),
            ("https://ex.com/p2", "text/html", page),
        ],
    )
    docs, skips = _read(path)
    assert [d.source for d in docs] == ["https://ex.com/p1", "https://ex.com/p2"]
    assert all(d.meta["url"] == d.source and "published" not in d.meta for d in docs)
    assert not skips


def test_bad_inputs_are_named_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Headline\n\n" + BODY)
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "nul.md").write_bytes(b"text\x00with\x00nuls" * 20)
    (tmp_path / "truncated.txt.gz").write_bytes(gzip.compress(BODY.encode())[:20])
    (tmp_path / "broken.warc").write_bytes(b"WARC/1.0\r\nnonsense")
    (tmp_path / "folder.txt").mkdir()
    docs, skips = _read(tmp_path, tmp_path / "missing.txt", tmp_path / "notes.pdf")
    assert [Path(d.source).name for d in docs] == ["good.txt"]
    reasons = {Path(s.source).name: s.reason for s in skips}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"] == "binary file, not text"
    assert reasons["nul.md"] == "binary file, not text"
    assert reasons["truncated.txt.gz"].startswith("corrupt or truncated gzip")
    assert reasons["broken.warc"].startswith(("corrupt WARC", "no HTML responses"))
    assert reasons["missing.txt"] == "no such file or folder"
    assert reasons["notes.pdf"] == "no such file or folder"


def test_explicit_unsupported_file_is_reported(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert list(expand([pdf])) == [Skip(str(pdf), "unsupported file type")]


def test_other_encodings_are_decoded(tmp_path: Path) -> None:
    text = "Le président a déclaré que la trêve était «fragile». " * 4
    (tmp_path / "latin.txt").write_bytes(("Titre\n\n" + text).encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(("Titre\n\n" + text).encode("utf-16"))
    docs, skips = _read(tmp_path)
    assert not skips
    assert all("président" in (d.text or "") for d in docs)


def test_json_of_unicode_whitespace_is_reported(tmp_path: Path) -> None:
    # Found by the fuzz test: U+0085 is whitespace to str.strip but not a byte-level blank.
    path = tmp_path / "nel.json"
    path.write_bytes(b"\xc2\x85")
    docs, skips = _read(path)
    assert docs == [] and [s.source for s in skips] == [str(path)]
