-- V71's fill, made cheaper for a whole dataset load (about 2.4 million cell contributions at 230 times the demo
-- data, 410,000 cells at 100 times): the same cells, computed the same way (zoom 9 from the points, each coarser
-- zoom from the one above), but
-- - when the caller may lock the table (a load into emptied tables: the load's TRUNCATE locks the others as
--   much), the cells go into it without its indexes, which are built afterwards in one sorted pass: adding
--   410,000 rows one by one to the nine-column key cost about twice the insert and the build together;
--   sorting the rows in the key's order first cost more than it saved (nine keys, text compared by collation);
-- - every zoom is inserted in one statement;
-- - the grouping has memory enough to stay off the disk (the contact points' sort spilled 54 MB at x100), and
--   groups by hashing: the planner expects as many groups as rows (1.5 million at x230, 124,000 in fact) and
--   chose a sort that spilled 120 MB (6.0 s against 2.8 s hashed, in psql at x230);
-- - each organisation's Web Mercator position is read once, not once per period and sum (1.8 s against 2.8 s);
-- - no JIT: PostGIS's declared function costs push these statements over the JIT threshold, and compiling
--   them costs more than it saves for a few seconds' work.
-- A load while the app serves maps (rows deleted, not truncated) calls it with rebuild_key false: readers keep
-- reading the old cells until the commit.
CREATE OR REPLACE FUNCTION fill_tile_cell_counts(rebuild_key boolean) RETURNS void LANGUAGE plpgsql
SET jit = off
SET work_mem = '128MB'
SET enable_sort = off
AS $$
DECLARE
    zoom integer;
BEGIN
    IF rebuild_key THEN
        TRUNCATE tile_cell_count;
        -- The same key and index as V70's.
        ALTER TABLE tile_cell_count DROP CONSTRAINT tile_cell_count_pkey;
        DROP INDEX tile_cell_count_empty_idx;
    ELSE
        DELETE FROM tile_cell_count;
    END IF;
    -- Organisations: one point per period they have a status in; contact points: one per period they were
    -- established by whose organisation has a status then, at the organisation's position (V70's rules).
    CREATE TEMPORARY TABLE tile_cells_9 ON COMMIT DROP AS
    SELECT o.kind AS layer, p.code AS period, tile_cell(o.x) AS cx, tile_cell(o.y) AS cy,
           o.district_code, o.status_at ->> CAST(p.code AS text) AS status, '' AS leader_level, '' AS org_kind,
           count(*) AS points, sum(o.x) AS sum_x, sum(o.y) AS sum_y
    FROM (SELECT kind, district_code, status_at, ST_X(geom_3857) AS x, ST_Y(geom_3857) AS y
          FROM organisation OFFSET 0) o
    CROSS JOIN period p
    WHERE (o.status_at ->> CAST(p.code AS text)) IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6
    UNION ALL
    SELECT 'contact_point', p.code, tile_cell(o.x), tile_cell(o.y), o.district_code,
           o.status_at ->> CAST(p.code AS text), l.level, o.kind, count(*), sum(o.x), sum(o.y)
    FROM contact_point c
    JOIN (SELECT id, kind, district_code, status_at, ST_X(geom_3857) AS x, ST_Y(geom_3857) AS y
          FROM organisation OFFSET 0) o ON o.id = c.organisation_id
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
          UNION ALL SELECT 1, * FROM tile_cells_1 UNION ALL SELECT 0, * FROM tile_cells_0) cells;
    DROP TABLE tile_cells_9, tile_cells_8, tile_cells_7, tile_cells_6, tile_cells_5, tile_cells_4, tile_cells_3,
               tile_cells_2, tile_cells_1, tile_cells_0;
    IF rebuild_key THEN
        ALTER TABLE tile_cell_count
            ADD PRIMARY KEY (layer, period, z, cx, cy, district_code, status, leader_level, org_kind);
        CREATE INDEX tile_cell_count_empty_idx ON tile_cell_count (layer) WHERE points = 0;
    END IF;
END $$;

-- V71's signature, for callers that do not say: the fill that takes no lock readers wait for.
CREATE OR REPLACE FUNCTION fill_tile_cell_counts() RETURNS void LANGUAGE sql AS $$
    SELECT fill_tile_cell_counts(false)
$$;
