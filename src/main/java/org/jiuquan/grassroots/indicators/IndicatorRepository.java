package org.jiuquan.grassroots.indicators;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IndicatorRepository {

    static final String PERIODS = "SELECT code, starts_on, ends_on, theme_zh, theme_en FROM period ORDER BY code";
    /** Every quarter's value of one indicator in every district: the dashboard chart, in one statement. */
    static final String DISTRICT_HISTORY = """
            SELECT v.indicator_code, v.district_code, v.period, v.value
            FROM district_indicator_value v
            WHERE v.indicator_code = :indicator
            ORDER BY v.period, v.district_code""";
    static final String INDICATORS = """
            SELECT code, name_zh, name_en, unit_zh, unit_en, higher_is_better, aggregation, numerator, denominator,
                   decimals, category
            FROM indicator ORDER BY sort_order, code""";
    static final String DISTRICT_VALUES = """
            SELECT v.indicator_code, v.district_code, v.period, v.value
            FROM district_indicator_value v JOIN indicator i ON i.code = v.indicator_code
            WHERE v.period = :period AND (CAST(:indicator AS text) IS NULL OR v.indicator_code = :indicator)
            ORDER BY i.sort_order, v.district_code""";
    /** The city figure of every indicator, rolled up in PostGIS the way each indicator's definition says. */
    static final String CITY_VALUES = """
            WITH totals AS (
                SELECT indicator_code, sum(value) AS total, min(value) AS lowest, max(value) AS highest
                FROM district_indicator_value WHERE period = :period GROUP BY indicator_code)
            SELECT i.code AS indicator_code, CAST(NULL AS text) AS district_code, CAST(:period AS text) AS period,
                   CASE i.aggregation
                       WHEN 'sum' THEN t.total
                       WHEN 'min' THEN t.lowest
                       WHEN 'max' THEN t.highest
                       WHEN 'ratio' THEN round(i.factor * n.total / nullif(d.total, 0), i.decimals)
                   END AS value
            FROM indicator i
            JOIN totals t ON t.indicator_code = i.code
            LEFT JOIN totals n ON n.indicator_code = i.numerator
            LEFT JOIN totals d ON d.indicator_code = i.denominator
            ORDER BY i.sort_order, i.code""";

    /** Ranks in SQL: 1 is the best district, whichever direction "better" is for the indicator. */
    static final String RANKINGS = """
            WITH current_values AS (
                SELECT v.indicator_code, v.district_code, v.value,
                       rank() OVER (PARTITION BY v.indicator_code
                                    ORDER BY CASE WHEN i.higher_is_better THEN -v.value ELSE v.value END) AS rank
                FROM district_indicator_value v JOIN indicator i ON i.code = v.indicator_code
                WHERE v.period = :period),
            previous_values AS (
                SELECT indicator_code, district_code, value FROM district_indicator_value
                WHERE period = (SELECT max(code) FROM period WHERE code < :period))
            SELECT c.indicator_code, c.district_code, c.value, c.rank, c.value - p.value AS change
            FROM current_values c
            JOIN indicator i ON i.code = c.indicator_code
            LEFT JOIN previous_values p ON p.indicator_code = c.indicator_code AND p.district_code = c.district_code
            WHERE (CAST(:indicator AS text) IS NULL OR c.indicator_code = :indicator)
              AND (CAST(:district AS text) IS NULL OR c.district_code = :district)
            ORDER BY i.sort_order, c.rank, c.district_code""";

    private final JdbcClient jdbc;

    IndicatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Period> periods() {
        return jdbc.sql(PERIODS).query(Period.class).list();
    }

    List<Indicator> indicators() {
        return jdbc.sql(INDICATORS).query(Indicator.class).list();
    }

    List<IndicatorValue> districtValues(String period, @Nullable String indicator) {
        return jdbc.sql(DISTRICT_VALUES).param("period", period).param("indicator", indicator)
                .query(IndicatorValue.class).list();
    }

    List<DistrictRanking> rankings(String period, @Nullable String indicator, @Nullable String district) {
        return jdbc.sql(RANKINGS).param("period", period).param("indicator", indicator).param("district", district)
                .query(DistrictRanking.class).list();
    }

    List<IndicatorValue> districtHistory(String indicator) {
        return jdbc.sql(DISTRICT_HISTORY).param("indicator", indicator).query(IndicatorValue.class).list();
    }

    List<IndicatorValue> cityValues(String period) {
        return jdbc.sql(CITY_VALUES).param("period", period).query(IndicatorValue.class).list();
    }
}
