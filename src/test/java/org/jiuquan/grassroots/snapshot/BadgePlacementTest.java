package org.jiuquan.grassroots.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadgePlacementTest {

    private static final double RADIUS = 4;

    @Test
    void aLoneBadgeSitsUpAndRightOfItsSymbolAsInTheBrowser() {
        List<BadgePlacement.Placed> placed = BadgePlacement.place(List.of(new BadgePlacement.Badge(100, 100, 6, 3)),
                RADIUS, List.of());

        assertThat(placed).containsExactly(new BadgePlacement.Placed(100 + 6 * 0.9, 100 - 6 * 0.9, 3));
    }

    @Test
    void aBadgeMovesToAnotherCornerRatherThanCoverALabel() {
        Rectangle2D label = new Rectangle2D.Double(100, 80, 40, 18); // up and right of the symbol
        List<BadgePlacement.Placed> placed = BadgePlacement.place(List.of(new BadgePlacement.Badge(100, 100, 6, 2)),
                RADIUS, List.of(label));

        assertThat(placed).hasSize(1);
        assertThat(placed.get(0).x()).isLessThan(100);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void noTwoBadgesOverlapNorCoverALabelAndNoLeaderIsLostBetweenBadges(int seed) {
        // Given 300 organisations with leaders crowded into a small town centre, and two names over it
        Random random = new Random(seed);
        List<BadgePlacement.Badge> badges = new ArrayList<>();
        int leaders = 0;
        for (int i = 0; i < 300; i++) {
            int count = 1 + random.nextInt(4);
            leaders += count;
            badges.add(new BadgePlacement.Badge(200 + random.nextGaussian() * 25, 200 + random.nextGaussian() * 25, 6,
                    count));
        }
        List<Rectangle2D> labels = List.of(new Rectangle2D.Double(150, 190, 60, 14),
                new Rectangle2D.Double(215, 160, 70, 28));

        // When they are placed
        List<BadgePlacement.Placed> placed = BadgePlacement.place(badges, RADIUS, labels);

        // Then no two discs touch, none covers a name, and the badges count every leader but the few left
        // out because only names surrounded them
        for (int i = 0; i < placed.size(); i++) {
            BadgePlacement.Placed a = placed.get(i);
            for (Rectangle2D label : labels) {
                double nx = Math.clamp(a.x(), label.getX(), label.getMaxX());
                double ny = Math.clamp(a.y(), label.getY(), label.getMaxY());
                assertThat(Math.hypot(nx - a.x(), ny - a.y())).as("badge %s over %s", a, label)
                        .isGreaterThanOrEqualTo(RADIUS);
            }
            for (int j = i + 1; j < placed.size(); j++) {
                BadgePlacement.Placed b = placed.get(j);
                assertThat(Math.hypot(a.x() - b.x(), a.y() - b.y())).as("%s and %s", a, b)
                        .isGreaterThanOrEqualTo(2 * RADIUS);
            }
        }
        assertThat(placed.size()).isLessThan(300);
        assertThat(placed.stream().mapToInt(BadgePlacement.Placed::count).sum()).isBetween(leaders * 9 / 10, leaders);
    }

    @Test
    void withoutLabelsEveryLeaderIsCountedOnce() {
        Random random = new Random(42);
        List<BadgePlacement.Badge> badges = new ArrayList<>();
        int leaders = 0;
        for (int i = 0; i < 200; i++) {
            leaders += 2;
            badges.add(new BadgePlacement.Badge(random.nextDouble() * 60, random.nextDouble() * 60, 6, 2));
        }

        List<BadgePlacement.Placed> placed = BadgePlacement.place(badges, RADIUS, List.of());

        assertThat(placed.stream().mapToInt(BadgePlacement.Placed::count).sum()).isEqualTo(leaders);
    }
}
