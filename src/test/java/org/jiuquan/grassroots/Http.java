package org.jiuquan.grassroots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests against the running app, as a GIS client would call it. */
public final class Http {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
