package org.jiuquan.grassroots.imports;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jiuquan.grassroots.Http;

/** A multipart/form-data upload of one file in the field {@code file}, as a browser's form sends it. */
final class Multipart {

    private static final String BOUNDARY = "----jiuquan-test-boundary";
    static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private Multipart() {
    }

    static HttpResponse<byte[]> upload(Http http, String path, String fileName, byte[] bytes) {
        return http.post(path, CONTENT_TYPE, body(fileName, bytes));
    }

    /** The request body for {@link #CONTENT_TYPE}, for clients other than {@link Http}. */
    static byte[] body(String fileName, byte[] bytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
