package org.jiuquan.grassroots.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.datachanges.AccountsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-user API tokens for GIS clients (QGIS, GDAL): sent as {@code Authorization: Bearer <token>}, they act
 * with the rights of their user's current role. Only a SHA-256 of a token is stored; a revoked token, or
 * one whose user is disabled, stops working at once.
 */
@Service
public class ApiTokenService {

    /** Token use is audited once per token in this span, not on every tile a GIS client fetches. */
    static final Duration USE_AUDIT_SPAN = Duration.ofMinutes(10);

    private static final String PREFIX = "jqt_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * How long a token check is reused. A GIS client sends hundreds of requests a second; without this each
     * one read two tables and wrote a transaction. A revocation or account change clears the checks at once
     * on this instance, and on the others sharing the database when its announcement arrives (V33); a change
     * made straight in the tables' rows without one counts within this span at the latest.
     */
    static final Duration CHECK_REUSE = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    /** By the token's SHA-256: the user it acts for, or empty for a refused token. */
    private final Cache<String, Optional<SignedInUser>> checks = Caffeine.newBuilder()
            .expireAfterWrite(CHECK_REUSE).maximumSize(10_000).build();
    private final CurrentUser currentUser;

    ApiTokenService(JdbcClient jdbc, AccountRepository accounts, AuditLog audit,
                    PlatformTransactionManager transactions, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Issues a token; the returned text is the only time anyone sees it. */
    @Transactional
    public String issue(String username, String name) {
        Account account = accounts.find(username).orElseThrow(() -> new AccountException("account.unknown"));
        if (name.isBlank() || name.length() > 60) {
            throw new AccountException("token.bad-name");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("INSERT INTO api_token (user_id, name, token_hash) VALUES (:user, :name, :hash) RETURNING id")
                .param("user", account.id()).param("name", name.strip()).param("hash", sha256(token))
                .query(Long.class).single();
        audit.record(currentUser.actor(), AuditAction.TOKEN_ISSUE, username, AuditDetail.of("audit.detail.token", String.valueOf(id), name.strip()));
        return token;
    }

    @Transactional
    public void revoke(long tokenId) {
        Optional<ApiToken> token = all().stream().filter(t -> t.id() == tokenId).findFirst();
        if (token.isEmpty()) {
            throw new AccountException("token.unknown");
        }
        jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
                .param("id", tokenId).update();
        forgetChecks();
        audit.record(currentUser.actor(), AuditAction.TOKEN_REVOKE, token.get().username(), AuditDetail.of("audit.detail.token", String.valueOf(tokenId),
                token.get().name()));
    }

    public List<ApiToken> all() {
        return jdbc.sql("""
                SELECT t.id, u.username, t.name, t.created_at, t.last_used_at, t.revoked_at
                FROM api_token t JOIN app_user u ON u.id = t.user_id ORDER BY t.created_at DESC, t.id DESC""")
                .query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("username"), rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("last_used_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * The user a token acts for, if the token is valid, unrevoked and its user enabled. Failed password
     * sign-ins never touch a token: a guesser cannot switch off a colleague's GIS client.
     * A GIS client sends hundreds of tile requests a minute, so the use is written at most once a minute
     * (last_used_at) and audited at most once per {@link #USE_AUDIT_SPAN}, and a check is reused for
     * {@link #CHECK_REUSE}: most requests touch no table at all.
     */
    public Optional<SignedInUser> authenticate(String token, String path) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return checks.get(sha256(token), hash -> transaction.execute(status -> check(hash, path)));
    }

    /** Forgets every reused check: called when a token is revoked or an account's role or state changes. */
    void forgetChecks() {
        checks.invalidateAll();
    }

    /** The same when another instance sharing the database changed a user or a token (V33's announcement). */
    @EventListener
    void accountsChanged(AccountsChanged change) {
        forgetChecks();
    }

    private Optional<SignedInUser> check(String hash, String path) {
        record Match(long id, String username, boolean touchDue) {
        }
        Optional<Match> match = jdbc.sql("""
                SELECT t.id, u.username, coalesce(t.last_used_at < now() - interval '1 minute', true) AS touch_due
                FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL""")
                .param("hash", hash)
                .query((rs, n) -> new Match(rs.getLong("id"), rs.getString("username"), rs.getBoolean("touch_due")))
                .optional();
        if (match.isEmpty()) {
            return Optional.empty();
        }
        Optional<SignedInUser> user = accounts.findForSignIn(match.get().username())
                .filter(SignedInUser::isEnabled);
        if (user.isPresent() && match.get().touchDue()) {
            recordUse(match.get().id(), match.get().username(), path);
        }
        return user;
    }

    private void recordUse(long id, String username, String path) {
        jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = :id").param("id", id).update();
        boolean auditDue = jdbc.sql("""
                SELECT coalesce(max(at), '-infinity') < now() - make_interval(secs => :span)
                FROM audit_event WHERE action = 'token.use' AND target = :target""")
                .param("span", USE_AUDIT_SPAN.toSeconds()).param("target", "token " + id)
                .query(Boolean.class).single();
        if (auditDue) {
            audit.record(currentUser.actorNamed(username), AuditAction.TOKEN_USE, "token " + id, AuditDetail.of("audit.detail.path", path));
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
