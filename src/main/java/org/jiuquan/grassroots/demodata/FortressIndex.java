package org.jiuquan.grassroots.demodata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

/**
 * The fortress index (堡垒指数) as a weighted sum of six component scores (see V7 migration and the
 * methodology the app shows). The generator makes component scores around an organisation's level and
 * takes the index from them, so the two always agree.
 */
public final class FortressIndex {

    /** Component names as stored, in order, with their weights in percent (they add up to 100). */
    public static final List<String> COMPONENTS = List.of("life", "secretary", "members", "venue", "funding", "problems");
    public static final List<Integer> WEIGHTS = List.of(25, 20, 15, 15, 10, 15);

    private FortressIndex() {
    }

    public static BigDecimal of(List<BigDecimal> components) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < COMPONENTS.size(); i++) {
            sum = sum.add(components.get(i).multiply(BigDecimal.valueOf(WEIGHTS.get(i))));
        }
        return sum.divide(BigDecimal.valueOf(100), 1, RoundingMode.HALF_UP);
    }

    /** Component scores scattered around a level, each 0-100 with one decimal. */
    static List<BigDecimal> around(double level, Random random) {
        return COMPONENTS.stream()
                .map(c -> BigDecimal.valueOf(Math.max(0, Math.min(100, level + random.nextGaussian() * 8)))
                        .setScale(1, RoundingMode.HALF_UP))
                .toList();
    }
}
