package org.jiuquan.grassroots.snapshot;

import java.util.List;

import org.jiuquan.grassroots.analysis.AnalysisKind;
import org.jiuquan.grassroots.audit.Actor;
import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.map.DashboardState;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Every map file handed out (snapshot, meeting pack, slides, analysis map), signed with the name of who
 * asked and audited: the controller and the dashboard's export panel ask here, never the audit trail.
 */
@Service
public class SnapshotExportService {

    /** Who asks for a file, read on the thread that serves them (a background thread has no signed-in user). */
    public record Requester(Actor actor, @Nullable String signature) {
    }

    private final SnapshotService snapshots;
    private final AuditLog audit;
    private final CurrentUser currentUser;

    SnapshotExportService(SnapshotService snapshots, AuditLog audit, CurrentUser currentUser) {
        this.snapshots = snapshots;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    public Requester requester() {
        return new Requester(currentUser.actor(), currentUser.exportSignature().orElse(null));
    }

    /** One map as PNG or PDF; {@code query} is what the request asked, for the audit trail. */
    byte[] snapshot(SnapshotRequest snapshot, @Nullable String query) {
        Requester who = requester();
        byte[] file = snapshots.render(snapshot, who.signature());
        audit.record(who.actor(), AuditAction.EXPORT_MAP, "snapshot." + snapshot.format().extension(), AuditDetail.of("audit.detail.query", query));
        return file;
    }

    /** One township's page (null when there is no such township); {@code query} as above. */
    byte @Nullable [] township(SnapshotRequest snapshot, String township, @Nullable String query) {
        Requester who = requester();
        byte[] file = snapshots.renderTownship(snapshot, township, who.signature());
        if (file != null) {
            audit.record(who.actor(), AuditAction.EXPORT_MAP, "snapshot." + snapshot.format().extension(), AuditDetail.of("audit.detail.query", query));
        }
        return file;
    }

    /** A cover and a page per district, for {@code who} (read earlier when this runs in the background). */
    public byte[] meetingPack(Requester who, DashboardState view, PageSize size, @Nullable String query) {
        return meetingPack(who, view, size, null, false, query);
    }

    /** As above, for one district only (or all: null), with a page per township after each district's page. */
    public byte[] meetingPack(Requester who, DashboardState view, PageSize size, @Nullable String onlyDistrict,
                              boolean withTownships, @Nullable String query) {
        byte[] file = snapshots.meetingPack(view, size, who.signature(), onlyDistrict, withTownships);
        audit.record(who.actor(), AuditAction.EXPORT_MAP, "meeting-pack.pdf", AuditDetail.of("audit.detail.query", query));
        return file;
    }

    byte[] slides(List<SnapshotService.Slide> slides, PageSize size) {
        Requester who = requester();
        byte[] file = snapshots.slides(slides, size, who.signature());
        audit.record(who.actor(), AuditAction.EXPORT_MAP, "slides.pdf", AuditDetail.of("audit.detail.slides", slides.size()));
        return file;
    }

    byte[] analysis(SnapshotRequest snapshot, SnapshotService.AnalysisPage page, AnalysisKind kind,
                    @Nullable String query) {
        Requester who = requester();
        byte[] file = snapshots.renderAnalysis(snapshot, page, who.signature());
        audit.record(who.actor(), AuditAction.EXPORT_MAP, "analysis/" + kind.code() + "." + snapshot.format().extension(),
                AuditDetail.of("audit.detail.query", query));
        return file;
    }
}
