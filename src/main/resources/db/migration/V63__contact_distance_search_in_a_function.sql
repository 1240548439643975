-- The nearest-neighbour search of organisation_period_contact_distance (V61), which runs only for an
-- organisation whose nearest contact today had no contact point yet at the quarter's end, moved into a
-- PL/pgSQL function with a modest declared cost. Inline, its estimated cost (a sort of every organisation)
-- pushed every township page over PostgreSQL's JIT threshold, and compiling the query took 2-3 s of a request
-- that runs in 50-150 ms without it (the demo has no such organisation: the search never runs).
CREATE FUNCTION contact_distance_by(organisation bigint, ends_on date) RETURNS double precision
LANGUAGE plpgsql STABLE COST 1000 AS $$
BEGIN
    RETURN (SELECT ST_Distance(CAST(o.geom AS geography), CAST(co.geom AS geography))
            FROM organisation o, organisation co
            WHERE o.id = organisation
              AND EXISTS (SELECT 1 FROM contact_point c WHERE c.organisation_id = co.id AND c.established_on <= ends_on)
            ORDER BY ST_Transform(co.geom, 32647) <-> ST_Transform(o.geom, 32647)
            LIMIT 1);
END $$;

CREATE OR REPLACE VIEW organisation_period_contact_distance AS
SELECT p.code AS period, n.organisation_id,
       CASE WHEN (SELECT min(c.established_on) FROM contact_point c
                  WHERE c.organisation_id = n.contact_organisation_id) <= p.ends_on THEN n.distance_m
            ELSE contact_distance_by(n.organisation_id, p.ends_on) END AS distance_m
FROM nearest_contact n
CROSS JOIN period p;
