package org.jiuquan.grassroots.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DashboardStateTest {

    static final Set<String> INDICATORS = Set.of("enterprise_coverage", "weak_open", "villages");
    static final List<String> PERIODS = List.of("2017Q1", "2017Q2", "2017Q3", "2017Q4");

    @Test
    void anEmptyUrlGivesTheDefaultViewOfTheLatestQuarter() {
        DashboardState.Parsed parsed = DashboardState.parse(Map.of(), INDICATORS, PERIODS);
        assertThat(parsed.invalid()).isEmpty();
        assertThat(parsed.state().period()).isEqualTo("2017Q4");
        assertThat(parsed.state().indicator()).isEqualTo("enterprise_coverage");
        assertThat(parsed.state().layers()).containsExactlyElementsOf(DashboardState.DEFAULT_LAYERS);
        assertThat(parsed.state().lang()).isEqualTo("zh");
    }

    @Test
    void enterprisesAndSocialOrganisationsAreOffUntilTheUrlAsksForThem() {
        DashboardState state = DashboardState.defaults("2017Q4").withLayer("enterprises", true);
        Map<String, String> url = state.toParameters();
        assertThat(url.get("layers")).contains("enterprises").doesNotContain("social-organisations");
        DashboardState back = DashboardState.parse(Map.of("layers", List.of(url.get("layers"))), INDICATORS, PERIODS)
                .state();
        assertThat(back.layers()).contains("enterprises", "villages").doesNotContain("social-organisations");
        assertThat(DashboardState.defaults("2017Q4").toParameters()).doesNotContainKey("layers");
    }

    @Test
    void aStateSurvivesTheTripThroughItsUrl() {
        DashboardState state = DashboardState.defaults("2017Q4").withIndicator("weak_open").withPeriod("2017Q2")
                .withClassification("jenks", 4).withFilters("620982", "village", "weak").withLayer("contact-points", false)
                .withBbox(new double[] {94.1, 39.8, 95.2, 40.6}).withLang("en").withPresentation(true);
        Map<String, List<String>> url = new java.util.HashMap<>();
        state.toParameters().forEach((k, v) -> url.put(k, List.of(v)));
        DashboardState.Parsed parsed = DashboardState.parse(url, INDICATORS, PERIODS);
        assertThat(parsed.invalid()).isEmpty();
        DashboardState back = parsed.state();
        // Every field, the bbox array by its numbers: a field the URL forgets fails here.
        assertThat(back).usingRecursiveComparison().isEqualTo(state);
        assertThat(back.indicator()).isEqualTo("weak_open");
        assertThat(back.period()).isEqualTo("2017Q2");
        assertThat(back.method()).isEqualTo("jenks");
        assertThat(back.classes()).isEqualTo(4);
        assertThat(back.district()).isEqualTo("620982");
        assertThat(back.kind()).isEqualTo("village");
        assertThat(back.status()).isEqualTo("weak");
        assertThat(back.layers()).containsExactly("districts", "villages", "grid-branches");
        assertThat(back.bbox()).containsExactly(94.1, 39.8, 95.2, 40.6);
        assertThat(back.lang()).isEqualTo("en");
        assertThat(back.presentation()).isTrue();
    }

    @Test
    void badValuesAreReportedAndReplacedByDefaults() {
        DashboardState.Parsed parsed = DashboardState.parse(Map.of(
                "indicator", List.of("happiness"), "period", List.of("2018Q1"), "classes", List.of("9"),
                "method", List.of("random"), "district", List.of("110101"), "layers", List.of("villages,rivers"),
                "bbox", List.of("0,0,1,1"), "lang", List.of("fr")), INDICATORS, PERIODS);
        assertThat(parsed.invalid()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("indicator", "period", "classes", "method", "district", "layers", "bbox", "lang");
        DashboardState state = parsed.state();
        assertThat(state.indicator()).isEqualTo("enterprise_coverage");
        assertThat(state.period()).isEqualTo("2017Q4");
        assertThat(state.classes()).isEqualTo(5);
        assertThat(state.district()).isNull();
        assertThat(state.layers()).containsExactlyElementsOf(DashboardState.DEFAULT_LAYERS);
        assertThat(state.bbox()).isNull();
        assertThat(state.lang()).isEqualTo("zh");
    }

    @Test
    void aComparedQuarterTravelsInTheUrlAndAnUnknownOneIsNamed() {
        DashboardState.Parsed parsed = DashboardState.parse(Map.of("compare", List.of("2017Q1"), "period", List.of("2017Q4")),
                Set.of("weak_open"), List.of("2017Q1", "2017Q2", "2017Q3", "2017Q4"));
        assertThat(parsed.state().compare()).isEqualTo("2017Q1");
        assertThat(parsed.state().toParameters()).containsEntry("compare", "2017Q1");
        assertThat(parsed.state().withCompare(null).toParameters()).doesNotContainKey("compare");

        DashboardState.Parsed bad = DashboardState.parse(Map.of("compare", List.of("2016Q4")), Set.of("weak_open"),
                List.of("2017Q1", "2017Q4"));
        assertThat(bad.state().compare()).isNull();
        assertThat(bad.invalid()).containsExactly(Map.entry("compare", "2016Q4"));
    }
}
