package org.jiuquan.grassroots.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail's hash chain finds what a database superuser does behind the app's back: an edited row
 * and a deleted row are each named as the first break. (The tests' database user is the private cluster's
 * superuser, who may switch the append-only trigger off, as an intruder with that role could.)
 */
@PostgisIntegrationTest
class AuditChainIT {

    private static final Actor CHAIN_TEST = new Actor("chain.test", null);

    @Autowired
    AuditLog audit;
    @Autowired
    AuditChain chain;
    @Autowired
    JdbcClient jdbc;

    @Test
    void writersAtTheSameTimeStillMakeOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 80; i++) {
                int n = i;
                writes.add(pool.submit(() -> audit.record(CHAIN_TEST, AuditAction.DATA_CHANGE, "concurrent " + n)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditChain.Report report = chain.verify();
        assertThat(report.firstBroken()).isEmpty();
        assertThat(report.checkedRows()).isGreaterThanOrEqualTo(80);
        assertThat(report.headSeq()).isEqualTo(report.checkedRows());
    }

    @Test
    void aRowEditedByASuperuserIsNamedAsTheFirstBreak() {
        for (int i = 0; i < 3; i++) {
            audit.record(CHAIN_TEST, AuditAction.DATA_CHANGE, "edit target " + i, "status normal -> weak");
        }
        assertThat(chain.verify().intact()).isTrue();
        long victim = idOf("edit target 1");

        asSuperuser("UPDATE audit_event SET detail = 'status normal -> normal' WHERE id = " + victim);
        try {
            AuditChain.Report report = chain.verify();
            assertThat(report.firstBroken()).hasValueSatisfying(row -> {
                assertThat(row.id()).isEqualTo(victim);
                assertThat(row.reason()).isEqualTo(AuditChain.Break.CONTENT_CHANGED);
            });
        } finally {
            // Putting the old text back mends it (the check is about content, not about who touched the row),
            // and leaves the trail whole for other tests even when an assertion above failed.
            asSuperuser("UPDATE audit_event SET detail = 'status normal -> weak' WHERE id = " + victim);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aDetailKeptAsKeyAndArgumentsIsCoveredByTheChainToo() {
        audit.record(CHAIN_TEST, AuditAction.USER_ROLE, "keyed target",
                AuditDetail.of("audit.detail.user.role", AuditDetail.of("role.viewer"), AuditDetail.of("role.analyst")));
        assertThat(chain.verify().intact()).isTrue();
        long victim = idOf("keyed target");
        String args = jdbc.sql("SELECT detail_args::text FROM audit_event WHERE id = :id").param("id", victim)
                .query(String.class).single();
        assertThat(args).isEqualTo("[{\"key\":\"role.viewer\",\"args\":[]},{\"key\":\"role.analyst\",\"args\":[]}]");

        asSuperuser("UPDATE audit_event SET detail_args = replace(detail_args::text, 'analyst', 'admin')::json WHERE id = " + victim);
        try {
            assertThat(chain.verify().firstBroken()).hasValueSatisfying(row -> {
                assertThat(row.id()).isEqualTo(victim);
                assertThat(row.reason()).isEqualTo(AuditChain.Break.CONTENT_CHANGED);
            });
        } finally {
            asSuperuser("UPDATE audit_event SET detail_args = '" + args + "'::json WHERE id = " + victim);
        }
        assertThat(chain.verify().intact()).isTrue();
        assertThat(audit.find(new AuditQuery("chain.test", "user.role", null, null, 1)).getFirst().described())
                .isEqualTo(AuditDetail.of("audit.detail.user.role", AuditDetail.of("role.viewer"), AuditDetail.of("role.analyst")));
    }

    @Test
    void aRowDeletedByASuperuserBreaksTheChainAtTheRowAfterIt() {
        for (int i = 0; i < 3; i++) {
            audit.record(CHAIN_TEST, AuditAction.DATA_CHANGE, "delete target " + i);
        }
        long deleted = idOf("delete target 1");
        long next = idOf("delete target 2");
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_event WHERE id = :id").param("id", deleted).query().singleRow();

        asSuperuser("DELETE FROM audit_event WHERE id = " + deleted);
        try {
            AuditChain.Report report = chain.verify();
            assertThat(report.firstBroken()).hasValueSatisfying(broken -> {
                assertThat(broken.id()).isEqualTo(next);
                assertThat(broken.reason()).isEqualTo(AuditChain.Break.PREDECESSOR_MISSING);
            });
        } finally {
            // Put the row back exactly as it was, so the trail is whole for the other tests, pass or fail.
            jdbc.sql("""
                    INSERT INTO audit_event (id, at, actor, action, target, detail, client_address, chain_seq, prev_hash, row_hash)
                    VALUES (:id, :at, :actor, :action, :target, :detail, :client_address, :chain_seq, :prev_hash, :row_hash)""")
                    .params(row).update();
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aRowWithItsChainFieldsClearedIsFound() {
        audit.record(CHAIN_TEST, AuditAction.DATA_CHANGE, "unchain target");
        audit.record(CHAIN_TEST, AuditAction.DATA_CHANGE, "unchain after");
        long victim = idOf("unchain target");
        Map<String, Object> row = jdbc.sql("SELECT chain_seq, prev_hash, row_hash FROM audit_event WHERE id = :id")
                .param("id", victim).query().singleRow();

        asSuperuser("UPDATE audit_event SET chain_seq = NULL, prev_hash = NULL, row_hash = NULL WHERE id = " + victim);
        try {
            assertThat(chain.verify().intact()).isFalse();
        } finally {
            asSuperuser("UPDATE audit_event SET chain_seq = " + row.get("chain_seq") + ", prev_hash = '" + row.get("prev_hash")
                    + "', row_hash = '" + row.get("row_hash") + "' WHERE id = " + victim);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    private long idOf(String target) {
        return jdbc.sql("SELECT id FROM audit_event WHERE target = :target").param("target", target).query(Long.class).single();
    }

    /** What an intruder with the superuser role could do: switch the trigger off, change rows, switch it on. */
    private void asSuperuser(String change) {
        jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change").update();
        try {
            jdbc.sql(change).update();
        } finally {
            jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_change").update();
        }
    }
}
