-- The distance from each village and grid branch to the nearest organisation that has a contact point,
-- and which one: kept beside the organisation so the coverage-gap analysis is a filter, not a nearest-
-- neighbour search per organisation (seconds at 100 times the demo data). The loader fills it in after
-- every load; a change to organisations or contact points must do the same (see DatasetLoader).
CREATE TABLE nearest_contact (
    organisation_id         bigint PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
    contact_organisation_id bigint NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    distance_m              double precision NOT NULL CHECK (distance_m >= 0)
);
CREATE INDEX nearest_contact_distance_idx ON nearest_contact (distance_m);
