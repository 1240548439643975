-- Vector tiles are cut in Web Mercator (EPSG:3857). Keeping each point's 3857 position beside it
-- spares a transform per point per tile: at 262,600 points that was most of a low-zoom tile's time.
ALTER TABLE organisation
    ADD COLUMN geom_3857 geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
