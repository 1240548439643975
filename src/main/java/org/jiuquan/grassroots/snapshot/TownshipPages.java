package org.jiuquan.grassroots.snapshot;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jiuquan.grassroots.i18n.Translations;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Township pages of a district's meeting pack, and a township's snapshot: the township's area outlined (its
 * real boundary, or the approximate area, said so on the page), its organisations, its indicators of the
 * quarter (township_indicator, V56/V61) and its weak and rectifying organisations, listed and marked.
 */
@Component
class TownshipPages {

    static final Color OUTLINE = Color.decode("#333333");

    /** The district's townships that have an area, with their indicators at the period's end. */
    static final String TOWNSHIPS = """
            SELECT t.code, t.name_zh, t.district_code, a.approximate,
                   ST_AsBinary(ST_Transform(a.area, 3857)) AS area,
                   ST_XMin(a.area) AS min_lon, ST_YMin(a.area) AS min_lat, ST_XMax(a.area) AS max_lon,
                   ST_YMax(a.area) AS max_lat, i.organisations, i.villages, i.grid_branches, i.weak, i.rectifying,
                   i.fortress_index_mean, i.villages_with_contact_share, i.contact_distance_p90_m
            FROM township t JOIN township_area a ON a.code = t.code
            CROSS JOIN LATERAL (SELECT * FROM township_indicator x
                                WHERE x.township_code = t.code AND x.period = :period) i
            WHERE (CAST(:district AS text) IS NULL OR t.district_code = :district)
              AND (CAST(:township AS text) IS NULL OR t.code = :township)
            ORDER BY t.code""";

    /** One township's page, ready for SnapshotService's page builder. */
    record TownshipPage(String code, String nameZh, String districtCode, double[] extent3857,
                        List<PageContent.TableRow> table, String tableTitle, PageContent.Overlay overlay) {
    }

    private record Row(String code, String nameZh, String districtCode, boolean approximate, Geometry area3857,
                       double[] lonLat, long organisations, long villages, long gridBranches, long weak,
                       long rectifying, @Nullable BigDecimal fortressMean, @Nullable BigDecimal contactShare,
                       @Nullable BigDecimal distanceP90) {
    }

    private final JdbcClient jdbc;
    private final WeakOrganisationList weakOrganisations;
    private final Translations translations;

    TownshipPages(JdbcClient jdbc, WeakOrganisationList weakOrganisations, Translations translations) {
        this.jdbc = jdbc;
        this.weakOrganisations = weakOrganisations;
        this.translations = translations;
    }

    /** A page per township of the district (those with an area), in code order. */
    List<TownshipPage> ofDistrict(String districtCode, String period, Locale locale) {
        return pages(districtCode, null, period, locale);
    }

    /** The township's page, if it is a known township with an area. */
    @Nullable TownshipPage ofTownship(String townshipCode, String period, Locale locale) {
        List<TownshipPage> pages = pages(null, townshipCode, period, locale);
        return pages.isEmpty() ? null : pages.getFirst();
    }

    private List<TownshipPage> pages(@Nullable String district, @Nullable String township, String period,
                                     Locale locale) {
        List<Row> rows = jdbc.sql(TOWNSHIPS).param("district", district).param("township", township)
                .param("period", period).query((rs, n) -> new Row(rs.getString("code"), rs.getString("name_zh"),
                        rs.getString("district_code"), rs.getBoolean("approximate"), geometry(rs.getBytes("area")),
                        new double[] {rs.getDouble("min_lon"), rs.getDouble("min_lat"), rs.getDouble("max_lon"),
                                rs.getDouble("max_lat")},
                        rs.getLong("organisations"), rs.getLong("villages"), rs.getLong("grid_branches"),
                        rs.getLong("weak"), rs.getLong("rectifying"), rs.getBigDecimal("fortress_index_mean"),
                        rs.getBigDecimal("villages_with_contact_share"), rs.getBigDecimal("contact_distance_p90_m")))
                .list();
        List<TownshipPage> pages = new ArrayList<>();
        for (Row row : rows) {
            List<SnapshotRepository.WeakOrganisation> weak = weakOrganisations.of(row.districtCode(), period).stream()
                    .filter(o -> row.nameZh().equals(o.townshipZh())).toList();
            List<PageContent.TableRow> table = new ArrayList<>(figures(row, locale));
            table.addAll(weakOrganisations.rows(weak, locale));
            PageContent.Overlay marks = weakOrganisations.marks(weak, locale);
            List<PageContent.LegendLine> legend = new ArrayList<>();
            legend.add(new PageContent.LegendLine(OUTLINE, tr(row.approximate()
                    ? "snapshot.township-area-approximate" : "snapshot.township-area", locale, row.nameZh()), true));
            legend.addAll(marks.legend());
            PageContent.Overlay overlay = new PageContent.Overlay(
                    List.of(new PageContent.Area(row.area3857(), OUTLINE)), marks.spots(), legend);
            double[] extent = MapFrame.extent(row.lonLat()[0], row.lonLat()[1], row.lonLat()[2], row.lonLat()[3], 0.15);
            pages.add(new TownshipPage(row.code(), row.nameZh(), row.districtCode(), extent, table,
                    tr("snapshot.township-table", locale, row.nameZh(), row.code()), overlay));
        }
        return pages;
    }

    private List<PageContent.TableRow> figures(Row row, Locale locale) {
        List<PageContent.TableRow> rows = new ArrayList<>();
        rows.add(figure("snapshot.township-organisations", String.valueOf(row.organisations()), locale));
        rows.add(figure("snapshot.township-villages", String.valueOf(row.villages()), locale));
        rows.add(figure("snapshot.township-grid-branches", String.valueOf(row.gridBranches()), locale));
        rows.add(figure("snapshot.township-weak", String.valueOf(row.weak()), locale));
        rows.add(figure("snapshot.township-rectifying", String.valueOf(row.rectifying()), locale));
        rows.add(figure("snapshot.township-fortress", plain(row.fortressMean()), locale));
        rows.add(figure("snapshot.township-contact-share", row.contactShare() == null ? "–"
                : row.contactShare().movePointRight(2).stripTrailingZeros().toPlainString() + " %", locale));
        rows.add(figure("snapshot.township-contact-p90", row.distanceP90() == null ? "–"
                : plain(row.distanceP90()) + " m", locale));
        if (row.approximate()) {
            rows.add(new PageContent.TableRow(tr("snapshot.township-approximate-note", locale), "", "", false));
        }
        return rows;
    }

    private PageContent.TableRow figure(String key, String value, Locale locale) {
        return new PageContent.TableRow(tr(key, locale), value, "", false);
    }

    private static String plain(@Nullable BigDecimal value) {
        return value == null ? "–" : value.stripTrailingZeros().toPlainString();
    }

    private static Geometry geometry(byte[] wkb) {
        try {
            return new WKBReader().read(Objects.requireNonNull(wkb));
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS wrote a township area JTS cannot read", e);
        }
    }

    private String tr(String key, Locale locale, Object... parameters) {
        return translations.getTranslation(key, locale, parameters);
    }
}
