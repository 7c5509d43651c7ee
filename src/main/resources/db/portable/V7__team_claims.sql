-- A team labeling one dataset at once (in SQL both H2 and PostgreSQL take). A claim says that an annotator
-- was served a review and is working on it, until expires_at; nobody else is served it meanwhile, except
-- the overlap share, which two annotators label independently so that their agreement can be measured.
CREATE TABLE review_claim (
    dataset_id BIGINT       NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    review_id  BIGINT       NOT NULL REFERENCES review (id) ON DELETE CASCADE,
    annotator  VARCHAR(255) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (review_id, annotator)
);
CREATE INDEX review_claim_dataset ON review_claim (dataset_id, expires_at);

-- How a dataset's team shares the work: the share of reviews two annotators label, and how long a claim
-- holds. A dataset without a row has the defaults (10%, 10 minutes).
CREATE TABLE team_setting (
    dataset_id    BIGINT NOT NULL PRIMARY KEY REFERENCES dataset (id) ON DELETE CASCADE,
    overlap_share DOUBLE PRECISION NOT NULL CHECK (overlap_share >= 0 AND overlap_share <= 1),
    lease_seconds INT NOT NULL CHECK (lease_seconds > 0)
);
