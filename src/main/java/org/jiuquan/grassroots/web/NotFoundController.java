package org.jiuquan.grassroots.web;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Paths under /ogc and /api that no endpoint serves. Because this catch-all takes every method and content
 * type, Spring would answer 404 even where the path exists; so it first asks the other endpoints whether
 * the path is theirs: a path served with other methods gets 405 with {@code Allow}, one that takes another
 * body type gets 415. Only a path nobody serves gets 404. Every answer is a problem in the caller's language.
 */
@RestController
@Order(Ordered.LOWEST_PRECEDENCE)
class NotFoundController {

    private final RequestMappingHandlerMapping mappings;

    NotFoundController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping({"/ogc/**", "/api/**"})
    void unknownPath(HttpServletRequest request) {
        Set<String> allowed = new TreeSet<>();
        Set<String> consumed = new LinkedHashSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (isThisController(handler) || info.getPathPatternsCondition() == null
                    || info.getPathPatternsCondition().getMatchingCondition(request) == null) {
                return;
            }
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            allowed.addAll(methods);
            if (methods.isEmpty() || methods.contains(request.getMethod())) {
                addConsumed(info, consumed);
            }
        });
        if (!consumed.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.unsupported-media-type",
                    String.valueOf(request.getContentType()), String.join(", ", consumed));
        }
        if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
            throw new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "problem.method-not-allowed",
                    request.getMethod(), String.join(", ", allowed))
                    .withHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
        }
        throw ApiProblem.notFound("problem.unknown-path", request.getRequestURI());
    }

    private static void addConsumed(RequestMappingInfo info, Set<String> consumed) {
        for (MediaType type : info.getConsumesCondition().getConsumableMediaTypes()) {
            consumed.add(type.toString());
        }
    }

    private static boolean isThisController(HandlerMethod handler) {
        return handler.getBeanType() == NotFoundController.class;
    }
}
