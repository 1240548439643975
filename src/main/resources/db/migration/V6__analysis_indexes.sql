-- Distances for the analyses (clusters, hot spots, coverage gaps) are measured in metres in UTM zone 47N
-- (EPSG:32647, central meridian 99E). Across Jiuquan (92.8E-100.3E) its scale error stays under 0.4 %.
-- An index on that expression lets distance joins and nearest-neighbour searches use it.
CREATE INDEX organisation_utm_idx ON organisation USING gist (ST_Transform(geom, 32647));
