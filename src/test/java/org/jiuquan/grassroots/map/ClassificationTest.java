package org.jiuquan.grassroots.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClassificationTest {

    static final double[] VALUES = {1, 2, 3, 10, 11, 12, 30};

    @Test
    void equalIntervalsSplitTheRangeEvenly() {
        assertThat(Classification.EQUAL.breaks(VALUES, 3)).containsExactly(1, 10.666666666666666, 20.333333333333332, 30);
    }

    @Test
    void quantilesPutAboutAsManyDistrictsInEachClass() {
        double[] limits = Classification.QUANTILE.breaks(VALUES, 3);
        int[] perClass = new int[limits.length - 1];
        for (double v : VALUES) {
            perClass[Classification.classOf(v, limits)]++;
        }
        assertThat(perClass).containsExactly(2, 3, 2);
    }

    @Test
    void naturalBreaksFindTheGapsInTheData() {
        // Three obvious groups: 1-3, 10-12, 30.
        assertThat(Classification.JENKS.breaks(VALUES, 3)).containsExactly(1, 10, 30, 30);
        double[] limits = Classification.JENKS.breaks(VALUES, 3);
        assertThat(Classification.classOf(3, limits)).isZero();
        assertThat(Classification.classOf(10, limits)).isEqualTo(1);
        assertThat(Classification.classOf(30, limits)).isEqualTo(2);
    }

    @Test
    void fewerDistinctValuesThanClassesGiveFewerClasses() {
        assertThat(Classification.QUANTILE.breaks(new double[] {5, 5, 5, 9}, 5)).containsExactly(5, 9);
        assertThat(Classification.EQUAL.breaks(new double[] {7, 7, 7}, 3)).containsExactly(7, 7);
    }

    @Test
    void classesOutsideThreeToSevenAreRefused() {
        assertThatThrownBy(() -> Classification.JENKS.breaks(VALUES, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Classification.JENKS.breaks(VALUES, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
