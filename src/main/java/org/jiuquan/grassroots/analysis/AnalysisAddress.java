package org.jiuquan.grassroots.analysis;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The analysis page's address and its download links: reading parameters, writing the table's filters. */
final class AnalysisAddress {

    private AnalysisAddress() {
    }

    static @Nullable String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static String first(Map<String, List<String>> parameters, String name, String fallback) {
        String value = first(parameters, name);
        return value == null ? fallback : value;
    }

    static Optional<Double> number(Map<String, List<String>> parameters, String name) {
        try {
            String value = first(parameters, name);
            return value == null ? Optional.empty() : Optional.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String filterQuery(AnalysisFilter filter, @Nullable String ring) {
        StringBuilder query = new StringBuilder();
        if (filter.district() != null) query.append("&district=").append(filter.district());
        if (filter.kind() != null) query.append("&org_kind=").append(filter.kind());
        if (filter.status() != null) query.append("&status=").append(filter.status());
        if (filter.minIndex() != null) query.append("&min_index=").append(filter.minIndex());
        if (filter.maxIndex() != null) query.append("&max_index=").append(filter.maxIndex());
        if (ring != null) {
            query.append("&area=").append(URLEncoder.encode(ring, StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
