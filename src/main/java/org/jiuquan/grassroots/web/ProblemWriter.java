package org.jiuquan.grassroots.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem straight to a response, for answers given before Spring MVC is reached
 * (servlet filters): Chinese unless the client asks for English, as everywhere in the API.
 */
@Component
public class ProblemWriter {

    private final MessageSource messages;

    ProblemWriter(MessageSource messages) {
        this.messages = messages;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
                      Object... arguments) throws IOException {
        Locale locale = locale(request);
        // The members RFC 9457 defines, as Spring MVC writes them (no null members).
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(key, arguments, key, locale));
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(problem));
    }

    /** English when Accept-Language prefers it or the query says lang=en; Chinese otherwise. */
    public static Locale locale(HttpServletRequest request) {
        boolean english = "en".equals(request.getParameter("lang"))
                || request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage());
        return english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
