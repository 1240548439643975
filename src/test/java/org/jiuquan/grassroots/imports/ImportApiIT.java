package org.jiuquan.grassroots.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Editors' files through the HTTP API, one fixture per format and per bad case: each preview's counts or
 * errors are checked, and the live data is checked unchanged until apply. Tests that apply restore the
 * data as it was at their start (which is itself what a restore is for).
 */
@PostgisIntegrationTest
class ImportApiIT extends StagedImportTest {

    @Override
    String liveData() {
        return ORGANISATIONS;
    }

    @Test
    void aUtf8ListIsPreviewedByDistrictAndChangesNothingUntilApplied() {
        JsonNode preview = stage("organisations-utf8.csv", "");
        assertThat(preview.path("rows").asInt()).isEqualTo(3);
        assertThat(preview.path("added").asInt()).isEqualTo(1);
        assertThat(preview.path("changed").asInt()).isEqualTo(1);
        assertThat(preview.path("removed").asInt()).isZero();
        assertThat(preview.path("errors").size()).as(preview.toString()).isZero();
        assertThat(preview.path("can_apply").asBoolean()).isTrue();
        JsonNode suzhou = district(preview, "620902");
        assertThat(suzhou.path("added").asInt()).isEqualTo(1);
        assertThat(suzhou.path("changed").asInt()).isEqualTo(1);
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(editor.json("/api/data/imports/" + preview.path("id").asString()).path("added").asInt()).isEqualTo(1);
    }

    @Test
    void gbkUtf8WithBomAndUtf16FilesGiveTheSamePreviewWithIntactNames() {
        for (String file : List.of("organisations-gbk.csv", "organisations-utf8-bom.csv", "organisations-utf16.csv")) {
            JsonNode preview = stage(file, "");
            assertThat(preview.path("errors").size()).as(file + ": " + preview).isZero();
            assertThat(preview.path("added").asInt()).as(file).isEqualTo(1);
            assertThat(preview.path("changed").asInt()).as(file).isEqualTo(1);
            String id = preview.path("id").asString();
            assertThat(jdbc.sql("SELECT name_zh FROM import_row WHERE batch_id = CAST(? AS uuid) AND code = '620902100201'")
                    .param(id).query(String.class).single()).as(file).isEqualTo("新西村（更名）");
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aFileThatWouldGarbleIsRefusedNamingTheEncoding() {
        HttpResponse<byte[]> refused = upload("latin1.csv", "");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(problem(refused)).contains("latin1.csv").contains("GB18030/GBK").contains("UTF-8");
    }

    @Test
    void aHeaderOnlyFileIsAnErrorNeverAWipe() {
        for (String mode : List.of("upsert", "replace")) {
            HttpResponse<byte[]> refused = upload("header-only.csv", "?mode=" + mode);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(problem(refused)).contains("没有数据行");
        }
    }

    @Test
    void swappedCoordinatesAreNamedWithRowAndColumn() {
        JsonNode preview = stage("swapped.csv", "");
        JsonNode error = only(preview.path("errors"));
        assertThat(error.path("row").asInt()).isEqualTo(2);
        assertThat(error.path("column").asString()).isEqualTo("经度/纬度");
        assertThat(error.path("message").asString()).contains("填反");
        assertThat(preview.path("can_apply").asBoolean()).isFalse();
        HttpResponse<byte[]> refused = apply(editor, preview);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(problem(refused)).contains("1 处错误");
    }

    @Test
    void everyErrorOfAFileIsReportedWithItsRowNotOnlyTheFirst() {
        JsonNode preview = stage("bad-rows.csv", "");
        assertThat(errorsByRow(preview)).contains("3 import.duplicate-code", "4 import.unknown-township",
                "5 import.out-of-range", "6 import.bad-code");
        for (JsonNode error : preview.path("errors")) {
            assertThat(error.path("message").asString()).doesNotContain("Exception", "constraint", "_pkey", "SQL");
            assertThat(error.path("file").asString()).isEqualTo("bad-rows.csv");
        }
    }

    @Test
    void pointsCopiedFromGaodeAreRecognisedAndConvertedWhenTheEditorSaysSo() {
        StringBuilder csv = new StringBuilder("代码,经度,纬度\n");
        jdbc.sql("SELECT code, ST_X(geom), ST_Y(geom) FROM organisation WHERE district_code = '620902' AND code IS NOT NULL "
                + "ORDER BY code LIMIT 6").query((rs, n) -> {
                    double[] gcj = ChinaOffsets.wgs84ToGcj02(rs.getDouble(2), rs.getDouble(3));
                    return csv.append(rs.getString(1)).append(',').append(String.format("%.9f,%.9f", gcj[0], gcj[1]))
                            .append('\n');
                }).list();
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        JsonNode asIs = Http.parse(Multipart.upload(editor, "/api/data/imports", "gaode.csv", bytes));
        assertThat(asIs.path("changed").asInt()).isEqualTo(6);
        assertThat(asIs.path("warnings").toString()).contains("import.looks-gcj02");
        HttpResponse<byte[]> converted = Multipart.upload(editor, "/api/data/imports?crs=gcj02", "gaode.csv", bytes);
        assertThat(converted.statusCode()).isEqualTo(201);
        JsonNode preview = Http.parse(converted);
        assertThat(preview.path("changed").asInt()).as(preview.toString()).isZero();
        assertThat(preview.path("crs").asString()).isEqualTo("GCJ-02");
    }

    @Test
    void anAppliedImportIsAVersionAndRestoringTheOneBeforeBringsTheDataBack() {
        JsonNode preview = stage("organisations-utf8.csv", "");
        HttpResponse<byte[]> applied = apply(editor, preview);
        assertThat(applied.statusCode()).as(new String(applied.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode result = Http.parse(applied);
        assertThat(result.path("added").asInt()).isEqualTo(1);
        assertThat(result.path("changed").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT name_zh FROM organisation WHERE code = '620902100201'").query(String.class).single())
                .isEqualTo("新西村（更名）");
        assertThat(jdbc.sql("SELECT count(*) FROM organisation_status s JOIN organisation o ON o.id = s.organisation_id "
                + "WHERE o.code = '620902100299'").query(Long.class).single()).isEqualTo(1);
        int version = result.path("version").asInt();
        JsonNode versions = editor.json("/api/data/versions");
        assertThat(versions.get(0).path("n").asInt()).isEqualTo(version);
        assertThat(versions.get(0).path("file").asString()).isEqualTo("organisations-utf8.csv");
        assertThat(versions.get(0).path("applied_by").asString()).isEqualTo("editor");
        assertThat(versions.get(1).path("n").asInt()).as("the state it replaced is a version too").isEqualTo(version - 1);

        HttpResponse<byte[]> again = apply(editor, preview);
        assertThat(again.statusCode()).isEqualTo(409);

        HttpResponse<byte[]> restored = editor.post("/api/data/versions/" + (version - 1) + "/restore", "", new byte[0]);
        assertThat(restored.statusCode()).as(new String(restored.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(Http.parse(restored).path("removed").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'data.restore' AND target = ?")
                .param("version/" + (version - 1)).query(Long.class).single()).isPositive();
    }

    @Test
    void aReplaceRemovingMoreThanATenthOfADistrictNeedsTheNumberTypedBack() {
        // Every organisation of 阿克塞 but a sixth of those without contact points.
        List<String> codes = jdbc.sql("""
                SELECT o.code FROM organisation o WHERE o.district_code = '620924' AND o.code IS NOT NULL ORDER BY o.code""")
                .query(String.class).list();
        List<String> free = jdbc.sql("""
                SELECT o.code FROM organisation o WHERE o.district_code = '620924' AND o.code IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM contact_point c WHERE c.organisation_id = o.id) ORDER BY o.code""")
                .query(String.class).list();
        int drop = codes.size() / 6 + 1;
        assertThat(free.size()).isGreaterThanOrEqualTo(drop);
        StringBuilder csv = new StringBuilder("代码\n");
        codes.stream().filter(c -> !free.subList(0, drop).contains(c)).forEach(c -> csv.append(c).append('\n'));
        HttpResponse<byte[]> staged = Multipart.upload(editor, "/api/data/imports?mode=replace&district=620924",
                "aksai.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(staged.statusCode()).isEqualTo(201);
        JsonNode preview = Http.parse(staged);
        assertThat(preview.path("removed").asInt()).isEqualTo(drop);
        assertThat(preview.path("confirm_removed_needed").asInt()).isEqualTo(drop);
        assertThat(district(preview, "620902").path("removed").asInt()).as("outside the scope").isZero();
        String apply = "/api/data/imports/" + preview.path("id").asString() + "/apply";
        HttpResponse<byte[]> unconfirmed = editor.post(apply, "", new byte[0]);
        assertThat(unconfirmed.statusCode()).isEqualTo(409);
        assertThat(problem(unconfirmed)).contains("confirmRemoved=" + drop);
        assertThat(editor.post(apply + "?confirmRemoved=" + (drop + 1), "", new byte[0]).statusCode()).isEqualTo(409);
        assertThat(fingerprint()).isEqualTo(before);
        HttpResponse<byte[]> confirmed = editor.post(apply + "?confirmRemoved=" + drop, "", new byte[0]);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM organisation WHERE district_code = '620924' AND code IS NOT NULL")
                .query(Long.class).single()).isEqualTo(codes.size() - drop);
        int version = Http.parse(confirmed).path("version").asInt();
        assertThat(editor.post("/api/data/versions/" + (version - 1) + "/restore", "", new byte[0]).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anEditorLimitedToADistrictIsRefusedOutsideIt() {
        Http scoped = districtEditor("guazhou-editor", "瓜州县组织部", "620922");
        try {
            HttpResponse<byte[]> named = Multipart.upload(scoped, "/api/data/imports?district=620902",
                    "organisations-utf8.csv", fixture("organisations-utf8.csv"));
            assertThat(named.statusCode()).isEqualTo(403);
            assertThat(problem(named)).contains("瓜州县").contains("肃州区");

            JsonNode preview = Http.parse(Multipart.upload(scoped, "/api/data/imports", "organisations-utf8.csv",
                    fixture("organisations-utf8.csv")));
            assertThat(preview.path("district").asString()).isEqualTo("620922");
            assertThat(preview.path("errors").toString()).contains("import.outside-scope");
            assertThat(apply(scoped, preview).statusCode()).isEqualTo(409);

            JsonNode citywide = stage("organisations-utf8.csv", "");
            assertThat(apply(scoped, citywide).statusCode()).isEqualTo(403);

            HttpResponse<byte[]> status = scoped.post("/api/data/organisations/620902100201/status?status=weak&from="
                    + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), "", new byte[0]);
            assertThat(status.statusCode()).isEqualTo(403);
            assertThat(problem(status)).contains("新西村");
            assertThat(scoped.post("/api/data/versions/1/restore", "", new byte[0]).statusCode()).isEqualTo(403);
            assertThat(scoped.post("/api/data/import", "application/zip", new byte[] {1}).statusCode()).isEqualTo(403);
            assertThat(editor.post("/api/data/imports/" + citywide.path("id").asString() + "/cancel", "", new byte[0])
                    .statusCode()).isEqualTo(204);
        } finally {
            removeAccount("guazhou-editor");
        }
    }

    @Test
    void columnsMappedByHandAreUsedAndRememberedForTheNextFile() {
        byte[] csv = "村委会编码,村委会名称\n620902100201,新西村（手工对应）\n".getBytes(StandardCharsets.UTF_8);
        try {
            rememberedColumnsAreUsed(csv);
        } finally {
            // The editor's remembered columns would apply to other tests' files.
            jdbc.sql("DELETE FROM import_column_mapping WHERE username = 'editor'").update();
        }
    }

    private void rememberedColumnsAreUsed(byte[] csv) {
        JsonNode unmapped = Http.parse(Multipart.upload(editor, "/api/data/imports", "own.csv", csv));
        assertThat(unmapped.path("errors").get(0).path("code").asString()).isEqualTo("import.no-code-column");
        HttpResponse<byte[]> bad = Multipart.upload(editor, "/api/data/imports?columns=村委会编码=电话", "own.csv", csv);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(problem(bad)).contains("村委会编码=电话");
        String columns = java.net.URLEncoder.encode("村委会编码=代码,村委会名称=name", StandardCharsets.UTF_8);
        JsonNode mapped = Http.parse(Multipart.upload(editor, "/api/data/imports?columns=" + columns, "own.csv", csv));
        assertThat(mapped.path("errors").size()).as(mapped.toString()).isZero();
        assertThat(mapped.path("changed").asInt()).isEqualTo(1);
        JsonNode remembered = Http.parse(Multipart.upload(editor, "/api/data/imports", "own-again.csv", csv));
        assertThat(remembered.path("errors").size()).as(remembered.toString()).isZero();
        assertThat(remembered.path("changed").asInt()).isEqualTo(1);
    }

    @Test
    void anAnalystMayNotImport() {
        Http analyst = Http.as(port, tokens, "analyst");
        assertThat(Multipart.upload(analyst, "/api/data/imports", "organisations-utf8.csv",
                fixture("organisations-utf8.csv")).statusCode()).isEqualTo(403);
    }

    @Test
    void theOldZipImportNeverWipesOrGarbles() throws IOException {
        HttpResponse<byte[]> headerOnly = editor.post("/api/data/import", "application/zip", zipOfDemoWith(
                "id,code,kind,name_zh,township_zh,district_code,fortress_index,status,status_since,lon,lat\n"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(headerOnly.statusCode()).isEqualTo(400);
        assertThat(problem(headerOnly)).contains("没有数据行");
        String demo = new String(demoFile("organisations.csv"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> gbk = editor.post("/api/data/import", "application/zip",
                zipOfDemoWith(demo.getBytes(java.nio.charset.Charset.forName("GBK"))));
        assertThat(gbk.statusCode()).isEqualTo(400);
        assertThat(problem(gbk)).contains("organisations.csv").contains("UTF-8");
        String firstRow = demo.lines().skip(1).findFirst().orElseThrow();
        String[] fields = firstRow.split(",", -1);
        String swappedRow = firstRow.replace(fields[9] + "," + fields[10], fields[10] + "," + fields[9]);
        HttpResponse<byte[]> swapped = editor.post("/api/data/import", "application/zip",
                zipOfDemoWith(demo.replace(firstRow, swappedRow).getBytes(StandardCharsets.UTF_8)));
        assertThat(swapped.statusCode()).isEqualTo(400);
        assertThat(problem(swapped)).contains("organisations.csv").contains("第 2 行").contains("填反");
        String withoutSuzhou = demo.lines().filter(l -> !l.contains(",620902,")).collect(
                java.util.stream.Collectors.joining("\n", "", "\n"));
        HttpResponse<byte[]> wipe = editor.post("/api/data/import", "application/zip",
                zipOfDemoWith(withoutSuzhou.getBytes(StandardCharsets.UTF_8)));
        assertThat(wipe.statusCode()).isEqualTo(409);
        assertThat(problem(wipe)).contains("confirmRemoved=");
    }

    private static byte[] zipOfDemoWith(byte[] organisations) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (String file : org.jiuquan.grassroots.demodata.DatasetFiles.ALL) {
                zip.putNextEntry(new java.util.zip.ZipEntry(file));
                zip.write(file.equals("organisations.csv") ? organisations : demoFile(file));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] demoFile(String file) {
        try (InputStream in = ImportApiIT.class.getResourceAsStream("/geodata/" + file)) {
            return java.util.Objects.requireNonNull(in).readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode stage(String file, String query) {
        HttpResponse<byte[]> response = upload(file, query);
        JsonNode preview = staged(response);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/api/data/imports/"));
        return preview;
    }

    private HttpResponse<byte[]> upload(String file, String query) {
        return upload(file, fixture(file), query);
    }

    private static JsonNode only(JsonNode array) {
        assertThat(array.size()).as(array.toString()).isEqualTo(1);
        return array.get(0);
    }
}
