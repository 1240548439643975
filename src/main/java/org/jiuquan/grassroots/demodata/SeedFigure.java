package org.jiuquan.grassroots.demodata;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One figure of the source article (seed-figures.csv) and how the demo reproduces it.
 *
 * @param sourceValue the article's figure, absent for the few illustrative figures the article lacks
 * @param qualifier   exact, more_than (the article says "多" or "余": the demo value is a little above)
 *                    or illustrative
 * @param demoValue   the city value at 2017Q4 in the demo dataset (at scale 1)
 * @param profile     how the value moves through the quarters: derived (counted from the organisations
 *                    or computed from other indicators), cumulative (year to date), rising (a stock that
 *                    grows), constant, second_half (nothing before July), floor/ceiling (the lowest or
 *                    highest district value is the figure), uniform (every district the same)
 * @param spread      which districts carry more of a sum: villages, urban, mixed or even
 */
public record SeedFigure(String code, @Nullable BigDecimal sourceValue, String qualifier, BigDecimal demoValue,
                         String profile, String spread, String sourceZh) {

    public static List<SeedFigure> parse(String text) {
        return Csv.read(DatasetFiles.SEED_FIGURES, new StringReader(text),
                        List.of("code", "source_value", "qualifier", "demo_value", "profile", "spread", "source_zh"))
                .stream()
                .map(row -> new SeedFigure(row.get("code"),
                        row.get("source_value").isBlank() ? null : new BigDecimal(row.get("source_value")),
                        row.get("qualifier"), new BigDecimal(row.get("demo_value")), row.get("profile"),
                        row.get("spread"), row.get("source_zh")))
                .toList();
    }
}
