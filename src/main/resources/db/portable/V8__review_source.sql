-- A reviewer's label that settles a disagreement between annotators (source REVIEW).
ALTER TABLE label_event DROP CONSTRAINT label_source;
ALTER TABLE label_event ADD CONSTRAINT label_source CHECK (source IN ('HUMAN', 'ORACLE', 'REVIEW'));
