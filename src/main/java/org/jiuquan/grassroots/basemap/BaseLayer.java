package org.jiuquan.grassroots.basemap;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A base layer as an admin chose it. The map draws every kind as Web Mercator tiles addressed by zoom, column
 * and row, so each comes down to one or more URL templates with {z}, {x} and {y}.
 *
 * @param url       the XYZ template, or the WMTS server's KVP endpoint
 * @param wmtsLayer the WMTS layer identifier
 * @param matrixSet the WMTS tile matrix set: one of the Web Mercator quad kind (Tianditu's {@code w},
 *                  {@code GoogleMapsCompatible}, {@code EPSG:3857}) whose matrices are named by zoom level
 * @param apiKey    the Tianditu key ({@code tk})
 */
public record BaseLayer(Kind kind, @Nullable String url, @Nullable String wmtsLayer, @Nullable String matrixSet,
                        @Nullable String apiKey) {

    public enum Kind {
        NONE, XYZ, TIANDITU, WMTS;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public static final BaseLayer NONE = new BaseLayer(Kind.NONE, null, null, null, null);

    /** Tianditu's Web Mercator (w) vector map and its Chinese annotation, served from t0 to t7. */
    static final List<String> TIANDITU_LAYERS = List.of("vec", "cva");
    static final String TIANDITU_ORIGIN = "https://*.tianditu.gov.cn";

    /** The URL templates the map draws, lowest first; none for {@link Kind#NONE}. */
    public List<String> tileUrls() {
        return switch (kind) {
            case NONE -> List.of();
            case XYZ -> List.of(String.valueOf(url));
            case TIANDITU -> TIANDITU_LAYERS.stream().map(layer -> "https://t{0-7}.tianditu.gov.cn/" + layer
                    + "_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + layer
                    + "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk="
                    + encode(String.valueOf(apiKey))).toList();
            case WMTS -> List.of(url + (String.valueOf(url).contains("?") ? "&" : "?")
                    + "SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + encode(String.valueOf(wmtsLayer))
                    + "&STYLE=default&TILEMATRIXSET=" + encode(String.valueOf(matrixSet))
                    + "&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}");
        };
    }

    /** Where the page may load the tiles from (its Content-Security-Policy): scheme and host, or none. */
    public List<String> origins() {
        return switch (kind) {
            case NONE -> List.of();
            case TIANDITU -> List.of(TIANDITU_ORIGIN);
            case XYZ, WMTS -> List.of(origin(String.valueOf(url)));
        };
    }

    /** scheme://host[:port] of a URL template; a {a-c} subdomain pattern becomes a wildcard. */
    static String origin(String template) {
        URI uri = URI.create(template.replaceAll("\\{[^}]*}", "0"));
        String host = template.replaceFirst("^[a-zA-Z]+://", "").replaceFirst("[/?].*$", "").replaceFirst(":\\d+$", "");
        String authority = host.contains("{") ? host.replaceFirst("^[^.]*\\{[^}]*}[^.]*\\.", "*.") : uri.getHost();
        return uri.getScheme() + "://" + authority + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
