package org.jiuquan.grassroots.demodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.indicators.IndicatorValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PostgisIntegrationTest
class DemoDataIT {

    /**
     * The figures of the 2017 Jiuquan Daily report, typed in here from the article (not read from the
     * project's data files): the city totals the demo must reproduce.
     */
    static final Map<String, Long> EXACT = Map.ofEntries(
            Map.entry("villages", 434L), Map.entry("grid_branches", 846L), Map.entry("contact_points", 1346L),
            Map.entry("innovations", 82L), Map.entry("weak_rectified", 103L), Map.entry("industry_led_orgs", 1078L),
            Map.entry("instructors", 1334L), Map.entry("venues_built", 479L), Map.entry("lost_members_traced", 2422L),
            Map.entry("first_secretaries", 51L), Map.entry("new_graduate_officials", 49L),
            Map.entry("secretaries_wealth_leaders", 178L), Map.entry("secretaries_coop_heads", 48L),
            Map.entry("graduate_secretaries", 14L), Map.entry("training_classes", 32L),
            Map.entry("industrial_bases", 518L), Map.entry("investment_teams", 35L),
            Map.entry("poverty_lifted", 16_600L), Map.entry("investment", 15_000L),
            Map.entry("village_venue_area_avg", 450L), Map.entry("community_office_funding", 100_000L),
            Map.entry("village_office_funding", 50_000L), Map.entry("village_cadre_pay", 30_000L),
            Map.entry("group_cadre_pay", 9_000L), Map.entry("retiree_allowance_low", 80L),
            Map.entry("retiree_allowance_high", 180L), Map.entry("duty_major_items", 9L),
            Map.entry("duty_sub_items", 49L), Map.entry("duty_reverse_elements", 73L));
    /** "More than N" in the article (多, 余, 以上): the demo must be at least N and read as "N and a bit". */
    static final Map<String, Long> MORE_THAN = Map.of(
            "party_lectures", 9_300L, "difficulties_solved", 1_800L, "problems_found", 88_000L,
            "mobile_members_managed", 2_300L, "model_households", 10_000L, "branches", 4_000L,
            "party_members", 70_000L, "community_venue_area_avg", 500L);

    @Autowired
    IndicatorService indicators;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatasetLoader loader;

    @Test
    void cityTotalsAt2017Q4AreTheArticlesFigures() {
        Map<String, BigDecimal> city = cityValues("2017Q4");
        EXACT.forEach((code, figure) ->
                assertThat(city.get(code)).as(code).isEqualByComparingTo(BigDecimal.valueOf(figure)));
        MORE_THAN.forEach((code, figure) -> assertThat(city.get(code)).as(code)
                .isGreaterThanOrEqualTo(BigDecimal.valueOf(figure))
                .isLessThan(BigDecimal.valueOf(figure * 105 / 100)));
        assertThat(city.get("enterprise_coverage")).isEqualByComparingTo("56.0");
        assertThat(city.get("social_org_coverage")).isEqualByComparingTo("77.6");
    }

    @Test
    void theMapLayersHoldTheArticlesCounts() {
        assertThat(count("SELECT count(*) FROM district")).isEqualTo(7);
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'village'")).isEqualTo(434);
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'grid_branch'")).isEqualTo(846);
        assertThat(count("SELECT count(*) FROM contact_point")).isEqualTo(1346);
        // The indicator tables agree with the points themselves.
        assertThat(cityValues("2017Q4").get("villages")).isEqualByComparingTo("434");
        assertThat(count("SELECT count(*) FROM organisation WHERE status = 'rectified'")).isEqualTo(103);
    }

    @Test
    void everyPointLiesInsideItsOwnDistrict() {
        assertThat(count("""
                SELECT count(*) FROM organisation o JOIN district d ON d.code = o.district_code
                WHERE NOT ST_Contains(d.outline, o.geom)""")).isZero();
        assertThat(count("SELECT count(*) FROM district WHERE NOT ST_Contains(outline, seat)")).isZero();
        // ...and in no other district.
        assertThat(count("""
                SELECT count(*) FROM organisation o JOIN district d ON d.code <> o.district_code
                WHERE ST_Intersects(d.outline, o.geom)""")).isZero();
    }

    @Test
    void suzhouHasTheMostVillagesAndGridBranchesAksayAndSubeiTheFewest() {
        for (String kind : List.of("village", "grid_branch")) {
            List<String> byCount = jdbc.sql("SELECT district_code FROM organisation WHERE kind = :kind "
                            + "GROUP BY district_code ORDER BY count(*) DESC")
                    .param("kind", kind).query(String.class).list();
            assertThat(byCount.get(0)).isEqualTo("620902");
            assertThat(byCount.subList(5, 7)).containsExactlyInAnyOrder("620923", "620924");
        }
    }

    @Test
    void theQuartersTellTheYearWeakOrganisationsFallAsTheyAreRectified() {
        List<BigDecimal> open = new ArrayList<>();
        List<BigDecimal> rectified = new ArrayList<>();
        for (String period : List.of("2017Q1", "2017Q2", "2017Q3", "2017Q4")) {
            open.add(cityValues(period).get("weak_open"));
            rectified.add(cityValues(period).get("weak_rectified"));
        }
        assertThat(open).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(open.get(0)).isGreaterThan(open.get(3));
        assertThat(rectified).isSorted();
        assertThat(rectified.get(3)).isEqualByComparingTo("103");
        // First secretaries were sent in the second half of the year.
        assertThat(cityValues("2017Q2").get("first_secretaries")).isZero();
    }

    @Test
    void indicatorsThatTheOrganisationTablesAnswerAreComputedInPostgisNeverStored() {
        List<String> computedInSql = jdbc.sql("SELECT code FROM computed_indicator ORDER BY code")
                .query(String.class).list();
        assertThat(computedInSql).containsExactlyInAnyOrderElementsOf(IndicatorValues.COMPUTED_IN_DATABASE);
        long stored = jdbc.sql("""
                SELECT count(*) FROM indicator_value v JOIN indicator i ON i.code = v.indicator_code
                WHERE i.aggregation = 'ratio' OR v.indicator_code IN (SELECT code FROM computed_indicator)""")
                .query(Long.class).single();
        assertThat(stored).isZero();
    }

    @Test
    void everyFortressIndexIsTheWeightedSumOfItsComponents() {
        assertThat(count("SELECT count(*) FROM organisation WHERE fortress_life IS NULL")).isZero();
        // The database's own constraint holds the formula; check it independently here.
        jdbc.sql("""
                SELECT fortress_index, fortress_life, fortress_secretary, fortress_members, fortress_venue,
                       fortress_funding, fortress_problems FROM organisation""")
                .query((rs, n) -> {
                    List<BigDecimal> components = new ArrayList<>();
                    for (int i = 2; i <= 7; i++) {
                        components.add(rs.getBigDecimal(i));
                    }
                    assertThat(FortressIndex.of(components)).isEqualByComparingTo(rs.getBigDecimal(1));
                    return true;
                }).list();
        // Weak organisations score lower than the others.
        double weak = jdbc.sql("SELECT avg(fortress_index) FROM organisation WHERE status IN ('weak', 'rectifying')")
                .query(Double.class).single();
        double normal = jdbc.sql("SELECT avg(fortress_index) FROM organisation WHERE status = 'normal'")
                .query(Double.class).single();
        assertThat(weak).isLessThan(normal - 15);
    }

    @Test
    void statusHistoryEndsInEachOrganisationsCurrentStatus() {
        assertThat(count("""
                SELECT count(*) FROM organisation o
                WHERE o.status <> (SELECT s.status FROM organisation_status s WHERE s.organisation_id = o.id
                                   ORDER BY s.valid_from DESC LIMIT 1)""")).isZero();
    }

    @Test
    void villageAndCommunityCodesFollowTheNbsPattern() {
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'village' "
                + "AND NOT (right(code, 3)::int BETWEEN 200 AND 399)")).isZero();
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'grid_branch' "
                + "AND NOT (right(code, 3)::int BETWEEN 1 AND 199)")).isZero();
    }

    @Test
    void loadingTheSameDatasetAgainChangesNothing() {
        Dataset demo = DatasetFiles.read("demo", DatasetFiles.Source.classpath());
        assertThat(loader.load(demo)).isFalse();
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'village'")).isEqualTo(434);
    }

    @Test
    void aDatasetWithAPointOutsideItsDistrictIsRefusedAndTheDataStaysAsItWas() {
        Dataset demo = DatasetFiles.read("demo", DatasetFiles.Source.classpath());
        List<Dataset.Organisation> moved = new ArrayList<>(demo.organisations());
        Dataset.Organisation first = moved.get(0);
        // Beijing is not in Jiuquan.
        moved.set(0, new Dataset.Organisation(first.id(), first.code(), first.kind(), first.nameZh(),
                first.townshipZh(), first.districtCode(), first.fortressIndex(), first.status(), first.statusSince(),
                116.4, 39.9, first.fortressComponents()));
        Dataset broken = withOrganisations(demo, moved, "broken-location");
        assertThatThrownBy(() -> loader.load(broken))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("outside their district")
                .hasMessageContaining(first.nameZh());
        assertUnchanged();
    }

    @Test
    void aDatasetBreakingAConstraintIsRefusedWithTheDatabasesReasonAndTheDataStaysAsItWas() {
        Dataset demo = DatasetFiles.read("demo", DatasetFiles.Source.classpath());
        List<Dataset.Organisation> changed = new ArrayList<>(demo.organisations());
        Dataset.Organisation first = changed.get(0);
        changed.set(0, new Dataset.Organisation(first.id(), first.code(), first.kind(), first.nameZh(),
                first.townshipZh(), first.districtCode(), new BigDecimal("140.0"), first.status(), first.statusSince(),
                first.lon(), first.lat(), List.of()));
        assertThatThrownBy(() -> loader.load(withOrganisations(demo, changed, "broken-index")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("nothing was changed")
                .hasMessageContaining("organisation_fortress_index_check");
        assertUnchanged();
    }

    @Test
    void aContactPointNamingAMissingOrganisationIsRefusedInWordsAndTheIndexesAndKeysStayAsTheyWere() {
        Dataset demo = DatasetFiles.read("demo", DatasetFiles.Source.classpath());
        long indexesAndKeys = indexesAndKeys();
        List<Dataset.ContactPoint> contacts = new ArrayList<>(demo.contactPoints());
        Dataset.ContactPoint first = contacts.get(0);
        contacts.set(0, new Dataset.ContactPoint(first.id(), first.leaderId(), 987_654_321L, first.establishedOn()));
        Dataset broken = new Dataset("broken-contact", 1, "broken-contact", demo.districts(), demo.organisations(),
                demo.statusChanges(), demo.leaders(), contacts, demo.indicators(), demo.indicatorValues());
        assertThatThrownBy(() -> loader.load(broken))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("nothing was changed")
                .hasMessageContaining("contact-points.csv")
                .hasMessageContaining("organisation_id is not an id of organisations.csv")
                .hasMessageContaining("987654321")
                .hasMessageNotContaining("fkey");
        assertUnchanged();
        assertThat(indexesAndKeys()).isEqualTo(indexesAndKeys);
    }

    @Test
    void anOrganisationIdGivenTwiceIsRefusedInWords() {
        Dataset demo = DatasetFiles.read("demo", DatasetFiles.Source.classpath());
        List<Dataset.Organisation> organisations = new ArrayList<>(demo.organisations());
        Dataset.Organisation second = organisations.get(1);
        organisations.set(1, new Dataset.Organisation(organisations.get(0).id(), second.code(), second.kind(),
                second.nameZh(), second.townshipZh(), second.districtCode(), second.fortressIndex(), second.status(),
                second.statusSince(), second.lon(), second.lat(), second.fortressComponents()));
        assertThatThrownBy(() -> loader.load(withOrganisations(demo, organisations, "twice")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("organisations.csv：id 有重复 / an id appears twice")
                .hasMessageNotContaining("pkey");
        assertUnchanged();
    }

    /** Indexes and foreign keys of the tables a load fills. */
    private long indexesAndKeys() {
        return count("""
                SELECT (SELECT count(*) FROM pg_index WHERE indrelid = ANY (CAST('{organisation,organisation_status,
                            organisation_period_status,leader,contact_point}' AS regclass[])))
                     + (SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = ANY (CAST(
                            '{organisation,organisation_status,organisation_period_status,leader,contact_point}'
                            AS regclass[])))""");
    }

    private void assertUnchanged() {
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'village'")).isEqualTo(434);
        assertThat(count("SELECT count(*) FROM contact_point")).isEqualTo(1346);
        assertThat(jdbc.sql("SELECT name FROM dataset_load").query(String.class).list()).containsExactly("demo");
        assertThat(count("SELECT count(*) FROM organisation WHERE fortress_index > 100 OR ST_X(geom) > 110")).isZero();
    }

    private static Dataset withOrganisations(Dataset demo, List<Dataset.Organisation> organisations, String name) {
        return new Dataset(name, 1, name, demo.districts(), organisations, demo.statusChanges(), demo.leaders(),
                demo.contactPoints(), demo.indicators(), demo.indicatorValues());
    }

    private Map<String, BigDecimal> cityValues(String period) {
        return indicators.cityValues(period).stream()
                .collect(Collectors.toMap(IndicatorValue::indicatorCode, IndicatorValue::value));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
