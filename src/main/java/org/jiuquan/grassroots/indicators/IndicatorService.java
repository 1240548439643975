package org.jiuquan.grassroots.indicators;

import java.util.List;
import java.util.stream.Collectors;

import org.jiuquan.grassroots.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Reads indicators and their values; unknown periods and indicators are refused with a clear problem. */
@Service
public class IndicatorService {

    /** The figures a meeting asks for first (city cards, a meeting pack's cover); all others are a menu away. */
    public static final List<String> KEY_FIGURES = List.of("villages", "grid_branches", "contact_points",
            "weak_rectified", "weak_open", "party_lectures", "enterprise_coverage", "social_org_coverage");

    private final IndicatorRepository repository;

    IndicatorService(IndicatorRepository repository) {
        this.repository = repository;
    }

    public List<Period> periods() {
        return repository.periods();
    }

    public List<Indicator> indicators() {
        return repository.indicators();
    }

    /** The latest period: what the app shows when nobody chose one. */
    public String latestPeriod() {
        List<Period> periods = periods();
        return periods.isEmpty() ? "2017Q4" : periods.get(periods.size() - 1).code();
    }

    /** @throws ApiProblem 400 if there is no such period */
    public String checkPeriod(@Nullable String period) {
        if (period == null || period.isBlank()) {
            return latestPeriod();
        }
        List<String> codes = periods().stream().map(Period::code).toList();
        if (!codes.contains(period)) {
            throw ApiProblem.badRequest("problem.unknown-period", period, String.join(", ", codes));
        }
        return period;
    }

    public List<IndicatorValue> cityValues(@Nullable String period) {
        return repository.cityValues(checkPeriod(period));
    }

    public List<IndicatorValue> districtValues(@Nullable String period, @Nullable String indicator) {
        String checkedPeriod = checkPeriod(period);
        if (indicator != null && indicators().stream().noneMatch(i -> i.code().equals(indicator))) {
            throw ApiProblem.badRequest("problem.unknown-indicator", indicator);
        }
        return repository.districtValues(checkedPeriod, indicator);
    }

    /** Rank and quarter-on-quarter change of every district (or one) for every indicator (or one). */
    public List<DistrictRanking> rankings(@Nullable String period, @Nullable String indicator,
                                          @Nullable String district) {
        return repository.rankings(checkPeriod(period), indicator, district);
    }

    public java.util.Map<String, Indicator> indicatorsByCode() {
        return indicators().stream().collect(Collectors.toMap(Indicator::code, i -> i, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }
}
