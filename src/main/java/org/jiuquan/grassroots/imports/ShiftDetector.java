package org.jiuquan.grassroots.imports;

import java.util.List;
import java.util.Map;

/**
 * Points copied from Gaode or Baidu maps sit off their true place (GCJ-02: about 90 m around Jiuquan, several
 * hundred metres in eastern China; BD-09 adds a few hundred metres more). When most of
 * a file's points that match a live organisation are off by that much, and undoing the offset brings
 * them back onto it, the editor is warned and told which {@code crs} to give.
 */
final class ShiftDetector {

    private static final int MIN_MATCHES = 3;

    private ShiftDetector() {
    }

    static void warnIfShifted(SourceTable table, List<StagedRow> rows, SourceCrs crs, Map<String, double[]> live,
                              List<Issue> issues) {
        if (crs.gcj02() || crs.bd09() || live.isEmpty()) {
            return;
        }
        int matched = 0;
        int gcj = 0;
        int bd = 0;
        for (StagedRow row : rows) {
            double[] old = live.get(row.code());
            if (old == null || row.lon() == null || row.lat() == null) {
                continue;
            }
            double moved = ChinaOffsets.metres(row.lon(), row.lat(), old[0], old[1]);
            if (moved < 1) {
                continue; // the same point: says nothing
            }
            matched++;
            double[] fromGcj = ChinaOffsets.gcj02ToWgs84(row.lon(), row.lat());
            double[] fromBd = ChinaOffsets.bd09ToWgs84(row.lon(), row.lat());
            // Undoing the offset must land (almost) exactly on the live point: a real move would not.
            if (moved > 20 && ChinaOffsets.metres(fromGcj[0], fromGcj[1], old[0], old[1]) < 5) {
                gcj++;
            } else if (moved > 20 && ChinaOffsets.metres(fromBd[0], fromBd[1], old[0], old[1]) < 5) {
                bd++;
            }
        }
        if (matched >= MIN_MATCHES && gcj * 2 > matched) {
            issues.add(Issue.warning(table.wholeFile(), null, "import.looks-gcj02", gcj, matched));
        } else if (matched >= MIN_MATCHES && bd * 2 > matched) {
            issues.add(Issue.warning(table.wholeFile(), null, "import.looks-bd09", bd, matched));
        }
    }
}
