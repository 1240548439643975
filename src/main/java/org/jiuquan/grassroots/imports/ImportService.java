package org.jiuquan.grassroots.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Editors' imports: a file is read, checked and staged (nothing live changes), previewed, then applied in
 * one short transaction that records a dataset version; any version can be restored. Every step is
 * audited, refused ones with the reason.
 */
@Service
public class ImportService {

    public static final int MAX_FILE_BYTES = 50 * 1024 * 1024;

    private final StagingRepository staging;
    private final RecordStaging records;
    private final VersionRepository versions;
    private final FileReaders readers;
    private final EditorScopes scopes;
    private final ColumnMappings mappings;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final CurrentUser currentUser;

    ImportService(StagingRepository staging, RecordStaging records, VersionRepository versions, FileReaders readers,
                  EditorScopes scopes, ColumnMappings mappings, AuditLog audit, Clock clock,
                  PlatformTransactionManager transactions, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.staging = staging;
        this.records = records;
        this.mappings = mappings;
        this.scopes = scopes;
        this.versions = versions;
        this.readers = readers;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Reads, checks and stages a file. The live data is not touched.
     *
     * @throws ImportRefusal when the file or a parameter is refused as a whole (unreadable, no rows...)
     */
    public Preview stage(String fileName, byte[] bytes, @Nullable String mode, @Nullable String district,
                         @Nullable String crs) {
        return stage(fileName, bytes, mode, district, crs, null);
    }

    /** As above, with columns mapped by hand ({@code 村委会名称=名称,X坐标=经度}), remembered for the editor. */
    public Preview stage(String fileName, byte[] bytes, @Nullable String mode, @Nullable String district,
                         @Nullable String crs, @Nullable String columns) {
        return stage(fileName, bytes, mode, district, crs, columns, null);
    }

    /**
     * As above, for any entity: organisations, leaders, contact-points, indicator-values or status-changes,
     * named or (null) told by the file's headers.
     */
    public Preview stage(String fileName, byte[] bytes, @Nullable String mode, @Nullable String district,
                         @Nullable String crs, @Nullable String columns, @Nullable String entity) {
        String user = editor();
        try {
            ImportEntity namedEntity = ImportEntity.named(entity);
            Map<String, OrganisationColumns.Field> own = ColumnMappings.parse(columns);
            boolean replace = replaceMode(mode);
            SourceCrs givenCrs = SourceCrs.parse(crs);
            Map<String, String> districts = staging.districtNames();
            String named = scope(district, districts);
            java.util.Optional<String> limit = scopes.currentScope();
            if (limit.isPresent()) {
                // An editor limited to a district imports into that district only, named or not.
                if (named != null && !named.equals(limit.get())) {
                    throw new ImportRefusal(HttpStatus.FORBIDDEN, "import.scope-forbidden",
                            districts.getOrDefault(named, named), districts.getOrDefault(limit.get(), limit.get()));
                }
            }
            String scope = limit.orElse(named);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new ImportRefusal(HttpStatus.CONTENT_TOO_LARGE, "import.too-large", fileName, MAX_FILE_BYTES / 1024 / 1024);
            }
            FileReaders.Read read = readers.read(fileName, bytes, givenCrs);
            SourceTable table = read.table();
            if (table.rows().isEmpty()) {
                throw ImportRefusal.badFile("import.no-rows", fileName);
            }
            List<Issue> issues = new ArrayList<>(read.issues());
            ImportEntity what = namedEntity != null ? namedEntity : ImportEntity.detect(table.headers());
            if (what != ImportEntity.ORGANISATIONS) {
                return stageRecords(what, user, fileName, table, replace, scope, read.crs(), districts, issues);
            }
            OrganisationColumns.Mapping mapping = OrganisationColumns.map(table.headers(),
                    mappings.rememberAndMerge(user, own));
            List<StagedRow> rows = OrganisationRows.read(table, mapping, new OrganisationRows.Districts(districts), scope,
                    issues);
            rows = OrganisationRows.checkPositions(table, mapping, toWgs84(rows, read.crs()), read.crs(), issues);
            ShiftDetector.warnIfShifted(table, rows, read.crs(), staging.livePoints(rows), issues);
            staging.dropAbandoned(clock.instant().minus(java.time.Duration.ofDays(1)));
            UUID id = UUID.randomUUID();
            List<StagedRow> staged = rows;
            transactions.executeWithoutResult(status -> {
                staging.insertBatch(id, user, clock.instant(), fileName, replace ? "replace" : "upsert", scope,
                        read.crs().name(), staged.size(), issues, ImportEntity.ORGANISATIONS);
                staging.stageRows(id, staged);
                staging.sqlChecks(id, fileName, scope, replace, today(), issues);
                staging.saveIssues(id, sorted(issues));
            });
            Preview preview = preview(id);
            audit.record(currentUser.actor(), AuditAction.DATA_IMPORT, fileName, AuditDetail.of("audit.detail.import.staged",
                    String.valueOf(id), staged.size(), preview.added(), preview.changed(), preview.removed(),
                    preview.errors().size()));
            return preview;
        } catch (ImportRefusal e) {
            audit.record(currentUser.actor(), AuditAction.DATA_IMPORT, fileName, AuditDetail.of("audit.detail.import.refused",
                    AuditDetail.of(e.key(), e.args())));
            throw e;
        }
    }

    /** Leaders, contact points, indicator values or status changes: read, checked and staged like organisations. */
    private Preview stageRecords(ImportEntity entity, String user, String fileName, SourceTable table, boolean replace,
                                 @Nullable String scope, SourceCrs crs, Map<String, String> districts,
                                 List<Issue> issues) {
        if (replace && entity == ImportEntity.STATUS_CHANGES) {
            // A history grows; a file of changes never says which past changes did not happen.
            throw ImportRefusal.badFile("import.replace-history", fileName);
        }
        List<StagedRecord> rows = RecordRows.read(entity, table, new OrganisationRows.Districts(districts), scope, issues);
        staging.dropAbandoned(clock.instant().minus(java.time.Duration.ofDays(1)));
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            staging.insertBatch(id, user, clock.instant(), fileName, replace ? "replace" : "upsert", scope, crs.name(),
                    rows.size(), issues, entity);
            records.stage(id, rows);
            records.check(entity, id, fileName, scope, replace, today(), issues);
            staging.saveIssues(id, sorted(issues));
        });
        Preview preview = preview(id);
        audit.record(currentUser.actor(), AuditAction.DATA_IMPORT, fileName, AuditDetail.of("audit.detail.import.staged-entity",
                AuditDetail.of("data.template." + entity.id), String.valueOf(id), rows.size(), preview.added(),
                preview.changed(), preview.removed(), preview.errors().size()));
        return preview;
    }

    public Preview preview(UUID id) {
        editor();
        StagingRepository.Batch batch = batch(id);
        // Once applied or cancelled its staged rows are gone: there is nothing left to compare.
        return Preview.of(batch, batch.state().equals("staged") ? diff(batch) : List.of());
    }

    private List<DistrictChanges> diff(StagingRepository.Batch batch) {
        return batch.entity() == ImportEntity.ORGANISATIONS ? staging.diff(batch.id(), batch.replace(), batch.scope())
                : records.diff(batch.entity(), batch.id(), batch.replace(), batch.scope());
    }

    /** The added, changed and removed organisations as GeoJSON, for the map preview. */
    public String changesGeoJson(UUID id) {
        editor();
        StagingRepository.Batch batch = batch(id);
        if (batch.entity() != ImportEntity.ORGANISATIONS) {
            // Leaders, contact points, values and status changes move no point on the map.
            return "{\"type\": \"FeatureCollection\", \"features\": []}";
        }
        return staging.changesGeoJson(id, batch.mode().equals("replace"), batch.scope());
    }

    /** Where the import's rows are (lon/lat box), to zoom a map to them; empty when none has a point. */
    public java.util.Optional<double[]> changesExtent(UUID id) {
        editor();
        StagingRepository.Batch batch = batch(id);
        if (batch.entity() != ImportEntity.ORGANISATIONS) {
            return java.util.Optional.empty();
        }
        return staging.changesExtent(id, batch.mode().equals("replace"), batch.scope());
    }

    public List<Issue> issues(UUID id) {
        editor();
        return batch(id).issues();
    }

    public record Applied(int version, int added, int changed, int removed, long dataVersion) {
    }

    /**
     * Applies a staged import in one transaction, as a new dataset version.
     *
     * @throws ImportRefusal 409 while errors remain, when the data moved since the preview, or when a large
     *                       removal is not confirmed with its number
     */
    public Applied apply(UUID id, @Nullable Long confirmRemoved) {
        String user = editor();
        StagingRepository.Batch batch = batch(id);
        if (!batch.state().equals("staged")) {
            throw new ImportRefusal(HttpStatus.CONFLICT, "import.already-" + batch.state());
        }
        long errors = batch.issues().stream().filter(Issue::error).count();
        if (errors > 0) {
            throw new ImportRefusal(HttpStatus.CONFLICT, "import.has-errors", errors);
        }
        java.util.Optional<String> limit = scopes.currentScope();
        if (limit.isPresent() && !limit.get().equals(batch.scope())) {
            throw new ImportRefusal(HttpStatus.FORBIDDEN, "import.scope-forbidden", batch.scope() == null ? "-"
                    : staging.districtNames().getOrDefault(batch.scope(), batch.scope()),
                    staging.districtNames().getOrDefault(limit.get(), limit.get()));
        }
        boolean replace = batch.mode().equals("replace");
        Applied applied = transactions.execute(status -> {
            if (versions.lockDataVersion() != batch.dataVersion()) {
                throw new ImportRefusal(HttpStatus.CONFLICT, "import.stale");
            }
            Preview preview = Preview.of(batch, diff(batch));
            if (preview.confirmRemovedNeeded() > 0 && (confirmRemoved == null
                    || confirmRemoved != preview.confirmRemovedNeeded())) {
                throw new ImportRefusal(HttpStatus.CONFLICT, batch.entity() == ImportEntity.ORGANISATIONS
                        ? "import.confirm-removal" : "import.confirm-removal-rows", preview.confirmRemovedNeeded());
            }
            Instant now = clock.instant();
            versions.keepLiveStateIfUnversioned(user, now, "(before " + batch.fileName() + ")");
            VersionRepository.Counts counts;
            if (batch.entity() == ImportEntity.ORGANISATIONS) {
                counts = versions.applyStaged(id, replace, batch.scope(), today());
            } else {
                versions.applyRecords(batch.entity(), id, replace, batch.scope());
                counts = new VersionRepository.Counts((int) preview.added(), (int) preview.changed(),
                        (int) preview.removed());
            }
            int n = versions.recordVersion("import", user, now, batch.fileName(), counts, batch.entity());
            long dataVersion = versions.bumpDataVersion();
            audit.record(currentUser.actor(), AuditAction.DATA_IMPORT, batch.fileName(), AuditDetail.of("audit.detail.import.applied",
                    String.valueOf(id), String.valueOf(n), counts.added(), counts.changed(), counts.removed()));
            return new Applied(n, counts.added(), counts.changed(), counts.removed(), dataVersion);
        });
        return java.util.Objects.requireNonNull(applied);
    }

    /** The district the signed-in editor is limited to, if any (the data page shows it). */
    public java.util.Optional<String> currentScope() {
        return scopes.currentScope();
    }

    public void cancel(UUID id) {
        editor();
        StagingRepository.Batch batch = batch(id);
        if (!batch.state().equals("staged")) {
            throw new ImportRefusal(HttpStatus.CONFLICT, "import.already-" + batch.state());
        }
        staging.cancel(id);
        audit.record(currentUser.actor(), AuditAction.DATA_IMPORT, batch.fileName(), AuditDetail.of("audit.detail.import.cancelled", String.valueOf(id)));
    }

    public List<DatasetVersion> versions() {
        editor();
        return versions.versions();
    }

    /** Brings back the organisations of version n, as a new version (so a restore can itself be undone). */
    public Applied restore(int n) {
        String user = editor();
        if (scopes.currentScope().isPresent()) {
            // A version holds every district: restoring it is for editors of the whole city.
            throw new ImportRefusal(HttpStatus.FORBIDDEN, "import.restore-scoped");
        }
        Applied applied = transactions.execute(status -> {
            versions.lockDataVersion();
            if (!versions.exists(n)) {
                throw new ImportRefusal(HttpStatus.NOT_FOUND, "import.unknown-version", n);
            }
            List<List<String>> blocked = versions.restoreWouldRemoveContacts(n);
            if (!blocked.isEmpty()) {
                List<String> first = blocked.get(0);
                throw new ImportRefusal(HttpStatus.CONFLICT, "import.restore-removes-contacts", blocked.size(),
                        first.get(1) + " (" + first.get(0) + ")");
            }
            Instant now = clock.instant();
            versions.keepLiveStateIfUnversioned(user, now, "(before restoring version " + n + ")");
            VersionRepository.Counts counts = versions.restore(n);
            int created = versions.recordVersion("restore", user, now, "version " + n, counts,
                    ImportEntity.ORGANISATIONS);
            long dataVersion = versions.bumpDataVersion();
            audit.record(currentUser.actor(), AuditAction.DATA_RESTORE, "version/" + n, AuditDetail.of("audit.detail.import.restored",
                    String.valueOf(created), counts.added(), counts.changed(), counts.removed()));
            return new Applied(created, counts.added(), counts.changed(), counts.removed(), dataVersion);
        });
        return java.util.Objects.requireNonNull(applied);
    }

    private List<StagedRow> toWgs84(List<StagedRow> rows, SourceCrs crs) {
        if (crs.projected()) {
            List<StagedRow> withPoints = rows.stream().filter(StagedRow::hasPoint).toList();
            double[] xs = withPoints.stream().mapToDouble(r -> r.x()).toArray();
            double[] ys = withPoints.stream().mapToDouble(r -> r.y()).toArray();
            List<double @Nullable []> converted = staging.toWgs84(crs.srid(), xs, ys);
            List<StagedRow> out = new ArrayList<>(rows.size());
            int i = 0;
            for (StagedRow row : rows) {
                double[] p = row.hasPoint() ? converted.get(i++) : null;
                out.add(p == null ? row : row.at(p[0], p[1]));
            }
            return out;
        }
        return rows.stream().map(row -> {
            Double x = row.x();
            Double y = row.y();
            if (x == null || y == null) {
                return row;
            }
            double[] p = crs.gcj02() ? ChinaOffsets.gcj02ToWgs84(x, y)
                    : crs.bd09() ? ChinaOffsets.bd09ToWgs84(x, y) : new double[] {x, y};
            return row.at(p[0], p[1]);
        }).toList();
    }

    private static List<Issue> sorted(List<Issue> issues) {
        List<Issue> sorted = new ArrayList<>(issues);
        sorted.sort(java.util.Comparator.comparing((Issue i) -> i.row() == null ? 0 : i.row()));
        return sorted;
    }

    private StagingRepository.Batch batch(UUID id) {
        return staging.batch(id).orElseThrow(() -> new ImportRefusal(HttpStatus.NOT_FOUND, "import.unknown", id));
    }

    private static boolean replaceMode(@Nullable String mode) {
        if (mode == null || mode.isBlank() || mode.equals("upsert")) {
            return false;
        }
        if (mode.equals("replace")) {
            return true;
        }
        throw ImportRefusal.badFile("import.bad-mode", mode);
    }

    private static @Nullable String scope(@Nullable String district, Map<String, String> districts) {
        if (district == null || district.isBlank()) {
            return null;
        }
        String code = new OrganisationRows.Districts(districts).code(district.strip());
        if (code == null) {
            throw ImportRefusal.badFile("import.unknown-district", district);
        }
        return code;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), AuditLog.ZONE);
    }

    private String editor() {
        if (!currentUser.has(Role.EDITOR)) {
            throw new AccessDeniedException("editors only");
        }
        return currentUser.get().map(u -> u.getUsername()).orElseThrow();
    }
}
