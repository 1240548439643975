package org.jiuquan.grassroots.districts;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** A district with its seat and its extent (longitude/latitude). */
public record District(String code, String nameZh, String nameEn, double seatLon, double seatLat,
                       double minLon, double minLat, double maxLon, double maxLat,
                       @Nullable String brandZh, @Nullable String brandEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
