package org.jiuquan.grassroots.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.jiuquan.grassroots.ApiClientTest;
import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.StatementCounter;
import org.junit.jupiter.api.Test;

/**
 * A page of features is revalidated (the dashboard's map asks for every layer on each visit) by the data
 * version alone: an unchanged page is a 304 without the page being read, a change makes every copy stale.
 */
@PostgisIntegrationTest
class ItemsEtagIT extends ApiClientTest {

    static final String CONTACTS = "/ogc/collections/contact-points/items?limit=10000&period=2017Q4";


    @Test
    void aRevalidatedPageIsA304WithoutThePageBeingRead() throws Exception {
        // Given a client holding a page of contact points and its ETag
        HttpResponse<byte[]> first = http.get(CONTACTS);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        long version = jdbc.sql("SELECT version FROM data_version").query(Long.class).single();
        assertThat(etag).startsWith("W/\"v" + version + "-contact-points-2017Q4-");

        // When it revalidates its copy
        List<HttpResponse<byte[]>> again = new ArrayList<>();
        StatementCounter.count(() -> again.add(http.get(CONTACTS, "If-None-Match", etag)));

        // Then it hears its copy is current, and only the data version was read to say so
        HttpResponse<byte[]> response = again.get(0);
        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("ETag")).contains(etag);
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
        assertThat(StatementCounter.lastStatements()).noneMatch(sql -> sql.contains("contact_point"));
    }

    @Test
    void theEtagNamesTheQuarterFiltersLayerAndPhoneVisibilitySoAnotherPageIsNeverAnswered304() {
        String etag = http.get(CONTACTS).headers().firstValue("ETag").orElseThrow();
        String[] otherPages = {CONTACTS.replace("2017Q4", "2017Q1"), CONTACTS + "&district=620902",
                CONTACTS.replace("limit=10000", "limit=10"), CONTACTS.replace("contact-points", "villages"),
                "/ogc/collections/contact-points/items?limit=10000"};
        for (String other : otherPages) {
            HttpResponse<byte[]> response = http.get(other, "If-None-Match", etag);
            assertThat(response.statusCode()).as(other).isEqualTo(200);
        }
        // an editor sees full phone numbers: never the analyst's masked copy
        Http editor = Http.as(port, tokens, "editor");
        assertThat(editor.get(CONTACTS, "If-None-Match", etag).statusCode()).isEqualTo(200);
        // the parameters' order does not matter
        assertThat(http.get("/ogc/collections/villages/items?period=2017Q4&limit=5").headers().firstValue("ETag"))
                .isEqualTo(http.get("/ogc/collections/villages/items?limit=5&period=2017Q4").headers().firstValue("ETag"));
    }

    @Test
    void aChangeToTheDataMakesTheClientsCopyStale() {
        // Given a client holding a page
        String etag = http.get(CONTACTS).headers().firstValue("ETag").orElseThrow();

        // When the data changes (any change moves the data version)
        jdbc.sql("UPDATE data_version SET version = version + 1").update();

        // Then a revalidation gets the page again, under a new ETag
        HttpResponse<byte[]> again = http.get(CONTACTS, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isNotEmpty();
        assertThat(again.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    }
}
