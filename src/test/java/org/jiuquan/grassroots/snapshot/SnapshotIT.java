package org.jiuquan.grassroots.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jiuquan.grassroots.ApiClientTest;
import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Snapshots over HTTP, as a script or the dashboard's links fetch them, checked by their pixels and PDF content. */
@PostgisIntegrationTest
class SnapshotIT extends ApiClientTest {

    static final List<String> DISTRICT_NAMES = List.of("肃州区", "玉门市", "敦煌市", "金塔县", "瓜州县",
            "肃北蒙古族自治县", "阿克塞哈萨克族自治县");

    @Override
    protected String user() {
        return "viewer";
    }

    @Test
    void aScreenPngIsTheRequestedSizeWithTheLegendsColoursOnTheMapAndTheLayoutInPlace() throws IOException {
        HttpResponse<byte[]> response = http.get("/api/snapshot?format=png&indicator=enterprise_coverage&period=2017Q4&method=quantile&classes=5");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isEqualTo(1920);
        assertThat(image.getHeight()).isEqualTo(1080);

        List<Integer> classColours = new ArrayList<>();
        http.json("/api/map-style?indicator=enterprise_coverage&period=2017Q4&method=quantile&classes=5").path("legend")
                .forEach(c -> classColours.add(Integer.parseInt(c.path("color").asString().substring(1), 16)));
        assertThat(classColours).hasSize(5);
        // The map (left two thirds): every class colour fills a district.
        Map<Integer, Integer> map = histogram(image, 0.03, 0.12, 0.70, 0.88);
        classColours.forEach(colour -> assertThat(map.getOrDefault(colour, 0)).as("map %06x", colour).isGreaterThan(500));
        // The legend (right panel): a swatch of every class colour.
        Map<Integer, Integer> legend = histogram(image, 0.72, 0.10, 0.99, 0.40);
        classColours.forEach(colour -> assertThat(legend.getOrDefault(colour, 0)).as("legend %06x", colour).isGreaterThan(100));
        // The scale bar at the map's bottom left and the north arrow at its top right: dark ink on a light box.
        assertThat(histogram(image, 0.025, 0.80, 0.15, 0.89).getOrDefault(0x222222, 0)).as("scale bar").isGreaterThan(300);
        assertThat(histogram(image, 0.64, 0.12, 0.715, 0.24).getOrDefault(0x222222, 0)).as("north arrow").isGreaterThan(100);
        // The point layers are drawn in their own colours.
        Map<Integer, Integer> all = histogram(image, 0, 0, 1, 1);
        for (int colour : List.of(0x009E73, 0x0072B2, 0xCC79A7)) {
            assertThat(all.getOrDefault(colour, 0)).as("points %06x", colour).isGreaterThan(50);
        }
        assertThat(all.size()).as("distinct colours").isGreaterThan(200);
    }

    @Test
    void withTheDistrictLayerOffTheSnapshotHasNoChoroplethAsTheMapHasNone() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                http.get("/api/snapshot?format=png&layers=villages&indicator=enterprise_coverage").body()));
        Map<Integer, Integer> map = histogram(image, 0.03, 0.12, 0.70, 0.88);
        http.json("/api/map-style?indicator=enterprise_coverage").path("legend").forEach(c -> {
            int colour = Integer.parseInt(c.path("color").asString().substring(1), 16);
            assertThat(map.getOrDefault(colour, 0)).as("%06x", colour).isLessThan(50);
        });
        assertThat(map.getOrDefault(0x009E73, 0)).as("villages").isGreaterThan(50);
        assertThat(map.getOrDefault(0xCC79A7, 0)).as("contact points, switched off").isZero();
    }

    @Test
    void anA4PdfAt300DpiIsVectorWithAnEmbeddedFontAndSearchableChinese() throws IOException {
        String title = "第四季度基层党建工作会议";
        HttpResponse<byte[]> response = http.get("/api/snapshot?format=pdf&size=a4-landscape&dpi=300&title="
                + URLEncoder.encode(title, StandardCharsets.UTF_8) + "&notes=" + URLEncoder.encode("仅供内部参考", StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            PDPage page = pdf.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(841.89f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.5f));
            // Vector: no picture on the page, thousands of path segments, and the text in an embedded font.
            assertThat(page.getResources().getXObjectNames()).isEmpty();
            Map<String, Integer> operators = operators(page);
            assertThat(operators.getOrDefault("l", 0)).isGreaterThan(1000);
            assertThat(operators.getOrDefault("Tj", 0) + operators.getOrDefault("TJ", 0)).isGreaterThan(20);
            List<PDFont> fonts = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(title, "图例", "仅供内部参考", "合成演示数据", "演示·市领导");
            DISTRICT_NAMES.forEach(name -> assertThat(text).contains(name));
        }
    }

    @Test
    void twoQuartersSideBySideDrawEachDistrictTwiceUnderItsQuartersLabel() throws IOException {
        HttpResponse<byte[]> response = http.get("/api/snapshot?format=pdf&indicator=weak_open&period=2017Q4&compare=2017Q1");
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("2017年第1季度", "2017年第4季度");
            for (String name : List.of("肃州区", "玉门市", "敦煌市", "金塔县", "瓜州县")) {
                assertThat(text.split(name, -1).length - 1).as(name).isGreaterThanOrEqualTo(2);
            }
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(http.get(
                "/api/snapshot?format=png&indicator=weak_open&period=2017Q4&compare=2017Q1").body()));
        // Both halves are maps: each holds the choropleth's colours, so neither half is empty.
        Map<Integer, Integer> left = histogram(image, 0.03, 0.15, 0.33, 0.85);
        Map<Integer, Integer> right = histogram(image, 0.38, 0.15, 0.69, 0.85);
        assertThat(left.getOrDefault(0xF2F4F5, 0)).as("left map background").isGreaterThan(1000);
        assertThat(right.getOrDefault(0xF2F4F5, 0)).as("right map background").isGreaterThan(1000);
    }

    @Test
    void aContactPointIsABadgeOnItsOrganisationWithTheNumberOfItsLeaders(@Autowired SnapshotRepository repository) {
        double[] world = {-20037508, -20037508, 20037508, 20037508};
        List<SnapshotRepository.MapPoint> badges = repository.points("contact-points",
                org.jiuquan.grassroots.map.DashboardState.defaults("2017Q4"), world, 10_000, 1000);
        long organisations = jdbc.sql("SELECT count(DISTINCT organisation_id) FROM contact_point").query(Long.class).single();
        long contacts = jdbc.sql("SELECT count(*) FROM contact_point").query(Long.class).single();
        assertThat(badges).hasSize((int) organisations).noneMatch(SnapshotRepository.MapPoint::aggregated);
        assertThat(badges.stream().mapToInt(SnapshotRepository.MapPoint::count).sum()).isEqualTo((int) contacts);
    }

    @Test
    void theMeetingPackHasACoverAndOnePagePerDistrict() throws IOException {
        HttpResponse<byte[]> response = http.get("/api/snapshot/meeting-pack?indicator=enterprise_coverage&period=2017Q4");
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(8);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertThat(stripper.getText(pdf)).contains("会议材料", "全市数字", "非公企业党组织覆盖率");
            List<String> rankings = jdbc.sql("SELECT name_zh FROM district ORDER BY code").query(String.class).list();
            for (int page = 2; page <= 8; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf);
                assertThat(text).startsWith(rankings.get(page - 2)).contains("第 ", "名", "各项指标");
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'export.map' AND target = 'meeting-pack.pdf'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void eachDistrictPageOfTheMeetingPackListsItsWeakAndRectifyingOrganisations() throws IOException {
        HttpResponse<byte[]> response = http.get("/api/snapshot/meeting-pack?indicator=weak_open&period=2017Q4");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> codes = jdbc.sql("SELECT code FROM district ORDER BY code").query(String.class).list();
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            PDFTextStripper stripper = new PDFTextStripper();
            int listed = 0;
            for (int page = 2; page <= 8; page++) {
                String district = codes.get(page - 2);
                List<String> weakest = jdbc.sql("""
                        SELECT o.name_zh FROM organisation o
                        JOIN organisation_period_status s ON s.organisation_id = o.id AND s.period = '2017Q4'
                        WHERE o.district_code = :district AND s.status IN ('weak', 'rectifying')
                        ORDER BY o.fortress_index NULLS LAST, o.code""").param("district", district)
                        .query(String.class).list();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf).replace("\n", "");
                assertThat(text).as(district).contains("软弱涣散、正在整顿（" + weakest.size() + " 个）");
                if (!weakest.isEmpty()) {
                    // The name may be shortened with "…" to fit its row; its first characters are there.
                    String start = weakest.get(0).substring(0, Math.min(4, weakest.get(0).length()));
                    assertThat(text).as(district).contains(start).containsPattern("自 2\\d{3}-\\d{2}-\\d{2}");
                    listed++;
                }
            }
            assertThat(listed).isPositive();
        }
    }

    @Test
    void aClassOfOneValueReadsOnceAndTheSubtitleCountsTheClassesDrawn(
            @Autowired SnapshotService snapshots, @Autowired org.jiuquan.grassroots.map.MapStyleService styles,
            @Autowired org.jiuquan.grassroots.indicators.IndicatorService indicators) throws IOException {
        assertThat(snapshots.classLabel(new org.jiuquan.grassroots.map.MapStyle.LegendClass(65.5, 65.5, "#ffffff", 2),
                1, "%", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("65.5%（2 个区县）");
        assertThat(snapshots.classLabel(new org.jiuquan.grassroots.map.MapStyle.LegendClass(4, 4, "#ffffff", 1),
                0, "个", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("4 个（1 个区县）");
        assertThat(snapshots.classLabel(new org.jiuquan.grassroots.map.MapStyle.LegendClass(3, 9, "#ffffff", 3),
                0, "个", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("3 – 9 个（3 个区县）");
        // English counts its districts as English does: "1 district", "3 districts".
        java.util.Locale english = java.util.Locale.forLanguageTag("en");
        assertThat(snapshots.classLabel(new org.jiuquan.grassroots.map.MapStyle.LegendClass(4, 4, "#ffffff", 1),
                0, "", english)).isEqualTo("4 (1 district)");
        assertThat(snapshots.classLabel(new org.jiuquan.grassroots.map.MapStyle.LegendClass(3, 9, "#ffffff", 3),
                0, "", english)).isEqualTo("3 – 9 (3 districts)");
        // An indicator whose values fall into fewer classes than asked: the subtitle says how many are drawn.
        String fewer = indicators.indicatorsByCode().keySet().stream().sorted()
                .filter(code -> styles.style(code, "2017Q4", "quantile", 5).legend().size() < 5)
                .findFirst().orElseThrow();
        int drawn = styles.style(fewer, "2017Q4", "quantile", 5).legend().size();
        HttpResponse<byte[]> response = http.get("/api/snapshot?format=pdf&size=a4-landscape&indicator=" + fewer
                + "&period=2017Q4&method=quantile&classes=5");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("，" + drawn + " 级").doesNotContain("，5 级");
            assertThat(text).doesNotContainPattern("(\\d+(\\.\\d+)?) – \\1(%| )");
        }
    }

    @Test
    void savedSlidesExportAsOnePageEach() throws IOException {
        jdbc.sql("DELETE FROM map_bookmark").update();
        jdbc.sql("INSERT INTO map_bookmark (title, view_query, position, created_by) VALUES "
                + "('全市覆盖率', 'indicator=enterprise_coverage&period=2017Q4', 1, 'viewer'), "
                + "('敦煌整顿', 'indicator=weak_rectified&period=2017Q3&district=620982&bbox=93.5,39.5,95.5,40.8', 2, 'viewer')")
                .update();
        HttpResponse<byte[]> response = http.get("/api/snapshot/slides?size=screen");
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(pdf)).startsWith("敦煌整顿").contains("2017年第3季度", "敦煌市");
        }
        jdbc.sql("DELETE FROM map_bookmark").update();
        assertThat(http.get("/api/snapshot/slides").statusCode()).isEqualTo(404);
    }

    @Test
    void anAnalysisMapDrawsItsSpotsInTheAnalysisColoursForAnalystsOnly() throws IOException {
        Http analyst = Http.as(port, tokens, "analyst");
        HttpResponse<byte[]> png = analyst.get("/api/analysis/snapshot?analysis=hot-spots&distance_km=5&format=png");
        assertThat(png.statusCode()).isEqualTo(200);
        Map<Integer, Integer> map = histogram(ImageIO.read(new ByteArrayInputStream(png.body())), 0.03, 0.12, 0.70, 0.88);
        long hotAndCold = java.util.stream.Stream.of(0xfcae91, 0xfb6a4a, 0xcb181d, 0xbdd7e7, 0x6baed6, 0x2171b5)
                .mapToInt(colour -> map.getOrDefault(colour, 0)).sum();
        assertThat(hotAndCold).isGreaterThan(100);

        HttpResponse<byte[]> pdf = analyst.get("/api/analysis/snapshot?analysis=weak-clusters&period=2017Q2"
                + "&distance_km=5&min_count=3&format=pdf&size=a4-portrait");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("软弱涣散党组织聚集", "孤立的软弱涣散党组织",
                    "2017年第2季度");
        }
        assertThat(http.get("/api/analysis/snapshot?analysis=hot-spots").statusCode()).isEqualTo(403);
        assertThat(analyst.get("/api/analysis/snapshot?analysis=rivers").statusCode()).isEqualTo(400);
        assertThat(analyst.get("/api/analysis/snapshot?analysis=hot-spots&distance_km=900").statusCode()).isEqualTo(400);
        // The table's filters as the analysis export takes them: a bad one is named, nothing is drawn
        HttpResponse<byte[]> badFilter = analyst.get("/api/analysis/snapshot?analysis=hot-spots&district=123456");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(new String(badFilter.body(), StandardCharsets.UTF_8)).contains("district", "123456");
    }

    @Test
    void theAnalysisMapPdfDrawsTheScreensIndicatorAndTheDrawnAreaWithItsLegendInsideThePage() throws IOException {
        String indicator = jdbc.sql("SELECT name_zh FROM indicator WHERE code = 'weak_open'").query(String.class).single();
        String triangle = URLEncoder.encode("94.5 40.0;94.9 40.0;94.7 40.3;94.5 40.0", StandardCharsets.UTF_8);
        HttpResponse<byte[]> pdf = Http.as(port, tokens, "analyst").get("/api/analysis/snapshot?analysis=weak-clusters"
                + "&period=2017Q4&distance_km=5&min_count=3&format=pdf&size=a4-landscape&area=" + triangle);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            PDFTextStripper stripper = new PDFTextStripper();
            String text = stripper.getText(document).replace("\n", "").replace("\r", "");
            assertThat(text).contains(indicator, "框选范围", "孤立的软弱涣散党组织");
            // Every line of text lies inside the page.
            PDPage page = document.getPage(0);
            float width = page.getMediaBox().getWidth();
            List<Float> rightEdges = new ArrayList<>();
            PDFTextStripper edges = new PDFTextStripper() {
                @Override
                protected void writeString(String string, List<org.apache.pdfbox.text.TextPosition> positions) {
                    positions.forEach(p -> rightEdges.add(p.getXDirAdj() + p.getWidthDirAdj()));
                }
            };
            edges.getText(document);
            assertThat(rightEdges).isNotEmpty().allSatisfy(x -> assertThat(x).isLessThanOrEqualTo(width));
        }
    }

    @Test
    void theAnalysisMapDrawsAndListsOnlyWhatTheTablesFiltersKeep() throws IOException {
        // Given the hot spots of one district's villages with a fortress index up to 60
        List<String> kept = jdbc.sql("""
                SELECT name_zh FROM organisation WHERE district_code = '620982' AND kind = 'village'
                AND COALESCE(fortress_index, 0) <= 60 ORDER BY COALESCE(fortress_index, 0), code""").query(String.class).list();
        assertThat(kept).isNotEmpty();

        // When the analysis map is asked for with those filters, in English
        HttpResponse<byte[]> pdf = Http.as(port, tokens, "analyst").get("/api/analysis/snapshot?analysis=hot-spots"
                + "&distance_km=5&format=pdf&size=a4-landscape&lang=en&district=620982&org_kind=village&max_index=60");

        // Then the subtitle names them and the side table lists exactly the organisations they keep
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replace("\n", " ");
            assertThat(text).contains("Filters: Dunhuang", "Village", "fortress index 0–60",
                    "Organisations kept by the filters (" + kept.size() + ")");
            assertThat(text).contains(kept.get(0).substring(0, Math.min(4, kept.get(0).length())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"a4-portrait", "a4-landscape"})
    void noTwoLettersOverlapOnAnEnglishA4Page(String size) throws IOException {
        HttpResponse<byte[]> response = http.get("/api/snapshot?format=pdf&lang=en&size=" + size);
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            record Glyph(String run, String text, double x, double y, double width, double height) {
                double overlap(Glyph other) {
                    double w = Math.min(x + width, other.x + other.width) - Math.max(x, other.x);
                    double h = Math.min(y, other.y) - Math.max(y - height, other.y - other.height);
                    return w <= 0 || h <= 0 ? 0 : w * h / Math.min(width * height, other.width * other.height);
                }
            }
            List<Glyph> all = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String run, List<org.apache.pdfbox.text.TextPosition> positions) {
                    if (java.util.regex.Pattern.compile("\\p{IsHan}").matcher(run).find()) {
                        return; // data (a user's name in the watermark, drawn across the map on purpose)
                    }
                    for (var p : positions) {
                        // Letters: names, legend, titles (count badges on dense points are digits: not checked).
                        if (p.getUnicode().matches("\\p{L}+") && p.getWidthDirAdj() > 0) {
                            all.add(new Glyph(run, p.getUnicode(), p.getXDirAdj(), p.getYDirAdj(), p.getWidthDirAdj(),
                                    p.getFontSizeInPt() * 0.75));
                        }
                    }
                }
            };
            stripper.getText(pdf);
            assertThat(all).extracting(Glyph::text).contains("S", "M", "K");
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    Glyph a = all.get(i);
                    Glyph b = all.get(j);
                    if (a.text().equals(b.text()) && Math.abs(a.x() - b.x()) < 1 && Math.abs(a.y() - b.y()) < 1) {
                        continue; // one letter drawn twice: its white halo, then the letter over it
                    }
                    assertThat(a.overlap(b)).as("'%s' of \"%s\" at %.0f,%.0f (%.1f pt) over '%s' of \"%s\" at %.0f,%.0f",
                            a.text(), a.run(), a.x(), a.y(), a.height() / 0.75, b.text(), b.run(), b.x(), b.y())
                            .isLessThan(0.3);
                }
            }
        }
    }

    @Test
    void anEnglishSnapshotSpeaksEnglish() throws IOException {
        HttpResponse<byte[]> response = http.get("/api/snapshot?format=pdf&lang=en&size=a4-portrait");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Legend", "Dunhuang", "2017 Q4", "synthetic demo data");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "layers=villages,rivers|layers",
            "indicator=happiness|indicator",
            "size=a5|a5",
            "dpi=600|600",
            "dpi=high|high",
            "format=gif|gif",
            "bbox=100,30,101,31|bbox",
            "selection=abc|selection",
            "colour=red|colour",
            "period=2018Q1|period"})
    void badParametersGetAClearProblemInChinese(String query, String named) {
        HttpResponse<byte[]> response = http.get("/api/snapshot?" + query);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = Http.parse(response);
        assertThat(problem.path("title").asString()).isEqualTo("请求有误");
        assertThat(problem.path("detail").asString()).contains(named);
    }

    @Test
    void aTitleLongerThanThePageAllowsIsRefused() {
        String longTitle = "很长的标题".repeat(20);
        HttpResponse<byte[]> response = http.get("/api/snapshot?title=" + URLEncoder.encode(longTitle, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.parse(response).path("detail").asString()).contains("title", "80");
    }

    /** Counts of each exact RGB colour in a region given as fractions of the image. */
    static Map<Integer, Integer> histogram(BufferedImage image, double x1, double y1, double x2, double y2) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = (int) (y1 * image.getHeight()); y < (int) (y2 * image.getHeight()); y++) {
            for (int x = (int) (x1 * image.getWidth()); x < (int) (x2 * image.getWidth()); x++) {
                counts.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        return counts;
    }

    static Map<String, Integer> operators(PDPage page) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        PDFStreamParser parser = new PDFStreamParser(page);
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (token instanceof Operator operator) {
                counts.merge(operator.getName(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
