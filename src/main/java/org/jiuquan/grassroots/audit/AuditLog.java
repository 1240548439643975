package org.jiuquan.grassroots.audit;

import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to and reads the audit trail. The table refuses updates, deletes and truncation (V9), so the
 * app can only add to it. The actor and client address come from the request being served.
 */
@Service
public class AuditLog {

    /** The request attribute holding the signed-in user's Authentication (set by the security filter chain). */
    public static final String USER_ATTRIBUTE = "org.jiuquan.grassroots.user";

    /** Days in the filter are days in Jiuquan. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an action of the signed-in user (or of nobody). */
    public void record(AuditAction action, @Nullable String target, @Nullable String detail) {
        recordAs(currentActor(), action, target, detail);
    }

    /** Records an action on behalf of a named actor (a sign-in attempt, before anyone is signed in). */
    public void recordAs(@Nullable String actor, AuditAction action, @Nullable String target, @Nullable String detail) {
        jdbc.sql("""
                INSERT INTO audit_event (actor, action, target, detail, client_address)
                VALUES (:actor, :action, :target, :detail, :address)""")
                .param("actor", actor).param("action", action.code()).param("target", target)
                .param("detail", detail).param("address", clientAddress())
                .update();
    }

    public List<AuditEvent> find(AuditQuery query) {
        return jdbc.sql("""
                SELECT id, at, actor, action, target, detail, client_address FROM audit_event
                WHERE (CAST(:actor AS text) IS NULL OR actor = :actor)
                  AND (CAST(:action AS text) IS NULL OR action = :action OR action LIKE :action || '.%')
                  AND (CAST(:fromDay AS date) IS NULL
                       OR at >= CAST(CAST(:fromDay AS date) AS timestamp) AT TIME ZONE 'Asia/Shanghai')
                  AND (CAST(:toDay AS date) IS NULL
                       OR at < CAST(CAST(:toDay AS date) + 1 AS timestamp) AT TIME ZONE 'Asia/Shanghai')
                ORDER BY at DESC, id DESC LIMIT :limit""")
                .param("actor", query.actor()).param("action", query.action())
                .param("fromDay", query.from()).param("toDay", query.to()).param("limit", query.limit())
                .query((rs, n) -> new AuditEvent(rs.getLong("id"),
                        rs.getObject("at", java.time.OffsetDateTime.class).atZoneSameInstant(ZONE).toOffsetDateTime(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                        rs.getString("detail"), rs.getString("client_address")))
                .list();
    }

    /** The user of the request being served; outside a request, whatever the security context holds. */
    public static @Nullable Authentication currentAuthentication() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute(USER_ATTRIBUTE) instanceof Authentication user) {
            return user;
        }
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private static @Nullable String currentActor() {
        Authentication authentication = currentAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        return authentication.getName();
    }

    private static @Nullable String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
