package org.jiuquan.grassroots.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Addresses with nothing behind them, over HTTP: browsers get pages, API clients get problems. */
@PostgisIntegrationTest
class UnknownAddressIT {

    private static final String[] BROWSER = {"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"};

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApiTokenService tokens;

    @Test
    void aSignedInBrowserAskingForAnUnknownPageGetsTheNotFoundPageNotAProblem() {
        Http viewer = Http.as(port, tokens, "viewer");
        for (String path : new String[] {"/no-such-page", "/analysis/xyz"}) {
            HttpResponse<byte[]> page = viewer.get(path, BROWSER);
            assertThat(page.statusCode()).as(path).isIn(200, 404);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
        }
    }

    @Test
    void anAnonymousBrowserAskingForAnUnknownPageIsSentToSignInLikeForARealOne() {
        Http nobody = new Http(port);
        HttpResponse<byte[]> unknown = nobody.get("/no-such-page", BROWSER);
        HttpResponse<byte[]> real = nobody.get("/analysis", BROWSER);
        // The same answer for both, so an anonymous visitor cannot tell which addresses exist.
        assertThat(unknown.statusCode()).isEqualTo(302).isEqualTo(real.statusCode());
        assertThat(unknown.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void unknownApiAndOgcPathsStayProblemsEvenForABrowser() {
        Http viewer = Http.as(port, tokens, "viewer");
        Http nobody = new Http(port);
        for (String path : new String[] {"/api/no-such-thing", "/ogc/no-such-thing"}) {
            HttpResponse<byte[]> signedIn = viewer.get(path, "Accept", "text/html", "Accept-Language", "en");
            assertThat(signedIn.statusCode()).as(path).isEqualTo(404);
            assertThat(signedIn.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            // Not signed in: asked to sign in, whether the path exists or not (nothing is revealed).
            HttpResponse<byte[]> anonymous = nobody.get(path, BROWSER);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(new String(anonymous.body(), StandardCharsets.UTF_8)).doesNotContain("Exception", "at org.");
        }
    }

    @Test
    void aClientNotAskingForHtmlStillGetsAProblemAndActuatorStaysClosed() {
        Http viewer = Http.as(port, tokens, "viewer");
        HttpResponse<byte[]> json = viewer.get("/no-such-page", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(403);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.as(port, tokens, "admin").get("/actuator/env", BROWSER).statusCode()).isIn(403, 404);
        assertThat(viewer.send("POST", "/no-such-page", "text/plain", new byte[] {1}, BROWSER).statusCode())
                .isEqualTo(403);
    }
}
