-- A label can be removed (the REMOVE event), as H2's LabelRemovalMigration.
ALTER TABLE label_event DROP CONSTRAINT label_event_two_actions;
ALTER TABLE label_event ADD CONSTRAINT label_event_action CHECK (action IN ('LABEL', 'SKIP', 'REMOVE'));
