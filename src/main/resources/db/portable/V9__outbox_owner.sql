-- Whose tracking records these are: the client that made them, whose machine holds the files they point to.
-- On a team's database every client sends only its own; in a data folder (one process) it is ''.
ALTER TABLE tracking_outbox ADD COLUMN owner VARCHAR(512) DEFAULT '' NOT NULL;
