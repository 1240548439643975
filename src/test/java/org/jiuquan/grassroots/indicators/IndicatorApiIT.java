package org.jiuquan.grassroots.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.jiuquan.grassroots.ApiClientTest;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@PostgisIntegrationTest
class IndicatorApiIT extends ApiClientTest {

    @Override
    protected String user() {
        return "viewer";
    }

    @Test
    void periodsAreTheFourQuartersOf2017WithTheirThemes() {
        JsonNode periods = http.json("/api/periods");
        List<String> codes = new ArrayList<>();
        periods.forEach(p -> codes.add(p.path("code").asString()));
        assertThat(codes).containsExactly("2017Q1", "2017Q2", "2017Q3", "2017Q4");
        assertThat(periods.get(1).path("themeZh").asString()).contains("互查互学互鉴");
    }

    @Test
    void indicatorsSayWhetherHigherIsBetterAndHowTheyRollUp() {
        JsonNode indicators = http.json("/api/indicators");
        JsonNode weakOpen = find(indicators, "code", "weak_open");
        assertThat(weakOpen.path("higherIsBetter").asBoolean()).isFalse();
        assertThat(weakOpen.path("nameEn").asString()).isNotBlank();
        JsonNode coverage = find(indicators, "code", "enterprise_coverage");
        assertThat(coverage.path("aggregation").asString()).isEqualTo("ratio");
        assertThat(coverage.path("unitZh").asString()).isEqualTo("%");
    }

    @Test
    void districtValuesAddUpToTheCityTotal() {
        JsonNode values = http.json("/api/district-values?period=2017Q4&indicator=grid_branches");
        assertThat(values).hasSize(7);
        int sum = 0;
        for (JsonNode value : values) {
            sum += value.path("value").asInt();
        }
        assertThat(sum).isEqualTo(846);
        JsonNode city = find(http.json("/api/city-totals"), "indicatorCode", "grid_branches");
        assertThat(city.path("period").asString()).isEqualTo("2017Q4");
        assertThat(city.path("value").asInt()).isEqualTo(846);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asString().equals(value)) {
                return node;
            }
        }
        throw new AssertionError(value + " not found");
    }
}
