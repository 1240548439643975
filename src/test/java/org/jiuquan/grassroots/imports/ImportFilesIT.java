package org.jiuquan.grassroots.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * Excel and GIS files through the HTTP API: our templates filled in and read back, the errors as a
 * workbook, and Shapefile (Gauss-Krüger .prj, GBK .dbf without .cpg), GeoPackage, GeoJSON and KML made by
 * GDAL's ogr2ogr here, as a natural-resources bureau would send them; and the round trip OGC items ->
 * Shapefile -> import, which must find nothing to change. Previews only: the live data stays as it was.
 */
@PostgisIntegrationTest
class ImportFilesIT extends StagedImportTest {

    @Override
    String liveData() {
        return ORGANISATIONS;
    }

    @Test
    void everyTemplateDownloadsWithChineseHeadersListsAndInstructions() throws IOException {
        for (String entity : List.of("organisations", "leaders", "contact-points", "indicator-values", "status-changes")) {
            HttpResponse<byte[]> response = editor.get("/api/data/templates/" + entity + ".xlsx");
            assertThat(response.statusCode()).as(entity).isEqualTo(200);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
                assertThat(workbook.getSheet("填写说明")).as(entity).isNotNull();
                assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).matches("\\p{IsHan}+");
            }
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                editor.get("/api/data/templates/organisations.xlsx").body()))) {
            assertThat(workbook.getSheetAt(0).getDataValidations()).hasSizeGreaterThanOrEqualTo(4);
        }
        assertThat(editor.get("/api/data/templates/villages.xlsx").statusCode()).isEqualTo(404);
    }

    @Test
    void aFilledInTemplateIsPreviewedWithItsSheetName() throws IOException {
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                editor.get("/api/data/templates/organisations.xlsx").body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            // Row 2 (the example) becomes an existing village renamed; row 3 a new one, its code typed as a number.
            sheet.getRow(1).getCell(0).setCellValue("620902100201");
            sheet.getRow(1).getCell(1).setCellValue("新西村（Excel）");
            Row added = sheet.createRow(2);
            added.createCell(0).setCellValue(620902100298d);
            added.createCell(1).setCellValue("新村");
            added.createCell(4).setCellValue("西洞镇");
            added.createCell(7).setCellValue(66.5);
            added.createCell(8).setCellValue(98.623);
            added.createCell(9).setCellValue(39.660);
            Row bad = sheet.createRow(3);
            bad.createCell(0).setCellValue("620902100297");
            bad.createCell(5).setCellValue("很好");
            filled = write(workbook);
        }
        JsonNode preview = stage("村名单.xlsx", filled, "");
        assertThat(preview.path("changed").asInt()).as(preview.toString()).isEqualTo(1);
        assertThat(preview.path("added").asInt()).isEqualTo(2);
        List<String> errors = new ArrayList<>();
        preview.path("errors").forEach(e -> errors.add(e.path("sheet").asString() + "!" + e.path("row").asInt() + " "
                + e.path("column").asString() + " " + e.path("code").asString()));
        assertThat(errors).contains("组织!4 状态 import.bad-status", "组织!4 名称 import.new-needs-name");
    }

    @Test
    void aFilledInStatusChangeTemplateChangesStatusesOnly() throws IOException {
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                editor.get("/api/data/templates/status-changes.xlsx").body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            sheet.getRow(1).getCell(0).setCellValue("620902100201");
            sheet.getRow(1).getCell(1).setCellValue("软弱涣散");
            sheet.getRow(1).getCell(2).setCellValue("2017-12-01");
            Row early = sheet.createRow(2);
            early.createCell(0).setCellValue("620902100202");
            early.createCell(1).setCellValue("正在整顿");
            early.createCell(2).setCellValue("2016-01-01");
            filled = write(workbook);
        }
        JsonNode preview = stage("状态变更.xlsx", filled, "");
        assertThat(preview.path("changed").asInt()).as(preview.toString()).isEqualTo(2);
        assertThat(preview.path("added").asInt()).isZero();
        JsonNode error = preview.path("errors").get(0);
        assertThat(preview.path("errors").size()).isEqualTo(1);
        assertThat(error.path("row").asInt()).isEqualTo(3);
        assertThat(error.path("code").asString()).isEqualTo("import.bad-status-date");
    }

    @Test
    void theErrorsComeAsAWorkbook() throws IOException {
        JsonNode preview = stage("bad-rows.csv", fixture("bad-rows.csv"), "");
        HttpResponse<byte[]> xlsx = editor.get("/api/data/imports/" + preview.path("id").asString() + "/errors.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("行");
            assertThat(sheet.getLastRowNum()).isEqualTo(preview.path("errors").size() + preview.path("warnings").size());
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isNotBlank();
        }
    }

    @Test
    void aShapefileInGaussKrugerWithAGbkDbfAndNoCpgKeepsItsNamesAndPlaces(@TempDir Path dir) throws Exception {
        Path geojson = renamedVillages(dir, 3);
        ogr2ogr(dir, "-f", "ESRI Shapefile", "villages.shp", geojson.toString(), "-t_srs", "EPSG:4542",
                "-lco", "ENCODING=CP936");
        Files.delete(dir.resolve("villages.cpg"));
        assertThat(Files.readString(dir.resolve("villages.prj"))).contains("Gauss");
        byte[] zip = zip(dir, "villages.shp", "villages.shx", "villages.dbf", "villages.prj");
        JsonNode preview = stage("村点位.zip", zip, "");
        assertThat(preview.path("errors").size()).as(preview.toString()).isZero();
        assertThat(preview.path("changed").asInt()).isEqualTo(3);
        assertThat(preview.path("added").asInt()).isZero();
        assertThat(stagedNames(preview)).allMatch(name -> name.endsWith("（新）"));
        assertThat(movedMetres(preview)).as("the Gauss-Krüger points land where they were").isLessThan(0.01);
    }

    @Test
    void geoPackageGeoJsonAndKmlAreReadThroughGdal(@TempDir Path dir) throws Exception {
        Path geojson = renamedVillages(dir, 2);
        ogr2ogr(dir, "-f", "GPKG", "villages.gpkg", geojson.toString());
        ogr2ogr(dir, "-f", "KML", "villages.kml", geojson.toString());
        for (Map.Entry<String, Path> file : Map.of("villages.geojson", geojson, "villages.gpkg",
                dir.resolve("villages.gpkg"), "villages.kml", dir.resolve("villages.kml")).entrySet()) {
            JsonNode preview = stage(file.getKey(), Files.readAllBytes(file.getValue()), "");
            assertThat(preview.path("errors").size()).as(file.getKey() + ": " + preview).isZero();
            assertThat(preview.path("changed").asInt()).as(file.getKey()).isEqualTo(2);
            assertThat(stagedNames(preview)).as(file.getKey()).allMatch(name -> name.endsWith("（新）"));
        }
    }

    @Test
    void aSelfIntersectingOutlineIsNamedWithItsFeature() {
        String bowTie = """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"代码":"620902100201","名称":"新西村"},"geometry":{"type":"Polygon",
                 "coordinates":[[[98.61,39.65],[98.63,39.66],[98.63,39.65],[98.61,39.66],[98.61,39.65]]]}},
                {"type":"Feature","properties":{"代码":"620902100202","名称":"滚坝村"},"geometry":{"type":"Polygon",
                 "coordinates":[[[98.53,39.66],[98.55,39.66],[98.55,39.67],[98.53,39.67],[98.53,39.66]]]}}]}""";
        JsonNode preview = stage("outlines.geojson", bowTie.getBytes(StandardCharsets.UTF_8), "");
        assertThat(preview.path("errors").size()).as(preview.toString()).isEqualTo(1);
        JsonNode error = preview.path("errors").get(0);
        assertThat(error.path("row").asInt()).isEqualTo(1);
        assertThat(error.path("column").asString()).isEqualTo("geometry");
        assertThat(error.path("message").asString()).contains("自相交");
        assertThat(preview.path("changed").asInt()).as("the valid outline's interior point moves the other").isEqualTo(1);
    }

    @Test
    void ogcItemsExportedAsAShapefileImportBackAsTheSameData(@TempDir Path dir) throws Exception {
        HttpResponse<byte[]> items = editor.get("/ogc/collections/villages/items?limit=10000");
        assertThat(items.statusCode()).isEqualTo(200);
        Path geojson = dir.resolve("villages.geojson");
        Files.write(geojson, items.body());
        ogr2ogr(dir, "-f", "ESRI Shapefile", "ogc.shp", geojson.toString(), "-lco", "ENCODING=UTF-8");
        byte[] zip = zip(dir, "ogc.shp", "ogc.shx", "ogc.dbf", "ogc.prj", "ogc.cpg");
        JsonNode preview = stage("ogc.zip", zip, "");
        assertThat(preview.path("errors").size()).as(preview.path("errors").toString()).isZero();
        long villages = jdbc.sql("SELECT count(*) FROM organisation WHERE kind = 'village'").query(Long.class).single();
        assertThat(preview.path("rows").asLong()).isEqualTo(villages);
        assertThat(preview.path("added").asInt()).isZero();
        assertThat(preview.path("changed").asInt()).isZero();
    }

    /** A GeoJSON of the first n villages of 肃州区 without contact points, each renamed "...（新）". */
    private Path renamedVillages(Path dir, int n) throws IOException {
        List<String> features = jdbc.sql("""
                SELECT json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(geom, 9)::json,
                    'properties', json_build_object('code', code, 'name_zh', name_zh || '（新）'))::text
                FROM organisation WHERE district_code = '620902' AND kind = 'village' ORDER BY code LIMIT :n""")
                .param("n", n).query(String.class).list();
        Path file = dir.resolve("villages.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        return file;
    }

    private List<String> stagedNames(JsonNode preview) {
        return jdbc.sql("SELECT name_zh FROM import_row WHERE batch_id = CAST(:id AS uuid)")
                .param("id", preview.path("id").asString()).query(String.class).list();
    }

    private double movedMetres(JsonNode preview) {
        return jdbc.sql("""
                SELECT max(ST_Distance(CAST(r.geom AS geography), CAST(o.geom AS geography)))
                FROM import_row r JOIN organisation o ON o.code = r.code WHERE r.batch_id = CAST(:id AS uuid)""")
                .param("id", preview.path("id").asString()).query(Double.class).single();
    }

    private static void ogr2ogr(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ogr2ogr"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static byte[] zip(Path dir, String... files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String file : files) {
                zip.putNextEntry(new ZipEntry("layer/" + file));
                zip.write(Files.readAllBytes(dir.resolve(file)));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] write(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
