package org.jiuquan.grassroots.analysis;

import java.util.List;

/**
 * One run of an analysis as records built from SQL rows: kept per parameter set and data version by
 * {@link AnalysisService}, written as GeoJSON only at the HTTP edge ({@link AnalysisGeoJson}), read as rows by
 * the table and the files.
 */
public sealed interface AnalysisResult permits WeakClusters, HotSpots, CoverageGaps {

    /** The organisations of the run as table rows, in the run's own order (the table sorts them later). */
    List<AnalysisRow> rows();

    /** About how many bytes the run holds, to bound the memory its cache may use. */
    long weight();
}
