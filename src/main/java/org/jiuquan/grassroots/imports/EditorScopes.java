package org.jiuquan.grassroots.imports;

import java.util.Optional;

import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Editors limited to one district: such an editor imports and changes that district's rows only. The
 * limit is kept beside the account (table editor_scope) and set by an admin.
 */
@Service
public class EditorScopes {

    static final String SCOPE_OF = """
            SELECT s.district_code FROM editor_scope s JOIN app_user u ON u.id = s.user_id WHERE u.username = :username""";
    static final String SET_SCOPE = """
            INSERT INTO editor_scope (user_id, district_code) SELECT id, :district FROM app_user WHERE username = :username
            ON CONFLICT (user_id) DO UPDATE SET district_code = EXCLUDED.district_code""";
    static final String CLEAR_SCOPE = """
            DELETE FROM editor_scope WHERE user_id = (SELECT id FROM app_user WHERE username = :username)""";
    static final String USER_EXISTS = "SELECT count(*) FROM app_user WHERE username = :username";
    static final String DISTRICT_EXISTS = "SELECT count(*) FROM district WHERE code = :district";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CurrentUser currentUser;

    EditorScopes(JdbcClient jdbc, AuditLog audit, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The district the signed-in user is limited to, if any. */
    public Optional<String> currentScope() {
        return currentUser.get().flatMap(user -> jdbc.sql(SCOPE_OF).param("username", user.getUsername())
                .query(String.class).optional().map(String::strip));
    }

    /** The district an account is limited to, if any (the admin's users page shows and sets it). */
    public Optional<String> scopeOf(String username) {
        return jdbc.sql(SCOPE_OF).param("username", username).query(String.class).optional().map(String::strip);
    }

    /** The districts an account can be limited to, code to Chinese name, in code order. */
    public java.util.Map<String, String> districts() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT code, name_zh FROM district ORDER BY code")
                .query((rs, n) -> names.put(rs.getString(1).strip(), rs.getString(2))).list();
        return names;
    }

    /** Whether the signed-in user may change rows of this district. */
    public boolean mayChange(String districtCode) {
        return currentScope().map(scope -> scope.equals(districtCode.strip())).orElse(true);
    }

    /**
     * Limits an account to a district, or lifts the limit (null or blank). Admins only.
     *
     * @throws ImportRefusal 404 for an unknown user, 400 for an unknown district
     */
    public void limit(String username, @Nullable String district) {
        if (!currentUser.has(Role.ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("admins only");
        }
        if (jdbc.sql(USER_EXISTS).param("username", username).query(Long.class).single() == 0) {
            throw new ImportRefusal(HttpStatus.NOT_FOUND, "import.unknown-user", username);
        }
        if (district == null || district.isBlank()) {
            jdbc.sql(CLEAR_SCOPE).param("username", username).update();
            audit.record(currentUser.actor(), AuditAction.USER_ROLE, username, AuditDetail.of("audit.detail.user.scope-lifted"));
            return;
        }
        if (jdbc.sql(DISTRICT_EXISTS).param("district", district.strip()).query(Long.class).single() == 0) {
            throw ImportRefusal.badFile("import.unknown-district", district);
        }
        jdbc.sql(SET_SCOPE).param("username", username).param("district", district.strip()).update();
        audit.record(currentUser.actor(), AuditAction.USER_ROLE, username, AuditDetail.of("audit.detail.user.scope-limited", district.strip()));
    }
}
