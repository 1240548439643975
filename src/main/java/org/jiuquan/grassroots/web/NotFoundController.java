package org.jiuquan.grassroots.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** Paths under /ogc and /api that no endpoint serves: a 404 problem, not the UI's HTML page. */
@RestController
@Order(Ordered.LOWEST_PRECEDENCE)
class NotFoundController {

    @RequestMapping({"/ogc/**", "/api/**"})
    void unknownPath(HttpServletRequest request) {
        throw ApiProblem.notFound("problem.unknown-path", request.getRequestURI());
    }
}
