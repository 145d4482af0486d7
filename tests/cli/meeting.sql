-- The seed database as it might stand before a review meeting on
-- 30/06/2024: due dates passed, a pilot's localities under way, and saves
-- recorded in the change log since the start of the year.
UPDATE item SET due_date = '2024-03-31' WHERE no = 30;
UPDATE item SET due_date = '2024-05-15', progress = 40 WHERE no = 34;
UPDATE item SET due_date = '2024-04-30' WHERE no = 39;
UPDATE item SET due_date = '2024-06-15', status = 2, progress = 10 WHERE no = 41;
UPDATE item SET due_date = '2024-12-31' WHERE no = 42;
UPDATE item SET status = 2, progress = 60, due_date = '2024-12-31' WHERE no IN (22, 23);
UPDATE item SET status = 1, progress = 0, due_date = '2024-05-31' WHERE no = 24;
UPDATE item SET status = 1, progress = NULL, due_date = '2024-05-31' WHERE no = 25;
UPDATE item SET status = 2, progress = 75 WHERE no = 13;
-- Item 34's progress went from 20 % to 40 % on 10/06/2024.
INSERT INTO change (id, at, login, entity, entity_id, what)
	VALUES (x'00000000000040008000000000000001', 1718010000000, 'nva', 'item', (SELECT id FROM item WHERE no = 34), 'edit');
INSERT INTO history (change_id, field, old_value, new_value)
	VALUES (x'00000000000040008000000000000001', 'progress', '20', '40');
-- Item 30 started on 10/05/2024 (planned, then in progress).
INSERT INTO change (id, at, login, entity, entity_id, what)
	VALUES (x'00000000000040008000000000000002', 1715331600000, 'nva', 'item', (SELECT id FROM item WHERE no = 30), 'edit');
INSERT INTO history (change_id, field, old_value, new_value)
	VALUES (x'00000000000040008000000000000002', 'status', '1', '2');
-- Item 41 was added on 20/06/2024, its due date brought forward on 21/06/2024.
INSERT INTO change (id, at, login, entity, entity_id, what)
	VALUES (x'00000000000040008000000000000003', 1718874000000, 'nva', 'item', (SELECT id FROM item WHERE no = 41), 'add');
INSERT INTO change (id, at, login, entity, entity_id, what)
	VALUES (x'00000000000040008000000000000004', 1718960400000, 'nva', 'item', (SELECT id FROM item WHERE no = 41), 'edit');
INSERT INTO history (change_id, field, old_value, new_value)
	VALUES (x'00000000000040008000000000000004', 'due_date', '2024-09-30', '2024-06-15');
-- A locality of the pilot reached 60 % on 15/03/2024.
INSERT INTO change (id, at, login, entity, entity_id, what)
	VALUES (x'00000000000040008000000000000005', 1710493200000, 'nva', 'item', (SELECT id FROM item WHERE no = 22), 'edit');
INSERT INTO history (change_id, field, old_value, new_value)
	VALUES (x'00000000000040008000000000000005', 'progress', '30', '60');
-- Item 38 started on 12/06/2024.
INSERT INTO change (id, at, login, entity, entity_id, what)
	VALUES (x'00000000000040008000000000000006', 1718182800000, 'nva', 'item', (SELECT id FROM item WHERE no = 38), 'edit');
INSERT INTO history (change_id, field, old_value, new_value)
	VALUES (x'00000000000040008000000000000006', 'status', '1', '2');
