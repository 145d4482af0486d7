-- hoso schema, migration 3 (continued): the indexes, the full-text index and
-- the triggers, made once the data is in.
--
-- One index per way of reading the items: the tree (children of a parent in
-- number order), each filter (status, kind, year, lead unit, locality) and
-- each sort (title, code, due date, progress; number is the rowid). A filter
-- or a tree level in another order reads either its own index and sorts the
-- few rows it finds, or walks the sort's index and tests each row, whichever
-- reads less (hoso decides by counting up to a bound). The tree's index holds
-- archived too, so that whether an item has sub-items in the lists, and how
-- many, is read from the index alone.
CREATE INDEX item_parent   ON item(parent_id, archived);
CREATE INDEX item_status   ON item(status);
CREATE INDEX item_kind     ON item(kind);
CREATE INDEX item_year     ON item(year);
CREATE INDEX item_lead     ON item(lead_unit_id);
CREATE INDEX item_due      ON item(due_date);
CREATE INDEX item_progress ON item(progress);
CREATE INDEX item_title    ON item(title_key);
CREATE INDEX item_code     ON item(code_key) WHERE code_key IS NOT NULL;
CREATE INDEX item_partner_unit ON item_partner(unit_id);
CREATE INDEX item_locality_locality ON item_locality(locality_id);
CREATE INDEX item_document_document ON item_document(document_id);
CREATE INDEX target_item ON target(item_id, position);
CREATE INDEX comment_item ON comment(item_id, at);
CREATE INDEX unit_name ON unit(name_key);
CREATE INDEX locality_name ON locality(name_key);
CREATE INDEX document_date ON document(signed_date);
CREATE INDEX document_link_to ON document_link(to_id);
-- A clerk's own saves, newest last: what u undoes (not the seed or an import).
CREATE INDEX change_login ON change(login, at) WHERE what NOT IN ('seed', 'import');
-- The clerks' saves in time order: each save is later than every other.
CREATE INDEX change_at ON change(at) WHERE what NOT IN ('seed', 'import');
-- The undo that reverses a change, and the redo that reverses an undo.
CREATE INDEX change_undoes ON change(undoes) WHERE undoes IS NOT NULL;

-- The full-text index over item.search: words only (detail=none: no
-- positions), searched by word prefixes. The stock sqlite3 shell can search
-- it too:
--   SELECT no, title FROM item WHERE no IN
--     (SELECT rowid FROM item_fts WHERE item_fts MATCH 'thach* cao*');
CREATE VIRTUAL TABLE item_fts USING fts5(
	search,
	content = 'item',
	content_rowid = 'no',
	tokenize = 'unicode61 remove_diacritics 0',
	detail = none,
	columnsize = 0
);
INSERT INTO item_fts (item_fts) VALUES ('rebuild');

CREATE TRIGGER item_fts_insert AFTER INSERT ON item BEGIN
	INSERT INTO item_fts (rowid, search) VALUES (new.no, new.search);
END;
CREATE TRIGGER item_fts_delete AFTER DELETE ON item BEGIN
	INSERT INTO item_fts (item_fts, rowid, search) VALUES ('delete', old.no, old.search);
END;
CREATE TRIGGER item_fts_update AFTER UPDATE OF no, search ON item BEGIN
	INSERT INTO item_fts (item_fts, rowid, search) VALUES ('delete', old.no, old.search);
	INSERT INTO item_fts (rowid, search) VALUES (new.no, new.search);
END;

-- The counts, from the items as they are, then kept by triggers.
INSERT INTO tally (dim, key, n, done, progress_sum, progress_n)
	SELECT 'all', '', count(*), count(*) FILTER (WHERE status = 4), ifnull(sum(progress), 0), count(progress)
	FROM item WHERE archived = 0;
INSERT INTO tally (dim, key, n, done, progress_sum, progress_n)
	SELECT 'status', status, count(*), count(*) FILTER (WHERE status = 4), ifnull(sum(progress), 0), count(progress)
	FROM item WHERE archived = 0 GROUP BY status;
INSERT INTO tally (dim, key, n, done, progress_sum, progress_n)
	SELECT 'kind', kind, count(*), count(*) FILTER (WHERE status = 4), ifnull(sum(progress), 0), count(progress)
	FROM item WHERE archived = 0 GROUP BY kind;
INSERT INTO tally (dim, key, n, done, progress_sum, progress_n)
	SELECT 'year', ifnull(year, ''), count(*), count(*) FILTER (WHERE status = 4), ifnull(sum(progress), 0), count(progress)
	FROM item WHERE archived = 0 GROUP BY year;
INSERT INTO tally (dim, key, n, done, progress_sum, progress_n)
	SELECT 'unit', ifnull(lead_unit_id, ''), count(*), count(*) FILTER (WHERE status = 4), ifnull(sum(progress), 0), count(progress)
	FROM item WHERE archived = 0 GROUP BY lead_unit_id;

-- An item counts in five rows of tally; each trigger adds (+1) or takes
-- away (-1) the item's share in them.
CREATE TRIGGER item_tally_insert AFTER INSERT ON item WHEN new.archived = 0 BEGIN
	INSERT INTO tally (dim, key, n, done, progress_sum, progress_n)
	VALUES ('all', '', 1, new.status = 4, ifnull(new.progress, 0), new.progress IS NOT NULL),
	       ('status', new.status, 1, new.status = 4, ifnull(new.progress, 0), new.progress IS NOT NULL),
	       ('kind', new.kind, 1, new.status = 4, ifnull(new.progress, 0), new.progress IS NOT NULL),
	       ('year', ifnull(new.year, ''), 1, new.status = 4, ifnull(new.progress, 0), new.progress IS NOT NULL),
	       ('unit', ifnull(new.lead_unit_id, ''), 1, new.status = 4, ifnull(new.progress, 0), new.progress IS NOT NULL)
	ON CONFLICT (dim, key) DO UPDATE SET n = n + excluded.n, done = done + excluded.done,
		progress_sum = progress_sum + excluded.progress_sum, progress_n = progress_n + excluded.progress_n;
END;
CREATE TRIGGER item_tally_delete AFTER DELETE ON item WHEN old.archived = 0 BEGIN
	INSERT INTO tally (dim, key, n, done, progress_sum, progress_n)
	VALUES ('all', '', -1, -(old.status = 4), -ifnull(old.progress, 0), -(old.progress IS NOT NULL)),
	       ('status', old.status, -1, -(old.status = 4), -ifnull(old.progress, 0), -(old.progress IS NOT NULL)),
	       ('kind', old.kind, -1, -(old.status = 4), -ifnull(old.progress, 0), -(old.progress IS NOT NULL)),
	       ('year', ifnull(old.year, ''), -1, -(old.status = 4), -ifnull(old.progress, 0), -(old.progress IS NOT NULL)),
	       ('unit', ifnull(old.lead_unit_id, ''), -1, -(old.status = 4), -ifnull(old.progress, 0), -(old.progress IS NOT NULL))
	ON CONFLICT (dim, key) DO UPDATE SET n = n + excluded.n, done = done + excluded.done,
		progress_sum = progress_sum + excluded.progress_sum, progress_n = progress_n + excluded.progress_n;
END;
CREATE TRIGGER item_tally_update AFTER UPDATE OF archived, status, kind, year, lead_unit_id, progress ON item
BEGIN
	INSERT INTO tally (dim, key, n, done, progress_sum, progress_n)
	SELECT d, k, -1, -(old.status = 4), -ifnull(old.progress, 0), -(old.progress IS NOT NULL)
	FROM (SELECT 'all' AS d, '' AS k UNION ALL SELECT 'status', old.status UNION ALL SELECT 'kind', old.kind
	      UNION ALL SELECT 'year', ifnull(old.year, '') UNION ALL SELECT 'unit', ifnull(old.lead_unit_id, ''))
	WHERE old.archived = 0
	ON CONFLICT (dim, key) DO UPDATE SET n = n + excluded.n, done = done + excluded.done,
		progress_sum = progress_sum + excluded.progress_sum, progress_n = progress_n + excluded.progress_n;
	INSERT INTO tally (dim, key, n, done, progress_sum, progress_n)
	SELECT d, k, 1, new.status = 4, ifnull(new.progress, 0), new.progress IS NOT NULL
	FROM (SELECT 'all' AS d, '' AS k UNION ALL SELECT 'status', new.status UNION ALL SELECT 'kind', new.kind
	      UNION ALL SELECT 'year', ifnull(new.year, '') UNION ALL SELECT 'unit', ifnull(new.lead_unit_id, ''))
	WHERE new.archived = 0
	ON CONFLICT (dim, key) DO UPDATE SET n = n + excluded.n, done = done + excluded.done,
		progress_sum = progress_sum + excluded.progress_sum, progress_n = progress_n + excluded.progress_n;
END;
