package org.jiuquan.grassroots.web;

import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.jiuquan.grassroots.geo.Bbox;

/**
 * Refuses query parameters an endpoint does not know, so a misspelt filter is an error, not ignored; and
 * reads the parameters every endpoint shares the same way, with the same zh/en problems.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static void allowOnly(HttpServletRequest request, Set<String> allowed) {
        allowOnly(request.getParameterMap().keySet(), allowed);
    }

    /**
     * The one check of parameter names, for a request or for parameters already read from one.
     *
     * @throws ApiProblem 400 problem.unknown-parameter (zh/en) naming the first unknown one and those allowed
     */
    public static void allowOnly(java.util.Collection<String> names, Set<String> allowed) {
        for (String name : names) {
            if (!allowed.contains(name)) {
                String list = allowed.isEmpty() ? "-" : String.join(", ", new TreeSet<>(allowed));
                throw ApiProblem.badRequest("problem.unknown-parameter", name, list);
            }
        }
    }

    /**
     * A {@code bbox} parameter, read as everywhere ({@link Bbox#tryParse}).
     *
     * @throws ApiProblem 400 problem.bad-bbox (zh/en) naming the text, for anything that is not such a box
     */
    public static Bbox bbox(String text) {
        return Bbox.tryParse(text).orElseThrow(() -> ApiProblem.badRequest("problem.bad-bbox", text));
    }
}
