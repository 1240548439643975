-- Township indicators (V56) with the quarter's own mean fortress index and contact distance, not today's.
-- The data keeps neither per quarter: an organisation has one fortress index (today's) and nearest_contact
-- (V8) holds today's nearest organisation with a contact leader. Both are derived here, in SQL, from what
-- does have dates: the status history (organisation_period_status, V11) and contact_point.established_on.
--
-- Fortress index at a quarter's end (organisation_period_fortress below):
--   * the organisation's own index, when the status it was in at the quarter's end is the status it is in
--     now, in the same spell (the quarter's status_since is today's status_since): the index is taken to
--     describe the spell the organisation is in;
--   * otherwise (it has changed status since: rectified after being weak, found weak after being normal),
--     the mean index of the organisations that are in that status today, city-wide: the index typical of
--     the status it had then. If no organisation is in that status today, its own index.
--   The fortress index therefore moves with the status history: a township whose weak villages were
--   rectified during the year has a lower mean in Q1 than in Q4.
--
-- Contact distance at a quarter's end (organisation_period_contact_distance below): the distance from each
-- village and grid branch to the nearest organisation that had a leader's contact point established by the
-- quarter's end. Those organisations are a subset of today's, so when today's nearest (nearest_contact) had
-- its contact point by then, it was the nearest then too and its stored distance is used; only for the
-- others is the nearest searched again among the organisations with a contact point by then (a
-- nearest-neighbour search on the UTM index of V6, as the loader's). In the demo every contact point was
-- established before 2017, so every quarter's distances are today's; data with later contact points pays
-- one search per organisation whose nearest contact came later.

-- The mean fortress index of the organisations in each status today, kept by a trigger (an average over
-- every organisation per request made the township page four times slower at 100 times the demo data).
CREATE TABLE status_typical_fortress (
    status         text PRIMARY KEY,
    fortress_index numeric NOT NULL
);
CREATE FUNCTION refresh_status_typical_fortress() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM status_typical_fortress;
    INSERT INTO status_typical_fortress (status, fortress_index)
    SELECT status, avg(fortress_index) FROM organisation GROUP BY status;
    RETURN NULL;
END $$;
CREATE TRIGGER organisation_refreshes_status_typical_fortress AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON organisation FOR EACH STATEMENT EXECUTE FUNCTION refresh_status_typical_fortress();
INSERT INTO status_typical_fortress (status, fortress_index)
SELECT status, avg(fortress_index) FROM organisation GROUP BY status;

CREATE VIEW organisation_period_fortress AS
SELECT ps.period, o.id AS organisation_id,
       CASE WHEN ps.status = o.status AND ps.status_since = o.status_since THEN o.fortress_index
            ELSE coalesce(t.fortress_index, o.fortress_index) END AS fortress_index
FROM organisation_period_status ps
JOIN organisation o ON o.id = ps.organisation_id
LEFT JOIN status_typical_fortress t ON t.status = ps.status;

CREATE VIEW organisation_period_contact_distance AS
SELECT p.code AS period, n.organisation_id,
       CASE WHEN (SELECT min(c.established_on) FROM contact_point c
                  WHERE c.organisation_id = n.contact_organisation_id) <= p.ends_on THEN n.distance_m
            ELSE (SELECT ST_Distance(CAST(o.geom AS geography), CAST(co.geom AS geography))
                  FROM organisation o, organisation co
                  WHERE o.id = n.organisation_id
                    AND EXISTS (SELECT 1 FROM contact_point c
                                WHERE c.organisation_id = co.id AND c.established_on <= p.ends_on)
                  ORDER BY ST_Transform(co.geom, 32647) <-> ST_Transform(o.geom, 32647)
                  LIMIT 1) END AS distance_m
FROM nearest_contact n
CROSS JOIN period p;

-- As V56, with fortress_index_mean and contact_distance_p90_m of the quarter (above). An organisation
-- counts from the first quarter its status was recorded in, in the township its township_zh names in its
-- own district.
CREATE OR REPLACE VIEW township_indicator AS
SELECT t.code AS township_code, p.code AS period,
       count(o.id) AS organisations,
       count(o.id) FILTER (WHERE o.kind = 'village') AS villages,
       count(o.id) FILTER (WHERE o.kind = 'grid_branch') AS grid_branches,
       count(o.id) FILTER (WHERE o.kind = 'enterprise') AS enterprises,
       count(o.id) FILTER (WHERE o.kind = 'social_org') AS social_orgs,
       count(o.id) FILTER (WHERE o.status_at ->> p.code = 'weak') AS weak,
       count(o.id) FILTER (WHERE o.status_at ->> p.code = 'rectifying') AS rectifying,
       round(avg(f.fortress_index), 1) AS fortress_index_mean,
       round(CAST(count(o.id) FILTER (WHERE o.kind = 'village' AND EXISTS (
                      SELECT 1 FROM contact_point c WHERE c.organisation_id = o.id AND c.established_on <= p.ends_on))
                  AS numeric) / nullif(count(o.id) FILTER (WHERE o.kind = 'village'), 0), 4)
           AS villages_with_contact_share,
       round(CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY n.distance_m) AS numeric), 0) AS contact_distance_p90_m
FROM township t
CROSS JOIN period p
LEFT JOIN organisation o ON o.district_code = t.district_code AND o.township_zh = t.name_zh
                        AND (o.status_at ->> p.code) IS NOT NULL
LEFT JOIN organisation_period_fortress f ON f.organisation_id = o.id AND f.period = p.code
LEFT JOIN organisation_period_contact_distance n ON n.organisation_id = o.id AND n.period = p.code
GROUP BY t.code, p.code;
