package org.jiuquan.grassroots.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jiuquan.grassroots.geo.Bbox;
import org.jiuquan.grassroots.vocabulary.OrganisationKind;
import org.jiuquan.grassroots.vocabulary.OrganisationStatus;
import org.jspecify.annotations.Nullable;

/**
 * What the dashboard shows, as it travels in the URL so a view can be bookmarked, shared, or exported as a
 * snapshot (the snapshot endpoint reads the same parameters):
 * {@code ?indicator=…&period=…&method=…&classes=…&district=…&kind=…&status=…&layers=…&bbox=…&lang=…&present=1
 * &compare=…} (compare: a second quarter shown beside the selected one).
 */
public record DashboardState(String indicator, String period, String method, int classes, @Nullable String district,
                      @Nullable String kind, @Nullable String status, Set<String> layers, double @Nullable [] bbox,
                      String lang, boolean presentation, @Nullable String compare) {

    public static final String DEFAULT_INDICATOR = "enterprise_coverage";
    public static final List<String> ALL_LAYERS = List.of("districts", "villages", "grid-branches", "enterprises",
            "social-organisations", "contact-points");
    /** Enterprises and social organisations are off until asked for: they are not the map's subject. */
    public static final List<String> DEFAULT_LAYERS = List.of("districts", "villages", "grid-branches", "contact-points");
    public static final List<String> METHODS = List.of("quantile", "equal", "jenks");
    public static final List<String> DISTRICTS = List.of("620902", "620921", "620922", "620923", "620924", "620981", "620982");
    public static final List<String> KINDS = OrganisationKind.BRANCH_CODES;
    public static final List<String> STATUSES = OrganisationStatus.CODES;

    /** A state read from a URL, with the parameters that were not valid (name and value) and so ignored. */
    public record Parsed(DashboardState state, List<Map.Entry<String, String>> invalid) {
    }

    public static DashboardState defaults(String latestPeriod) {
        return new DashboardState(DEFAULT_INDICATOR, latestPeriod, "quantile", 5, null, null, null,
                new LinkedHashSet<>(DEFAULT_LAYERS), null, "zh", false, null);
    }

    public static Parsed parse(Map<String, List<String>> parameters, Set<String> indicators, List<String> periods) {
        DashboardState d = defaults(periods.isEmpty() ? "2017Q4" : periods.get(periods.size() - 1));
        List<Map.Entry<String, String>> invalid = new ArrayList<>();
        Reader r = new Reader(parameters, invalid);
        String indicator = r.oneOf("indicator", indicators, d.indicator());
        String period = r.oneOf("period", Set.copyOf(periods), d.period());
        String method = r.oneOf("method", Set.copyOf(METHODS), d.method());
        String classesText = r.oneOf("classes", Set.of("3", "4", "5", "6", "7"), String.valueOf(d.classes()));
        String district = r.optional("district", Set.copyOf(DISTRICTS));
        String kind = r.optional("kind", Set.copyOf(KINDS));
        String status = r.optional("status", Set.copyOf(STATUSES));
        String lang = r.oneOf("lang", Set.of("zh", "en"), "zh");
        boolean presentation = "1".equals(r.oneOf("present", Set.of("0", "1"), "0"));
        String compare = r.optional("compare", Set.copyOf(periods));
        Set<String> layers = r.layers();
        double[] bbox = r.bbox();
        return new Parsed(new DashboardState(indicator, period, method, Integer.parseInt(classesText), district, kind,
                status, layers, bbox, lang, presentation, compare), invalid);
    }

    /** The URL parameters of this state, defaults left out. */
    public Map<String, String> toParameters() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("indicator", indicator);
        out.put("period", period);
        out.put("method", method);
        out.put("classes", String.valueOf(classes));
        putIfSet(out, "district", district);
        putIfSet(out, "kind", kind);
        putIfSet(out, "status", status);
        if (!layers.equals(Set.copyOf(DEFAULT_LAYERS))) {
            out.put("layers", String.join(",", ALL_LAYERS.stream().filter(layers::contains).toList()));
        }
        if (bbox != null) {
            out.put("bbox", String.format(java.util.Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", bbox[0], bbox[1], bbox[2], bbox[3]));
        }
        if (!lang.equals("zh")) {
            out.put("lang", lang);
        }
        if (presentation) {
            out.put("present", "1");
        }
        putIfSet(out, "compare", compare);
        return out;
    }

    public DashboardState withIndicator(String value) {
        return new DashboardState(value, period, method, classes, district, kind, status, layers, bbox, lang, presentation, compare);
    }

    public DashboardState withPeriod(String value) {
        return new DashboardState(indicator, value, method, classes, district, kind, status, layers, bbox, lang, presentation, compare);
    }

    public DashboardState withClassification(String newMethod, int newClasses) {
        return new DashboardState(indicator, period, newMethod, newClasses, district, kind, status, layers, bbox, lang,
                presentation, compare);
    }

    public DashboardState withFilters(@Nullable String newDistrict, @Nullable String newKind, @Nullable String newStatus) {
        return new DashboardState(indicator, period, method, classes, newDistrict, newKind, newStatus, layers, bbox, lang,
                presentation, compare);
    }

    public DashboardState withLayer(String layer, boolean visible) {
        Set<String> next = new LinkedHashSet<>(layers);
        if (visible) {
            next.add(layer);
        } else {
            next.remove(layer);
        }
        return new DashboardState(indicator, period, method, classes, district, kind, status, next, bbox, lang,
                presentation, compare);
    }

    public DashboardState withBbox(double @Nullable [] value) {
        return new DashboardState(indicator, period, method, classes, district, kind, status, layers, value, lang,
                presentation, compare);
    }

    public DashboardState withLang(String value) {
        return new DashboardState(indicator, period, method, classes, district, kind, status, layers, bbox, value,
                presentation, compare);
    }

    public DashboardState withPresentation(boolean value) {
        return new DashboardState(indicator, period, method, classes, district, kind, status, layers, bbox, lang, value, compare);
    }

    /** Another quarter drawn beside the selected one (a swipe on the map); null: none. */
    public DashboardState withCompare(@Nullable String value) {
        return new DashboardState(indicator, period, method, classes, district, kind, status, layers, bbox, lang,
                presentation, value);
    }

    private static void putIfSet(Map<String, String> out, String name, @Nullable String value) {
        if (value != null) {
            out.put(name, value);
        }
    }

    /** Reads single parameters, noting the ones with a value that is not allowed. */
    private record Reader(Map<String, List<String>> parameters, List<Map.Entry<String, String>> invalid) {

        String oneOf(String name, Set<String> allowed, String fallback) {
            String value = optional(name, allowed);
            return value == null ? fallback : value;
        }

        /** The parameter's value if it is set and allowed, else null (a value not allowed is noted). */
        @Nullable String optional(String name, Set<String> allowed) {
            List<String> values = parameters.get(name);
            if (values == null || values.isEmpty() || values.get(0).isBlank()) {
                return null;
            }
            String value = values.get(0).strip();
            if (allowed.contains(value)) {
                return value;
            }
            invalid.add(Map.entry(name, value));
            return null;
        }

        Set<String> layers() {
            List<String> values = parameters.get("layers");
            if (values == null || values.isEmpty()) {
                return new LinkedHashSet<>(DEFAULT_LAYERS);
            }
            Set<String> layers = new LinkedHashSet<>();
            for (String layer : values.get(0).split(",", -1)) {
                if (layer.isBlank()) {
                    continue;
                }
                if (!ALL_LAYERS.contains(layer.strip())) {
                    invalid.add(Map.entry("layers", values.get(0)));
                    return new LinkedHashSet<>(DEFAULT_LAYERS);
                }
                layers.add(layer.strip());
            }
            return layers;
        }

        double @Nullable [] bbox() {
            List<String> values = parameters.get("bbox");
            if (values == null || values.isEmpty()) {
                return null;
            }
            // A box as every endpoint reads it, and somewhere around Jiuquan, minimum below maximum.
            Optional<Bbox> box = Bbox.tryParse(values.get(0)).filter(b -> b.minLon() >= 80 && b.maxLon() <= 110
                    && b.minLat() >= 30 && b.maxLat() <= 50 && b.minLon() < b.maxLon() && b.minLat() < b.maxLat());
            if (box.isPresent()) {
                return box.get().toArray();
            }
            invalid.add(Map.entry("bbox", values.get(0)));
            return null;
        }
    }
}
