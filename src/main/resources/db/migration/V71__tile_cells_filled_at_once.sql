-- A dataset load puts every organisation and contact point in at once. Kept by V70's triggers, the cells
-- were computed from arrays of every row's deltas and merged with ON CONFLICT, per statement: most of a
-- load's time at 100 times the demo data and more. The loader (demodata.DatasetLoader) now holds those
-- triggers back and fills the table here once, from the loaded rows: zoom 9 by grouping the points, then
-- each coarser zoom by grouping the cells of the zoom above (cx >> 1, cy >> 1: V70's shift, one bit at a
-- time), so each zoom reads a quarter of the rows of the one before. The cells are those V70's triggers
-- make (ogc.TileCellCountIT compares every low-zoom tile with the live count after a load).
CREATE FUNCTION fill_tile_cell_counts() RETURNS void LANGUAGE plpgsql AS $$
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
    FOR zoom IN REVERSE 9..0 LOOP
        IF zoom < 9 THEN
            EXECUTE format($sql$
                CREATE TEMPORARY TABLE tile_cells_%s ON COMMIT DROP AS
                SELECT layer, period, cx >> 1 AS cx, cy >> 1 AS cy, district_code, status, leader_level, org_kind,
                       sum(points) AS points, sum(sum_x) AS sum_x, sum(sum_y) AS sum_y
                FROM tile_cells_%s GROUP BY 1, 2, 3, 4, 5, 6, 7, 8$sql$, zoom, zoom + 1);
            EXECUTE format('DROP TABLE tile_cells_%s', zoom + 1);
        END IF;
        EXECUTE format($sql$
            INSERT INTO tile_cell_count (layer, period, z, cx, cy, district_code, status, leader_level, org_kind,
                                         points, sum_x, sum_y)
            SELECT layer, period, %s, cx, cy, district_code, status, leader_level, org_kind, points, sum_x, sum_y
            FROM tile_cells_%s$sql$, zoom, zoom);
    END LOOP;
    DROP TABLE tile_cells_0;
END $$;
