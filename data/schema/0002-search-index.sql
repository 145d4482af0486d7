-- hoso schema, migration 2 (continued): the full-text index over item.search,
-- built once hoso has filled the column, then kept in step by triggers.

CREATE VIRTUAL TABLE item_fts USING fts5(
	search,
	content = 'item',
	content_rowid = 'no',
	tokenize = 'unicode61 remove_diacritics 0',
	prefix = '1 2 3 4 5 6'
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
