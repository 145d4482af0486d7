-- hoso schema, migration 1: the data model.
--
-- Every record has a random UUID key (id) so that copies of a database made
-- on different machines never give two records the same key; items and
-- documents also have a short number (no) that a clerk types, local to this
-- file. Dates are ISO 8601 text (YYYY-MM-DD), times UTC (YYYY-MM-DDTHH:MM:SSZ).
-- Columns ending in _key hold Vietnamese sort keys that hoso computes
-- (compare them as BLOBs: ORDER BY title_key gives Vietnamese order); no
-- custom function, collation or tokenizer is needed to read this file.
-- "Overdue" is never stored: an item whose status is not closed and whose
-- due date is before today is overdue.

PRAGMA application_id = 1752134511;  -- 0x686F736F, "hoso"

CREATE TABLE kind (
	id       INTEGER PRIMARY KEY,   -- also the order kinds sort in
	code     TEXT NOT NULL UNIQUE,
	name_vi  TEXT NOT NULL,
	name_en  TEXT NOT NULL
);
INSERT INTO kind (id, code, name_vi, name_en) VALUES
	(1, 'task',           'Nhiệm vụ',   'Task'),
	(2, 'scheme',         'Đề án',      'Scheme'),
	(3, 'project',        'Dự án',      'Project'),
	(4, 'pilot',          'Thí điểm',   'Pilot'),
	(5, 'event',          'Sự kiện',    'Event'),
	(6, 'agreement',      'Thỏa thuận', 'Agreement'),
	(7, 'recommendation', 'Kiến nghị',  'Recommendation');

CREATE TABLE status (
	id       INTEGER PRIMARY KEY,   -- also the order statuses sort in
	code     TEXT NOT NULL UNIQUE,
	name_vi  TEXT NOT NULL,
	name_en  TEXT NOT NULL,
	closed   INTEGER NOT NULL CHECK (closed IN (0, 1))  -- a closed item is never overdue
);
INSERT INTO status (id, code, name_vi, name_en, closed) VALUES
	(1, 'planned',     'Chưa triển khai', 'Planned',     0),
	(2, 'in_progress', 'Đang triển khai', 'In progress', 0),
	(3, 'suspended',   'Tạm dừng',        'Suspended',   0),
	(4, 'done',        'Hoàn thành',      'Done',        1),
	(5, 'cancelled',   'Hủy',             'Cancelled',   1);

CREATE TABLE doc_type (
	id       INTEGER PRIMARY KEY,
	code     TEXT NOT NULL UNIQUE,
	name_vi  TEXT NOT NULL,
	name_en  TEXT NOT NULL
);
INSERT INTO doc_type (id, code, name_vi, name_en) VALUES
	(1, 'decision',        'Quyết định',                 'Decision'),
	(2, 'resolution',      'Nghị quyết',                 'Resolution'),
	(3, 'conclusion',      'Kết luận',                   'Conclusion'),
	(4, 'plan',            'Kế hoạch',                   'Plan'),
	(5, 'action_programme','Chương trình hành động',     'Action programme'),
	(6, 'legal_normative', 'Văn bản quy phạm pháp luật', 'Legal normative document'),
	(7, 'directive',       'Chỉ thị',                    'Directive'),
	(8, 'notice',          'Thông báo',                  'Notice'),
	(9, 'other',           'Văn bản khác',               'Other document');

CREATE TABLE doc_state (
	id       INTEGER PRIMARY KEY,
	code     TEXT NOT NULL UNIQUE,
	name_vi  TEXT NOT NULL,
	name_en  TEXT NOT NULL
);
INSERT INTO doc_state (id, code, name_vi, name_en) VALUES
	(1, 'draft',    'Dự thảo',        'Draft'),
	(2, 'issued',   'Đã ban hành',    'Issued'),
	(3, 'amended',  'Đã sửa đổi',     'Amended'),
	(4, 'replaced', 'Đã bị thay thế', 'Replaced'),
	(5, 'annulled', 'Đã bãi bỏ',      'Annulled');

CREATE TABLE doc_relation (
	id       INTEGER PRIMARY KEY,
	code     TEXT NOT NULL UNIQUE,
	name_vi  TEXT NOT NULL,   -- read as "<from> <name> <to>"
	name_en  TEXT NOT NULL
);
INSERT INTO doc_relation (id, code, name_vi, name_en) VALUES
	(1, 'implements', 'thực hiện', 'implements'),
	(2, 'amends',     'sửa đổi',   'amends'),
	(3, 'replaces',   'thay thế',  'replaces'),
	(4, 'reviews',    'tổng kết',  'reviews');

-- Organisations: lead units, partner units, issuing bodies, parties.
CREATE TABLE unit (
	id          TEXT PRIMARY KEY,
	short_name  TEXT,
	name        TEXT NOT NULL CHECK (name <> ''),
	parent_id   TEXT REFERENCES unit(id),
	notes       TEXT,
	source      TEXT,             -- where the record's facts come from
	archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version     INTEGER NOT NULL DEFAULT 1,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	name_key    BLOB NOT NULL DEFAULT x''
);
CREATE INDEX unit_name ON unit(name_key);

CREATE TABLE locality (
	id          TEXT PRIMARY KEY,
	name        TEXT NOT NULL CHECK (name <> ''),
	level       TEXT,             -- as a clerk says it: thành phố, quận, xã, quốc gia …
	parent_id   TEXT REFERENCES locality(id),
	notes       TEXT,
	source      TEXT,
	archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version     INTEGER NOT NULL DEFAULT 1,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	name_key    BLOB NOT NULL DEFAULT x''
);
CREATE INDEX locality_name ON locality(name_key);

CREATE TABLE programme (
	id          TEXT PRIMARY KEY,
	code        TEXT,
	title       TEXT NOT NULL CHECK (title <> ''),
	start_year  INTEGER,
	end_year    INTEGER,
	notes       TEXT,
	source      TEXT,
	version     INTEGER NOT NULL DEFAULT 1,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);

CREATE TABLE programme_party (
	programme_id TEXT NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
	unit_id      TEXT NOT NULL REFERENCES unit(id),
	PRIMARY KEY (programme_id, unit_id)
);

-- Tasks, schemes, projects, pilots, events, agreements, recommendations;
-- nested to any depth through parent_id (NULL: directly under the programme).
CREATE TABLE item (
	id            TEXT PRIMARY KEY,
	no            INTEGER NOT NULL UNIQUE CHECK (no > 0),
	programme_id  TEXT NOT NULL REFERENCES programme(id),
	parent_id     TEXT REFERENCES item(id),
	kind          INTEGER NOT NULL REFERENCES kind(id),
	code          TEXT,
	title         TEXT NOT NULL CHECK (title <> ''),
	lead_unit_id  TEXT REFERENCES unit(id),
	status        INTEGER NOT NULL REFERENCES status(id),
	progress      INTEGER CHECK (progress BETWEEN 0 AND 100),  -- NULL: not known
	start_date    TEXT CHECK (start_date IS NULL OR date(start_date, '+0 days') IS start_date),
	due_date      TEXT CHECK (due_date IS NULL OR date(due_date, '+0 days') IS due_date),
	done_date     TEXT CHECK (done_date IS NULL OR date(done_date, '+0 days') IS done_date),
	year          INTEGER CHECK (year IS NULL OR year BETWEEN 1900 AND 2200),
	notes         TEXT,
	source        TEXT,
	archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version       INTEGER NOT NULL DEFAULT 1,       -- bumped by every change
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL,
	code_key      BLOB NOT NULL DEFAULT x'',
	title_key     BLOB NOT NULL DEFAULT x'',
	lead_key      BLOB NOT NULL DEFAULT x'',        -- the lead unit's name_key
	CHECK (due_date IS NULL OR start_date IS NULL OR due_date >= start_date),
	CHECK (parent_id IS NULL OR parent_id <> id)
);
-- The tree, in each sort order (children of one parent, then the order).
CREATE INDEX item_tree_no       ON item(parent_id, no);
CREATE INDEX item_tree_code     ON item(parent_id, code_key, no);
CREATE INDEX item_tree_title    ON item(parent_id, title_key, no);
CREATE INDEX item_tree_kind     ON item(parent_id, kind, no);
CREATE INDEX item_tree_lead     ON item(parent_id, lead_key, no);
CREATE INDEX item_tree_due      ON item(parent_id, due_date, no);
CREATE INDEX item_tree_status   ON item(parent_id, status, no);
CREATE INDEX item_tree_progress ON item(parent_id, progress, no);
-- The flat list, in each sort order; the leading column also serves filters.
CREATE INDEX item_code     ON item(code_key, no);
CREATE INDEX item_title    ON item(title_key, no);
CREATE INDEX item_kind     ON item(kind, no);
CREATE INDEX item_lead     ON item(lead_key, no);
CREATE INDEX item_due      ON item(due_date, no);
CREATE INDEX item_status   ON item(status, no);
CREATE INDEX item_progress ON item(progress, no);
CREATE INDEX item_year     ON item(year, no);
CREATE INDEX item_lead_unit ON item(lead_unit_id);

CREATE TABLE item_partner (
	item_id  TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,
	unit_id  TEXT NOT NULL REFERENCES unit(id),
	role     TEXT,                 -- as the source says it, when it does
	PRIMARY KEY (item_id, unit_id)
);
CREATE INDEX item_partner_unit ON item_partner(unit_id);

CREATE TABLE item_locality (
	item_id      TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,
	locality_id  TEXT NOT NULL REFERENCES locality(id),
	PRIMARY KEY (item_id, locality_id)
);
CREATE INDEX item_locality_locality ON item_locality(locality_id, item_id);

-- Targets: the text as given, with numbers where the source gives them
-- ("1.000–1.200 kỹ sư": min 1000, max 1200, measure "kỹ sư").
CREATE TABLE target (
	id           TEXT PRIMARY KEY,
	item_id      TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,
	position     INTEGER NOT NULL DEFAULT 0,
	description  TEXT NOT NULL CHECK (description <> ''),
	measure      TEXT,
	min_value    REAL,
	max_value    REAL,
	actual       REAL,
	notes        TEXT,
	version      INTEGER NOT NULL DEFAULT 1,
	CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
);
CREATE INDEX target_item ON target(item_id, position);

CREATE TABLE comment (
	id       TEXT PRIMARY KEY,
	item_id  TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,
	at       TEXT NOT NULL,
	login    TEXT NOT NULL,
	body     TEXT NOT NULL CHECK (body <> '')
);
CREATE INDEX comment_item ON comment(item_id, at);

-- Legal documents (văn bản) as clerks register them.
CREATE TABLE document (
	id           TEXT PRIMARY KEY,
	no           INTEGER NOT NULL UNIQUE CHECK (no > 0),
	number       TEXT,             -- số, ký hiệu as written ("36-NQ/TW"); NULL: not known
	type         INTEGER NOT NULL REFERENCES doc_type(id),
	issuer_id    TEXT REFERENCES unit(id),
	signed_date  TEXT CHECK (signed_date IS NULL OR date(signed_date, '+0 days') IS signed_date),
	subject      TEXT NOT NULL CHECK (subject <> ''),
	state        INTEGER NOT NULL DEFAULT 2 REFERENCES doc_state(id),
	notes        TEXT,
	source       TEXT,
	archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version      INTEGER NOT NULL DEFAULT 1,
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	subject_key  BLOB NOT NULL DEFAULT x''
);
CREATE INDEX document_date ON document(signed_date, no);

CREATE TABLE document_link (
	from_id   TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
	to_id     TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
	relation  INTEGER NOT NULL REFERENCES doc_relation(id),
	PRIMARY KEY (from_id, to_id, relation),
	CHECK (from_id <> to_id)
);
CREATE INDEX document_link_to ON document_link(to_id);

CREATE TABLE item_document (
	item_id      TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,
	document_id  TEXT NOT NULL REFERENCES document(id),
	PRIMARY KEY (item_id, document_id)
);
CREATE INDEX item_document_document ON item_document(document_id, item_id);

-- Every change: who (login name), when, which field, old and new value;
-- written in the same transaction as the change.
CREATE TABLE history (
	id         TEXT PRIMARY KEY,
	at         TEXT NOT NULL,
	login      TEXT NOT NULL,
	entity     TEXT NOT NULL CHECK (entity IN ('programme', 'item', 'document', 'unit', 'locality')),
	entity_id  TEXT NOT NULL,
	field      TEXT NOT NULL,
	old_value  TEXT,
	new_value  TEXT
);
CREATE INDEX history_entity ON history(entity_id, at);
