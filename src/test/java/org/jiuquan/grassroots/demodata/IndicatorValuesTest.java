package org.jiuquan.grassroots.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IndicatorValuesTest {

    @Test
    void largestRemainderSplitsATotalExactlyAndInProportion() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("a", 1.0);
        weights.put("b", 1.0);
        weights.put("c", 1.0);
        Map<String, Long> split = IndicatorValues.largestRemainder(100, weights);
        assertThat(split.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
        assertThat(split.values()).allSatisfy(v -> assertThat(v).isBetween(33L, 34L));

        weights.put("c", 2.0);
        Map<String, Long> uneven = IndicatorValues.largestRemainder(103, weights);
        // 25.75, 25.75 and 51.5: the two largest remainders (a, b) get the two units left over.
        assertThat(uneven).containsEntry("a", 26L).containsEntry("b", 26L).containsEntry("c", 51L);
        assertThat(uneven.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(103);
    }
}
