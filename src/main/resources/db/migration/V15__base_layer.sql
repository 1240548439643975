-- The base layer drawn under the map's own layers, as an admin chose it on the base layer page
-- (admin/basemap). One row at most; no row: the JIUQUAN_BASEMAP_URL setting, or none.
CREATE TABLE base_layer (
    id          smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    -- none: nothing is fetched (the map draws its own base); xyz: a {z}/{x}/{y} template;
    -- tianditu: Tianditu's vec_w + cva_w WMTS layers with a key; wmts: a WMTS server's GetTile (KVP)
    kind        text NOT NULL CHECK (kind IN ('none', 'xyz', 'tianditu', 'wmts')),
    url         text,
    wmts_layer  text,
    matrix_set  text,
    api_key     text,
    changed_by  text NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
