package org.jiuquan.grassroots.snapshot;

import java.util.List;

import org.jiuquan.grassroots.web.ApiProblem;
import org.jspecify.annotations.Nullable;

/** The township parameters of snapshots and meeting packs ({@code township}, {@code townships}), checked. */
final class TownshipParameters {

    private TownshipParameters() {
    }

    /** {@code township}: one 9-digit township code (乡镇、街道). */
    static String townshipCode(List<String> values) {
        String code = values.isEmpty() ? "" : values.getFirst().strip();
        if (values.size() != 1 || !code.matches("[0-9]{9}")) {
            throw ApiProblem.badRequest("problem.bad-township", String.join(",", values));
        }
        return code;
    }

    /** {@code townships}: true or false (absent: false). */
    static boolean townshipPages(@Nullable List<String> values) {
        if (values == null || values.isEmpty() || values.getFirst().isBlank()) {
            return false;
        }
        return switch (values.getFirst().strip()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ApiProblem.badRequest("problem.type-mismatch", "townships", values.getFirst());
        };
    }
}
