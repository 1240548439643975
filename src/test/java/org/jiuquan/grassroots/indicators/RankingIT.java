package org.jiuquan.grassroots.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** District ranks and quarter-on-quarter changes, checked against a computation in the test. */
@PostgisIntegrationTest
class RankingIT {

    @Autowired
    IndicatorService indicators;

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"weak_open,2017Q3", "enterprise_coverage,2017Q4", "party_lectures,2017Q2", "villages,2017Q1"})
    void ranksFollowTheIndicatorsDirectionAndChangesTheQuarterBefore(String indicator, String period) {
        boolean higherIsBetter = indicators.indicatorsByCode().get(indicator).higherIsBetter();
        Map<String, BigDecimal> now = values(period, indicator);
        List<DistrictRanking> rankings = indicators.rankings(period, indicator, null);
        assertThat(rankings).hasSize(7);
        for (DistrictRanking ranking : rankings) {
            BigDecimal mine = now.get(ranking.districtCode());
            long better = now.values().stream()
                    .filter(v -> higherIsBetter ? v.compareTo(mine) > 0 : v.compareTo(mine) < 0).count();
            assertThat(ranking.rank()).as(ranking.districtCode()).isEqualTo(better + 1);
            if (period.equals("2017Q1")) {
                assertThat(ranking.change()).isNull();
            } else {
                String previous = "2017Q" + (Integer.parseInt(period.substring(5)) - 1);
                assertThat(ranking.change()).isEqualByComparingTo(mine.subtract(values(previous, indicator)
                        .get(ranking.districtCode())));
            }
        }
        assertThat(rankings).isSortedAccordingTo(Comparator.comparingInt(DistrictRanking::rank));
    }

    private Map<String, BigDecimal> values(String period, String indicator) {
        return indicators.districtValues(period, indicator).stream()
                .collect(Collectors.toMap(IndicatorValue::districtCode, IndicatorValue::value));
    }
}
