package org.jiuquan.grassroots.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an organisation is, with the OGC collection that serves it. Villages and community grid branches
 * are the party branches the dashboard and the analyses are about; enterprises and social organisations
 * are drawn for context.
 */
public enum OrganisationKind {
    VILLAGE("village", "villages", true),
    GRID_BRANCH("grid_branch", "grid-branches", true),
    ENTERPRISE("enterprise", "enterprises", false),
    SOCIAL_ORG("social_org", "social-organisations", false);

    /** Every code, in this order. */
    public static final List<String> CODES = Arrays.stream(values()).map(OrganisationKind::code).toList();

    /** The codes of the party branches (villages and community grid branches). */
    public static final List<String> BRANCH_CODES = Arrays.stream(values()).filter(OrganisationKind::branch)
            .map(OrganisationKind::code).toList();

    private final String code;
    private final String collection;
    private final boolean branch;

    OrganisationKind(String code, String collection, boolean branch) {
        this.code = code;
        this.collection = collection;
        this.branch = branch;
    }

    public String code() {
        return code;
    }

    /** The id of the OGC collection (and map layer) that serves this kind. */
    public String collection() {
        return collection;
    }

    public boolean branch() {
        return branch;
    }

    public static Optional<OrganisationKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    public static Optional<OrganisationKind> fromCollection(String collection) {
        return Arrays.stream(values()).filter(k -> k.collection.equals(collection)).findFirst();
    }

    /** The SQL condition "this kind expression is a party branch": {@code <expression> IN ('village', 'grid_branch')}. */
    public static String branchSql(String expression) {
        return expression + " IN " + BRANCH_CODES.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}
