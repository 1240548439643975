package org.jiuquan.grassroots.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and reads the audit trail. The table refuses updates, deletes and truncation (V9), so the
 * app can only add to it, and each row is chained to its predecessor by a keyed hash (V31, AuditKey), so
 * a change made behind the app's back is found (AuditChain). The caller names the actor
 * ({@link Actor}); only services write here (ArchitectureTest).
 */
@Service
public class AuditLog {

    /** Days in the filter are days in Jiuquan. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Serialises writers of the chain: each new row must see its predecessor (pg_advisory_xact_lock key). */
    public static final long CHAIN_LOCK = 0x6a71_6175_6469_7431L;

    private final JdbcClient jdbc;
    private final AuditKey key;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, AuditKey key, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
    }

    /**
     * Records an action of an actor (the caller says who: the signed-in user, a sign-in attempt's username,
     * or nobody) as the next link of the hash chain, with its detail as a message key and arguments, so each
     * reader sees it in their language. Within the caller's transaction if there is one: the row, and the
     * lock that orders the chain, last exactly as long as the change it records.
     */
    @Transactional
    public void record(Actor by, AuditAction action, @Nullable String target, AuditDetail detail) {
        append(by, action, target, null, detail);
    }

    /** Records an action that needs no detail (a sign-in, a password reset). */
    @Transactional
    public void record(Actor by, AuditAction action, @Nullable String target) {
        append(by, action, target, null, null);
    }

    /**
     * Records an action with a free-text detail, shown to every reader as written: only for text that is
     * itself data (a request's query, a path). Anything worded belongs in an {@link AuditDetail}.
     */
    @Transactional
    public void record(Actor by, AuditAction action, @Nullable String target, @Nullable String detail) {
        append(by, action, target, detail, null);
    }

    private void append(Actor by, AuditAction action, @Nullable String target, @Nullable String detail,
                        @Nullable AuditDetail described) {
        @Nullable String actor = by.username();
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query((rs, n) -> 1).list();
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("SELECT chain_seq, row_hash FROM audit_event WHERE chain_seq IS NOT NULL "
                        + "ORDER BY chain_seq DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional().orElse(null);
        long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('audit_event', 'id'))").query(Long.class).single();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long seq = head == null ? 1 : head.seq() + 1;
        String prevHash = head == null ? null : head.hash();
        String address = by.clientAddress();
        String detailKey = described == null ? null : described.key();
        String detailArgs = described == null ? null : described.argsJson();
        jdbc.sql("""
                INSERT INTO audit_event (id, at, actor, action, target, detail, client_address, chain_seq, prev_hash,
                                         row_hash, detail_key, detail_args)
                VALUES (:id, :at, :actor, :action, :target, :detail, :address, :seq, :prev, :hash, :detailKey,
                        CAST(:detailArgs AS json))""")
                .param("id", id).param("at", at.atOffset(ZoneOffset.UTC))
                .param("actor", actor).param("action", action.code()).param("target", target)
                .param("detail", detail).param("address", address)
                .param("seq", seq).param("prev", prevHash)
                .param("hash", key.hash(seq, id, at, actor, action.code(), target, detail, address, prevHash,
                        detailKey, detailArgs))
                .param("detailKey", detailKey).param("detailArgs", detailArgs)
                .update();
    }

    public List<AuditEvent> find(AuditQuery query) {
        return jdbc.sql("""
                SELECT id, at, actor, action, target, detail, client_address, detail_key, detail_args::text AS detail_args
                FROM audit_event
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
                        rs.getString("detail"), rs.getString("client_address"),
                        described(rs.getString("action"), rs.getString("detail"), rs.getString("detail_key"),
                                rs.getString("detail_args"))))
                .list();
    }

    /** The detail's key and arguments: stored as such, or read from an older row's English text. */
    private static @Nullable AuditDetail described(String action, @Nullable String detail, @Nullable String key,
                                                   @Nullable String args) {
        if (key != null) {
            return AuditDetail.read(key, args);
        }
        return detail == null ? null : LegacyDetails.read(action, detail);
    }
}
