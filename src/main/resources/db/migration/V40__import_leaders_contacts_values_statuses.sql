-- Leaders, contact points, indicator values and status changes come in through the same staged flow as
-- organisations: a batch says which of them its file holds.
ALTER TABLE import_batch ADD COLUMN entity text NOT NULL DEFAULT 'organisations'
    CHECK (entity IN ('organisations', 'leaders', 'contact-points', 'indicator-values', 'status-changes'));

-- The staged rows of those four kinds of file, one table for all: each kind fills its own columns. The
-- live rows a staged row refers to (a leader, an organisation) are looked up once, after staging, so the
-- checks, the preview and the apply all join on ids.
CREATE TABLE import_record (
    batch_id        uuid NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    row_no          int NOT NULL,
    sheet           text,
    -- The row's district (the leader's, the organisation's, the value's); null for a city leader.
    district_code   char(6),
    -- leaders: the live leader this row updates; contact points: the leader it names.
    leader_id       bigint,
    -- contact points and status changes: the live organisation of org_code.
    organisation_id bigint,
    name_zh         text,
    level           text,
    title_zh        text,
    phone           text,
    org_code        char(12),
    indicator_code  text,
    period          char(6),
    value           numeric,
    status          text,
    -- contact points: established on; status changes: valid from.
    on_date         date,
    PRIMARY KEY (batch_id, row_no)
);

-- A version records which kind of file made it. Versions from now on keep every table an import can
-- change (complete), so a restore brings leaders, contact points, values and status histories back too;
-- older versions hold the organisations only.
ALTER TABLE dataset_version ADD COLUMN entity text NOT NULL DEFAULT 'organisations';
ALTER TABLE dataset_version ADD COLUMN complete boolean NOT NULL DEFAULT false;

CREATE TABLE dataset_version_leader (
    version       int NOT NULL REFERENCES dataset_version (n) ON DELETE CASCADE,
    id            bigint NOT NULL,
    name_zh       text NOT NULL,
    level         text NOT NULL,
    title_zh      text NOT NULL,
    district_code char(6),
    phone         text NOT NULL,
    synthetic     boolean NOT NULL,
    PRIMARY KEY (version, id)
);

-- Organisations with a 12-digit code are found again by it (a restore may renumber them); enterprises
-- and social organisations, which have none, by their id.
CREATE TABLE dataset_version_contact_point (
    version           int NOT NULL REFERENCES dataset_version (n) ON DELETE CASCADE,
    leader_id         bigint NOT NULL,
    organisation_id   bigint NOT NULL,
    organisation_code char(12),
    established_on    date NOT NULL,
    PRIMARY KEY (version, leader_id, organisation_id)
);

CREATE TABLE dataset_version_indicator_value (
    version        int NOT NULL REFERENCES dataset_version (n) ON DELETE CASCADE,
    indicator_code text NOT NULL,
    district_code  char(6) NOT NULL,
    period         char(6) NOT NULL,
    value          numeric NOT NULL,
    PRIMARY KEY (version, indicator_code, period, district_code)
);

CREATE TABLE dataset_version_status (
    version           int NOT NULL REFERENCES dataset_version (n) ON DELETE CASCADE,
    organisation_code char(12) NOT NULL,
    valid_from        date NOT NULL,
    status            text NOT NULL,
    PRIMARY KEY (version, organisation_code, valid_from)
);
