package org.jiuquan.grassroots.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class NearestSitesTest {

    @Test
    void findsWhatComparingWithEverySiteFinds() {
        Random random = new Random(14);
        // Clustered sites (as villages are) and queries inside, at the edges and well outside the sites' extent.
        int n = 5_000;
        long[] ids = new long[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 10 * (n - i);
            double cx = random.nextInt(5) * 40_000.0;
            xs[i] = 400_000 + cx + random.nextGaussian() * 3_000;
            ys[i] = 4_400_000 + cx / 2 + random.nextGaussian() * 3_000;
        }
        NearestSites nearest = new NearestSites(ids, xs, ys);
        for (int q = 0; q < 20_000; q++) {
            double x = 300_000 + random.nextDouble() * 400_000;
            double y = 4_300_000 + random.nextDouble() * 300_000;
            assertThat(nearest.nearest(x, y)).as("query %d", q).isEqualTo(bruteForce(ids, xs, ys, x, y));
        }
        for (int i = 0; i < n; i += 7) {
            assertThat(nearest.nearest(xs[i], ys[i])).isEqualTo(bruteForce(ids, xs, ys, xs[i], ys[i]));
        }
    }

    @Test
    void ofSitesEquallyNearTheSmallestIdIsNamed() {
        NearestSites nearest = new NearestSites(new long[] {9, 4, 7}, new double[] {10, 10, -10}, new double[] {0, 0, 0});
        assertThat(nearest.nearest(10, 0)).isEqualTo(4);
        assertThat(nearest.nearest(0, 0)).isEqualTo(4);
        assertThat(nearest.nearest(-3, 0)).isEqualTo(7);
    }

    @Test
    void aSingleSiteOrNoneAtAll() {
        assertThat(new NearestSites(new long[] {5}, new double[] {1}, new double[] {2}).nearest(1e6, -1e6)).isEqualTo(5);
        assertThat(new NearestSites(new long[0], new double[0], new double[0]).nearest(0, 0)).isEqualTo(-1);
    }

    @Test
    void sitesAlongALine() {
        int n = 1_000;
        long[] ids = new long[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            xs[i] = i * 97.0;
            ys[i] = 5;
        }
        NearestSites nearest = new NearestSites(ids, xs, ys);
        Random random = new Random(3);
        for (int q = 0; q < 2_000; q++) {
            double x = random.nextDouble() * 120_000 - 10_000;
            double y = random.nextDouble() * 20_000 - 10_000;
            assertThat(nearest.nearest(x, y)).isEqualTo(bruteForce(ids, xs, ys, x, y));
        }
    }

    private static long bruteForce(long[] ids, double[] xs, double[] ys, double x, double y) {
        int best = -1;
        double bestSquared = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ids.length; i++) {
            double dx = xs[i] - x;
            double dy = ys[i] - y;
            double squared = dx * dx + dy * dy;
            if (squared < bestSquared || squared == bestSquared && ids[i] < ids[best]) {
                best = i;
                bestSquared = squared;
            }
        }
        return ids[best];
    }
}
