package org.jiuquan.grassroots.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rows written before details had keys read into today's keys, so they too are said in the reader's language. */
class LegacyDetailsTest {

    @Test
    void theEnglishPhrasingsOfOlderRowsBecomeKeysAndArguments() {
        assertThat(LegacyDetails.read("user.role", "viewer -> analyst")).isEqualTo(AuditDetail.of("audit.detail.user.role",
                AuditDetail.of("role.viewer"), AuditDetail.of("role.analyst")));
        assertThat(LegacyDetails.read("user.create", "role=admin, first admin"))
                .isEqualTo(AuditDetail.of("audit.detail.user.created-first-admin", AuditDetail.of("role.admin")));
        assertThat(LegacyDetails.read("token.revoke", "token 7 \"QGIS 桌面\""))
                .isEqualTo(AuditDetail.of("audit.detail.token", "7", "QGIS 桌面"));
        assertThat(LegacyDetails.read("sign_in.failure", "BadCredentialsException; next attempt from this address in 4 s"))
                .isEqualTo(AuditDetail.of("audit.detail.sign-in.then-wait",
                        AuditDetail.of("audit.detail.sign-in.bad-credentials"), 4L));
        assertThat(LegacyDetails.read("data.change", "status weak -> rectifying from 2017-05-02"))
                .isEqualTo(AuditDetail.of("audit.detail.status", AuditDetail.of("status.weak"),
                        AuditDetail.of("status.rectifying"), "2017-05-02"));
        assertThat(LegacyDetails.read("data.import", "staged leaders 12: 30 rows, +3 ~2 -0, 1 errors"))
                .isEqualTo(AuditDetail.of("audit.detail.import.staged-entity", AuditDetail.of("data.template.leaders"),
                        "12", 30L, 3L, 2L, 0L, 1L));
        assertThat(LegacyDetails.read("data.import", "refused: import.bad-entity [things, organisations]"))
                .isEqualTo(AuditDetail.of("audit.detail.import.refused",
                        AuditDetail.of("import.bad-entity", "things", "organisations")));
        assertThat(LegacyDetails.read("slide.share", "周例会: shared"))
                .isEqualTo(AuditDetail.of("audit.detail.slide.shared", "周例会"));
        assertThat(LegacyDetails.read("slide.delete", "周例会: 第二版")).isEqualTo(AuditDetail.of("audit.detail.slide", "周例会: 第二版"));
        assertThat(LegacyDetails.read("export.map", "3 slides")).isEqualTo(AuditDetail.of("audit.detail.slides", 3L));
        assertThat(LegacyDetails.read("export.map", "format=png&size=screen"))
                .isEqualTo(AuditDetail.of("audit.detail.query", "format=png&size=screen"));
    }

    @Test
    void aTextInNoKnownPhrasingIsLeftAsWritten() {
        assertThat(LegacyDetails.read("data.change", "moved by hand")).isNull();
    }

    @Test
    void detailsSurviveTheirJsonRoundTrip() {
        AuditDetail detail = AuditDetail.of("audit.detail.import.staged", "12", 30, 3L, new java.math.BigDecimal("2.5"),
                AuditDetail.of("role.viewer"), "“引号” \"quotes\"");
        AuditDetail read = AuditDetail.read(detail.key(), detail.argsJson());
        assertThat(read.key()).isEqualTo(detail.key());
        assertThat(read.args().get(0)).isEqualTo("12");
        assertThat(((Number) read.args().get(1)).intValue()).isEqualTo(30);
        assertThat(read.args().get(4)).isEqualTo(AuditDetail.of("role.viewer"));
        assertThat(read.args().get(5)).isEqualTo("“引号” \"quotes\"");
    }
}
