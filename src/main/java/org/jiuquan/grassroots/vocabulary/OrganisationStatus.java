package org.jiuquan.grassroots.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a party organisation stands. "Weak" (软弱涣散) and "rectifying" (正在整顿) are the weak statuses: the
 * map rings them, tiles and pages count them, the cluster analysis looks for them.
 */
public enum OrganisationStatus {
    NORMAL("normal", false),
    WEAK("weak", true),
    RECTIFYING("rectifying", true),
    RECTIFIED("rectified", false);

    /** Every code, in this order (the order of filters and legends). */
    public static final List<String> CODES = Arrays.stream(values()).map(OrganisationStatus::code).toList();

    /** The codes of the weak statuses. */
    public static final List<String> WEAK_CODES = Arrays.stream(values()).filter(OrganisationStatus::weak)
            .map(OrganisationStatus::code).toList();

    private final String code;
    private final boolean weak;

    OrganisationStatus(String code, boolean weak) {
        this.code = code;
        this.weak = weak;
    }

    public String code() {
        return code;
    }

    public boolean weak() {
        return weak;
    }

    public static Optional<OrganisationStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** Whether a stored status code is one of the weak statuses. */
    public static boolean isWeak(String code) {
        return WEAK_CODES.contains(code);
    }

    /** The SQL condition "this status expression is a weak status": {@code <expression> IN ('weak', 'rectifying')}. */
    public static String weakSql(String expression) {
        return expression + " IN " + WEAK_CODES.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    /** The codes as a person reads them in a message: "normal, weak, rectifying, rectified". */
    public static String listed() {
        return String.join(", ", CODES);
    }
}
