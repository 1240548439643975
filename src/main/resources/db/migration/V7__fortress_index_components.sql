-- The fortress index (堡垒指数) is a weighted sum of six component scores, each 0-100:
--   organisational life held regularly (组织生活) 25 %, secretary in post and performing (书记履职) 20 %,
--   members' participation (党员队伍) 15 %, activity venue (活动阵地) 15 %, funding (经费保障) 10 %,
--   problems found and closed (问题整改) 15 %.
-- Components are optional for a dataset, but when given they must add up to the index.
ALTER TABLE organisation
    ADD COLUMN fortress_life      numeric(4, 1) CHECK (fortress_life BETWEEN 0 AND 100),
    ADD COLUMN fortress_secretary numeric(4, 1) CHECK (fortress_secretary BETWEEN 0 AND 100),
    ADD COLUMN fortress_members   numeric(4, 1) CHECK (fortress_members BETWEEN 0 AND 100),
    ADD COLUMN fortress_venue     numeric(4, 1) CHECK (fortress_venue BETWEEN 0 AND 100),
    ADD COLUMN fortress_funding   numeric(4, 1) CHECK (fortress_funding BETWEEN 0 AND 100),
    ADD COLUMN fortress_problems  numeric(4, 1) CHECK (fortress_problems BETWEEN 0 AND 100),
    ADD CONSTRAINT organisation_fortress_components_complete CHECK (
        num_nulls(fortress_life, fortress_secretary, fortress_members, fortress_venue, fortress_funding,
                  fortress_problems) IN (0, 6)),
    ADD CONSTRAINT organisation_fortress_index_is_weighted_sum CHECK (
        fortress_life IS NULL OR fortress_index = round((25 * fortress_life + 20 * fortress_secretary
            + 15 * fortress_members + 15 * fortress_venue + 10 * fortress_funding + 15 * fortress_problems) / 100, 1));
