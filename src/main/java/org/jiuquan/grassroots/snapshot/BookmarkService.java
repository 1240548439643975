package org.jiuquan.grassroots.snapshot;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.indicators.Period;
import org.jiuquan.grassroots.map.DashboardState;
import org.jiuquan.grassroots.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The meeting's slides: saved views kept in PostGIS, in order. A view is stored as the dashboard's URL
 * query, so a slide opens exactly as the dashboard showed it.
 */
@Service
public class BookmarkService {

    public static final int MAX_BOOKMARKS = 200;

    private final JdbcClient jdbc;
    private final IndicatorService indicators;

    BookmarkService(JdbcClient jdbc, IndicatorService indicators) {
        this.jdbc = jdbc;
        this.indicators = indicators;
    }

    public List<Bookmark> all() {
        return jdbc.sql("SELECT id, title, view_query, position, created_by FROM map_bookmark ORDER BY position, id")
                .query((rs, n) -> new Bookmark(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5)))
                .list();
    }

    /**
     * Saves a view as the last slide.
     *
     * @throws IllegalArgumentException with a UI message key when the title is empty or too long, or the
     *                                  list is full
     */
    public Bookmark add(String title, DashboardState view) {
        String clean = title.strip();
        if (clean.isEmpty() || clean.length() > SnapshotRequest.MAX_TITLE) {
            throw new IllegalArgumentException("bookmarks.bad-title");
        }
        if (all().size() >= MAX_BOOKMARKS) {
            throw new IllegalArgumentException("bookmarks.full");
        }
        String query = query(view.withPresentation(false));
        String by = CurrentUser.get().map(u -> u.getUsername()).orElse("-");
        long id = jdbc.sql("""
                INSERT INTO map_bookmark (title, view_query, position, created_by)
                VALUES (:title, :query, (SELECT coalesce(max(position), 0) + 1 FROM map_bookmark), :by) RETURNING id""")
                .param("title", clean).param("query", query).param("by", by).query(Long.class).single();
        return all().stream().filter(b -> b.id() == id).findFirst().orElseThrow();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM map_bookmark WHERE id = :id").param("id", id).update();
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
