package org.jiuquan.grassroots.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.jiuquan.grassroots.ApiClientTest;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.townships.TownshipAreas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PostgisIntegrationTest
class TileEtagIT extends ApiClientTest {

    /** z6 tile 49/24 covers the Suzhou-Jinta oasis. */
    static final String TILE = "/ogc/collections/villages/tiles/WebMercatorQuad/6/24/49";

    @Autowired
    TileCache cache;
    @Autowired
    TownshipAreas areas;

    @BeforeEach
    void client() {
        // A data change made by the test before this one has township areas rebuilt in the background, and a
        // rebuild moves the data version (and so every ETag): wait until none is pending, so it stays put here.
        areas.rebuildInBackground();
        await().atMost(Duration.ofMinutes(2)).until(areas::current);
    }

    @Test
    void aRevalidatedTileIsA304WithoutTheTileBeingMadeOrLookedUp() {
        // Given a client holding a tile and its ETag
        HttpResponse<byte[]> first = http.get(TILE);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isNotEmpty();
        String etag = first.headers().firstValue("ETag").orElseThrow();
        long version = jdbc.sql("SELECT version FROM data_version").query(Long.class).single();
        assertThat(etag).startsWith("W/\"v" + version + "-villages-6-49-24-2017Q4");

        // When the server has forgotten every tile and the client revalidates
        cache.clear();
        HttpResponse<byte[]> again = http.get(TILE, "If-None-Match", etag);

        // Then it hears its copy is current, and no tile was made to say so
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(again.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
        assertThat(cache.size()).isZero();
    }

    @Test
    void theEtagNamesThePeriodAndFiltersSoAnotherViewIsNeverAnswered304() {
        String etag = http.get(TILE).headers().firstValue("ETag").orElseThrow();
        String[] otherViews = {TILE + "?period=2017Q1", TILE + "?status=weak", TILE + "?district=620902",
                "/ogc/collections/grid-branches/tiles/WebMercatorQuad/6/24/49",
                "/ogc/collections/villages/tiles/WebMercatorQuad/6/24/48"};
        for (String other : otherViews) {
            HttpResponse<byte[]> response = http.get(other, "If-None-Match", etag);
            assertThat(response.statusCode()).as(other).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag").orElseThrow()).as(other).isNotEqualTo(etag);
        }
        assertThat(http.get(TILE + "?status=weak&district=620902").headers().firstValue("ETag"))
                .isEqualTo(http.get(TILE + "?district=620902&status=weak").headers().firstValue("ETag"));
    }

    @Test
    void aChangeToTheDataMakesTheClientsCopyStale() {
        // Given a client holding a tile
        String etag = http.get(TILE).headers().firstValue("ETag").orElseThrow();

        // When the data changes (any change moves the data version)
        jdbc.sql("UPDATE data_version SET version = version + 1").update();

        // Then a revalidation gets the tile again, under a new ETag
        HttpResponse<byte[]> again = http.get(TILE, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isNotEmpty();
        assertThat(again.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    }

    @Test
    void anyListedTagAndTheStarCountAsTheClientsCopy() {
        String etag = http.get(TILE).headers().firstValue("ETag").orElseThrow();
        assertThat(http.get(TILE, "If-None-Match", "W/\"other\", " + etag).statusCode()).isEqualTo(304);
        assertThat(http.get(TILE, "If-None-Match", etag.substring(2)).statusCode()).isEqualTo(304);
        assertThat(http.get(TILE, "If-None-Match", "*").statusCode()).isEqualTo(304);
        assertThat(http.get(TILE, "If-None-Match", "W/\"other\"").statusCode()).isEqualTo(200);
    }
}
