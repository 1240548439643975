package org.jiuquan.grassroots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jiuquan.grassroots.security.ApiTokenService;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests against the running app, as a GIS client would call it. */
public final class Http {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String @Nullable [] defaultHeaders;

    /** Anonymous: only health and static files answer. */
    public Http(int port) {
        this("http://localhost:" + port, null);
    }

    private Http(String base, String @Nullable [] defaultHeaders) {
        this.base = base;
        this.defaultHeaders = defaultHeaders;
    }

    /** Requests as the user of this API token, as a GIS client sends it. */
    public Http withToken(String token) {
        return new Http(base, new String[] {"Authorization", "Bearer " + token});
    }

    /** Requests as one of the demo accounts (a fresh API token of that user). */
    public static Http as(int port, ApiTokenService tokens, String username) {
        return new Http(port).withToken(tokens.issue(username, "test"));
    }

    public HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
        if (defaultHeaders != null) {
            request.header(defaultHeaders[0], defaultHeaders[1]);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST with a body of the given content type (empty body: no content type). */
    public HttpResponse<byte[]> post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (defaultHeaders != null) {
            request.header(defaultHeaders[0], defaultHeaders[1]);
        }
        return send(request);
    }

    /** Any method with a body of the given content type (empty: none), and extra headers. */
    public HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (defaultHeaders != null) {
            request.header(defaultHeaders[0], defaultHeaders[1]);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public JsonNode json(String path, String... headers) {
        HttpResponse<byte[]> response = get(path, headers);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " gave " + response.statusCode() + ": " + new String(response.body()));
        }
        return JsonMapper.shared().readTree(response.body());
    }

    public static JsonNode parse(HttpResponse<byte[]> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
