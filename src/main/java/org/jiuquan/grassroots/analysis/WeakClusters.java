package org.jiuquan.grassroots.analysis;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * Weak organisations (weak or being rectified at a quarter's end) with their DBSCAN cluster, and each cluster
 * with its convex hull (lon/lat; a point or a line when its members stand on one point or one line).
 */
public record WeakClusters(List<Cluster> clusters, List<Member> members) implements AnalysisResult {

    public WeakClusters {
        clusters = List.copyOf(clusters);
        members = List.copyOf(members);
    }

    /** A cluster: its number, how many weak organisations it holds, their districts (codes) and their hull. */
    public record Cluster(int number, long count, List<String> districts, Geometry hull) {
        public Cluster {
            districts = List.copyOf(districts);
        }
    }

    /** A weak organisation and its cluster's number; null: noise, standing alone. */
    public record Member(AnalysedOrganisation organisation, @Nullable Integer cluster) {
    }

    @Override
    public List<AnalysisRow> rows() {
        return members.stream().map(m -> AnalysisRow.of(m.organisation(),
                m.cluster() == null ? null : m.cluster().doubleValue(), "", 0)).toList();
    }

    @Override
    public long weight() {
        return 256L * members.size() + clusters.stream().mapToLong(c -> 64L + 32L * c.hull().getNumPoints()).sum();
    }
}
