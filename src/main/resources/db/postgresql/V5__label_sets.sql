-- Label sets are data (H2's LabelSetsMigration, in SQL: the constraints have names here).
ALTER TABLE review DROP CONSTRAINT review_gold_binary;
ALTER TABLE label_event DROP CONSTRAINT label_event_binary;
ALTER TABLE review ADD CONSTRAINT review_gold_class CHECK (gold >= 0 AND gold < 50);
ALTER TABLE label_event ADD CONSTRAINT label_event_class CHECK (label >= 0 AND label < 50);
CREATE TABLE label_class (
    dataset_id BIGINT NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    ordinal    SMALLINT NOT NULL,
    name       VARCHAR(255) NOT NULL,
    PRIMARY KEY (dataset_id, ordinal)
);
ALTER TABLE review ADD COLUMN source_id VARCHAR(1024);
ALTER TABLE queue_entry ADD COLUMN top_class SMALLINT DEFAULT 0 NOT NULL;
ALTER TABLE queue_entry RENAME COLUMN positive_probability TO top_probability;
