-- Dense point tiles are counts on a 64 x 64 grid over the tile (ogc.TileRepository). At zoom 9 and below
-- such a tile counted every point under it on each request: at 230 times the demo data up to 600,000
-- points, 0.1-0.7 s a tile. The counts per grid cell are kept here instead, for every zoom from 0 to 9,
-- layer and quarter, split by everything a tile can be filtered on, so a low-zoom tile sums a few
-- thousand rows. They are kept by the triggers below in the same transaction as the change, incrementally:
-- a status change subtracts the cells its organisation leaves and adds those it enters, never a rebuild.
--
-- A cell at zoom z is floor(x / cell_z) with x in EPSG:3857 metres and cell_z a 64th of a tile's side,
-- as the live query computes it. Cells are computed at zoom 9 and shifted right (9 - z) bits for the
-- coarser zooms: floor(floor(a) / 2^k) = floor(a / 2^k), and dividing by a power of two is exact in
-- floating point, so each zoom's cells are exactly the live query's.
CREATE TABLE tile_cell_count (
    -- An organisation kind, or 'contact_point'.
    layer         text     NOT NULL,
    period        char(6)  NOT NULL,
    z             smallint NOT NULL CHECK (z BETWEEN 0 AND 9),
    cx            integer  NOT NULL,
    cy            integer  NOT NULL,
    district_code char(6)  NOT NULL,
    -- The organisation's status at the period's end (points with none are not on the map).
    status        text     NOT NULL,
    -- Contact points only (filters level and kind); '' for organisations.
    leader_level  text     NOT NULL,
    org_kind      text     NOT NULL,
    points        integer  NOT NULL,
    -- Sums of the points' positions: a cell's feature sits at their mean, as in the live query.
    sum_x         float8   NOT NULL,
    sum_y         float8   NOT NULL,
    PRIMARY KEY (layer, period, z, cx, cy, district_code, status, leader_level, org_kind)
);
-- Cells whose last point left are deleted after each change; this finds them without a scan.
CREATE INDEX tile_cell_count_empty_idx ON tile_cell_count (layer) WHERE points = 0;

-- The zoom-9 cell of a Web Mercator coordinate (the world's side, as TileRepository.WORLD_METRES, over
-- 2^9 tiles of 64 cells).
CREATE FUNCTION tile_cell(metres float8) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CAST(floor(metres / (CAST(40075016.6855785 AS float8) / 32768)) AS integer)
$$;

-- Adds changes given at zoom 9 (one array element per cell and split; negative points subtract) to every
-- zoom from 0 to 9.
CREATE FUNCTION apply_tile_cell_deltas(layers text[], periods char(6)[], cxs integer[], cys integer[],
                                       districts char(6)[], statuses text[], levels text[], kinds text[],
                                       counts integer[], xs float8[], ys float8[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO tile_cell_count AS t (layer, period, z, cx, cy, district_code, status, leader_level, org_kind,
                                      points, sum_x, sum_y)
    SELECT d.layer, d.period, z.z, d.cx >> (9 - z.z), d.cy >> (9 - z.z), d.district_code, d.status,
           d.leader_level, d.org_kind, sum(d.points), sum(d.sum_x), sum(d.sum_y)
    FROM unnest(layers, periods, cxs, cys, districts, statuses, levels, kinds, counts, xs, ys)
             AS d (layer, period, cx, cy, district_code, status, leader_level, org_kind, points, sum_x, sum_y)
    CROSS JOIN generate_series(0, 9) AS z (z)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (layer, period, z, cx, cy, district_code, status, leader_level, org_kind) DO UPDATE
        SET points = t.points + excluded.points, sum_x = t.sum_x + excluded.sum_x, sum_y = t.sum_y + excluded.sum_y;
    DELETE FROM tile_cell_count WHERE points = 0;
$$;

-- A change to one zoom-9 cell and split (points negative: taken away).
CREATE TYPE tile_point_delta AS (
    layer text, period char(6), cx integer, cy integer, district_code char(6), status text, leader_level text,
    org_kind text, points integer, sum_x float8, sum_y float8);

-- Sums deltas per zoom-9 cell and split, and applies them.
CREATE FUNCTION apply_tile_point_deltas(deltas tile_point_delta[]) RETURNS void LANGUAGE sql AS $$
    SELECT apply_tile_cell_deltas(array_agg(g.layer), array_agg(g.period), array_agg(g.cx), array_agg(g.cy),
                                  array_agg(g.district_code), array_agg(g.status), array_agg(g.leader_level),
                                  array_agg(g.org_kind), array_agg(g.points), array_agg(g.sum_x), array_agg(g.sum_y))
    FROM (SELECT d.layer, d.period, d.cx, d.cy, d.district_code, d.status, d.leader_level, d.org_kind,
                 CAST(sum(d.points) AS integer) AS points, sum(d.sum_x) AS sum_x, sum(d.sum_y) AS sum_y
          FROM unnest(deltas) AS d
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
          HAVING sum(d.points) <> 0 OR sum(d.sum_x) <> 0 OR sum(d.sum_y) <> 0) g
$$;

-- What organisations (kind, district, statuses, position; one array element each) add to their layers
-- (direction 1) or take away (-1): one point per period they have a status in (the tile's rule).
CREATE FUNCTION organisation_tile_deltas(direction integer, kinds text[], districts char(6)[], statuses jsonb[],
                                         xs float8[], ys float8[]) RETURNS SETOF tile_point_delta
LANGUAGE sql STABLE AS $$
    SELECT o.kind, p.code, tile_cell(o.x), tile_cell(o.y), o.district_code, o.status_at ->> CAST(p.code AS text),
           '', '', direction, direction * o.x, direction * o.y
    FROM unnest(kinds, districts, statuses, xs, ys) AS o (kind, district_code, status_at, x, y)
    CROSS JOIN period p
    WHERE (o.status_at ->> CAST(p.code AS text)) IS NOT NULL
$$;

-- The same for contact points: one point per period it was established by, at its organisation's
-- position, with the organisation's status at the period's end (the tile's rule).
CREATE FUNCTION contact_point_tile_deltas(direction integer, established date[], levels text[], kinds text[],
                                          districts char(6)[], statuses jsonb[], xs float8[], ys float8[])
    RETURNS SETOF tile_point_delta
LANGUAGE sql STABLE AS $$
    SELECT 'contact_point', p.code, tile_cell(c.x), tile_cell(c.y), c.district_code,
           c.status_at ->> CAST(p.code AS text), c.level, c.kind, direction, direction * c.x, direction * c.y
    FROM unnest(established, levels, kinds, districts, statuses, xs, ys)
             AS c (established_on, level, kind, district_code, status_at, x, y)
    JOIN period p ON c.established_on <= p.ends_on
    WHERE (c.status_at ->> CAST(p.code AS text)) IS NOT NULL
$$;

-- Organisations added or removed (contact points cannot point at them then: the foreign key).
CREATE FUNCTION organisations_move_tile_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM apply_tile_point_deltas(ARRAY(
            SELECT d FROM (SELECT array_agg(kind) AS kinds, array_agg(district_code) AS districts,
                                  array_agg(status_at) AS statuses, array_agg(ST_X(geom_3857)) AS xs,
                                  array_agg(ST_Y(geom_3857)) AS ys FROM new_rows) m,
                          organisation_tile_deltas(1, m.kinds, m.districts, m.statuses, m.xs, m.ys) d));
    ELSE
        PERFORM apply_tile_point_deltas(ARRAY(
            SELECT d FROM (SELECT array_agg(kind) AS kinds, array_agg(district_code) AS districts,
                                  array_agg(status_at) AS statuses, array_agg(ST_X(geom_3857)) AS xs,
                                  array_agg(ST_Y(geom_3857)) AS ys FROM old_rows) m,
                          organisation_tile_deltas(-1, m.kinds, m.districts, m.statuses, m.xs, m.ys) d));
    END IF;
    RETURN NULL;
END $$;

-- Organisations changed: only those whose kind, district, statuses or position moved count (a renamed
-- organisation costs nothing). The old rows leave their cells and the new ones enter theirs, for the
-- organisation and for its contact points.
CREATE FUNCTION organisations_update_tile_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM apply_tile_point_deltas(ARRAY(
        WITH changed AS (
            SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.kind, o.district_code, o.status_at, ST_X(o.geom_3857), ST_Y(o.geom_3857))
                  IS DISTINCT FROM (n.kind, n.district_code, n.status_at, ST_X(n.geom_3857), ST_Y(n.geom_3857))),
        moved AS (
            SELECT -1 AS direction, o.id, o.kind, o.district_code, o.status_at, ST_X(o.geom_3857) AS x,
                   ST_Y(o.geom_3857) AS y
            FROM old_rows o JOIN changed USING (id)
            UNION ALL
            SELECT 1, n.id, n.kind, n.district_code, n.status_at, ST_X(n.geom_3857), ST_Y(n.geom_3857)
            FROM new_rows n JOIN changed USING (id))
        SELECT d FROM (SELECT direction, array_agg(kind) AS kinds, array_agg(district_code) AS districts,
                              array_agg(status_at) AS statuses, array_agg(x) AS xs, array_agg(y) AS ys
                       FROM moved GROUP BY direction) m,
                      organisation_tile_deltas(m.direction, m.kinds, m.districts, m.statuses, m.xs, m.ys) d
        UNION ALL
        SELECT d FROM (SELECT mo.direction, array_agg(c.established_on) AS established, array_agg(l.level) AS levels,
                              array_agg(mo.kind) AS kinds, array_agg(mo.district_code) AS districts,
                              array_agg(mo.status_at) AS statuses, array_agg(mo.x) AS xs, array_agg(mo.y) AS ys
                       FROM moved mo JOIN contact_point c ON c.organisation_id = mo.id
                       JOIN leader l ON l.id = c.leader_id
                       GROUP BY mo.direction) m,
                      contact_point_tile_deltas(m.direction, m.established, m.levels, m.kinds, m.districts,
                                                m.statuses, m.xs, m.ys) d));
    RETURN NULL;
END $$;

-- Contact points added, removed or changed, at their organisation's current row (an organisation cannot
-- be removed before its contact points: the foreign key).
CREATE FUNCTION contact_points_move_tile_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM move_contact_point_tile_cells(-1, established, leaders, organisations)
        FROM (SELECT array_agg(established_on) AS established, array_agg(leader_id) AS leaders,
                     array_agg(organisation_id) AS organisations FROM old_rows) c;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM move_contact_point_tile_cells(1, established, leaders, organisations)
        FROM (SELECT array_agg(established_on) AS established, array_agg(leader_id) AS leaders,
                     array_agg(organisation_id) AS organisations FROM new_rows) c;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION move_contact_point_tile_cells(direction integer, established date[], leaders bigint[],
                                              organisations bigint[]) RETURNS void
LANGUAGE sql AS $$
    SELECT apply_tile_point_deltas(ARRAY(
        SELECT d FROM (SELECT array_agg(c.established_on) AS established, array_agg(l.level) AS levels,
                              array_agg(o.kind) AS kinds, array_agg(o.district_code) AS districts,
                              array_agg(o.status_at) AS statuses, array_agg(ST_X(o.geom_3857)) AS xs,
                              array_agg(ST_Y(o.geom_3857)) AS ys
                       FROM unnest(established, leaders, organisations) AS c (established_on, leader_id, organisation_id)
                       JOIN organisation o ON o.id = c.organisation_id
                       JOIN leader l ON l.id = c.leader_id) m,
                      contact_point_tile_deltas(direction, m.established, m.levels, m.kinds, m.districts,
                                                m.statuses, m.xs, m.ys) d))
$$;

-- A leader's level changed: their contact points move from one level's split to the other's.
CREATE FUNCTION leaders_update_tile_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM apply_tile_point_deltas(ARRAY(
        SELECT d FROM (SELECT s.direction, array_agg(c.established_on) AS established, array_agg(s.level) AS levels,
                              array_agg(o.kind) AS kinds, array_agg(o.district_code) AS districts,
                              array_agg(o.status_at) AS statuses, array_agg(ST_X(o.geom_3857)) AS xs,
                              array_agg(ST_Y(o.geom_3857)) AS ys
                       FROM (SELECT -1 AS direction, o.id, o.level FROM old_rows o JOIN new_rows n ON n.id = o.id
                             WHERE o.level <> n.level
                             UNION ALL
                             SELECT 1, n.id, n.level FROM old_rows o JOIN new_rows n ON n.id = o.id
                             WHERE o.level <> n.level) s
                       JOIN contact_point c ON c.leader_id = s.id
                       JOIN organisation o ON o.id = c.organisation_id
                       GROUP BY s.direction) m,
                      contact_point_tile_deltas(m.direction, m.established, m.levels, m.kinds, m.districts,
                                                m.statuses, m.xs, m.ys) d));
    RETURN NULL;
END $$;

-- Emptied tables (a dataset load): their cells go too. Truncating organisation or leader truncates
-- contact_point with it (foreign keys), so every layer is covered.
CREATE FUNCTION tables_truncated_clear_tile_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'organisation' THEN
        TRUNCATE tile_cell_count;
    ELSE
        DELETE FROM tile_cell_count WHERE layer = 'contact_point';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER organisations_move_tile_cells AFTER INSERT ON organisation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organisations_move_tile_cells();
CREATE TRIGGER organisations_leave_tile_cells AFTER DELETE ON organisation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION organisations_move_tile_cells();
CREATE TRIGGER organisations_update_tile_cells AFTER UPDATE ON organisation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION organisations_update_tile_cells();
CREATE TRIGGER contact_points_enter_tile_cells AFTER INSERT ON contact_point
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_points_move_tile_cells();
CREATE TRIGGER contact_points_leave_tile_cells AFTER DELETE ON contact_point
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_points_move_tile_cells();
CREATE TRIGGER contact_points_update_tile_cells AFTER UPDATE ON contact_point
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION contact_points_move_tile_cells();
CREATE TRIGGER leaders_update_tile_cells AFTER UPDATE ON leader
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION leaders_update_tile_cells();
CREATE TRIGGER organisation_truncated_clears_tile_cells AFTER TRUNCATE ON organisation
    FOR EACH STATEMENT EXECUTE FUNCTION tables_truncated_clear_tile_cells();
CREATE TRIGGER contact_point_truncated_clears_tile_cells AFTER TRUNCATE ON contact_point
    FOR EACH STATEMENT EXECUTE FUNCTION tables_truncated_clear_tile_cells();

-- The cells of the data already loaded.
SELECT apply_tile_point_deltas(ARRAY(
    SELECT d FROM organisation_tile_deltas(1, ARRAY(SELECT kind FROM organisation ORDER BY id),
        ARRAY(SELECT district_code FROM organisation ORDER BY id), ARRAY(SELECT status_at FROM organisation ORDER BY id),
        ARRAY(SELECT ST_X(geom_3857) FROM organisation ORDER BY id),
        ARRAY(SELECT ST_Y(geom_3857) FROM organisation ORDER BY id)) d));
SELECT apply_tile_point_deltas(ARRAY(
    SELECT d FROM (SELECT array_agg(c.established_on) AS established, array_agg(l.level) AS levels,
                          array_agg(o.kind) AS kinds, array_agg(o.district_code) AS districts,
                          array_agg(o.status_at) AS statuses, array_agg(ST_X(o.geom_3857)) AS xs,
                          array_agg(ST_Y(o.geom_3857)) AS ys
                   FROM contact_point c JOIN organisation o ON o.id = c.organisation_id
                   JOIN leader l ON l.id = c.leader_id) m,
                  contact_point_tile_deltas(1, m.established, m.levels, m.kinds, m.districts, m.statuses,
                                            m.xs, m.ys) d));
