package org.jiuquan.grassroots.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelPlacementTest {

    private static final Rectangle2D FRAME = new Rectangle2D.Double(20, 40, 560, 400);

    @Test
    void aLabelWithRoomStaysCentredOnItsAnchor() {
        // Given one label in an empty frame
        List<Rectangle2D> boxes = place(List.of(new LabelPlacement.Label(300, 200, 80, 20)), List.of());

        // Then it is centred on its point
        assertThat(boxes.get(0).getCenterX()).isEqualTo(300);
        assertThat(boxes.get(0).getCenterY()).isEqualTo(200);
    }

    @Test
    void twoLongNamesOnNeighbouringPointsNoLongerOverlapAndStayNearTheirPoints() {
        // Given the two autonomous counties' English names, three lines each, on points 30 pt apart
        List<LabelPlacement.Label> labels = List.of(new LabelPlacement.Label(200, 300, 110, 60),
                new LabelPlacement.Label(230, 310, 120, 60));

        // When they are placed
        List<Rectangle2D> boxes = place(labels, List.of());

        // Then they are apart, and the second moved no further than its height and a half
        assertThat(boxes.get(0).intersects(boxes.get(1))).isFalse();
        assertThat(Math.hypot(boxes.get(1).getCenterX() - 230, boxes.get(1).getCenterY() - 310)).isLessThan(90);
    }

    @Test
    void labelsKeepClearOfTheMapsFurnitureAndInsideTheFrame() {
        Rectangle2D arrow = new Rectangle2D.Double(520, 40, 60, 80);
        List<Rectangle2D> boxes = place(List.of(new LabelPlacement.Label(560, 45, 90, 20)), List.of(arrow));

        assertThat(boxes.get(0).intersects(arrow)).isFalse();
        assertThat(FRAME.contains(boxes.get(0))).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void noTwoLabelsEverOverlapHoweverCrowdedTheirPoints(int seed) {
        // Given 40 labels of random sizes, all wanting a small corner of the frame
        Random random = new Random(seed);
        List<LabelPlacement.Label> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            labels.add(new LabelPlacement.Label(100 + random.nextDouble() * 60, 100 + random.nextDouble() * 60,
                    20 + random.nextDouble() * 100, 12 + random.nextDouble() * 40));
        }

        // When they are placed
        List<Rectangle2D> boxes = place(labels, List.of());

        // Then each found a place inside the frame, and none touches another
        assertThat(boxes).hasSize(40).doesNotContainNull().allSatisfy(box -> assertThat(FRAME.contains(box)).isTrue());
        assertNoOverlaps(boxes, 2);
    }

    @Test
    void aLabelWithNoRoomLeftIsLeftOutRatherThanDrawnOverAnother() {
        // Given a frame already full and a label larger than the frame
        Rectangle2D small = new Rectangle2D.Double(0, 0, 100, 30);
        List<LabelPlacement.Label> labels = List.of(new LabelPlacement.Label(50, 15, 90, 25),
                new LabelPlacement.Label(50, 15, 90, 25), new LabelPlacement.Label(50, 15, 200, 10));

        List<Rectangle2D> boxes = LabelPlacement.place(labels, small, List.of(), 2);

        assertThat(boxes.get(0)).isNotNull();
        assertThat(boxes.get(1)).isNull();
        assertThat(boxes.get(2)).isNull();
    }

    private static List<Rectangle2D> place(List<LabelPlacement.Label> labels, List<Rectangle2D> obstacles) {
        return LabelPlacement.place(labels, FRAME, obstacles, 2);
    }

    static void assertNoOverlaps(List<Rectangle2D> boxes, double gap) {
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                Rectangle2D a = boxes.get(i);
                Rectangle2D b = boxes.get(j);
                Rectangle2D grown = new Rectangle2D.Double(a.getX() - gap + 1e-6, a.getY() - gap + 1e-6,
                        a.getWidth() + 2 * gap - 2e-6, a.getHeight() + 2 * gap - 2e-6);
                assertThat(grown.intersects(b)).as("%s against %s", a, b).isFalse();
            }
        }
    }
}
