package org.jiuquan.grassroots.organisations;

/**
 * A search result: an organisation (layer villages, grid-branches, or organisations for enterprises and
 * social organisations) or a district (layer districts), with where to zoom.
 */
public record SearchHit(String layer, String id, String nameZh, String nameEn, String districtCode, double lon,
                        double lat) {
}
