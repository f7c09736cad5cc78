"""The SQLite schema, as an ordered list of migrations (``PRAGMA user_version`` counts them).

Lists in records (aliases, article ids, figure ids, removed text) are JSON
text columns: Datasette and DuckDB read them as they are, and they keep the
store one plain file.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the foundation.
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        published TEXT,
        published_basis TEXT,
        language TEXT,
        url TEXT,
        author TEXT,
        text TEXT NOT NULL,
        story TEXT,
        duplicate_of TEXT,
        removed TEXT NOT NULL DEFAULT '[]',
        content_hash TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_story ON articles(story);
    CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;

    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        entity_id TEXT,
        PRIMARY KEY (article_id, start, "end")
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE INDEX mentions_text ON mentions(text);

    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX entities_name ON entities(name);

    CREATE TABLE statements (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        speaker TEXT,
        speaker_entity TEXT,
        cue TEXT,
        text TEXT NOT NULL,
        direct INTEGER NOT NULL,
        medium TEXT,
        date TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue_start INTEGER,
        cue_end INTEGER
    );
    CREATE INDEX statements_article ON statements(article_id);
    CREATE INDEX statements_speaker_entity ON statements(speaker_entity);
    CREATE INDEX statements_speaker ON statements(speaker);
    CREATE INDEX statements_date ON statements(date);

    CREATE TABLE figures (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        low REAL,
        high REAL,
        qualifier TEXT,
        unit TEXT,
        measure TEXT,
        subject TEXT,
        per TEXT,
        claimant TEXT,
        claimant_entity TEXT,
        statement_id TEXT,
        as_of TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
    );
    CREATE INDEX figures_article ON figures(article_id);
    CREATE INDEX figures_measure ON figures(measure);
    CREATE INDEX figures_claimant_entity ON figures(claimant_entity);
    CREATE INDEX figures_statement ON figures(statement_id);

    CREATE TABLE timexes (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        type TEXT NOT NULL,
        value TEXT
    );
    CREATE INDEX timexes_article ON timexes(article_id);
    CREATE INDEX timexes_value ON timexes(value);

    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        start TEXT,
        "end" TEXT
    );

    CREATE TABLE disagreements (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        topic TEXT NOT NULL,
        figure_ids TEXT NOT NULL DEFAULT '[]',
        reason TEXT
    );
    CREATE INDEX disagreements_kind ON disagreements(kind);

    CREATE TABLE skipped (
        source TEXT PRIMARY KEY,
        reason TEXT NOT NULL
    );
    """,
    # 2: state of the cross-article stage (storyline.corpus), kept so that
    # adding an article does not recompute the whole corpus.
    """
    CREATE TABLE entity_aliases (
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
        names TEXT NOT NULL
    );
    CREATE TABLE entity_evidence (
        entity_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL
    );
    CREATE INDEX entity_evidence_entity ON entity_evidence(entity_id);

    CREATE TABLE corpus_minhash (
        article_id TEXT PRIMARY KEY,
        signature BLOB NOT NULL
    );
    CREATE TABLE corpus_duplicate_pairs (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        similarity REAL NOT NULL,
        PRIMARY KEY (a, b)
    );
    CREATE INDEX corpus_duplicate_pairs_b ON corpus_duplicate_pairs(b);

    CREATE TABLE corpus_docvec (
        article_id TEXT PRIMARY KEY,
        day TEXT,
        terms TEXT NOT NULL
    );
    CREATE TABLE corpus_df (
        term TEXT PRIMARY KEY,
        df INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE corpus_phrases (
        phrase INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (phrase, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX corpus_phrases_article ON corpus_phrases(article_id);
    """,
    # 3: story vectors as postings (term -> articles), so a new article is
    # compared through the terms it uses instead of reloading every vector.
    # The corpus stage rebuilds this state when it finds it missing.
    """
    DROP TABLE corpus_df;
    DROP TABLE corpus_docvec;
    CREATE TABLE corpus_docvec (
        article_id TEXT PRIMARY KEY,
        day TEXT,
        norm REAL NOT NULL
    );
    CREATE TABLE corpus_postings (
        term TEXT NOT NULL,
        article_id TEXT NOT NULL,
        tf INTEGER NOT NULL,
        PRIMARY KEY (term, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX corpus_postings_article ON corpus_postings(article_id);
    """,
    # 4: articles saved but not yet through the corpus stage. Marked in the
    # article's own transaction, cleared when the stage completes, so a kill
    # between the last save and the corpus stage is caught up by the next run.
    """
    CREATE TABLE IF NOT EXISTS corpus_pending (article_id TEXT PRIMARY KEY);
    """,
    # 5: near-duplicates say why (kind 'copy' from MinHash, 'translation' from
    # the anchor fingerprint, with the evidence), and the anchor index that
    # finds translations of one wire text for a new article alone.
    """
    ALTER TABLE corpus_duplicate_pairs ADD COLUMN kind TEXT NOT NULL DEFAULT 'copy';
    ALTER TABLE corpus_duplicate_pairs ADD COLUMN reason TEXT;
    CREATE TABLE corpus_anchor_docs (article_id TEXT PRIMARY KEY);
    CREATE TABLE corpus_anchor_postings (
        key TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (key, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX corpus_anchor_postings_article ON corpus_anchor_postings(article_id);
    """,
    # 6: state of incremental entity resolution. Each mention text gets its
    # name key once; each key keeps its entity, its resolution component (the
    # keys it can merge with) and what the merge rules read about it; each
    # article lists its keys, so a re-saved article's old names are known.
    # An ingest then re-resolves only the components its articles touch.
    """
    CREATE TABLE corpus_entity_names (
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        key TEXT NOT NULL,
        PRIMARY KEY (text, type)
    ) WITHOUT ROWID;
    CREATE INDEX corpus_entity_names_key ON corpus_entity_names(key);
    CREATE TABLE corpus_entity_forms (
        key TEXT PRIMARY KEY,
        entity TEXT NOT NULL,
        component TEXT NOT NULL,
        sketch TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX corpus_entity_forms_component ON corpus_entity_forms(component);
    CREATE TABLE corpus_article_forms (
        article_id TEXT NOT NULL,
        key TEXT NOT NULL,
        PRIMARY KEY (article_id, key)
    ) WITHOUT ROWID;
    """,
    # 7: the MinHash LSH bands as an index, so a new article's copies are
    # looked up in SQLite instead of rebuilding the LSH from every signature.
    """
    CREATE TABLE corpus_minhash_bands (
        band INTEGER NOT NULL,
        key INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (band, key, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX corpus_minhash_bands_article ON corpus_minhash_bands(article_id);
    """,
    # 8: contract 2, statements say whether words were said or a stance was
    # attributed. Rows analysed before stay NULL until their article is
    # analysed again (ANALYSIS_VERSION is part of the content hash).
    """
    ALTER TABLE statements ADD COLUMN kind TEXT;
    CREATE INDEX statements_kind ON statements(kind);
    """,
    # 9: outlet profiles (issue 14): the furniture learned per outlet family,
    # and each article's family, so an ingest learns from what the store holds
    # and re-cleans what a newly learned pattern applies to. Rows stored before
    # have no family until their article is ingested again.
    """
    ALTER TABLE articles ADD COLUMN family TEXT;
    CREATE INDEX articles_family ON articles(family);
    CREATE TABLE outlet_patterns (
        family TEXT NOT NULL,
        key TEXT NOT NULL,
        text TEXT NOT NULL,
        position TEXT NOT NULL CHECK (position IN ('head', 'tail', 'any')),
        why TEXT NOT NULL,
        articles INTEGER NOT NULL,
        relatedness REAL NOT NULL,
        PRIMARY KEY (family, key)
    );
    """,
    # 10: raw HTTP responses (issue 18), kept like WARC records so nothing is
    # fetched twice, re-analysis needs no network and `export --format warc`
    # can write them. One row per URL asked for (an article page's canonical
    # URL); ``final_url`` is where its redirects ended, ``article_id`` the
    # article a page makes (from its canonical final URL). ``body`` is the
    # zlib-compressed payload (decoded from any Content-Encoding), NULL when
    # none was kept (a page too large, not HTML, no response). ``error`` says why a response is not
    # usable; ``retry`` 1 means the cause may pass (5xx, timeout) and the URL
    # is asked again on a later run, up to a few ``attempts``.
    """
    CREATE TABLE fetches (
        url TEXT PRIMARY KEY,
        final_url TEXT NOT NULL,
        kind TEXT NOT NULL,
        status INTEGER,
        reason TEXT,
        http_version TEXT,
        headers TEXT NOT NULL DEFAULT '[]',
        body BLOB,
        body_length INTEGER,
        body_sha1 TEXT,
        fetched_at TEXT NOT NULL,
        checked_at TEXT NOT NULL,
        redirects TEXT NOT NULL DEFAULT '[]',
        article_id TEXT,
        error TEXT,
        retry INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX fetches_article ON fetches(article_id);
    CREATE INDEX fetches_kind ON fetches(kind);
    """,
    # 11: contract 4, a speaker or claimant says how it is known (named,
    # described, unresolved). Rows analysed before stay NULL until their
    # article is analysed again.
    """
    ALTER TABLE statements ADD COLUMN speaker_status TEXT;
    ALTER TABLE figures ADD COLUMN claimant_status TEXT;
    """,
    # 12: contract 4, figures say what they are about (place, scope, period,
    # event) and which series of claims they belong to; a series is one
    # quantity claimed across articles, and a disagreement is a relation inside
    # one. Figures analysed before stay NULL until their article is analysed
    # again; the corpus stage fills series at its next run.
    """
    ALTER TABLE figures ADD COLUMN place TEXT;
    ALTER TABLE figures ADD COLUMN scope TEXT;
    ALTER TABLE figures ADD COLUMN period TEXT;
    ALTER TABLE figures ADD COLUMN event TEXT;
    ALTER TABLE figures ADD COLUMN series_id TEXT;
    CREATE INDEX figures_series ON figures(series_id);
    ALTER TABLE disagreements ADD COLUMN series_id TEXT;
    ALTER TABLE disagreements ADD COLUMN sides TEXT NOT NULL DEFAULT '[]';
    CREATE INDEX disagreements_series ON disagreements(series_id);
    CREATE TABLE series (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        measure TEXT,
        subject TEXT,
        place TEXT,
        scope TEXT,
        period TEXT,
        event TEXT,
        figure_ids TEXT NOT NULL DEFAULT '[]',
        sources TEXT NOT NULL DEFAULT '[]'
    );
    """,
    # 13: contract 4, claim lineage (issue 17). Articles keep their publication
    # moment (UTC) when the source states one; statements and figures carried
    # by several articles point at their claim; the claims table holds each
    # claim's lineage. State: the word-shingle (and figure value) keys of each
    # item, what an item's sentence says it relays and a figure's sentence,
    # the confirmed links between items, and which articles were indexed (a
    # store from before is indexed whole by its next corpus stage).
    """
    ALTER TABLE articles ADD COLUMN published_at TEXT;
    ALTER TABLE statements ADD COLUMN claim_id TEXT;
    ALTER TABLE figures ADD COLUMN claim_id TEXT;
    CREATE INDEX statements_claim ON statements(claim_id);
    CREATE INDEX figures_claim ON figures(claim_id);
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        first_article_id TEXT NOT NULL,
        first_published TEXT,
        first_certainty TEXT NOT NULL,
        article_ids TEXT NOT NULL DEFAULT '[]',
        outlets TEXT NOT NULL DEFAULT '[]',
        independent_sources INTEGER NOT NULL,
        variants TEXT NOT NULL DEFAULT '[]',
        appearances TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX claims_first_article ON claims(first_article_id);
    CREATE TABLE corpus_claim_docs (article_id TEXT PRIMARY KEY);
    CREATE TABLE corpus_claim_keys (
        key INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (key, item_id)
    ) WITHOUT ROWID;
    CREATE INDEX corpus_claim_keys_article ON corpus_claim_keys(article_id);
    CREATE TABLE corpus_claim_items (
        item_id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        sentence TEXT,
        relay TEXT,
        evidence TEXT
    );
    CREATE INDEX corpus_claim_items_article ON corpus_claim_items(article_id);
    CREATE TABLE corpus_claim_links (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        article_a TEXT NOT NULL,
        article_b TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (a, b)
    );
    CREATE INDEX corpus_claim_links_b ON corpus_claim_links(b);
    CREATE INDEX corpus_claim_links_article_a ON corpus_claim_links(article_a);
    CREATE INDEX corpus_claim_links_article_b ON corpus_claim_links(article_b);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
