// The PostgreSQL store's schema: the same tables, columns and versions as the SQLite schema
// (store/schema.h), written for PostgreSQL. Migration i (1-based) takes a database from
// dyad_schema.version i-1 to i; never edit a released one: append and bump kSchemaVersion.
// Text compared by ranges (codes, hashes) uses the "C" collation: byte order, as in SQLite.
// Full-text search: sentences.tsv (tsvector of the configuration dyad_text: words split as
// PostgreSQL's parser does, lower-cased, accents removed when the unaccent extension can be
// created) with a GIN index, where SQLite has the FTS5 table sentences_fts.
#ifndef DYAD_STORE_PG_PG_SCHEMA_H_
#define DYAD_STORE_PG_PG_SCHEMA_H_

namespace dyad::store {

// The table that holds the schema version: one row ('dyad', N).
inline constexpr const char* kPgSchemaTable =
    "CREATE TABLE IF NOT EXISTS dyad_schema(application TEXT PRIMARY KEY, version INTEGER NOT NULL)";

inline constexpr const char* kPgMigrations[] = {
    // v1: documents, sentences (+ full-text index), codings, events, audit.
    R"sql(
CREATE TABLE meta(
  key TEXT COLLATE "C" PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE codings(
  id BIGSERIAL PRIMARY KEY,
  dict_hash TEXT COLLATE "C" NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  first_used TEXT NOT NULL
);
CREATE TABLE documents(
  id BIGSERIAL PRIMARY KEY,
  input_id TEXT COLLATE "C" NOT NULL,
  sha256 TEXT COLLATE "C" NOT NULL UNIQUE,
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
  minhash BYTEA,
  near_duplicate_of BIGINT
);
CREATE INDEX documents_input_id ON documents(input_id);
CREATE FUNCTION dyad_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$;
CREATE TRIGGER documents_immutable BEFORE UPDATE ON documents
  FOR EACH ROW EXECUTE FUNCTION dyad_refuse('documents are immutable');

CREATE TABLE minhash_bands(
  key BIGINT NOT NULL,
  doc BIGINT NOT NULL,
  PRIMARY KEY(key, doc)
);

DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent;
  EXCEPTION WHEN OTHERS THEN
    NULL;  -- not installed or not allowed: words keep their accents
  END;
  CREATE TEXT SEARCH CONFIGURATION dyad_text (COPY = pg_catalog.simple);
  IF EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'unaccent') THEN
    ALTER TEXT SEARCH CONFIGURATION dyad_text
      ALTER MAPPING FOR word, hword, hword_part, asciiword, asciihword, hword_asciipart,
                        numword, hword_numpart, numhword
      WITH unaccent, simple;
  END IF;
END $$;

CREATE TABLE sentences(
  id BIGSERIAL PRIMARY KEY,
  doc BIGINT NOT NULL,
  idx INTEGER NOT NULL,
  "begin" BIGINT NOT NULL,
  "end" BIGINT NOT NULL,
  text TEXT NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('dyad_text', text)) STORED,
  UNIQUE(doc, idx)
);
CREATE INDEX sentences_fts ON sentences USING GIN(tsv);

CREATE TABLE events(
  id BIGSERIAL PRIMARY KEY,
  doc BIGINT NOT NULL,
  coding BIGINT NOT NULL,
  sentence BIGINT NOT NULL,
  sentence_idx INTEGER NOT NULL,
  sentence_begin BIGINT NOT NULL,
  sentence_end BIGINT NOT NULL,
  day INTEGER,
  day_end INTEGER,
  date_precision TEXT NOT NULL,
  date_text TEXT NOT NULL,
  source TEXT COLLATE "C" NOT NULL,
  target TEXT COLLATE "C" NOT NULL,
  source_text TEXT NOT NULL,
  target_text TEXT NOT NULL,
  event_code TEXT COLLATE "C" NOT NULL,
  root_code TEXT COLLATE "C" NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein DOUBLE PRECISION NOT NULL,
  verb_text TEXT NOT NULL,
  plover TEXT NOT NULL,
  pattern_file TEXT NOT NULL,
  pattern_line INTEGER NOT NULL,
  pattern_text TEXT NOT NULL,
  source_begin BIGINT NOT NULL,
  source_end BIGINT NOT NULL,
  verb_begin BIGINT NOT NULL,
  verb_end BIGINT NOT NULL,
  target_begin BIGINT NOT NULL,
  target_end BIGINT NOT NULL,
  modality TEXT NOT NULL,
  reported_by TEXT COLLATE "C" NOT NULL,
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
  id BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  parameters TEXT NOT NULL,
  tool_version TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  FOR EACH ROW EXECUTE FUNCTION dyad_refuse('the audit log is append-only');
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION dyad_refuse('the audit log is append-only');
)sql",
    // v2: failed inputs; actor codes seen (prefix expansion); actors as coded.
    R"sql(
CREATE TABLE failures(
  id BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  origin TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE TABLE actor_codes(code TEXT COLLATE "C" PRIMARY KEY);
INSERT INTO actor_codes SELECT source FROM events WHERE source <> '' ON CONFLICT DO NOTHING;
INSERT INTO actor_codes SELECT target FROM events WHERE target <> '' ON CONFLICT DO NOTHING;
CREATE VIEW actor_mentions AS
  SELECT id AS event, coding, 'source' AS role, source AS code, source_text AS text,
         doc, sentence_idx, source_begin AS "begin", source_end AS "end"
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
    // v3: the antecedent of a source or target named by a pronoun or a definite phrase.
    R"sql(
ALTER TABLE events ADD COLUMN source_ref TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN target_ref TEXT NOT NULL DEFAULT '';
)sql",
    // v4: the countries an event involves, kept by triggers; near-duplicates from an index.
    R"sql(
CREATE TABLE event_countries(
  country TEXT COLLATE "C" NOT NULL,
  event BIGINT NOT NULL,
  PRIMARY KEY(country, event)
);
CREATE FUNCTION dyad_place_country(places TEXT, place TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN places <> '' THEN (places::jsonb) -> place ->> 'country' END $$;
INSERT INTO event_countries(country, event)
  SELECT DISTINCT c, id FROM events, LATERAL (VALUES
      (substr(source, 1, 3)), (substr(target, 1, 3)), (substr(reported_by, 1, 3)),
      (dyad_place_country(places, 'location')), (dyad_place_country(places, 'origin')),
      (dyad_place_country(places, 'destination'))) AS v(c)
  WHERE length(c) = 3
  ON CONFLICT DO NOTHING;
CREATE FUNCTION dyad_events_countries_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_countries(country, event)
    SELECT DISTINCT c, NEW.id FROM (VALUES
      (substr(NEW.source, 1, 3)), (substr(NEW.target, 1, 3)), (substr(NEW.reported_by, 1, 3)),
      (dyad_place_country(NEW.places, 'location')), (dyad_place_country(NEW.places, 'origin')),
      (dyad_place_country(NEW.places, 'destination'))) AS v(c)
    WHERE length(c) = 3
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER events_countries_insert AFTER INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION dyad_events_countries_insert();
CREATE FUNCTION dyad_events_countries_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM event_countries WHERE event = OLD.id AND country IN (
    substr(OLD.source, 1, 3), substr(OLD.target, 1, 3), substr(OLD.reported_by, 1, 3),
    dyad_place_country(OLD.places, 'location'), dyad_place_country(OLD.places, 'origin'),
    dyad_place_country(OLD.places, 'destination'));
  RETURN NULL;
END $$;
CREATE TRIGGER events_countries_delete AFTER DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION dyad_events_countries_delete();
CREATE TRIGGER events_countries_update BEFORE UPDATE OF source, target, reported_by, places ON events
  FOR EACH ROW EXECUTE FUNCTION
  dyad_refuse('the actors and places of an event are never updated: delete and insert it');
CREATE INDEX documents_near_duplicate ON documents(near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;
)sql",
    // v5: analysts' reviews of events, append-only beside the machine coding (as schema.h v5).
    R"sql(
CREATE TABLE reviews(
  id BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  event BIGINT NOT NULL,
  doc BIGINT NOT NULL,
  sentence_idx INTEGER NOT NULL,
  verb_begin BIGINT NOT NULL,
  verb_end BIGINT NOT NULL,
  machine_source TEXT COLLATE "C" NOT NULL,
  machine_target TEXT COLLATE "C" NOT NULL,
  machine_code TEXT COLLATE "C" NOT NULL,
  state TEXT NOT NULL CHECK(state IN ('confirmed', 'rejected', 'corrected')),
  source TEXT COLLATE "C" NOT NULL,
  target TEXT COLLATE "C" NOT NULL,
  event_code TEXT COLLATE "C" NOT NULL,
  root_code TEXT COLLATE "C" NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein DOUBLE PRECISION NOT NULL,
  plover TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX reviews_event ON reviews(doc, sentence_idx, verb_begin, verb_end);
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
  FOR EACH ROW EXECUTE FUNCTION dyad_refuse('reviews are append-only: add a newer review');
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
  FOR EACH ROW EXECUTE FUNCTION dyad_refuse('reviews are append-only: add a newer review');
)sql",
    // v6: paged documents (PDF): page starts of a document, page of an event (as schema.h v6).
    R"sql(
ALTER TABLE documents ADD COLUMN page_starts TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN page INTEGER NOT NULL DEFAULT 0;
)sql",
    // v7: the store writes an event's event_countries rows with the event, as the SQLite store
    // does since its v7 (rows.h: EventCountries; a row trigger ran a PL/pgSQL INSERT per event).
    // Existing rows stay; the delete and update triggers stay.
    R"sql(
DROP TRIGGER events_countries_insert ON events;
DROP FUNCTION dyad_events_countries_insert();
)sql",
    // v8: nothing. SQLite's v8 is a covering index of the document columns reports read, because
    // SQLite stores a document's text in its row; PostgreSQL keeps long values out of line
    // (TOAST), so its rows are short already (and a B-tree entry is limited to about 2.7 kB,
    // which a long URL or title could pass).
    R"sql(
SELECT 1;
)sql",
    // v9: events_doc also holds coding, duplicate flag, source and target, for
    // Store::ForEachDocumentActors (as schema.h v9; codes are short, far below a B-tree entry's limit).
    R"sql(
DROP INDEX events_doc;
CREATE INDEX events_doc ON events(doc, coding, duplicate, source, target);
)sql",
    // v10: the event id in the indexes that choose events (SQLite's index entries hold the rowid;
    // PostgreSQL's point at a heap tuple): an actor query's page (`dyad events --actor`) is chosen
    // from events_source and events_target by index-only scans, and the events of the sentences a
    // full-text query finds (a role report's words) come from events_sentence, without reading
    // event rows first. SQLite's v10 does nothing.
    R"sql(
DROP INDEX events_source;
CREATE INDEX events_source ON events(coding, source, day, duplicate) INCLUDE (id);
DROP INDEX events_target;
CREATE INDEX events_target ON events(coding, target, day, duplicate) INCLUDE (id);
DROP INDEX events_sentence;
CREATE INDEX events_sentence ON events(sentence) INCLUDE (id);
)sql",
};

inline constexpr int kPgMigrationCount =
    static_cast<int>(sizeof(kPgMigrations) / sizeof(kPgMigrations[0]));

}  // namespace dyad::store

#endif  // DYAD_STORE_PG_PG_SCHEMA_H_
