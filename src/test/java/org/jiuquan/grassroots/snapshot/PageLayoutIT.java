package org.jiuquan.grassroots.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.map.DashboardState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real pages of a meeting pack (the city page and every district's page) laid out with the real font on
 * the demo data: no district name overlaps another, and no contact-point badge covers another or a name.
 */
@PostgisIntegrationTest
class PageLayoutIT {

    @Autowired
    SnapshotService snapshots;
    @Autowired
    CjkFont font;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"en, a4-landscape", "en, a4-portrait", "zh, a4-landscape", "zh, a4-portrait", "en, a3-landscape",
            "zh, a3-portrait"})
    void noNameOverlapsAnotherAndNoBadgeCoversABadgeOrANameOnTheCityAndDistrictPages(String lang, String size)
            throws IOException {
        // Given the pack of a view with every point layer shown, contact points as badges on their organisations
        DashboardState view = DashboardState.defaults("2017Q4").withLang(lang).withLayer("villages", true)
                .withLayer("grid-branches", true).withLayer("contact-points", true);
        PageSize page = PageSize.ofCode(size).orElseThrow();
        List<PageContent> pages = snapshots.meetingPackPages(view, page, "tester", null, false);
        assertThat(pages).hasSize(8);
        int badgesDrawn = 0;

        for (int i = 0; i < pages.size(); i++) {
            // When each page is laid out with the font the files use
            BufferedImage image = new BufferedImage((int) page.width(), (int) page.height(), BufferedImage.TYPE_INT_RGB);
            Java2DCanvas canvas = new Java2DCanvas(image, 1, font);
            PageDrawing.Drawn drawn;
            try {
                drawn = PageDrawing.drawn(canvas, pages.get(i));
            } finally {
                canvas.dispose();
            }

            // Then every name has a place of its own inside the map
            String where = pages.get(i).title();
            if (i == 0) {
                assertThat(drawn.labels()).as(where).hasSize(7);
            } else {
                assertThat(drawn.labels()).as(where).isNotEmpty();
            }
            assertThat(drawn.labels()).as(where).allSatisfy(box -> assertThat(drawn.map().contains(box)).isTrue());
            for (int a = 0; a < drawn.labels().size(); a++) {
                for (int b = a + 1; b < drawn.labels().size(); b++) {
                    assertThat(drawn.labels().get(a).intersects(drawn.labels().get(b)))
                            .as("%s: %s over %s", where, drawn.labels().get(a), drawn.labels().get(b)).isFalse();
                }
            }
            // And no badge lies on another badge or on a name
            List<Ellipse2D> badges = drawn.badges();
            badgesDrawn += badges.size();
            for (int a = 0; a < badges.size(); a++) {
                Ellipse2D one = badges.get(a);
                for (Rectangle2D label : drawn.labels()) {
                    assertThat(touches(one, label)).as("%s: badge at %.1f,%.1f on %s", where, one.getCenterX(),
                            one.getCenterY(), label).isFalse();
                }
                for (int b = a + 1; b < badges.size(); b++) {
                    Ellipse2D other = badges.get(b);
                    assertThat(Math.hypot(one.getCenterX() - other.getCenterX(), one.getCenterY() - other.getCenterY()))
                            .as("%s: badges at %.1f,%.1f", where, one.getCenterX(), one.getCenterY())
                            .isGreaterThanOrEqualTo(one.getWidth() / 2 + other.getWidth() / 2 - 1e-6);
                }
            }
        }
        // (the district pages, zoomed in, show contact points one by one: the check above had badges to check)
        assertThat(badgesDrawn).isPositive();
    }

    private static boolean touches(Ellipse2D disc, Rectangle2D box) {
        double x = Math.clamp(disc.getCenterX(), box.getX(), box.getMaxX());
        double y = Math.clamp(disc.getCenterY(), box.getY(), box.getMaxY());
        return Math.hypot(x - disc.getCenterX(), y - disc.getCenterY()) < disc.getWidth() / 2 - 1e-6;
    }
}
