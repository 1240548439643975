package org.jiuquan.grassroots.imports;

import java.time.Instant;

/** One dataset version: what made it (baseline, import, restore), who, when, from which file of which entity, with what effect. */
public record DatasetVersion(int n, String kind, String appliedBy, Instant appliedAt, String fileName, int added,
                             int changed, int removed, int organisations,
                             String entity) {
}
