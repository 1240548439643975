package org.jiuquan.grassroots.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account store (table app_user). */
@Repository
public class AccountRepository {

    private static final String COLUMNS =
            "id, username, display_name, role, enabled, failed_sign_ins, locked_until, demo, created_at";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Account> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username").query(AccountRepository::account).list();
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :username")
                .param("username", username).query(AccountRepository::account).optional();
    }

    /**
     * The account and its password hash, for sign-in only. Failed sign-ins never lock an account (they
     * slow down their source instead, see SignInThrottle); only an admin disables one.
     */
    Optional<SignedInUser> findForSignIn(String username) {
        return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM app_user WHERE username = :username")
                .param("username", username)
                .query((rs, n) -> {
                    Account account = account(rs, n);
                    return new SignedInUser(account, rs.getString("password_hash"), false);
                })
                .optional();
    }

    public boolean anyAdmin() {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE role = 'admin' AND enabled").query(Long.class).single() > 0;
    }

    void insert(String username, String displayName, Role role, String passwordHash, boolean demo) {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, role, password_hash, demo)
                VALUES (:username, :displayName, :role, :hash, :demo)""")
                .param("username", username).param("displayName", displayName).param("role", role.code())
                .param("hash", passwordHash).param("demo", demo)
                .update();
    }

    void updateRole(String username, Role role) {
        jdbc.sql("UPDATE app_user SET role = :role WHERE username = :username")
                .param("role", role.code()).param("username", username).update();
    }

    void updateEnabled(String username, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = :enabled, failed_sign_ins = 0, locked_until = NULL WHERE username = :username")
                .param("enabled", enabled).param("username", username).update();
    }

    void updatePassword(String username, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash, failed_sign_ins = 0, locked_until = NULL WHERE username = :username")
                .param("hash", passwordHash).param("username", username).update();
    }

    void resetFailures(String username) {
        jdbc.sql("UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE username = :username")
                .param("username", username).update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        @Nullable OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.ofCode(rs.getString("role")).orElseThrow(), rs.getBoolean("enabled"),
                rs.getInt("failed_sign_ins"), lockedUntil, rs.getBoolean("demo"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
