package org.jiuquan.grassroots.web;

import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

/** Refuses query parameters an endpoint does not know, so a misspelt filter is an error, not ignored. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static void allowOnly(HttpServletRequest request, Set<String> allowed) {
        for (String name : request.getParameterMap().keySet()) {
            if (!allowed.contains(name)) {
                String list = allowed.isEmpty() ? "-" : String.join(", ", new TreeSet<>(allowed));
                throw ApiProblem.badRequest("problem.unknown-parameter", name, list);
            }
        }
    }
}
