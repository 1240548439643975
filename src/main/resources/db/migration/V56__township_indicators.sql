-- Township indicators per quarter, computed from the organisation tables like the districts' (V11): never
-- stored, so a status change or an import shows at once. An organisation counts from the first quarter its
-- status was recorded in (status_at, V11), in the township its township_zh names in its own district.
--   weak, rectifying: organisations in that status at the quarter's end;
--   fortress_index_mean: mean 堡垒指数 of the township's organisations (the index has no history: today's);
--   villages_with_contact_share: share of its villages that a leader's contact point (established by the
--     quarter's end) links to;
--   contact_distance_p90_m: the distance within which 90 % of its villages and grid branches have an
--     organisation with a contact leader (nearest_contact, V8: today's contact points, not the quarter's).
CREATE VIEW township_indicator AS
SELECT t.code AS township_code, p.code AS period,
       count(o.id) AS organisations,
       count(o.id) FILTER (WHERE o.kind = 'village') AS villages,
       count(o.id) FILTER (WHERE o.kind = 'grid_branch') AS grid_branches,
       count(o.id) FILTER (WHERE o.kind = 'enterprise') AS enterprises,
       count(o.id) FILTER (WHERE o.kind = 'social_org') AS social_orgs,
       count(o.id) FILTER (WHERE o.status_at ->> p.code = 'weak') AS weak,
       count(o.id) FILTER (WHERE o.status_at ->> p.code = 'rectifying') AS rectifying,
       round(avg(o.fortress_index), 1) AS fortress_index_mean,
       round(CAST(count(o.id) FILTER (WHERE o.kind = 'village' AND EXISTS (
                      SELECT 1 FROM contact_point c WHERE c.organisation_id = o.id AND c.established_on <= p.ends_on))
                  AS numeric) / nullif(count(o.id) FILTER (WHERE o.kind = 'village'), 0), 4)
           AS villages_with_contact_share,
       round(CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY n.distance_m) AS numeric), 0) AS contact_distance_p90_m
FROM township t
CROSS JOIN period p
LEFT JOIN organisation o ON o.district_code = t.district_code AND o.township_zh = t.name_zh
                        AND (o.status_at ->> p.code) IS NOT NULL
LEFT JOIN nearest_contact n ON n.organisation_id = o.id
GROUP BY t.code, p.code;

-- Organisations are found by their township's name within their district.
CREATE INDEX organisation_district_township_idx ON organisation (district_code, township_zh);
