-- Where a district's name is written on the map: the centre of the largest circle that fits in the
-- part of the district holding its seat. Labels there stay inside the outline and clear of the
-- neighbours' (Subei and Aksay have seats 50 km apart). The loader fills it in.
ALTER TABLE district ADD COLUMN label_point geometry(Point, 4326);
ALTER TABLE district ADD CONSTRAINT district_label_inside CHECK (label_point IS NULL OR ST_Intersects(label_point, outline));
