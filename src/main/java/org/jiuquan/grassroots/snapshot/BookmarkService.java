package org.jiuquan.grassroots.snapshot;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.indicators.Period;
import org.jiuquan.grassroots.map.DashboardState;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meeting's slides: saved views kept in PostGIS, in order. A view is stored as the dashboard's URL
 * query, so a slide opens exactly as the dashboard showed it. A slide belongs to its author: only the author
 * or an admin deletes, moves or shares it; a private slide is seen by its author alone. A deletion can be
 * undone for a day. Every change is audited.
 */
@Service
public class BookmarkService {

    public static final int MAX_BOOKMARKS = 200;

    static final String VISIBLE = """
            SELECT id, title, view_query, position, created_by, shared FROM map_bookmark
            WHERE deleted_at IS NULL AND (shared OR created_by = :user) ORDER BY position, id""";
    static final String ONE = """
            SELECT id, title, view_query, position, created_by, shared FROM map_bookmark WHERE id = :id""";

    private final JdbcClient jdbc;
    private final IndicatorService indicators;
    private final AuditLog audit;
    private final CurrentUser currentUser;

    BookmarkService(JdbcClient jdbc, IndicatorService indicators, AuditLog audit, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.audit = audit;
    }

    /** The slides the signed-in user sees: everyone's shared ones and their own private ones, in order. */
    public List<Bookmark> all() {
        return jdbc.sql(VISIBLE).param("user", user()).query(BookmarkService::row).list();
    }

    /**
     * Saves a view as the last slide, shared with everyone.
     *
     * @throws IllegalArgumentException with a UI message key when the title is empty or too long, or the
     *                                  list is full
     */
    public Bookmark add(String title, DashboardState view) {
        return add(title, view, true);
    }

    /** Saves a view as the last slide, shared or kept private. */
    @Transactional
    public Bookmark add(String title, DashboardState view, boolean shared) {
        String clean = title.strip();
        if (clean.isEmpty() || clean.length() > SnapshotRequest.MAX_TITLE) {
            throw new IllegalArgumentException("bookmarks.bad-title");
        }
        if (all().size() >= MAX_BOOKMARKS) {
            throw new IllegalArgumentException("bookmarks.full");
        }
        String query = query(view.withPresentation(false));
        long id = jdbc.sql("""
                INSERT INTO map_bookmark (title, view_query, position, created_by, shared)
                VALUES (:title, :query, (SELECT coalesce(max(position), 0) + 1 FROM map_bookmark), :by, :shared)
                RETURNING id""")
                .param("title", clean).param("query", query).param("by", user()).param("shared", shared)
                .query(Long.class).single();
        audit.record(currentUser.actor(), AuditAction.SLIDE_ADD, "slide/" + id, AuditDetail.of("audit.detail.slide", clean));
        return one(id);
    }

    /** Whether the signed-in user may delete, move or share a slide: its author, or an admin. */
    public boolean mayChange(Bookmark bookmark) {
        return bookmark.createdBy().equals(user()) || currentUser.has(Role.ADMIN);
    }

    /** Deletes a slide, keeping it a day for {@link #restore}. */
    @Transactional
    public void delete(long id) {
        Bookmark bookmark = changeable(id);
        jdbc.sql("UPDATE map_bookmark SET deleted_at = now() WHERE id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM map_bookmark WHERE deleted_at < now() - interval '1 day'").update();
        audit.record(currentUser.actor(), AuditAction.SLIDE_DELETE, "slide/" + id, AuditDetail.of("audit.detail.slide", bookmark.title()));
    }

    /** Undoes a deletion: the slide is back where it was. */
    @Transactional
    public void restore(long id) {
        Bookmark bookmark = changeable(id);
        jdbc.sql("UPDATE map_bookmark SET deleted_at = NULL WHERE id = :id").param("id", id).update();
        audit.record(currentUser.actor(), AuditAction.SLIDE_RESTORE, "slide/" + id, AuditDetail.of("audit.detail.slide", bookmark.title()));
    }

    /** Moves a slide one place up (-1) or down (+1) among the slides the user sees. */
    @Transactional
    public void move(long id, int step) {
        Bookmark bookmark = changeable(id);
        List<Bookmark> slides = all();
        int from = slides.stream().map(Bookmark::id).toList().indexOf(id);
        int to = from + Integer.signum(step);
        if (from < 0 || to < 0 || to >= slides.size()) {
            return;
        }
        // Positions are renumbered in the order seen, so that equal or sparse positions still swap.
        List<Bookmark> order = new java.util.ArrayList<>(slides);
        java.util.Collections.swap(order, from, to);
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("UPDATE map_bookmark SET position = :position WHERE id = :id")
                    .param("position", i + 1).param("id", order.get(i).id()).update();
        }
        audit.record(currentUser.actor(), AuditAction.SLIDE_MOVE, "slide/" + id, AuditDetail.of("audit.detail.slide.move", bookmark.title(), from + 1, to + 1));
    }

    /** Shares a slide with everyone, or keeps it for its author alone. */
    @Transactional
    public void share(long id, boolean shared) {
        Bookmark bookmark = changeable(id);
        jdbc.sql("UPDATE map_bookmark SET shared = :shared WHERE id = :id").param("shared", shared).param("id", id)
                .update();
        audit.record(currentUser.actor(), AuditAction.SLIDE_SHARE, "slide/" + id, AuditDetail.of(shared ? "audit.detail.slide.shared" : "audit.detail.slide.private", bookmark.title()));
    }

    private Bookmark changeable(long id) {
        Bookmark bookmark = one(id);
        if (!mayChange(bookmark)) {
            throw new IllegalArgumentException("slides.not-yours");
        }
        return bookmark;
    }

    private Bookmark one(long id) {
        return jdbc.sql(ONE).param("id", id).query(BookmarkService::row).optional()
                .orElseThrow(() -> new IllegalArgumentException("slides.gone"));
    }

    private static Bookmark row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Bookmark(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getBoolean(6));
    }

    private String user() {
        return currentUser.get().map(u -> u.getUsername()).orElse("-");
    }

    /** The view a bookmark holds; a value no longer valid (a removed indicator) falls back to the default. */
    public DashboardState view(Bookmark bookmark) {
        return DashboardState.parse(parse(bookmark.query()), indicators.indicatorsByCode().keySet(),
                indicators.periods().stream().map(Period::code).toList()).state();
    }

    List<SnapshotService.Slide> slides() {
        return all().stream().map(b -> new SnapshotService.Slide(b.title(), view(b))).toList();
    }

    static String query(DashboardState view) {
        return view.toParameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), List.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
            }
        }
        return out;
    }
}
