package org.jiuquan.grassroots.analysis;

import java.util.List;

/**
 * Villages and grid branches with no contact point within a distance, farthest first, each with the nearest
 * contact point's organisation and leader.
 */
public record CoverageGaps(List<Gap> gaps) implements AnalysisResult {

    public CoverageGaps {
        gaps = List.copyOf(gaps);
    }

    /**
     * @param nearestMetres the distance to the nearest contact point, in whole metres
     * @param nearestLeaderPhone in full or masked, as the user who asked may see it
     */
    public record Gap(AnalysedOrganisation organisation, long nearestMetres, String nearestOrganisationZh,
                      String nearestLeaderZh, String nearestLeaderLevel, String nearestLeaderTitleZh,
                      String nearestLeaderPhone) {
    }

    @Override
    public List<AnalysisRow> rows() {
        return gaps.stream().map(g -> AnalysisRow.of(g.organisation(), (double) g.nearestMetres(),
                g.nearestLeaderZh() + " · " + g.nearestLeaderPhone() + " · " + g.nearestOrganisationZh(), 0)).toList();
    }

    @Override
    public long weight() {
        return 320L * gaps.size();
    }
}
