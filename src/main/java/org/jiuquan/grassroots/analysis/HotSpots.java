package org.jiuquan.grassroots.analysis;

import java.util.List;

/**
 * Getis-Ord Gi* of the fortress index over villages and community grid branches. Up to
 * {@link AnalysisRepository#EXACT_GI_LIMIT} organisations it is exact, per organisation, and {@code spots} holds
 * every one of them; above, it is computed over grid cells ({@link BinnedGetisOrd}), {@code cells} holds the
 * significant cells (what the map draws) and {@code spots} the organisations in them (what the table lists),
 * each with its cell's score, once {@link AnalysisService#hotSpotRows} has read them (the map does not wait for
 * them).
 *
 * @param organisations how many organisations the run took in, significant or not
 */
public record HotSpots(List<Spot> spots, List<Cell> cells, boolean binned, long organisations) implements AnalysisResult {

    public HotSpots {
        spots = List.copyOf(spots);
        cells = List.copyOf(cells);
    }

    /** An organisation's z-score (four decimals) and how many organisations (itself included) are its neighbours. */
    public record Spot(AnalysedOrganisation organisation, long neighbours, double z) {
        public int significance() {
            return HotSpots.significance(z);
        }

        public String spot() {
            return HotSpots.spot(z);
        }
    }

    /**
     * A grid cell of the binned Gi*: its column and row ({@code size} metres square, UTM 47N), where its
     * organisations stand on average (lon/lat), how many they are, their shared neighbourhood and z-score.
     */
    public record Cell(long column, long row, double size, double lon, double lat, long organisations,
                       long neighbours, double z) {
        public int significance() {
            return HotSpots.significance(z);
        }

        public String spot() {
            return HotSpots.spot(z);
        }
    }

    /** The confidence of a hot or cold spot in percent (two-sided normal: 1.645, 1.960, 2.576); 0 below. */
    static int significance(double z) {
        double size = Math.abs(z);
        return size >= 2.576 ? 99 : size >= 1.960 ? 95 : size >= 1.645 ? 90 : 0;
    }

    static String spot(double z) {
        return significance(z) == 0 ? "none" : z > 0 ? "hot" : "cold";
    }

    /** A z-score as the results carry it: to four decimals. */
    static double rounded(double z) {
        return Math.round(z * 10_000) / 10_000.0;
    }

    @Override
    public List<AnalysisRow> rows() {
        return spots.stream().map(s -> AnalysisRow.of(s.organisation(), s.z(), s.spot(), s.significance())).toList();
    }

    @Override
    public long weight() {
        return 256L * spots.size() + 96L * cells.size();
    }
}
