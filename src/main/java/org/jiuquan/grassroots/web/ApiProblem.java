package org.jiuquan.grassroots.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with a message key of messages.properties and its arguments; the advice
 * turns it into an RFC 9457 problem in the caller's language.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] arguments;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public static ApiProblem badRequest(String messageKey, Object... arguments) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, messageKey, arguments);
    }

    public static ApiProblem notFound(String messageKey, Object... arguments) {
        return new ApiProblem(HttpStatus.NOT_FOUND, messageKey, arguments);
    }

    /** A response header the problem carries (Allow on a 405, Retry-After on a 503). */
    public ApiProblem withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
