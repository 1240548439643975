package org.jiuquan.grassroots.imports;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a staged import would do, per district and in total, and everything wrong with it. Applying is
 * possible once there are no errors; removing more than a tenth of a district's organisations needs
 * the number removed typed back ({@code confirmRemoved}).
 */
public record Preview(UUID id, String file, String mode, @Nullable String district, String crs, String state,
                      int rows, long added, long changed, long removed, List<DistrictChanges> districts,
                      List<Issue> errors, List<Issue> warnings, long confirmRemovedNeeded, String entity) {

    /** A district loses more than this share of its organisations only with a typed confirmation. */
    static final double REMOVAL_NEEDING_CONFIRMATION = 0.10;

    static Preview of(StagingRepository.Batch batch, List<DistrictChanges> districts) {
        long added = districts.stream().mapToLong(DistrictChanges::added).sum();
        long changed = districts.stream().mapToLong(DistrictChanges::changed).sum();
        long removed = districts.stream().mapToLong(DistrictChanges::removed).sum();
        boolean bigRemoval = districts.stream().anyMatch(d -> d.removed() > 0
                && d.removed() > REMOVAL_NEEDING_CONFIRMATION * d.live());
        return new Preview(batch.id(), batch.fileName(), batch.mode(), batch.scope(), batch.crs(), batch.state(),
                batch.rowCount(), added, changed, removed, districts,
                batch.issues().stream().filter(Issue::error).toList(),
                batch.issues().stream().filter(i -> !i.error()).toList(), bigRemoval ? removed : 0,
                batch.entity().id);
    }

    public boolean canApply() {
        return state.equals("staged") && errors.isEmpty();
    }
}
