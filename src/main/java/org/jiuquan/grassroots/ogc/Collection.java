package org.jiuquan.grassroots.ogc;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiuquan.grassroots.vocabulary.OrganisationKind;
import org.jiuquan.grassroots.vocabulary.OrganisationStatus;

/** The feature collections the API serves, with the property filters each one accepts. */
enum Collection {
    DISTRICTS("districts", "区县", "Districts",
            "酒泉市七个县级行政区（轮廓为真实数据），属性含所选时期（period 参数）的各项指标。 / The seven county-level districts of Jiuquan (real outlines), with the indicator values of the chosen period (period parameter) as properties.",
            Map.of("district", Filters.DISTRICTS)),
    VILLAGES("villages", "行政村党组织", "Village party organisations",
            "434 个行政村党组织（演示数据，位置为虚构）。 / 434 village party organisations (synthetic demo data).",
            Map.of("district", Filters.DISTRICTS, "status", Filters.STATUSES)),
    GRID_BRANCHES("grid-branches", "社区网格党组织", "Community grid party organisations",
            "846 个社区网格党组织（演示数据，位置为虚构）。 / 846 community grid party organisations (synthetic demo data).",
            Map.of("district", Filters.DISTRICTS, "status", Filters.STATUSES)),
    ENTERPRISES("enterprises", "非公企业党组织", "Non-public enterprise party organisations",
            "领导干部联系的非公企业（演示数据，位置为虚构）。 / Non-public enterprises that leaders contact (synthetic demo data).",
            Map.of("district", Filters.DISTRICTS, "status", Filters.STATUSES)),
    SOCIAL_ORGANISATIONS("social-organisations", "社会组织党组织", "Social organisation party organisations",
            "领导干部联系的社会组织（演示数据，位置为虚构）。 / Social organisations that leaders contact (synthetic demo data).",
            Map.of("district", Filters.DISTRICTS, "status", Filters.STATUSES)),
    CONTACT_POINTS("contact-points", "领导干部联系点", "Leaders' contact points",
            "1346 个领导干部联系点，每个联系点连接一名领导干部和一个党组织（演示数据）。 / 1,346 leaders' contact points, each linking one leader to one party organisation (synthetic demo data).",
            Map.of("district", Filters.DISTRICTS, "status", Filters.STATUSES, "level", Filters.LEVELS,
                    "kind", Filters.KINDS)),
    TOWNSHIPS("townships", "乡镇（街道）", "Townships",
            "84 个乡镇（街道），名称和 9 位代码为国家统计局 2023 年统计用区划代码；范围为近似（approximate: true）：各乡镇党组织点位的泰森多边形按区县轮廓裁剪后合并，载入真实边界后替换。属性含所选时期（period 参数）的乡镇指标。 / The 84 townships (official NBS 2023 names and 9-digit codes); areas are approximate (approximate: true): the Voronoi cells of each township's organisations, clipped to the district and merged, until real boundaries are loaded. Properties hold the township indicators of the chosen period (period parameter).",
            Map.of("district", Filters.DISTRICTS));

    private final String id;
    private final String titleZh;
    private final String titleEn;
    private final String description;
    private final Map<String, List<String>> filters;

    Collection(String id, String titleZh, String titleEn, String description, Map<String, List<String>> filters) {
        this.id = id;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.description = description;
        this.filters = new LinkedHashMap<>(filters);
    }

    String id() {
        return id;
    }

    String title(boolean english) {
        return english ? titleEn : titleZh;
    }

    String description() {
        return description;
    }

    /** Filter parameter -> the values it may take. */
    Map<String, List<String>> filters() {
        return filters;
    }

    boolean isOrganisationKind() {
        return this != DISTRICTS && this != CONTACT_POINTS && this != TOWNSHIPS;
    }

    /**
     * Whether the collection takes the township filter (a township's 9-digit code, as the drill-down knows it):
     * the point layers, whose organisations belong to a township. Not in {@link #filters()}: its values are the
     * townships loaded, checked against the database (FeatureRepository.townshipExists).
     */
    boolean takesTownship() {
        return isOrganisationKind() || this == CONTACT_POINTS;
    }

    /** The organisation kind stored for this collection (organisation collections only). */
    String organisationKind() {
        return switch (this) {
            case VILLAGES -> "village";
            case GRID_BRANCHES -> "grid_branch";
            case ENTERPRISES -> "enterprise";
            case SOCIAL_ORGANISATIONS -> "social_org";
            default -> throw new IllegalStateException(id + " is not a kind of organisation");
        };
    }

    static Optional<Collection> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Collection::id).toList());
    }

    static final class Filters {
        static final List<String> DISTRICTS = List.of("620902", "620921", "620922", "620923", "620924", "620981", "620982");
        static final List<String> STATUSES = OrganisationStatus.CODES;
        static final List<String> LEVELS = List.of("city", "county", "township");
        static final List<String> KINDS = OrganisationKind.CODES;

        private Filters() {
        }
    }
}
