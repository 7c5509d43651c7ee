-- Who gave a label: a person (HUMAN, with the annotator's name) or the simulated oracle (ORACLE,
-- the file's own label answering in a simulation or in the window's demo mode). Labels given before
-- this migration count as HUMAN: the old schema could not tell them apart.
ALTER TABLE label_event ADD COLUMN source VARCHAR(16) DEFAULT 'HUMAN' NOT NULL;
ALTER TABLE label_event ADD CONSTRAINT label_source CHECK (source IN ('HUMAN', 'ORACLE'));

-- Why a dataset is here: imported to be labeled (IMPORT), or read by simulate, train or evaluate
-- (EXPERIMENT), which the window does not list. An experiment's file imported later becomes IMPORT.
ALTER TABLE dataset ADD COLUMN origin VARCHAR(16) DEFAULT 'IMPORT' NOT NULL;
ALTER TABLE dataset ADD CONSTRAINT dataset_origin CHECK (origin IN ('IMPORT', 'EXPERIMENT'));

-- The tracking server a record was made for (its address without credentials); NULL for records
-- made before this migration, which go to whichever server is used next.
ALTER TABLE tracking_outbox ADD COLUMN target VARCHAR(1024);
