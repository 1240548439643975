package org.jiuquan.grassroots.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Leaders, contact points, indicator values and status changes through the same staged flow as
 * organisations, over HTTP: for each, a good file (in UTF-8 and in GBK) previews its counts and changes
 * nothing; apply changes the live rows as a version; restoring the version before brings them back; bad
 * rows are every one reported with row and column.
 */
@PostgisIntegrationTest
class RecordImportApiIT extends StagedImportTest {

    private static final Charset GBK = Charset.forName("GB18030");

    @Override
    String liveData() {
        return RECORDS;
    }

    @Test
    void aLeaderListInUtf8OrGbkIsPreviewedAppliedAndUndone() {
        for (String file : List.of("leaders-utf8.csv", "leaders-gbk.csv")) {
            JsonNode preview = stage(file, fixture(file), "");
            assertThat(preview.path("entity").asString()).isEqualTo("leaders");
            assertThat(preview.path("errors").size()).as(file + ": " + preview).isZero();
            assertThat(preview.path("added").asInt()).as(file).isEqualTo(1);
            assertThat(preview.path("changed").asInt()).as(file).isEqualTo(1);
            assertThat(district(preview, "620902").path("added").asInt()).isEqualTo(1);
            assertThat(district(preview, RecordSql.CITY).path("changed").asInt()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT string_agg(name_zh, ',' ORDER BY row_no) FROM import_record "
                    + "WHERE batch_id = CAST(? AS uuid)").param(preview.path("id").asString()).query(String.class).single())
                    .as(file + " arrives with its names intact").isEqualTo("夏荣志,王建国");
            assertThat(fingerprint()).isEqualTo(before);
        }
        JsonNode preview = stage("leaders-gbk.csv", fixture("leaders-gbk.csv"), "");
        int version = apply(preview);
        assertThat(jdbc.sql("SELECT title_zh FROM leader WHERE phone = '13489850585'").query(String.class).single())
                .isEqualTo("市长");
        assertThat(jdbc.sql("SELECT name_zh || level || district_code FROM leader WHERE phone = '13912345678'")
                .query(String.class).single()).isEqualTo("王建国county620902");
        JsonNode latest = editor.json("/api/data/versions").get(0);
        assertThat(latest.path("entity").asString()).isEqualTo("leaders");
        assertThat(latest.path("file").asString()).isEqualTo("leaders-gbk.csv");
        restore(version - 1);
    }

    @Test
    void everyBadLeaderRowIsReportedWithItsRowAndColumn() {
        JsonNode preview = stage("leaders-bad-rows.csv", fixture("leaders-bad-rows.csv"), "");
        List<String> found = new ArrayList<>();
        preview.path("errors").forEach(e -> found.add(e.path("row").asInt() + " "
                + (e.path("column").isNull() ? "-" : e.path("column").asString()) + " " + e.path("code").asString()));
        assertThat(found).containsExactly("2 级别 import.bad-level", "3 手机 import.bad-phone",
                "4 区县 import.city-leader-district", "5 职务 import.value-missing", "6 区县 import.unknown-district",
                "8 - import.duplicate-row");
        for (JsonNode error : preview.path("errors")) {
            assertThat(error.path("message").asString()).doesNotContain("Exception", "constraint", "_check", "SQL");
        }
        assertThat(preview.path("can_apply").asBoolean()).isFalse();
        HttpResponse<byte[]> apply = editor.post("/api/data/imports/" + preview.path("id").asString() + "/apply", "",
                new byte[0]);
        assertThat(apply.statusCode()).isEqualTo(409);
    }

    @Test
    void contactPointsAreMatchedByLeaderNameAndOrganisationCode() {
        String linked = jdbc.sql("""
                SELECT o.code FROM contact_point c JOIN organisation o ON o.id = c.organisation_id
                WHERE c.leader_id = 1 AND o.code IS NOT NULL ORDER BY o.code LIMIT 1""").query(String.class).single();
        String free = jdbc.sql("""
                SELECT o.code FROM organisation o WHERE o.code IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM contact_point c WHERE c.organisation_id = o.id AND c.leader_id = 1)
                ORDER BY o.code LIMIT 1""").query(String.class).single();
        String csv = "领导姓名,组织代码,建立日期\n夏荣志," + free + ",2017-03-01\n夏荣志," + linked + ",2015-01-02\n";
        for (Charset charset : List.of(StandardCharsets.UTF_8, GBK)) {
            JsonNode preview = stage("联系点.csv", csv.getBytes(charset), "");
            assertThat(preview.path("entity").asString()).isEqualTo("contact-points");
            assertThat(preview.path("errors").size()).as(charset + ": " + preview).isZero();
            assertThat(preview.path("added").asInt()).as(charset.name()).isEqualTo(1);
            assertThat(preview.path("changed").asInt()).as(charset.name()).isEqualTo(1);
            assertThat(fingerprint()).isEqualTo(before);
        }
        int version = apply(stage("联系点.csv", csv.getBytes(GBK), ""));
        assertThat(jdbc.sql("""
                SELECT string_agg(o.code || ' ' || c.established_on, ',' ORDER BY o.code) FROM contact_point c
                JOIN organisation o ON o.id = c.organisation_id WHERE c.leader_id = 1 AND o.code IN (?, ?)""")
                .param(free).param(linked).query(String.class).single())
                .contains(free + " 2017-03-01").contains(linked + " 2015-01-02");
        restore(version - 1);

        String bad = "领导姓名,组织代码,建立日期\n无此人,620902100201,2017-03-01\n夏荣志,620902100398,2017-03-01\n"
                + "夏荣志,62090210020,2017-03-01\n夏荣志,620902100201,2099-01-01\n夏荣志,620902100201,去年\n";
        JsonNode refused = stage("联系点.csv", bad.getBytes(GBK), "");
        assertThat(errorsByRow(refused)).containsExactly("2 import.unknown-leader", "3 import.unknown-organisation",
                "4 import.bad-code", "5 import.future-date", "6 import.bad-date");
    }

    @Test
    void storedIndicatorValuesAreImportedAndComputedOnesRefused() {
        String indicator = jdbc.sql("""
                SELECT i.code FROM indicator i JOIN indicator_value v ON v.indicator_code = i.code
                WHERE i.aggregation <> 'ratio' AND NOT EXISTS (SELECT 1 FROM computed_indicator c WHERE c.code = i.code)
                ORDER BY i.sort_order LIMIT 1""").query(String.class).single();
        java.math.BigDecimal value = jdbc.sql("""
                SELECT value FROM indicator_value WHERE indicator_code = ? AND district_code = '620902' AND period = '2017Q4'""")
                .param(indicator).query(java.math.BigDecimal.class).single();
        String csv = "指标,区县,季度,数值\n" + indicator + ",肃州区,2017Q4," + value.add(java.math.BigDecimal.ONE) + "\n"
                + indicator + ",620922,2017q4," + jdbc.sql("SELECT value FROM indicator_value WHERE indicator_code = ? "
                + "AND district_code = '620922' AND period = '2017Q4'").param(indicator).query(String.class).single() + "\n";
        for (Charset charset : List.of(StandardCharsets.UTF_8, GBK)) {
            JsonNode preview = stage("指标.csv", csv.getBytes(charset), "");
            assertThat(preview.path("entity").asString()).isEqualTo("indicator-values");
            assertThat(preview.path("errors").size()).as(preview.toString()).isZero();
            assertThat(preview.path("changed").asInt()).isEqualTo(1);
            assertThat(preview.path("added").asInt()).isZero();
            assertThat(district(preview, "620902").path("changed").asInt()).isEqualTo(1);
        }
        int version = apply(stage("指标.csv", csv.getBytes(StandardCharsets.UTF_8), ""));
        assertThat(jdbc.sql("SELECT value FROM district_indicator_value WHERE indicator_code = ? AND district_code = '620902' "
                + "AND period = '2017Q4'").param(indicator).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo(value.add(java.math.BigDecimal.ONE));
        restore(version - 1);

        String bad = "指标,区县,季度,数值\nvillages,肃州区,2017Q4,1\nno_such,肃州区,2017Q4,1\n" + indicator
                + ",肃州区,2030Q1,1\n" + indicator + ",肃州区,2017Q4,-3\n" + indicator + ",火星区,2017Q4,1\n";
        JsonNode refused = stage("指标.csv", bad.getBytes(GBK), "");
        assertThat(errorsByRow(refused)).containsExactly("2 import.computed-indicator", "3 import.unknown-indicator",
                "4 import.unknown-period", "5 import.negative-value", "6 import.unknown-district");
    }

    @Test
    void statusChangesAddToTheHistoryAndMoveTheCurrentStatus() {
        String code = jdbc.sql("""
                SELECT code FROM organisation WHERE code IS NOT NULL AND status = 'normal' AND status_since < '2017-11-01'
                ORDER BY code LIMIT 1""").query(String.class).single();
        String csv = "代码,状态,起始日期\n" + code + ",软弱涣散,2017-11-01\n";
        for (Charset charset : List.of(StandardCharsets.UTF_8, GBK)) {
            JsonNode preview = stage("状态.csv", csv.getBytes(charset), "");
            assertThat(preview.path("entity").asString()).isEqualTo("status-changes");
            assertThat(preview.path("errors").size()).as(preview.toString()).isZero();
            assertThat(preview.path("changed").asInt()).as("organisations whose status changes").isEqualTo(1);
            assertThat(preview.path("added").asInt()).isZero();
        }
        HttpResponse<byte[]> replace = upload("状态.csv", csv.getBytes(StandardCharsets.UTF_8), "?mode=replace");
        assertThat(replace.statusCode()).isEqualTo(400);
        assertThat(problem(replace)).contains("替换");

        int version = apply(stage("状态.csv", csv.getBytes(StandardCharsets.UTF_8), "?entity=status-changes"));
        assertThat(jdbc.sql("SELECT status || ' ' || status_since FROM organisation WHERE code = ?").param(code)
                .query(String.class).single()).isEqualTo("weak 2017-11-01");
        assertThat(jdbc.sql("""
                SELECT s.status FROM organisation_period_status s JOIN organisation o ON o.id = s.organisation_id
                WHERE o.code = ? AND s.period = '2017Q4'""").param(code).query(String.class).single())
                .as("the quarter's status follows the history").isEqualTo("weak");
        restore(version - 1);

        String bad = "代码,状态,起始日期\n620902100398,软弱涣散,2017-11-01\n" + code + ",很好,2017-11-01\n" + code
                + ",正常,2031-01-01\n" + code + ",正在整顿,2000-01-01\n";
        JsonNode refused = stage("状态.csv", bad.getBytes(GBK), "");
        assertThat(errorsByRow(refused)).containsExactly("2 import.unknown-organisation", "3 import.bad-status", "4 import.future-date",
                "5 import.bad-status-date");
    }

    @Test
    void aFileMissingAColumnOrNamingAnUnknownEntityIsRefusedPlainly() {
        HttpResponse<byte[]> unknown = upload("x.csv", "代码\n620902100201\n".getBytes(StandardCharsets.UTF_8),
                "?entity=cats");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(problem(unknown)).contains("cats").contains("leaders");
        HttpResponse<byte[]> missing = upload("x.csv", "姓名,手机\n张三,13912345678\n".getBytes(StandardCharsets.UTF_8),
                "?entity=leaders");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(problem(missing)).contains("级别").contains("职务");
    }

    @Test
    void anEditorLimitedToADistrictImportsThatDistrictsRowsOnly() {
        Http scoped = districtEditor("jinta-editor", "金塔县组织部", "620921");
        try {
            JsonNode preview = staged(Multipart.upload(scoped, IMPORTS, "leaders-utf8.csv", fixture("leaders-utf8.csv")));
            assertThat(errorsByRow(preview)).containsExactly("2 import.city-leader-scoped", "3 import.row-outside-scope");
            assertThat(preview.path("errors").get(1).path("message").asString()).contains("肃州区").contains("金塔县");
            assertThat(apply(scoped, preview).statusCode()).isEqualTo(409);
        } finally {
            removeAccount("jinta-editor");
        }
    }
}
