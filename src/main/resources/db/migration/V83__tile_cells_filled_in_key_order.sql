-- V71's fill, made cheaper for a whole dataset load (about 2.4 million cell contributions at 230 times the demo
-- data): the same cells, computed the same way (zoom 9 from the points, each coarser zoom from the one above),
-- but
-- - every zoom is grouped first and then inserted in one statement in the order of the table's key: each new
--   key lands next to the one before in the index, instead of at a random page (V71 inserted zoom by zoom, each
--   in no order: about 4 times the cost per row);
-- - the grouping has memory enough to stay off the disk (the contact points' sort spilled 54 MB at x100);
-- - no JIT: PostGIS's declared function costs push these statements over the JIT threshold, and compiling
--   them costs more than it saves for a few seconds' work;
-- - parallel workers may help with the grouping of zoom 9 (the server's default keeps them off for tiles).
CREATE OR REPLACE FUNCTION fill_tile_cell_counts() RETURNS void LANGUAGE plpgsql
SET jit = off
SET work_mem = '128MB'
SET max_parallel_workers_per_gather = 2
AS $$
DECLARE
    zoom integer;
BEGIN
    DELETE FROM tile_cell_count;
    -- Organisations: one point per period they have a status in; contact points: one per period they were
    -- established by whose organisation has a status then, at the organisation's position (V70's rules).
    CREATE TEMPORARY TABLE tile_cells_9 ON COMMIT DROP AS
    SELECT o.kind AS layer, p.code AS period, tile_cell(ST_X(o.geom_3857)) AS cx, tile_cell(ST_Y(o.geom_3857)) AS cy,
           o.district_code, o.status_at ->> CAST(p.code AS text) AS status, '' AS leader_level, '' AS org_kind,
           count(*) AS points, sum(ST_X(o.geom_3857)) AS sum_x, sum(ST_Y(o.geom_3857)) AS sum_y
    FROM organisation o
    CROSS JOIN period p
    WHERE (o.status_at ->> CAST(p.code AS text)) IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6
    UNION ALL
    SELECT 'contact_point', p.code, tile_cell(ST_X(o.geom_3857)), tile_cell(ST_Y(o.geom_3857)), o.district_code,
           o.status_at ->> CAST(p.code AS text), l.level, o.kind, count(*), sum(ST_X(o.geom_3857)),
           sum(ST_Y(o.geom_3857))
    FROM contact_point c
    JOIN organisation o ON o.id = c.organisation_id
    JOIN leader l ON l.id = c.leader_id
    JOIN period p ON c.established_on <= p.ends_on
    WHERE (o.status_at ->> CAST(p.code AS text)) IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
    FOR zoom IN REVERSE 8..0 LOOP
        EXECUTE format($sql$
            CREATE TEMPORARY TABLE tile_cells_%s ON COMMIT DROP AS
            SELECT layer, period, cx >> 1 AS cx, cy >> 1 AS cy, district_code, status, leader_level, org_kind,
                   sum(points) AS points, sum(sum_x) AS sum_x, sum(sum_y) AS sum_y
            FROM tile_cells_%s GROUP BY 1, 2, 3, 4, 5, 6, 7, 8$sql$, zoom, zoom + 1);
    END LOOP;
    INSERT INTO tile_cell_count (layer, period, z, cx, cy, district_code, status, leader_level, org_kind,
                                 points, sum_x, sum_y)
    SELECT layer, period, z, cx, cy, district_code, status, leader_level, org_kind, points, sum_x, sum_y
    FROM (SELECT 9 AS z, * FROM tile_cells_9 UNION ALL SELECT 8, * FROM tile_cells_8
          UNION ALL SELECT 7, * FROM tile_cells_7 UNION ALL SELECT 6, * FROM tile_cells_6
          UNION ALL SELECT 5, * FROM tile_cells_5 UNION ALL SELECT 4, * FROM tile_cells_4
          UNION ALL SELECT 3, * FROM tile_cells_3 UNION ALL SELECT 2, * FROM tile_cells_2
          UNION ALL SELECT 1, * FROM tile_cells_1 UNION ALL SELECT 0, * FROM tile_cells_0) cells
    ORDER BY layer, period, z, cx, cy, district_code, status, leader_level, org_kind;
    DROP TABLE tile_cells_9, tile_cells_8, tile_cells_7, tile_cells_6, tile_cells_5, tile_cells_4, tile_cells_3,
               tile_cells_2, tile_cells_1, tile_cells_0;
END $$;
