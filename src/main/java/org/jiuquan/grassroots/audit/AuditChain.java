package org.jiuquan.grassroots.audit;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Checks the audit trail's hash chain from its first link to its last and names the first row where it
 * breaks: a row whose content no longer matches its hash (edited), a row whose predecessor is not the
 * row before it or a gap in the positions (rows deleted), or a row taken out of the chain.
 */
@Service
public class AuditChain {

    /** Why a row breaks the chain. */
    public enum Break {
        /** The row's fields no longer give its hash: it was edited. */
        CONTENT_CHANGED,
        /** Rows before this one are missing (deleted), or its predecessor link was altered. */
        PREDECESSOR_MISSING,
        /** The row carries no chain fields although rows written before it do. */
        OUTSIDE_CHAIN
    }

    /** The first broken row: its id, its position in the chain (null if outside it) and why. */
    public record BrokenRow(long id, @Nullable Long chainSeq, Break reason) {
    }

    /**
     * What the check found.
     *
     * @param checkedRows   chained rows checked (up to the first break)
     * @param legacyRows    rows written before the chain began (V31), which it cannot vouch for
     * @param headSeq       position of the last row (0: none); with headHash, worth noting outside the app:
     *                      deleting rows at the very end is only found against such a note
     * @param firstBroken   the first row where the chain breaks, if any
     */
    public record Report(long checkedRows, long legacyRows, long headSeq, @Nullable String headHash,
                         Optional<BrokenRow> firstBroken) {

        public boolean intact() {
            return firstBroken.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final AuditKey key;

    public AuditChain(JdbcClient jdbc, AuditKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    public Report verify() {
        long legacy = jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE chain_seq IS NULL
                  AND id < coalesce((SELECT min(id) FROM audit_event WHERE chain_seq IS NOT NULL), 'Infinity'::numeric)""")
                .query(Long.class).single();
        Optional<BrokenRow> outside = jdbc.sql("""
                SELECT id FROM audit_event WHERE chain_seq IS NULL
                  AND id > (SELECT min(id) FROM audit_event WHERE chain_seq IS NOT NULL) ORDER BY id LIMIT 1""")
                .query((rs, n) -> new BrokenRow(rs.getLong(1), null, Break.OUTSIDE_CHAIN)).optional();
        Walk walk = new Walk();
        jdbc.sql("""
                SELECT id, at, actor, action, target, detail, client_address, chain_seq, prev_hash, row_hash,
                       detail_key, detail_args::text AS detail_args
                FROM audit_event WHERE chain_seq IS NOT NULL ORDER BY chain_seq""")
                .query((java.sql.ResultSet rs) -> walk.next(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail"),
                        rs.getString("client_address"), rs.getLong("chain_seq"), rs.getString("prev_hash"),
                        rs.getString("row_hash"), rs.getString("detail_key"), rs.getString("detail_args")));
        Optional<BrokenRow> broken = walk.broken != null ? Optional.of(walk.broken) : outside;
        return new Report(walk.checked, legacy, walk.lastSeq, walk.lastHash, broken);
    }

    /** The walk along the chain, stopping at the first break. */
    private final class Walk {
        long checked;
        long lastSeq;
        @Nullable String lastHash;
        @Nullable BrokenRow broken;

        void next(long id, OffsetDateTime at, @Nullable String actor, String action, @Nullable String target,
                  @Nullable String detail, @Nullable String address, long seq, @Nullable String prevHash, String rowHash,
                  @Nullable String detailKey, @Nullable String detailArgs) {
            if (broken != null) {
                return;
            }
            if (seq != lastSeq + 1 || !java.util.Objects.equals(prevHash, lastHash)) {
                broken = new BrokenRow(id, seq, Break.PREDECESSOR_MISSING);
                return;
            }
            if (!key.hash(seq, id, at.toInstant(), actor, action, target, detail, address, prevHash, detailKey, detailArgs).equals(rowHash)) {
                broken = new BrokenRow(id, seq, Break.CONTENT_CHANGED);
                return;
            }
            checked++;
            lastSeq = seq;
            lastHash = rowHash;
        }
    }
}
