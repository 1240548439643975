package org.jiuquan.grassroots.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The analyses a planner can run; the code is what URLs and the API use. */
public enum AnalysisKind {
    CLUSTERS("weak-clusters"), HOT_SPOTS("hot-spots"), COVERAGE_GAPS("coverage-gaps");

    private final String code;

    AnalysisKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<AnalysisKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code.toLowerCase(Locale.ROOT))).findFirst();
    }
}
