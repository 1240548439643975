-- One counter for the whole dataset, bumped (and announced with NOTIFY data_version) in the same
-- transaction as every data change, so caches and previews can tell whether the data moved under them.
CREATE TABLE data_version (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version   bigint NOT NULL CHECK (version >= 0)
);
INSERT INTO data_version (singleton, version) VALUES (true, 0);

-- An editor's file, read and checked but not applied: the preview is computed from it, the live tables
-- are not touched until apply. Issues (errors and warnings) are kept as message keys with their
-- arguments, so they can be shown in the reader's language.
CREATE TABLE import_batch (
    id             uuid PRIMARY KEY,
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL,
    file_name      text NOT NULL,
    mode           text NOT NULL CHECK (mode IN ('upsert', 'replace')),
    district_scope char(6),
    crs            text NOT NULL,
    -- The live data version the preview was computed against: apply refuses if the data moved since.
    data_version   bigint NOT NULL,
    state          text NOT NULL CHECK (state IN ('staged', 'applied', 'cancelled')),
    row_count      int NOT NULL CHECK (row_count >= 0),
    issues         jsonb NOT NULL DEFAULT '[]'
);

-- The staged organisation rows. A null field keeps the live value (upsert); kind and district follow
-- from the 12-digit code.
CREATE TABLE import_row (
    batch_id       uuid NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    row_no         int NOT NULL,
    sheet          text,
    code           char(12) NOT NULL,
    kind           text NOT NULL,
    district_code  char(6) NOT NULL,
    name_zh        text,
    township_zh    text,
    fortress_index numeric(4, 1),
    status         text,
    status_since   date,
    geom           geometry(Point, 4326),
    PRIMARY KEY (batch_id, row_no)
);
CREATE INDEX import_row_code_idx ON import_row (batch_id, code);

-- Every apply (and restore) is a dataset version: who, when, which file, what it did, and the whole set
-- of coded organisations (villages and grid branches) as they stood after it. Before the first apply
-- (and whenever the live data has moved since the last version) the live state is kept as a version of
-- its own, so nothing an import replaces is ever lost.
CREATE TABLE dataset_version (
    n             int PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('baseline', 'import', 'restore')),
    applied_by    text NOT NULL,
    applied_at    timestamptz NOT NULL,
    file_name     text NOT NULL,
    added         int NOT NULL DEFAULT 0,
    changed       int NOT NULL DEFAULT 0,
    removed       int NOT NULL DEFAULT 0,
    organisations int NOT NULL
);

CREATE TABLE dataset_version_organisation (
    version            int NOT NULL REFERENCES dataset_version (n) ON DELETE CASCADE,
    id                 bigint NOT NULL,
    code               char(12) NOT NULL,
    kind               text NOT NULL,
    name_zh            text NOT NULL,
    township_zh        text,
    district_code      char(6) NOT NULL,
    fortress_index     numeric(4, 1) NOT NULL,
    status             text NOT NULL,
    status_since       date NOT NULL,
    geom               geometry(Point, 4326) NOT NULL,
    fortress_life      numeric(4, 1),
    fortress_secretary numeric(4, 1),
    fortress_members   numeric(4, 1),
    fortress_venue     numeric(4, 1),
    fortress_funding   numeric(4, 1),
    fortress_problems  numeric(4, 1),
    PRIMARY KEY (version, code)
);
