package org.jiuquan.grassroots.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser reduced to its HTTP: its own cookies, a client address of its own on the loopback network
 * (127.0.0.x, so tests can stand at different desks), and the sign-in form posted with the CSRF token the
 * sign-in page carries in its meta tags, as Vaadin's login form sends it.
 */
public final class SignInClient {

    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;

    public SignInClient(int port, String clientAddress) throws IOException {
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .localAddress(InetAddress.getByName(clientAddress)).build();
        this.base = "http://127.0.0.1:" + port;
    }

    /** Opens the sign-in page, posts the form with its token; returns where the app sends the browser next. */
    public String signIn(String username, String password) throws Exception {
        String page = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET()).body();
        Matcher token = META_CSRF.matcher(page);
        assertThat(token.find()).as("the sign-in page carries a CSRF token").isTrue();
        return postForm("username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1)));
    }

    public String signInWithoutToken(String username, String password) throws Exception {
        return postForm("username=" + encode(username) + "&password=" + encode(password));
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A POST as a script in the signed-in browser would send it, without the page's CSRF header. */
    public HttpResponse<String> post(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private String postForm(String form) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
