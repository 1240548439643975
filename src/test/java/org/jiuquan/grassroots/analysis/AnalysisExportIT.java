package org.jiuquan.grassroots.analysis;

import org.springframework.beans.factory.annotation.Autowired;
import org.jiuquan.grassroots.security.ApiTokenService;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The analysis table as a planner takes it away: Excel and CSV, opened and read back. */
@PostgisIntegrationTest
class AnalysisExportIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApiTokenService tokens;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void excelHoldsTheTableWithChineseHeadersAndOneRowPerOrganisation() throws Exception {
        Http http = Http.as(port, tokens, "analyst");
        int gaps = http.json("/api/analysis/coverage-gaps?distance_km=3").path("numberReturned").asInt();
        assertThat(gaps).isPositive();
        HttpResponse<byte[]> response = http.get("/api/analysis/export?analysis=coverage-gaps&distance_km=3&format=xlsx");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("联系点覆盖空白");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("名称");
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("距最近联系点（米）");
            assertThat(sheet.getLastRowNum()).isEqualTo(gaps);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).containsPattern("\\p{IsHan}");
            assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isGreaterThan(3000);
            assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isPositive(); // the fortress index
        }
    }

    @Test
    void csvHasAByteOrderMarkForExcelAndFollowsTheFiltersAndLanguage() {
        Http http = Http.as(port, tokens, "analyst");
        HttpResponse<byte[]> all = http.get("/api/analysis/export?analysis=hot-spots&distance_km=5&format=csv");
        HttpResponse<byte[]> dunhuang = http.get(
                "/api/analysis/export?analysis=hot-spots&distance_km=5&format=csv&district=620982&lang=en");
        byte[] body = all.body();
        assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).contains("代码", "名称", "堡垒指数", "Gi* z 值");
        assertThat(text.lines().count()).isEqualTo(1 + 1280);
        String english = new String(dunhuang.body(), StandardCharsets.UTF_8);
        assertThat(english.lines().findFirst().orElseThrow()).contains("Code", "Name", "Fortress index");
        assertThat(english.lines().count()).isEqualTo(1 + 55 + 131);
    }

    @Test
    void aDrawnPolygonKeepsExactlyTheOrganisationsInsideIt() {
        String triangle = "94.5 40.0;94.9 40.0;94.7 40.3;94.5 40.0";
        String csv = new String(Http.as(port, tokens, "analyst").get("/api/analysis/export?analysis=hot-spots&distance_km=5&format=csv&area="
                + java.net.URLEncoder.encode(triangle, StandardCharsets.UTF_8)).body(), StandardCharsets.UTF_8);
        long inside = jdbc.sql("""
                SELECT count(*) FROM organisation WHERE kind IN ('village', 'grid_branch')
                AND ST_Covers(ST_GeomFromText('POLYGON((94.5 40.0, 94.9 40.0, 94.7 40.3, 94.5 40.0))', 4326), geom)""")
                .query(Long.class).single();
        assertThat(inside).isPositive();
        assertThat(csv.lines().count()).isEqualTo(1 + inside);
    }

    @Test
    void badExportParametersAreRefusedClearly() {
        Http http = Http.as(port, tokens, "analyst");
        for (String query : new String[] {"analysis=everything", "analysis=hot-spots&format=pdf",
                "analysis=hot-spots&min_index=80&max_index=20", "analysis=hot-spots&org_kind=factory",
                "analysis=hot-spots&distance_km=0", "analysis=hot-spots&area=1%202%3B3%204",
                "analysis=hot-spots&area=north"}) {
            HttpResponse<byte[]> response = http.get("/api/analysis/export?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(Http.parse(response).path("detail").asString()).as(query).containsPattern("\\p{IsHan}");
        }
    }

    @Test
    void filesNameTheDistrictsWriteWholeNumbersAndNameTheSpotsInWords() throws Exception {
        Http http = Http.as(port, tokens, "analyst");
        java.util.List<org.apache.commons.csv.CSVRecord> spots = records(http.get(
                "/api/analysis/export?analysis=hot-spots&distance_km=5&format=csv").body());
        assertThat(spots).isNotEmpty();
        for (var row : spots) {
            assertThat(row.get(3)).as("district").matches("\\p{IsHan}+");
            assertThat(row.get(4)).as("fortress index").doesNotEndWith(".0");
            assertThat(row.get(7)).as("spot").matches("(热点|冷点)（(90|95|99)% 置信度）|不显著");
        }
        java.util.List<org.apache.commons.csv.CSVRecord> clusters = records(http.get(
                "/api/analysis/export?analysis=weak-clusters&period=2017Q4&distance_km=200&min_count=2&format=csv")
                .body());
        assertThat(clusters).isNotEmpty();
        for (var row : clusters) {
            assertThat(row.get(6)).as("cluster number").matches("[0-9]*");
            assertThat(row.get(7)).as("cluster or isolated").containsPattern("\\p{IsHan}");
        }
        java.util.List<org.apache.commons.csv.CSVRecord> english = records(http.get(
                "/api/analysis/export?analysis=hot-spots&distance_km=5&format=csv&lang=en").body());
        assertThat(english).allSatisfy(row -> assertThat(row.get(3) + row.get(7)).doesNotContainPattern("\\p{IsHan}"));
    }

    @Test
    void coverageGapsComeFarthestFirstAsTheHelpSays() throws Exception {
        var gaps = records(Http.as(port, tokens, "analyst")
                .get("/api/analysis/export?analysis=coverage-gaps&distance_km=3&format=csv").body());
        var distances = gaps.stream().map(row -> Long.parseLong(row.get(6))).toList();
        assertThat(distances).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private static java.util.List<org.apache.commons.csv.CSVRecord> records(byte[] csv) throws Exception {
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        return org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(text)).getRecords();
    }
}
