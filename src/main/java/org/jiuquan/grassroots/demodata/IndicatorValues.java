package org.jiuquan.grassroots.demodata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.jiuquan.grassroots.vocabulary.OrganisationStatus;
import org.jspecify.annotations.Nullable;

/**
 * Per-district values for every indicator and quarter, made so that the city figure at 2017Q4 is the
 * article's (times the scale factor for sums), and so that the quarters tell the year's story.
 */
final class IndicatorValues {

    private static final Map<String, double[]> QUARTER_SHARES = Map.of(
            "cumulative", new double[] {0.22, 0.48, 0.74, 1},
            "rising", new double[] {0.90, 0.94, 0.97, 1},
            "constant", new double[] {1, 1, 1, 1},
            "second_half", new double[] {0, 0, 0.55, 1});
    private static final List<LocalDate> QUARTER_ENDS = List.of(LocalDate.of(2017, 3, 31), LocalDate.of(2017, 6, 30),
            LocalDate.of(2017, 9, 30), LocalDate.of(2017, 12, 31));

    /**
     * The indicators PostGIS computes from the organisation tables (the computed_indicator table of V11; a
     * test holds the two lists together). They and the ratios are made here only to check the seed figures,
     * and are not written to the dataset.
     */
    static final Set<String> COMPUTED_IN_DATABASE = Set.of("villages", "grid_branches", "contact_points",
            "weak_rectified", "weak_open");

    private final int scale;
    private final Random random;
    private final List<Dataset.Organisation> organisations;
    private final List<Dataset.StatusChange> statusChanges;
    private final List<Dataset.ContactPoint> contactPoints;
    private final Map<String, Integer> communities;
    private final List<String> districts = List.copyOf(DemoDataGenerator.VILLAGES.keySet());
    /** indicator -> period index (0-3) -> district -> value */
    private final Map<String, List<Map<String, BigDecimal>>> values = new LinkedHashMap<>();

    IndicatorValues(int scale, Random random, List<Dataset.Organisation> organisations,
                    List<Dataset.StatusChange> statusChanges, List<Dataset.ContactPoint> contactPoints,
                    Map<String, Integer> communities) {
        this.scale = scale;
        this.random = random;
        this.organisations = organisations;
        this.statusChanges = statusChanges;
        this.contactPoints = contactPoints;
        this.communities = communities;
    }

    List<Dataset.IndicatorValue> make(List<Dataset.Indicator> indicators, List<SeedFigure> figures) {
        Map<String, SeedFigure> byCode = figures.stream().collect(Collectors.toMap(SeedFigure::code, f -> f));
        Map<String, Dataset.Indicator> definitions = new HashMap<>();
        for (Dataset.Indicator indicator : indicators) {
            definitions.put(indicator.code(), indicator);
            if (!byCode.containsKey(indicator.code())) {
                throw new DatasetException("seed-figures.csv has no figure for indicator " + indicator.code());
            }
        }
        // Ratios last: they are computed from indicators made before them.
        List<Dataset.Indicator> ordered = new ArrayList<>(indicators);
        ordered.sort(Comparator.comparing(i -> i.aggregation().equals("ratio")));
        for (Dataset.Indicator indicator : ordered) {
            SeedFigure figure = known(byCode, indicator.code());
            values.put(indicator.code(), switch (figure.profile()) {
                case "derived" -> derived(indicator);
                case "floor" -> floor(figure.demoValue().intValueExact());
                case "ceiling" -> ceiling(figure.demoValue().intValueExact());
                case "uniform" -> everyQuarter(districtsWith(figure.demoValue()));
                default -> spreadSum(figure);
            });
            verify(indicator, figure);
        }
        List<Dataset.IndicatorValue> rows = new ArrayList<>();
        for (Dataset.Indicator indicator : indicators) {
            if (COMPUTED_IN_DATABASE.contains(indicator.code()) || indicator.aggregation().equals("ratio")) {
                continue;
            }
            List<Map<String, BigDecimal>> quarters = known(values, indicator.code());
            for (int q = 0; q < 4; q++) {
                for (String district : districts) {
                    rows.add(new Dataset.IndicatorValue(indicator.code(), district, Dataset.PERIODS.get(q),
                            known(quarters.get(q), district)));
                }
            }
        }
        return rows;
    }

    /** Splits the 2017 total over districts by weight (largest remainder, so the sum is exact), then over quarters. */
    private List<Map<String, BigDecimal>> spreadSum(SeedFigure figure) {
        double[] shares = QUARTER_SHARES.get(figure.profile());
        if (shares == null) {
            throw new DatasetException("seed-figures.csv: unknown profile '" + figure.profile() + "' for " + figure.code());
        }
        long total = figure.demoValue().longValueExact() * scale;
        Map<String, Long> yearEnd = largestRemainder(total, weights(figure.spread()));
        List<Map<String, BigDecimal>> quarters = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            Map<String, BigDecimal> quarter = new LinkedHashMap<>();
            for (String district : districts) {
                long value = q == 3 ? known(yearEnd, district) : (long) Math.floor(known(yearEnd, district) * shares[q]);
                quarter.put(district, BigDecimal.valueOf(value));
            }
            quarters.add(quarter);
        }
        return quarters;
    }

    private Map<String, Double> weights(String spread) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String district : districts) {
            double base = switch (spread) {
                case "villages" -> DemoDataGenerator.forDistrict(DemoDataGenerator.VILLAGES, district);
                case "urban" -> DemoDataGenerator.forDistrict(DemoDataGenerator.GRID_BRANCHES, district);
                case "mixed" -> DemoDataGenerator.forDistrict(DemoDataGenerator.VILLAGES, district) + DemoDataGenerator.forDistrict(DemoDataGenerator.GRID_BRANCHES, district);
                case "even" -> 1;
                default -> throw new DatasetException("seed-figures.csv: unknown spread '" + spread + "'");
            };
            // Districts differ in more than size: +-10 % keeps ratios plausible and the map varied.
            weights.put(district, base * (0.9 + 0.2 * random.nextDouble()));
        }
        return weights;
    }

    static Map<String, Long> largestRemainder(long total, Map<String, Double> weights) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Long> result = new LinkedHashMap<>();
        Map<String, Double> remainders = new LinkedHashMap<>();
        long given = 0;
        for (var entry : weights.entrySet()) {
            double exact = total * entry.getValue() / sum;
            long whole = (long) Math.floor(exact);
            result.put(entry.getKey(), whole);
            remainders.put(entry.getKey(), exact - whole);
            given += whole;
        }
        List<String> byRemainder = remainders.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
        for (int i = 0; given < total; i++, given++) {
            String district = byRemainder.get(i % byRemainder.size());
            result.put(district, known(result, district) + 1);
        }
        return result;
    }

    /** A floor every district meets (funding, pay): some districts at the figure, the others above it. */
    private List<Map<String, BigDecimal>> floor(int figure) {
        double[] multipliers = {1.0, 1.0, 1.1, 1.2, 1.25};
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String district : districts) {
            double m = multipliers[random.nextInt(multipliers.length)];
            values.put(district, BigDecimal.valueOf(Math.round(figure * m)));
        }
        values.put(districts.get(random.nextInt(districts.size())), BigDecimal.valueOf(figure));
        return everyQuarter(values);
    }

    /** The highest district value is the figure (the top of the 80-180 yuan allowance range). */
    private List<Map<String, BigDecimal>> ceiling(int figure) {
        double[] multipliers = {0.83, 0.89, 1.0};
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String district : districts) {
            double m = multipliers[random.nextInt(multipliers.length)];
            values.put(district, BigDecimal.valueOf(Math.round(figure * m)));
        }
        values.put(districts.get(random.nextInt(districts.size())), BigDecimal.valueOf(figure));
        return everyQuarter(values);
    }

    private Map<String, BigDecimal> districtsWith(BigDecimal value) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        districts.forEach(district -> map.put(district, value));
        return map;
    }

    private static List<Map<String, BigDecimal>> everyQuarter(Map<String, BigDecimal> values) {
        return List.of(values, values, values, values);
    }

    private List<Map<String, BigDecimal>> derived(Dataset.Indicator indicator) {
        return switch (indicator.code()) {
            case "villages" -> everyQuarter(countOrganisations("village"));
            case "grid_branches" -> everyQuarter(countOrganisations("grid_branch"));
            case "contact_points" -> everyQuarter(countContactPoints());
            case "communities" -> everyQuarter(communities.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> BigDecimal.valueOf(e.getValue()), (a, b) -> a, LinkedHashMap::new)));
            case "weak_rectified" -> byQuarterEnd((status) -> status.equals("rectified"), true);
            case "weak_open" -> byQuarterEnd(OrganisationStatus::isWeak, false);
            default -> {
                if (!indicator.aggregation().equals("ratio")) {
                    throw new DatasetException("no rule derives indicator " + indicator.code());
                }
                yield ratio(indicator);
            }
        };
    }

    private Map<String, BigDecimal> countOrganisations(String kind) {
        Map<String, BigDecimal> counts = districtsWith(BigDecimal.ZERO);
        organisations.stream().filter(o -> o.kind().equals(kind))
                .forEach(o -> counts.merge(o.districtCode(), BigDecimal.ONE, BigDecimal::add));
        return counts;
    }

    private Map<String, BigDecimal> countContactPoints() {
        Map<Long, String> districtOf = new HashMap<>();
        organisations.forEach(o -> districtOf.put(o.id(), o.districtCode()));
        Map<String, BigDecimal> counts = districtsWith(BigDecimal.ZERO);
        contactPoints.forEach(c -> counts.merge(districtOf.get(c.organisationId()), BigDecimal.ONE, BigDecimal::add));
        return counts;
    }

    /**
     * Organisations by their status at each quarter's end: ever rectified by then (everRectified), or
     * currently in a matching status.
     */
    private List<Map<String, BigDecimal>> byQuarterEnd(java.util.function.Predicate<String> matches,
                                                       boolean everRectified) {
        Map<Long, String> districtOf = new HashMap<>();
        organisations.forEach(o -> districtOf.put(o.id(), o.districtCode()));
        Map<Long, List<Dataset.StatusChange>> history = statusChanges.stream()
                .collect(Collectors.groupingBy(Dataset.StatusChange::organisationId));
        // Each history sorted once (a stable sort: changes on one day keep their order), then read up to each
        // quarter's end; sorting and streaming it again per quarter cost seconds at large scale factors.
        history.values().forEach(changes -> changes.sort(Comparator.comparing(Dataset.StatusChange::validFrom)));
        List<Map<String, BigDecimal>> quarters = new ArrayList<>();
        for (LocalDate end : QUARTER_ENDS) {
            Map<String, BigDecimal> counts = districtsWith(BigDecimal.ZERO);
            for (var entry : history.entrySet()) {
                Dataset.StatusChange latest = null;
                boolean anyMatches = false;
                for (Dataset.StatusChange change : entry.getValue()) {
                    if (change.validFrom().isAfter(end)) {
                        break;
                    }
                    latest = change;
                    anyMatches |= matches.test(change.status());
                }
                if (latest == null) {
                    continue;
                }
                boolean counted = everRectified ? anyMatches : matches.test(latest.status());
                if (counted) {
                    counts.merge(districtOf.get(entry.getKey()), BigDecimal.ONE, BigDecimal::add);
                }
            }
            quarters.add(counts);
        }
        return quarters;
    }

    private List<Map<String, BigDecimal>> ratio(Dataset.Indicator indicator) {
        List<Map<String, BigDecimal>> numerator = values.get(indicator.numerator());
        List<Map<String, BigDecimal>> denominator = values.get(indicator.denominator());
        if (numerator == null || denominator == null) {
            throw new DatasetException("ratio " + indicator.code() + " needs " + indicator.numerator() + " and "
                    + indicator.denominator() + " first");
        }
        List<Map<String, BigDecimal>> quarters = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            Map<String, BigDecimal> quarter = new LinkedHashMap<>();
            for (String district : districts) {
                BigDecimal d = known(denominator.get(q), district);
                BigDecimal value = d.signum() == 0 ? BigDecimal.ZERO
                        : known(numerator.get(q), district).multiply(indicator.factor())
                                .divide(d, indicator.decimals(), RoundingMode.HALF_UP);
                if (indicator.unitEn().equals("%") && value.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new IllegalStateException(indicator.code() + " above 100 % in " + district);
                }
                quarter.put(district, value);
            }
            quarters.add(quarter);
        }
        return quarters;
    }

    /** The generator checks itself: the city value at 2017Q4 must be the figure of seed-figures.csv. */
    private void verify(Dataset.Indicator indicator, SeedFigure figure) {
        Map<String, BigDecimal> yearEnd = known(values, indicator.code()).get(3);
        BigDecimal city = switch (indicator.aggregation()) {
            case "sum" -> yearEnd.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case "min" -> yearEnd.values().stream().min(BigDecimal::compareTo).orElseThrow();
            case "max" -> yearEnd.values().stream().max(BigDecimal::compareTo).orElseThrow();
            default -> {
                BigDecimal n = known(values, indicator.numerator()).get(3).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal d = known(values, indicator.denominator()).get(3).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                yield n.multiply(indicator.factor()).divide(d, indicator.decimals(), RoundingMode.HALF_UP);
            }
        };
        BigDecimal expected = indicator.aggregation().equals("sum")
                ? figure.demoValue().multiply(BigDecimal.valueOf(scale)) : figure.demoValue();
        if (city.compareTo(expected) != 0) {
            throw new IllegalStateException("indicator " + indicator.code() + ": city value " + city
                    + " at 2017Q4, expected " + expected);
        }
    }

    /** An entry that must exist: indicators are made in dependency order, for every quarter and district. */
    private static <K, V> V known(Map<K, V> map, @Nullable K key) {
        return Objects.requireNonNull(map.get(key), () -> "no value for " + key);
    }
}
