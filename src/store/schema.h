// The store's SQL schema as a list of forward migrations. Migration i (1-based)
// takes a database from user_version i-1 to i. Never edit a released
// migration: append a new one and bump kSchemaVersion (store.h). docs/store.md
// describes every table.
#ifndef DYAD_STORE_SCHEMA_H_
#define DYAD_STORE_SCHEMA_H_

namespace dyad::store {

// PRAGMA application_id of a dyad database ("dyad" in ASCII).
inline constexpr int kApplicationId = 0x64796164;

inline constexpr const char* kMigrations[] = {
    // v1: documents, sentences (+FTS5), codings, events, audit.
    R"sql(
CREATE TABLE meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE codings(
  id INTEGER PRIMARY KEY,
  dict_hash TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  first_used TEXT NOT NULL
);

CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  input_id TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  language TEXT NOT NULL,
  pub_date TEXT NOT NULL,
  format TEXT NOT NULL,
  origin TEXT NOT NULL,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  minhash BLOB,
  near_duplicate_of INTEGER
);
CREATE INDEX documents_input_id ON documents(input_id);
CREATE TRIGGER documents_immutable BEFORE UPDATE ON documents
BEGIN SELECT RAISE(ABORT, 'documents are immutable'); END;

CREATE TABLE minhash_bands(
  key INTEGER NOT NULL,
  doc INTEGER NOT NULL,
  PRIMARY KEY(key, doc)
) WITHOUT ROWID;

CREATE TABLE sentences(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE(doc, idx)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');

CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  coding INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  sentence_idx INTEGER NOT NULL,
  sentence_begin INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  day INTEGER,
  day_end INTEGER,
  date_precision TEXT NOT NULL,
  date_text TEXT NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  source_text TEXT NOT NULL,
  target_text TEXT NOT NULL,
  event_code TEXT NOT NULL,
  root_code TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  verb_text TEXT NOT NULL,
  plover TEXT NOT NULL,
  pattern_file TEXT NOT NULL,
  pattern_line INTEGER NOT NULL,
  pattern_text TEXT NOT NULL,
  source_begin INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  verb_begin INTEGER NOT NULL,
  verb_end INTEGER NOT NULL,
  target_begin INTEGER NOT NULL,
  target_end INTEGER NOT NULL,
  modality TEXT NOT NULL,
  reported_by TEXT NOT NULL,
  reported_by_text TEXT NOT NULL,
  places TEXT NOT NULL,
  duplicate INTEGER NOT NULL
);
CREATE INDEX events_source ON events(coding, source, day, duplicate);
CREATE INDEX events_target ON events(coding, target, day, duplicate);
CREATE INDEX events_day ON events(coding, day);
CREATE INDEX events_code ON events(coding, event_code, day);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_sentence ON events(sentence);

CREATE TABLE audit(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  parameters TEXT NOT NULL,
  tool_version TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql",
    // v2: inputs that failed; the actor codes seen (to expand code prefixes
    // into index lookups); the actors as coded, with the spans naming them.
    R"sql(
CREATE TABLE failures(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  origin TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE TABLE actor_codes(code TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO actor_codes SELECT source FROM events WHERE source <> '';
INSERT OR IGNORE INTO actor_codes SELECT target FROM events WHERE target <> '';
CREATE VIEW actor_mentions AS
  SELECT id AS event, coding, 'source' AS role, source AS code, source_text AS text,
         doc, sentence_idx, source_begin AS begin, source_end AS end
    FROM events WHERE source <> ''
  UNION ALL
  SELECT id, coding, 'target', target, target_text, doc, sentence_idx, target_begin, target_end
    FROM events WHERE target <> ''
  UNION ALL
  SELECT id, coding, 'reporter', reported_by, reported_by_text, doc, sentence_idx, -1, -1
    FROM events WHERE reported_by <> '';
CREATE VIEW actors AS
  SELECT code, text AS name, role, COUNT(*) AS mentions FROM actor_mentions
  GROUP BY code, text, role;
)sql",
    // v3: the antecedent of a source or target named by a pronoun or a definite phrase
    // ("they" -> "Wagner fighters", docs/coreference.md); '' when the actor was named.
    R"sql(
ALTER TABLE events ADD COLUMN source_ref TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN target_ref TEXT NOT NULL DEFAULT '';
)sql",
    // v4: query speed on large stores. The countries an event involves (the first three letters
    // of its source, target and reporter codes, the countries of its places), kept by triggers,
    // so a role report reads only the events about its state; near-duplicates counted from an
    // index instead of a scan of the documents.
    R"sql(
CREATE TABLE event_countries(
  country TEXT NOT NULL,
  event INTEGER NOT NULL,
  PRIMARY KEY(country, event)
) WITHOUT ROWID;
CREATE VIEW event_country_codes AS
  SELECT id AS event, substr(source, 1, 3) AS country FROM events WHERE length(source) >= 3
  UNION SELECT id, substr(target, 1, 3) FROM events WHERE length(target) >= 3
  UNION SELECT id, substr(reported_by, 1, 3) FROM events WHERE length(reported_by) >= 3
  UNION SELECT id, json_extract(places, '$.location.country') FROM events WHERE places <> ''
  UNION SELECT id, json_extract(places, '$.origin.country') FROM events WHERE places <> ''
  UNION SELECT id, json_extract(places, '$.destination.country') FROM events WHERE places <> '';
INSERT OR IGNORE INTO event_countries(country, event)
  SELECT country, event FROM event_country_codes WHERE length(country) = 3;
DROP VIEW event_country_codes;
CREATE TRIGGER events_countries_insert AFTER INSERT ON events
BEGIN
  INSERT OR IGNORE INTO event_countries(country, event)
    SELECT c, NEW.id FROM (
      SELECT substr(NEW.source, 1, 3) AS c
      UNION SELECT substr(NEW.target, 1, 3)
      UNION SELECT substr(NEW.reported_by, 1, 3)
      UNION SELECT json_extract(NEW.places, '$.location.country') WHERE NEW.places <> ''
      UNION SELECT json_extract(NEW.places, '$.origin.country') WHERE NEW.places <> ''
      UNION SELECT json_extract(NEW.places, '$.destination.country') WHERE NEW.places <> '')
    WHERE length(c) = 3;
END;
CREATE TRIGGER events_countries_delete AFTER DELETE ON events
BEGIN
  DELETE FROM event_countries WHERE event = OLD.id AND country IN (
    substr(OLD.source, 1, 3), substr(OLD.target, 1, 3), substr(OLD.reported_by, 1, 3),
    CASE WHEN OLD.places <> '' THEN json_extract(OLD.places, '$.location.country') END,
    CASE WHEN OLD.places <> '' THEN json_extract(OLD.places, '$.origin.country') END,
    CASE WHEN OLD.places <> '' THEN json_extract(OLD.places, '$.destination.country') END);
END;
CREATE TRIGGER events_countries_update AFTER UPDATE OF source, target, reported_by, places ON events
BEGIN
  SELECT RAISE(ABORT, 'the actors and places of an event are never updated: delete and insert it');
END;
CREATE INDEX documents_near_duplicate ON documents(near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;
)sql",
    // v5: analysts' reviews of events, append-only beside the machine coding (never changing it).
    // A review names its event by what survives a recode (document, sentence, verb span and the
    // machine's source, target and code), so it follows an unchanged event to its new id and
    // stops applying when a recode changes the coding; the latest review of an event counts.
    R"sql(
CREATE TABLE reviews(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  event INTEGER NOT NULL,
  doc INTEGER NOT NULL,
  sentence_idx INTEGER NOT NULL,
  verb_begin INTEGER NOT NULL,
  verb_end INTEGER NOT NULL,
  machine_source TEXT NOT NULL,
  machine_target TEXT NOT NULL,
  machine_code TEXT NOT NULL,
  state TEXT NOT NULL CHECK(state IN ('confirmed', 'rejected', 'corrected')),
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  event_code TEXT NOT NULL,
  root_code TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  plover TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX reviews_event ON reviews(doc, sentence_idx, verb_begin, verb_end);
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only: add a newer review'); END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only: add a newer review'); END;
)sql",
    // v6: paged documents (PDF): where each page begins in the text (a JSON array of code
    // points, '' when the document has no pages) and the page of each event's sentence (0: none).
    R"sql(
ALTER TABLE documents ADD COLUMN page_starts TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN page INTEGER NOT NULL DEFAULT 0;
)sql",
    // v7: ingest speed. The insert trigger of event_countries made every event INSERT a
    // multi-row statement, which SQLite runs with a statement journal (a copy of each page it
    // touches); the store now writes an event's countries itself, the rows the trigger wrote
    // (rows.h: EventCountries). Existing rows stay; the delete and update triggers stay.
    R"sql(
DROP TRIGGER events_countries_insert;
)sql",
    // v8: report speed. The document columns a report reads with each event (date, publisher,
    // URL, title) in a covering index: a report on a large store read nearly a page of the
    // documents table per event's document (the text is stored in the row, after them); the index
    // holds about 25 documents per page.
    R"sql(
CREATE INDEX documents_report ON documents(id, pub_date, source, url, title);
)sql",
    // v9: report speed. events_doc also holds each event's coding, duplicate flag, source and
    // target: a role report asks which actors the events of thousands of documents have (whether
    // a document is about the war between two sides, Store::ForEachDocumentActors) and reads them
    // from the index, not from a page of event rows per document. Same number of indexes to write.
    R"sql(
DROP INDEX events_doc;
CREATE INDEX events_doc ON events(doc, coding, duplicate, source, target);
)sql",
    // v10: nothing (empty: no backup is taken for it). PostgreSQL's v10 puts the event id in the
    // indexes that choose events, which SQLite's index entries hold already (the rowid).
    "",
};

inline constexpr int kMigrationCount = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));

}  // namespace dyad::store

#endif  // DYAD_STORE_SCHEMA_H_
