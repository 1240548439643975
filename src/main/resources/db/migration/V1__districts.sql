-- Storage CRS: EPSG:4326 (WGS 84 longitude/latitude). CGCS2000 (EPSG:4490) differs from it by
-- centimetres here, far below the ~100 m accuracy of the outlines; 4326 is what every API boundary
-- speaks (RFC 7946, OGC CRS84), so nothing is transformed on the way out. See geodata/README.md.
CREATE EXTENSION IF NOT EXISTS postgis;

-- The seven county-level units of Jiuquan (GB/T 2260 codes).
CREATE TABLE district (
    code         char(6) PRIMARY KEY CHECK (code IN ('620902', '620921', '620922', '620923', '620924', '620981', '620982')),
    name_zh      text NOT NULL UNIQUE CHECK (name_zh <> ''),
    name_en      text NOT NULL UNIQUE CHECK (name_en <> ''),
    seat_name_zh text NOT NULL CHECK (seat_name_zh <> ''),
    seat_name_en text NOT NULL CHECK (seat_name_en <> ''),
    -- The article names six party-building brands without saying which district carries which:
    -- the assignment in the demo data is illustrative.
    brand_zh     text,
    brand_en     text,
    outline      geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(outline) AND NOT ST_IsEmpty(outline)),
    seat         geometry(Point, 4326) NOT NULL,
    CHECK (ST_Intersects(seat, outline))
);
CREATE INDEX district_outline_idx ON district USING gist (outline);
