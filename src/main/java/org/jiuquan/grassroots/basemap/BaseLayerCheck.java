package org.jiuquan.grassroots.basemap;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What makes a base layer usable: a well-formed http(s) URL with the placeholders its kind needs, a Tianditu
 * key of the right shape, and a datum that matches our points. Our points are WGS 84 (Tianditu's CGCS2000
 * agrees with it to well under a pixel); GCJ-02 (Gaode/Amap, Tencent) and BD-09 (Baidu) tiles are shifted by
 * 300-700 m inside China, so they are refused rather than drawn under points that would then sit off.
 */
final class BaseLayerCheck {

    /** Tile hosts known to serve GCJ-02 or BD-09 maps. */
    private static final List<String> SHIFTED_HOSTS = List.of("amap.com", "autonavi.com", "gaode.com", "map.qq.com",
            "map.gtimg.com", "tencent.com", "map.baidu.com", "bdimg.com", "bdstatic.com");
    private static final Pattern TIANDITU_KEY = Pattern.compile("[0-9a-fA-F]{32}");

    private BaseLayerCheck() {
    }

    /** @param datum what the admin says the tiles are in: wgs84 (or CGCS2000), gcj02 or bd09 */
    static BaseLayer check(BaseLayer.Kind kind, @Nullable String url, @Nullable String wmtsLayer,
                           @Nullable String matrixSet, @Nullable String apiKey, String datum) {
        if (!datum.equals("wgs84")) {
            throw new BaseLayerException("basemap.shifted-datum", datum.equals("bd09") ? "BD-09" : "GCJ-02");
        }
        return switch (kind) {
            case NONE -> BaseLayer.NONE;
            case TIANDITU -> {
                String key = blankToNull(apiKey);
                if (key == null || !TIANDITU_KEY.matcher(key).matches()) {
                    throw new BaseLayerException("basemap.bad-key");
                }
                yield new BaseLayer(kind, null, null, null, key);
            }
            case XYZ -> {
                String template = checkUrl(url);
                if (!template.contains("{z}") || !template.contains("{x}") || !(template.contains("{y}") || template.contains("{-y}"))) {
                    throw new BaseLayerException("basemap.no-placeholders", template);
                }
                yield new BaseLayer(kind, template, null, null, null);
            }
            case WMTS -> {
                String endpoint = checkUrl(url);
                String layer = blankToNull(wmtsLayer);
                String set = blankToNull(matrixSet);
                if (layer == null || set == null) {
                    throw new BaseLayerException("basemap.wmts-incomplete");
                }
                yield new BaseLayer(kind, endpoint, layer, set, null);
            }
        };
    }

    private static String checkUrl(@Nullable String value) {
        String url = blankToNull(value);
        if (url == null) {
            throw new BaseLayerException("basemap.no-url");
        }
        URI uri;
        try {
            uri = new URI(url.replaceAll("\\{[^}]*}", "0"));
        } catch (URISyntaxException e) {
            throw new BaseLayerException("basemap.bad-url", url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new BaseLayerException("basemap.bad-url", url);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (String shifted : SHIFTED_HOSTS) {
            if (host.equals(shifted) || host.endsWith("." + shifted)) {
                throw new BaseLayerException("basemap.shifted-host", uri.getHost());
            }
        }
        return url;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
