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
