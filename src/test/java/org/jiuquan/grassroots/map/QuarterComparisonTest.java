package org.jiuquan.grassroots.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class QuarterComparisonTest {

    @Test
    void theComparedQuarterIsColouredWithTheShownQuartersClasses() {
        List<MapStyle.LegendClass> classes = List.of(new MapStyle.LegendClass(0, 10, "#aaaaaa", 1),
                new MapStyle.LegendClass(10, 20, "#bbbbbb", 1), new MapStyle.LegendClass(20, 30, "#cccccc", 1));
        MapStyle shown = new MapStyle("weak_open", "2017Q4", "quantile", 3, false, 0, classes,
                Map.of(), Map.of(), MapStyle.POINTS, MapStyle.WEAK_RING);
        // Earlier in the year the values were higher, beyond the shown quarter's last class.
        MapStyle compared = new MapStyle("weak_open", "2017Q1", "quantile", 3, false, 0, List.of(),
                Map.of("620902", "#ffffff", "620921", "#ffffff"),
                Map.of("620902", new BigDecimal("38"), "620921", new BigDecimal("12")), MapStyle.POINTS, MapStyle.WEAK_RING);

        MapStyle recoloured = QuarterComparison.onClassesOf(shown, compared);

        assertThat(recoloured.period()).isEqualTo("2017Q1");
        assertThat(recoloured.legend()).isEqualTo(classes);
        assertThat(recoloured.districtColors()).containsEntry("620902", "#cccccc").containsEntry("620921", "#bbbbbb");
    }
}
