-- hoso schema, migration 3: a lean file, and a change log that copies of the
-- database can exchange.
--
-- Record keys are random UUIDs stored as 16-byte BLOBs (hex(id) in the
-- sqlite3 shell shows them; hoso shows and takes the usual 8-4-4-4-12 text).
-- Items and documents keep a short number (no), local to this file: the
-- rowid, never carried to another copy, never the same thing as the key.
--
-- Every save is one row of `change` (who, when in milliseconds since 1970
-- UTC, which record, what kind of save) and one row of `history` per field
-- it changed (old and new value as text), so that a save is shown, undone
-- and carried to another copy as one. When records were made is the time of
-- their first change; the tables keep no created_at or updated_at.
--
-- Derived columns: title_key, code_key, name_key and subject_key hold
-- Vietnamese sort keys (compare as BLOBs); search holds the folded text the
-- full-text index indexes. hoso computes them on every save.
--
-- `tally` keeps the counts the screens show at once (items by status, kind,
-- year and lead unit, with their progress), kept by triggers in the same
-- transaction as each change to an item.

-- The v2 tables make way (their references follow them), then go.
DROP TRIGGER item_fts_insert;
DROP TRIGGER item_fts_delete;
DROP TRIGGER item_fts_update;
DROP TABLE item_fts;
ALTER TABLE unit RENAME TO v2_unit;
ALTER TABLE locality RENAME TO v2_locality;
ALTER TABLE programme RENAME TO v2_programme;
ALTER TABLE programme_party RENAME TO v2_programme_party;
ALTER TABLE item RENAME TO v2_item;
ALTER TABLE item_partner RENAME TO v2_item_partner;
ALTER TABLE item_locality RENAME TO v2_item_locality;
ALTER TABLE target RENAME TO v2_target;
ALTER TABLE comment RENAME TO v2_comment;
ALTER TABLE document RENAME TO v2_document;
ALTER TABLE document_link RENAME TO v2_document_link;
ALTER TABLE item_document RENAME TO v2_item_document;
ALTER TABLE history RENAME TO v2_history;

CREATE TABLE unit (
	id          BLOB PRIMARY KEY CHECK (length(id) = 16),
	short_name  TEXT,
	name        TEXT NOT NULL CHECK (name <> ''),
	parent_id   BLOB REFERENCES unit(id),
	notes       TEXT,
	source      TEXT,
	archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version     INTEGER NOT NULL DEFAULT 1,
	name_key    BLOB NOT NULL DEFAULT x''
) WITHOUT ROWID;

CREATE TABLE locality (
	id          BLOB PRIMARY KEY CHECK (length(id) = 16),
	name        TEXT NOT NULL CHECK (name <> ''),
	level       TEXT,
	parent_id   BLOB REFERENCES locality(id),
	notes       TEXT,
	source      TEXT,
	archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version     INTEGER NOT NULL DEFAULT 1,
	name_key    BLOB NOT NULL DEFAULT x''
) WITHOUT ROWID;

CREATE TABLE programme (
	id          BLOB PRIMARY KEY CHECK (length(id) = 16),
	code        TEXT,
	title       TEXT NOT NULL CHECK (title <> ''),
	start_year  INTEGER,
	end_year    INTEGER,
	notes       TEXT,
	source      TEXT,
	version     INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;

CREATE TABLE programme_party (
	programme_id BLOB NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
	unit_id      BLOB NOT NULL REFERENCES unit(id),
	PRIMARY KEY (programme_id, unit_id)
) WITHOUT ROWID;

-- Items of the one programme of the file, nested through parent_id (NULL:
-- directly under the programme).
CREATE TABLE item (
	no            INTEGER PRIMARY KEY CHECK (no > 0),
	id            BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
	parent_id     BLOB REFERENCES item(id),
	kind          INTEGER NOT NULL REFERENCES kind(id),
	code          TEXT,
	title         TEXT NOT NULL CHECK (title <> ''),
	lead_unit_id  BLOB REFERENCES unit(id),
	status        INTEGER NOT NULL REFERENCES status(id),
	progress      INTEGER CHECK (progress BETWEEN 0 AND 100),  -- NULL: not known
	start_date    TEXT CHECK (start_date IS NULL OR date(start_date, '+0 days') IS start_date),
	due_date      TEXT CHECK (due_date IS NULL OR date(due_date, '+0 days') IS due_date),
	done_date     TEXT CHECK (done_date IS NULL OR date(done_date, '+0 days') IS done_date),
	year          INTEGER CHECK (year IS NULL OR year BETWEEN 1900 AND 2200),
	notes         TEXT,
	source        TEXT,
	archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version       INTEGER NOT NULL DEFAULT 1,       -- bumped by every save
	code_key      BLOB,                             -- NULL when there is no code
	title_key     BLOB NOT NULL DEFAULT x'',
	search        TEXT NOT NULL DEFAULT '',
	CHECK (due_date IS NULL OR start_date IS NULL OR due_date >= start_date),
	CHECK (parent_id IS NULL OR parent_id <> id)
);

CREATE TABLE item_partner (
	item_id  BLOB NOT NULL REFERENCES item(id) ON DELETE CASCADE,
	unit_id  BLOB NOT NULL REFERENCES unit(id),
	role     TEXT,
	PRIMARY KEY (item_id, unit_id)
) WITHOUT ROWID;

CREATE TABLE item_locality (
	item_id      BLOB NOT NULL REFERENCES item(id) ON DELETE CASCADE,
	locality_id  BLOB NOT NULL REFERENCES locality(id),
	PRIMARY KEY (item_id, locality_id)
) WITHOUT ROWID;

CREATE TABLE target (
	id           BLOB PRIMARY KEY CHECK (length(id) = 16),
	item_id      BLOB NOT NULL REFERENCES item(id) ON DELETE CASCADE,
	position     INTEGER NOT NULL DEFAULT 0,
	description  TEXT NOT NULL CHECK (description <> ''),
	measure      TEXT,
	min_value    REAL,
	max_value    REAL,
	actual       REAL,
	notes        TEXT,
	version      INTEGER NOT NULL DEFAULT 1,
	CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
) WITHOUT ROWID;

CREATE TABLE comment (
	id       BLOB PRIMARY KEY CHECK (length(id) = 16),
	item_id  BLOB NOT NULL REFERENCES item(id) ON DELETE CASCADE,
	at       INTEGER NOT NULL,            -- milliseconds since 1970, UTC
	login    TEXT NOT NULL,
	body     TEXT NOT NULL CHECK (body <> '')
) WITHOUT ROWID;

CREATE TABLE document (
	no           INTEGER PRIMARY KEY CHECK (no > 0),
	id           BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
	number       TEXT,
	type         INTEGER NOT NULL REFERENCES doc_type(id),
	issuer_id    BLOB REFERENCES unit(id),
	signed_date  TEXT CHECK (signed_date IS NULL OR date(signed_date, '+0 days') IS signed_date),
	subject      TEXT NOT NULL CHECK (subject <> ''),
	state        INTEGER NOT NULL DEFAULT 2 REFERENCES doc_state(id),
	notes        TEXT,
	source       TEXT,
	archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version      INTEGER NOT NULL DEFAULT 1,
	subject_key  BLOB NOT NULL DEFAULT x'',
	search       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE document_link (
	from_id   BLOB NOT NULL REFERENCES document(id) ON DELETE CASCADE,
	to_id     BLOB NOT NULL REFERENCES document(id) ON DELETE CASCADE,
	relation  INTEGER NOT NULL REFERENCES doc_relation(id),
	PRIMARY KEY (from_id, to_id, relation),
	CHECK (from_id <> to_id)
) WITHOUT ROWID;

CREATE TABLE item_document (
	item_id      BLOB NOT NULL REFERENCES item(id) ON DELETE CASCADE,
	document_id  BLOB NOT NULL REFERENCES document(id),
	PRIMARY KEY (item_id, document_id)
) WITHOUT ROWID;

-- One row per save: who, when, which record, what kind of save.
--   what: 'add', 'edit', 'archive', 'restore', 'comment', 'undo', 'redo',
--   'import', 'seed' (the programme's first data).
CREATE TABLE change (
	id         BLOB PRIMARY KEY CHECK (length(id) = 16),
	at         INTEGER NOT NULL,          -- milliseconds since 1970, UTC
	login      TEXT NOT NULL,
	entity     TEXT NOT NULL CHECK (entity IN ('programme', 'item', 'document', 'unit', 'locality')),
	entity_id  BLOB NOT NULL,
	what       TEXT NOT NULL,
	undoes     BLOB                       -- the change an undo or redo reverses
) WITHOUT ROWID;

-- One row per field a save changed.
CREATE TABLE history (
	change_id  BLOB NOT NULL REFERENCES change(id) ON DELETE CASCADE,
	field      TEXT NOT NULL,
	old_value  TEXT,
	new_value  TEXT,
	PRIMARY KEY (change_id, field)
) WITHOUT ROWID;

-- Counts kept in the same transaction as each change to an item (by triggers):
-- dim 'all' (key ''), 'status', 'kind', 'year' (key '': not known) and
-- 'unit' (the lead unit's id; '': none). n counts the unarchived items,
-- done those done, progress_sum and progress_n the known progress.
CREATE TABLE tally (
	dim           TEXT NOT NULL,
	key           BLOB NOT NULL,              -- no affinity: a number, '' or a key
	n             INTEGER NOT NULL DEFAULT 0,
	done          INTEGER NOT NULL DEFAULT 0,
	progress_sum  INTEGER NOT NULL DEFAULT 0,
	progress_n    INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (dim, key)
) WITHOUT ROWID;

-- ---------------------------------------------------------------- the data
INSERT INTO unit (id, short_name, name, parent_id, notes, source, archived, version, name_key)
	SELECT hoso_uuid(id), short_name, name, hoso_uuid(parent_id), notes, source, archived, version, name_key
	FROM v2_unit;
INSERT INTO locality (id, name, level, parent_id, notes, source, archived, version, name_key)
	SELECT hoso_uuid(id), name, level, hoso_uuid(parent_id), notes, source, archived, version, name_key
	FROM v2_locality;
INSERT INTO programme (id, code, title, start_year, end_year, notes, source, version)
	SELECT hoso_uuid(id), code, title, start_year, end_year, notes, source, version FROM v2_programme;
INSERT INTO programme_party (programme_id, unit_id)
	SELECT hoso_uuid(programme_id), hoso_uuid(unit_id) FROM v2_programme_party;
INSERT INTO item (no, id, parent_id, kind, code, title, lead_unit_id, status, progress, start_date,
                  due_date, done_date, year, notes, source, archived, version, code_key, title_key, search)
	SELECT no, hoso_uuid(id), hoso_uuid(parent_id), kind, code, title, hoso_uuid(lead_unit_id), status,
	       progress, start_date, due_date, done_date, year, notes, source, archived, version,
	       CASE WHEN code IS NULL THEN NULL ELSE code_key END, title_key, search
	FROM v2_item ORDER BY no;
INSERT INTO item_partner (item_id, unit_id, role)
	SELECT hoso_uuid(item_id), hoso_uuid(unit_id), role FROM v2_item_partner;
INSERT INTO item_locality (item_id, locality_id)
	SELECT hoso_uuid(item_id), hoso_uuid(locality_id) FROM v2_item_locality;
INSERT INTO target (id, item_id, position, description, measure, min_value, max_value, actual, notes, version)
	SELECT hoso_uuid(id), hoso_uuid(item_id), position, description, measure, min_value, max_value,
	       actual, notes, version
	FROM v2_target;
INSERT INTO comment (id, item_id, at, login, body)
	SELECT hoso_uuid(id), hoso_uuid(item_id), hoso_time_ms(at), login, body FROM v2_comment;
INSERT INTO document (no, id, number, type, issuer_id, signed_date, subject, state, notes, source,
                      archived, version, subject_key, search)
	SELECT no, hoso_uuid(id), number, type, hoso_uuid(issuer_id), signed_date, subject, state, notes,
	       source, archived, version, subject_key, search
	FROM v2_document ORDER BY no;
INSERT INTO document_link (from_id, to_id, relation)
	SELECT hoso_uuid(from_id), hoso_uuid(to_id), relation FROM v2_document_link;
INSERT INTO item_document (item_id, document_id)
	SELECT hoso_uuid(item_id), hoso_uuid(document_id) FROM v2_item_document;

CREATE INDEX change_entity ON change(entity_id, at);

-- The rows of the old history that one save wrote (same time, clerk and
-- record) become one change; a "created" row becomes the change itself.
INSERT INTO change (id, at, login, entity, entity_id, what)
	SELECT hoso_uuid(min(id)), hoso_time_ms(at), login, entity, hoso_uuid(entity_id),
	       CASE WHEN max(field = 'created' AND new_value = 'seed') THEN 'seed'
	            WHEN max(field = 'created') THEN 'add' ELSE 'edit' END
	FROM v2_history GROUP BY at, login, entity_id;
INSERT OR IGNORE INTO history (change_id, field, old_value, new_value)
	SELECT c.id, h.field, h.old_value, h.new_value
	FROM v2_history h
	JOIN change c ON c.at = hoso_time_ms(h.at) AND c.login = h.login AND c.entity_id = hoso_uuid(h.entity_id)
	WHERE h.field <> 'created';

DROP TABLE v2_item_document;
DROP TABLE v2_document_link;
DROP TABLE v2_document;
DROP TABLE v2_comment;
DROP TABLE v2_target;
DROP TABLE v2_item_locality;
DROP TABLE v2_item_partner;
DROP TABLE v2_item;
DROP TABLE v2_programme_party;
DROP TABLE v2_programme;
DROP TABLE v2_locality;
DROP TABLE v2_unit;
DROP TABLE v2_history;
