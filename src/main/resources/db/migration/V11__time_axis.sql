-- One time axis. The status history (organisation_status) is the source of truth: "the status at the end
-- of 2017Q1" is read from it, and every indicator that the organisation tables can answer is computed
-- from them here, never stored by a generator or an import.

-- The status of every organisation at the end of every period, with the day it started. An incrementally
-- refreshed materialised view of organisation_status: the triggers below recompute the rows of exactly
-- the organisations whose history changed, in the same transaction, so a status change is visible at once
-- and a tile or a count reads it with an index or a hash join instead of searching the history per point.
CREATE TABLE organisation_period_status (
    period          char(6) NOT NULL REFERENCES period (code),
    organisation_id bigint NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    status          text NOT NULL CHECK (status IN ('normal', 'weak', 'rectifying', 'rectified')),
    status_since    date NOT NULL,
    -- Ever rectified by the period's end (the article counts organisations rectified during the year).
    ever_rectified  boolean NOT NULL,
    PRIMARY KEY (period, organisation_id)
);
CREATE INDEX organisation_period_status_organisation_idx ON organisation_period_status (organisation_id);

-- The same statuses on the organisation's own row, {"2017Q1": "weak", "2017Q2": "rectifying", ...}: a tile
-- that counts a hundred thousand points at low zoom reads them without joining another table (a join made
-- such tiles about seven times slower at 100 times the demo data). Written only by the function below.
ALTER TABLE organisation ADD COLUMN status_at jsonb NOT NULL DEFAULT '{}';

-- What the organisation tables say per district and period, for the computed indicators below: kept by
-- triggers like the statuses, for the districts a change touches, because counting them for every request
-- took seconds at 100 times the demo data (a dashboard page asks for several periods and indicators).
CREATE TABLE organisation_indicator_count (
    district_code  char(6) NOT NULL REFERENCES district (code) ON DELETE CASCADE,
    period         char(6) NOT NULL REFERENCES period (code),
    villages       bigint NOT NULL,
    grid_branches  bigint NOT NULL,
    contact_points bigint NOT NULL,
    weak_open      bigint NOT NULL,
    weak_rectified bigint NOT NULL,
    PRIMARY KEY (district_code, period)
);

-- The status history may have moved: recompute the statuses' counts (below) after the period rows.
CREATE FUNCTION refresh_organisation_indicator_count(district_codes char(6)[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM organisation_indicator_count WHERE district_code = ANY (district_codes);
    INSERT INTO organisation_indicator_count (district_code, period, villages, grid_branches, contact_points,
                                              weak_open, weak_rectified)
    SELECT d.code, p.code, coalesce(k.villages, 0), coalesce(k.grid_branches, 0), coalesce(c.contact_points, 0),
           coalesce(w.weak_open, 0), coalesce(w.weak_rectified, 0)
    FROM district d
    CROSS JOIN period p
    LEFT JOIN (SELECT district_code, count(*) FILTER (WHERE kind = 'village') AS villages,
                      count(*) FILTER (WHERE kind = 'grid_branch') AS grid_branches
               FROM organisation WHERE district_code = ANY (district_codes) GROUP BY district_code) k
           ON k.district_code = d.code
    LEFT JOIN (SELECT o.district_code, q.code AS period, count(*) AS contact_points
               FROM contact_point cp JOIN organisation o ON o.id = cp.organisation_id
               JOIN period q ON cp.established_on <= q.ends_on
               WHERE o.district_code = ANY (district_codes) GROUP BY o.district_code, q.code) c
           ON c.district_code = d.code AND c.period = p.code
    LEFT JOIN (SELECT o.district_code, s.period,
                      count(*) FILTER (WHERE s.status IN ('weak', 'rectifying')) AS weak_open,
                      count(*) FILTER (WHERE s.ever_rectified) AS weak_rectified
               FROM organisation_period_status s JOIN organisation o ON o.id = s.organisation_id
               WHERE o.district_code = ANY (district_codes) GROUP BY o.district_code, s.period) w
           ON w.district_code = d.code AND w.period = p.code
    WHERE d.code = ANY (district_codes);
$$;

-- Organisations and contact points added or removed: recount their districts.
CREATE FUNCTION organisations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM refresh_organisation_indicator_count(ARRAY(SELECT DISTINCT district_code FROM old_rows));
    ELSE
        PERFORM refresh_organisation_indicator_count(ARRAY(SELECT DISTINCT district_code FROM new_rows));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER organisations_inserted AFTER INSERT ON organisation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organisations_changed();
CREATE TRIGGER organisations_deleted AFTER DELETE ON organisation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION organisations_changed();
CREATE FUNCTION contact_points_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_organisation_indicator_count(ARRAY(SELECT code FROM district));
    RETURN NULL;
END $$;
CREATE TRIGGER contact_points_changed AFTER INSERT OR UPDATE OR DELETE ON contact_point
    FOR EACH STATEMENT EXECUTE FUNCTION contact_points_changed();

-- Recomputes the period rows of the given organisations from their history. An organisation with no
-- history row before a period's end has no row for that period (it was not recorded yet).
CREATE FUNCTION refresh_organisation_period_status(organisation_ids bigint[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM organisation_period_status WHERE organisation_id = ANY (organisation_ids);
    INSERT INTO organisation_period_status (period, organisation_id, status, status_since, ever_rectified)
    SELECT p.code, o.id, s.status, s.valid_from,
           EXISTS (SELECT 1 FROM organisation_status r
                   WHERE r.organisation_id = o.id AND r.status = 'rectified' AND r.valid_from <= p.ends_on)
    FROM period p
    CROSS JOIN organisation o
    CROSS JOIN LATERAL (SELECT h.status, h.valid_from FROM organisation_status h
                        WHERE h.organisation_id = o.id AND h.valid_from <= p.ends_on
                        ORDER BY h.valid_from DESC LIMIT 1) s
    WHERE o.id = ANY (organisation_ids);
    UPDATE organisation o SET status_at = coalesce(s.status_at, '{}')
    FROM (SELECT i.id, (SELECT jsonb_object_agg(ps.period, ps.status) FROM organisation_period_status ps
                        WHERE ps.organisation_id = i.id) AS status_at
          FROM unnest(organisation_ids) AS i (id)) s
    WHERE o.id = s.id AND o.status_at IS DISTINCT FROM coalesce(s.status_at, '{}');
    SELECT refresh_organisation_indicator_count(ARRAY(
        SELECT DISTINCT district_code FROM organisation WHERE id = ANY (organisation_ids)));
$$;

-- Statement-level triggers with transition tables, so a bulk COPY of the history refreshes once.
CREATE FUNCTION organisation_status_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_organisation_period_status(ARRAY(SELECT DISTINCT organisation_id FROM new_rows));
    RETURN NULL;
END $$;
CREATE FUNCTION organisation_status_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_organisation_period_status(ARRAY(SELECT DISTINCT organisation_id FROM old_rows));
    RETURN NULL;
END $$;
CREATE FUNCTION organisation_status_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_organisation_period_status(ARRAY(
        SELECT organisation_id FROM old_rows UNION SELECT organisation_id FROM new_rows));
    RETURN NULL;
END $$;
CREATE TRIGGER organisation_status_inserted AFTER INSERT ON organisation_status
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organisation_status_inserted();
CREATE TRIGGER organisation_status_deleted AFTER DELETE ON organisation_status
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION organisation_status_deleted();
CREATE TRIGGER organisation_status_updated AFTER UPDATE ON organisation_status
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION organisation_status_updated();

SELECT refresh_organisation_period_status(ARRAY(SELECT id FROM organisation));
SELECT refresh_organisation_indicator_count(ARRAY(SELECT code FROM district));

-- The indicators computed from the organisation tables, with the rule in words (cards and exports show
-- it). Ratio indicators (indicator.aggregation = 'ratio') are computed too, from their numerator and
-- denominator. Every other indicator (lectures, funding...) has no organisation-level data: its values are
-- stored in indicator_value.
CREATE TABLE computed_indicator (
    code    text PRIMARY KEY,
    rule_zh text NOT NULL,
    rule_en text NOT NULL
);
INSERT INTO computed_indicator (code, rule_zh, rule_en) VALUES
('villages', '行政村党组织数（组织表）', 'Village organisations in the organisation table'),
('grid_branches', '社区网格党组织数（组织表）', 'Community grid organisations in the organisation table'),
('contact_points', '季末前建立的联系点数', 'Contact points established by the quarter''s end'),
('weak_rectified', '季末前曾整顿完成的党组织数（状态历史）', 'Organisations rectified by the quarter''s end (status history)'),
('weak_open', '季末处于软弱涣散或整顿中的党组织数（状态历史）', 'Organisations weak or rectifying at the quarter''s end (status history)');

-- The computed indicators for every district and period, from the kept counts.
CREATE VIEW organisation_indicator_value AS
SELECT c.code AS indicator_code, n.district_code, n.period,
       CAST(CASE c.code WHEN 'villages' THEN n.villages WHEN 'grid_branches' THEN n.grid_branches
                        WHEN 'contact_points' THEN n.contact_points WHEN 'weak_open' THEN n.weak_open
                        WHEN 'weak_rectified' THEN n.weak_rectified END AS numeric) AS value
FROM computed_indicator c
JOIN indicator i ON i.code = c.code
CROSS JOIN organisation_indicator_count n;

-- Stored and computed values of every indicator that is not a ratio.
CREATE VIEW district_input_value AS
SELECT v.indicator_code, v.district_code, v.period, v.value
FROM indicator_value v JOIN indicator i ON i.code = v.indicator_code
WHERE i.aggregation <> 'ratio' AND NOT EXISTS (SELECT 1 FROM computed_indicator c WHERE c.code = v.indicator_code)
UNION ALL
SELECT indicator_code, district_code, period, value FROM organisation_indicator_value;

-- Every district value of every indicator and period: stored values, values computed from the
-- organisations, and ratios of those. Readers use this view, never indicator_value directly.
CREATE VIEW district_indicator_value AS
SELECT indicator_code, district_code, period, value FROM district_input_value
UNION ALL
SELECT i.code, n.district_code, n.period, coalesce(round(i.factor * n.value / nullif(d.value, 0), i.decimals), 0)
FROM indicator i
JOIN district_input_value n ON n.indicator_code = i.numerator
JOIN district_input_value d ON d.indicator_code = i.denominator AND d.district_code = n.district_code
                           AND d.period = n.period
WHERE i.aggregation = 'ratio';
