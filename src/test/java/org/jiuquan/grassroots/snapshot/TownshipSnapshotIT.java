package org.jiuquan.grassroots.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.townships.TownshipTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PostgisIntegrationTest
class TownshipSnapshotIT extends TownshipTest {

    Http http;

    @BeforeEach
    void client() {
        http = as("viewer");
        awaitAreasCurrent();
    }

    @Test
    void jintasMeetingPackWithTownshipPagesNamesDingxinAndItsWeakVillages() throws IOException {
        // given 鼎新镇's weak and rectifying organisations at the end of 2017Q4
        List<String> weak = weakIn("鼎新镇", "2017Q4");
        long townships = jdbc.sql("""
                SELECT count(*) FROM township t JOIN township_area a ON a.code = t.code WHERE t.district_code = '620921'""")
                .query(Long.class).single();
        // when 金塔县's meeting pack is asked for with township pages
        HttpResponse<byte[]> response = http.get(
                "/api/snapshot/meeting-pack?indicator=weak_open&period=2017Q4&district=620921&townships=true");
        // then it holds the cover, 金塔县's page and one page per township, 鼎新镇's listing its weak ones
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2 + (int) townships);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(pdf)).startsWith("金塔县");
            String dingxin = null;
            for (int page = 3; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf).replace("\n", "");
                if (text.startsWith("金塔县 鼎新镇")) {
                    dingxin = text;
                }
            }
            assertThat(dingxin).as("a page of 鼎新镇").isNotNull();
            assertThat(dingxin).contains("鼎新镇（620921101）", "软弱涣散、正在整顿（" + weak.size() + " 个）",
                    "近似");
            for (String name : weak.subList(0, Math.min(WeakOrganisationList.MAX_ROWS, weak.size()))) {
                // A long name may be shortened with "…" to fit its row; its first characters are there.
                assertThat(dingxin).contains(name.substring(0, Math.min(3, name.length())));
            }
        }
    }

    @Test
    void aTownshipSnapshotDrawsThatTownshipWithItsFigures() throws IOException {
        HttpResponse<byte[]> response = http.get("/api/snapshot?format=pdf&period=2017Q1&township=620921101&lang=en");
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf).replace("\n", "");
            assertThat(text).contains("鼎新镇 (620921101): township figures of the quarter", "Mean fortress index",
                    "Weak or being rectified (" + weakIn("鼎新镇", "2017Q1").size() + ")", "approximate");
        }
    }

    @Test
    void badTownshipParametersAreNamed() {
        HttpResponse<byte[]> bad = http.get("/api/snapshot?format=pdf&township=62092110");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("township", "62092110");
        HttpResponse<byte[]> unknown = http.get("/api/snapshot?format=pdf&township=620921999", "Accept-Language", "en");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("620921999");
        HttpResponse<byte[]> noDistrict = http.get("/api/snapshot/meeting-pack?townships=true");
        assertThat(noDistrict.statusCode()).isEqualTo(400);
        assertThat(new String(noDistrict.body(), StandardCharsets.UTF_8)).contains("district");
        assertThat(http.get("/api/snapshot/meeting-pack?district=620921&townships=maybe").statusCode()).isEqualTo(400);
    }

    private List<String> weakIn(String township, String period) {
        return jdbc.sql("""
                SELECT o.name_zh FROM organisation o
                JOIN organisation_period_status s ON s.organisation_id = o.id AND s.period = :period
                WHERE o.district_code = '620921' AND o.township_zh = :township AND s.status IN ('weak', 'rectifying')
                ORDER BY o.fortress_index NULLS LAST, o.code""").param("township", township).param("period", period)
                .query(String.class).list();
    }
}
