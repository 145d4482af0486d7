-- hoso schema, migration 2: search without regard to diacritics or case.
--
-- item.search holds the folded text of an item (code, title, notes, lead and
-- partner units, linked document numbers): lower case, no diacritics, đ as
-- d. hoso fills it; item_fts indexes it with SQLite's own unicode61
-- tokenizer, so the stock sqlite3 shell can search it too:
--   SELECT no, title FROM item WHERE no IN
--     (SELECT rowid FROM item_fts WHERE item_fts MATCH 'thach* cao*');

ALTER TABLE item ADD COLUMN search TEXT NOT NULL DEFAULT '';
ALTER TABLE document ADD COLUMN search TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE item_fts USING fts5(
	search,
	content = 'item',
	content_rowid = 'no',
	tokenize = 'unicode61 remove_diacritics 0',
	prefix = '1 2 3 4 5 6'
);

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
